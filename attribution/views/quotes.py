"""htmx endpoints acting on one quote card. Each answers with the card and, out of band, the progress."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from attribution.forms import QuoteAddForm, QuoteEditForm
from attribution.highlight import paint
from attribution.models import Article, Quote
from attribution.selectors import article_progress, review_context
from attribution.services.review import (
    InvalidSpan,
    NotDeletable,
    NothingToUndo,
    ReviewConflict,
    article_confirm_remaining,
    quote_add,
    quote_confirm,
    quote_delete,
    quote_edit,
    quote_reject,
    quote_undo,
)

review_required = permission_required("attribution.change_quote", raise_exception=True)


def _card(
    request,
    quote: Quote,
    *,
    conflict: ReviewConflict | None = None,
    form=None,
    notice: str = "",
    has_history: bool | None = None,
):
    """The card and, out of band, the progress. Works from article_id alone: the article's body (up to a
    megabyte) is never loaded for a card."""
    quote.has_history = quote.events.exists() if has_history is None else has_history
    siblings = Quote.objects.filter(article_id=quote.article_id).only("id", "speaker_text").order_by("start", "id")
    quote.colour = next(q.colour for q in paint(siblings) if q.pk == quote.pk)
    return TemplateResponse(
        request,
        "articles/detail.html#quote-updated",
        {
            "quote": quote,
            "progress": article_progress(quote.article_id),
            "conflict": conflict,
            "form": form,
            "notice": notice,
        },
    )


def _version(request) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _act(request, pk: int, action):
    # The service locks and reads the quote itself; only its existence is checked here.
    quote = get_object_or_404(Quote.objects.only("id", "article_id"), pk=pk)
    try:
        quote = action(quote=quote, user=request.user, expected_version=_version(request))
    except ReviewConflict as conflict:
        return _card(request, conflict.current, conflict=conflict)
    except NothingToUndo:
        return _card(request, Quote.objects.get(pk=pk), notice="Nothing to undo on this quote.", has_history=False)
    # Every action is recorded, so the card now has a history to show and undo.
    return _card(request, quote, has_history=True)


def _action_view(action):
    """A POST endpoint applying one review service to a quote and answering with its card."""

    @login_required
    @review_required
    @require_POST
    def view(request, pk: int):
        return _act(request, pk, action)

    return view


confirm = _action_view(quote_confirm)
reject = _action_view(quote_reject)
undo = _action_view(quote_undo)


@login_required
@review_required
@require_GET
def history(request, pk: int):
    quote = get_object_or_404(Quote, pk=pk)
    events = quote.events.select_related("user").order_by("-created_at", "-id")
    return TemplateResponse(request, "articles/detail.html#history", {"quote": quote, "events": events})


@login_required
@review_required
@require_POST
def confirm_remaining(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    article_confirm_remaining(article=article, user=request.user)
    return TemplateResponse(request, "articles/detail.html#cards", review_context(article))


@login_required
@review_required
@require_http_methods(["GET", "POST"])
def add(request, pk: int):
    """The form for a quote the engine missed (its span from the editor's selection), and saving it."""
    article = get_object_or_404(Article, pk=pk)
    if request.method == "GET":
        form = QuoteAddForm(
            initial={"start": request.GET.get("start"), "end": request.GET.get("end"), "kind": Quote.Kind.DIRECT},
            article=article,
        )
        return TemplateResponse(request, "articles/detail.html#add-form", {"form": form, "article": article})
    form = QuoteAddForm(request.POST, article=article)
    if form.is_valid():
        data = form.cleaned_data
        try:
            quote_add(
                article=article,
                user=request.user,
                start=data["start"],
                end=data["end"],
                speaker=data["speaker"],
                role=data["role"],
                outlet=data["outlet"],
                kind=data["kind"],
            )
        except InvalidSpan as exc:
            form.add_error(None, str(exc))
        else:
            # Saved: the text and every card change, so the response replaces both panes.
            response = TemplateResponse(request, "articles/detail.html#review-panes", review_context(article))
            return reswap(retarget(response, "#review"), "outerHTML")
    return TemplateResponse(request, "articles/detail.html#add-form", {"form": form, "article": article})


@login_required
@review_required
@require_POST
def delete(request, pk: int):
    quote = get_object_or_404(Quote.objects.select_related("article"), pk=pk)
    try:
        quote_delete(quote=quote, user=request.user, expected_version=_version(request))
    except ReviewConflict as conflict:
        return _card(request, conflict.current, conflict=conflict)
    except NotDeletable as exc:
        return _card(request, quote, notice=str(exc))
    return TemplateResponse(request, "articles/detail.html#review-panes", review_context(quote.article))


@login_required
@review_required
@require_GET
def card(request, pk: int):
    return _card(request, get_object_or_404(Quote.objects.select_related("article"), pk=pk))


@login_required
@review_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    quote = get_object_or_404(Quote.objects.select_related("article"), pk=pk)
    if request.method == "GET":
        return _card(request, quote, form=QuoteEditForm(quote=quote))
    form = QuoteEditForm(request.POST, quote=quote)
    if not form.is_valid():
        return _card(request, quote, form=form)
    data = form.cleaned_data
    try:
        quote = quote_edit(
            quote=quote,
            user=request.user,
            expected_version=data["version"],
            speaker=data["speaker"],
            role=data["role"],
            outlet=data["outlet"],
            kind=data["kind"],
            start=data["start"],
            end=data["end"],
        )
    except ReviewConflict as conflict:
        return _card(request, conflict.current, conflict=conflict)
    except InvalidSpan as exc:
        form.add_error(None, str(exc))
        return _card(request, quote, form=form)
    return _card(request, quote)
