"""htmx endpoints of the review actions declared in attribution/review_actions.py. Each answers with the quote's
card and, out of band, the progress; where the quote is gone (deleted, or an addition undone), with both panes."""

from collections.abc import Callable
from typing import Protocol

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from attribution.feedback import form_errors
from attribution.forms import QuoteAddForm, QuoteEditForm
from attribution.http import HtmxHttpRequest, review_required
from attribution.models import Article, Quote
from attribution.review_actions import ACTIONS, CONFIRM, DELETE, REJECT, UNDO
from attribution.selectors.review import (
    add_proposal,
    quote_for_card,
    quote_history,
    review_context,
    reviewed_card,
    selected_span,
    span_words,
)
from attribution.services.errors import ServiceError
from attribution.services.review import (
    CORRECTABLE,
    ReviewConflict,
    Undone,
    article_confirm_remaining,
    article_redo,
    article_undo,
    quote_add,
    quote_confirm,
    quote_correct,
    quote_delete,
    quote_edit,
    quote_reject,
    quote_span_nudge,
    quote_span_set,
    quote_undo,
)


class QuoteService(Protocol):
    def __call__(self, *, quote: Quote, user: User, expected_version: int) -> Quote | None: ...


class ArticleUndoService(Protocol):
    def __call__(self, *, article: Article, user: User) -> Undone: ...


# The actions sent at once from a card (the others open a form): each name's service.
SERVICES: dict[str, QuoteService] = {
    CONFIRM.name: quote_confirm,
    REJECT.name: quote_reject,
    UNDO.name: quote_undo,
    DELETE.name: quote_delete,
}
# Those that always leave the quote in place (an undo may remove a quote an editor added).
KEEPING = frozenset({CONFIRM.name, REJECT.name})


def _card(
    request: HtmxHttpRequest,
    quote: Quote,
    *,
    conflict: ReviewConflict | None = None,
    form: QuoteEditForm | None = None,
    notice: str = "",
    status: str = "",
    reviewed: bool = False,
) -> TemplateResponse:
    """The card and, out of band, the progress and what happened, for the page's live region. The quote is
    read afresh, unless reviewed: exactly as a review service just left it."""
    context = {
        **(reviewed_card(quote) if reviewed else quote_for_card(quote.pk)),
        "conflict": conflict,
        "form": form,
        "notice": notice,
        "status": status or notice,
    }
    return TemplateResponse(request, "articles/detail.html#quote-updated", context)


def _panes(request: HtmxHttpRequest, article: Article, *, status: str, select: int | None = None) -> HttpResponse:
    """Both panes, the text and every card, in place of the review area (a quote appeared or went), with
    what happened for the live region and the quote the desk should select."""
    context = review_context(article) | {"status": status, "select": select}
    response = TemplateResponse(request, "articles/detail.html#panes-updated", context)
    return reswap(retarget(response, "#review"), "outerHTML")


def _status(request: HtmxHttpRequest, status: str) -> HttpResponse:
    """Only the live region's message: nothing else on the page changes."""
    response = TemplateResponse(request, "articles/detail.html#status-updated", {"status": status})
    return reswap(response, "none")


def _version(request: HtmxHttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


@login_required
@review_required
@require_POST
def act(request: HtmxHttpRequest, pk: int, action: str) -> HttpResponse:
    """Apply one of SERVICES to a quote. The service reads and locks the quote itself (a confirm reads nothing
    here); only an action that can remove it reads its article first, for the page it then repaints."""
    quote = Quote(pk=pk) if action in KEEPING else get_object_or_404(Quote.objects.only("id", "article_id"), pk=pk)
    try:
        acted = SERVICES[action](quote=quote, user=request.user, expected_version=_version(request))
    except Quote.DoesNotExist:
        raise Http404("No such quote.") from None
    except ReviewConflict as conflict:
        return _card(request, conflict.current, conflict=conflict)
    except ServiceError as error:
        return _card(request, quote, notice=error.message)
    done = f"{ACTIONS[action].done}."
    # An undo may move a span or change a speaker, which repaints the text and other cards' colours.
    if acted is None or action == UNDO.name:
        article = get_object_or_404(Article, pk=quote.article_id)
        return _panes(request, article, status=done, select=acted.pk if acted else None)
    return _card(request, acted, status=done, reviewed=True)


@login_required
@review_required
@require_GET
def history(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    quote = get_object_or_404(Quote, pk=pk)
    return TemplateResponse(request, "articles/detail.html#history", {"quote": quote, "events": quote_history(quote)})


@login_required
@review_required
@require_POST
def confirm_remaining(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    article_confirm_remaining(article=article, user=request.user)
    return TemplateResponse(request, "articles/detail.html#cards", review_context(article))


@login_required
@review_required
@require_http_methods(["GET", "POST"])
def add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The form for a quote the engine missed (its span from the editor's selection), and saving it."""
    article = get_object_or_404(Article, pk=pk)
    if request.method == "GET":
        start, end = selected_span(article, request.GET.get("start"), request.GET.get("end"))
        proposed = add_proposal(article, start, end) if start is not None and end is not None else {}
        initial = {"start": start, "end": end, "kind": Quote.Kind.DIRECT, **proposed}
        form = QuoteAddForm(initial=initial, article=article)
    else:
        form = QuoteAddForm(request.POST, article=article)
        if form.is_valid():
            try:
                added = quote_add(article=article, user=request.user, correction=form.correction())
            except ServiceError as error:
                form_errors(form, error)
            else:
                return _panes(request, article, status="Added.", select=added.pk)
    words = span_words(article, form["start"].value(), form["end"].value())
    context = {"form": form, "article": article, "words": words}
    return TemplateResponse(request, "articles/detail.html#add-form", context)


@login_required
@review_required
@require_GET
def card(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _card(request, get_object_or_404(Quote.objects.only("id", "article_id"), pk=pk))


@login_required
@review_required
@require_http_methods(["GET", "POST"])
def edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    quote = get_object_or_404(Quote, pk=pk)
    if request.method == "GET":
        return _card(request, quote, form=QuoteEditForm(quote=quote))
    form = QuoteEditForm(request.POST, quote=quote)
    if form.is_valid():
        try:
            edited = quote_edit(
                quote=quote,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                correction=form.correction(),
            )
        except ReviewConflict as conflict:
            return _card(request, conflict.current, conflict=conflict)
        except ServiceError as error:
            form_errors(form, error)
        else:
            # A correction may move the span or change the speaker: the text and every card's colour repaint.
            article = get_object_or_404(Article, pk=edited.article_id)
            return _panes(request, article, status=f"{edited.get_status_display()}.", select=edited.pk)
    return _card(request, quote, form=form)


@login_required
@review_required
@require_POST
def correct(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """One value set from the desk without the form: a name picked from the text, a kind by its key."""
    quote = get_object_or_404(Quote.objects.only("id", "article_id"), pk=pk)
    changes = {field: request.POST[field] for field in CORRECTABLE if field in request.POST}
    try:
        corrected = quote_correct(quote=quote, user=request.user, expected_version=_version(request), changes=changes)
    except ReviewConflict as conflict:
        return _card(request, conflict.current, conflict=conflict)
    except ServiceError as error:
        return _card(request, quote, notice=error.message)
    # The role too where a new speaker brought the one the article gives them.
    told = {**changes, "role": corrected.role} if "speaker" in changes else changes
    said = "; ".join(f"{field} {value or 'cleared'}" for field, value in told.items())
    article = get_object_or_404(Article, pk=corrected.article_id)
    return _panes(request, article, status=f"{corrected.get_status_display()}: {said}.", select=corrected.pk)


def _respan(request: HtmxHttpRequest, quote: Quote, move: Callable[[int], Quote]) -> HttpResponse:
    """A span moved from the desk (move takes the version the editor saw): both panes redrawn, the text
    with its new highlight, or the card with why not."""
    try:
        moved = move(_version(request))
    except ReviewConflict as conflict:
        return _card(request, conflict.current, conflict=conflict)
    except ServiceError as error:
        return _card(request, quote, notice=error.message)
    article = get_object_or_404(Article, pk=moved.article_id)
    return _panes(request, article, status=f"The quote now reads “{moved.text}”.", select=moved.pk)


@login_required
@review_required
@require_POST
def nudge(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """One edge of the span moved by a word from the keyboard."""
    quote = get_object_or_404(Quote.objects.only("id", "article_id"), pk=pk)
    try:
        words = int(request.POST.get("words", ""))
    except ValueError:
        words = 0
    edge = request.POST.get("edge", "")
    return _respan(
        request,
        quote,
        lambda version: quote_span_nudge(
            quote=quote, user=request.user, expected_version=version, edge=edge, words=words
        ),
    )


@login_required
@review_required
@require_POST
def respan(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The quote moved onto the words selected in the article (snapped to whole words)."""
    quote = get_object_or_404(Quote.objects.select_related("article"), pk=pk)
    start, end = selected_span(quote.article, request.POST.get("start"), request.POST.get("end"))
    if start is None or end is None:
        return _card(request, quote, notice="Select the quoted words in the article first.")
    return _respan(
        request,
        quote,
        lambda version: quote_span_set(quote=quote, user=request.user, expected_version=version, start=start, end=end),
    )


def _undo_or_redo(request: HtmxHttpRequest, pk: int, service: ArticleUndoService) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    try:
        undone = service(article=article, user=request.user)
    except ServiceError as error:
        return _status(request, error.message)
    return _panes(request, article, status=undone.message(), select=undone.quote.pk if undone.quote else None)


@login_required
@review_required
@require_POST
def undo_mine(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The editor's own latest action on the article, taken back."""
    return _undo_or_redo(request, pk, article_undo)


@login_required
@review_required
@require_POST
def redo_mine(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _undo_or_redo(request, pk, article_redo)
