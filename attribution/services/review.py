"""Editors' decisions on quotes. Each one is versioned, audited, and refused if it would overwrite a change
the editor has not seen."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from attribution.models import ArticleOpen, Outlet, Quote, ReviewEvent, Speaker

AUDITED_FIELDS = ("status", "kind", "speaker_text", "role", "outlet_text", "start", "end")


class ReviewConflict(Exception):
    """The quote changed since the editor loaded it."""

    def __init__(self, current: Quote):
        super().__init__(f"Quote {current.pk} was changed by someone else (now version {current.version}).")
        self.current = current


class InvalidSpan(ValueError):
    """Offsets that do not select text of the article, or that another quote already has."""


def _move_span(quote: Quote, start: int, end: int) -> None:
    body = quote.article.body
    if not 0 <= start < end <= len(body):
        raise InvalidSpan(f"The span must start before it ends and end within the article ({len(body)} characters).")
    if Quote.objects.filter(article_id=quote.article_id, start=start, end=end).exclude(pk=quote.pk).exists():
        raise InvalidSpan("Another quote of this article has exactly that span.")
    quote.start, quote.end, quote.text = start, end, body[start:end]


class NothingToUndo(Exception):
    """The quote has no recorded action to take back."""


def snapshot(quote: Quote) -> dict:
    values = {name: getattr(quote, name) for name in AUDITED_FIELDS}
    values["reviewed_by"] = quote.reviewed_by.get_username() if quote.reviewed_by else None
    values["reviewed_at"] = quote.reviewed_at.isoformat() if quote.reviewed_at else None
    values["version"] = quote.version
    return values


def _locked(quote: Quote, expected_version: int) -> Quote:
    current = Quote.objects.select_for_update(of=("self",)).select_related("reviewed_by").get(pk=quote.pk)
    if current.version != expected_version:
        raise ReviewConflict(current)
    return current


def _link_registry(quote: Quote, speaker_kind: str = "") -> None:
    """Tie the reviewed names to the speaker and outlet registries, creating entries for new names."""
    quote.speaker = None
    if quote.speaker_text:
        known = Speaker.objects.matching(quote.speaker_text)
        quote.speaker = (
            known.canonical()
            if known
            else Speaker.objects.create(
                name=quote.speaker_text, kind=speaker_kind or quote.extracted_speaker_kind or Speaker.Kind.PERSON
            )
        )
    quote.outlet = None
    if quote.outlet_text:
        quote.outlet = Outlet.objects.matching(quote.outlet_text) or Outlet.objects.create(name=quote.outlet_text)


def _audit(quote: Quote, *, user, action: str, before: dict) -> None:
    ReviewEvent.objects.create(
        quote=quote, article_id=quote.article_id, user=user, action=action, before=before, after=snapshot(quote)
    )


def _record(quote: Quote, *, user, action: str, before: dict, status: str) -> Quote:
    quote.status = status
    quote.reviewed_by = user
    quote.reviewed_at = timezone.now()
    quote.version += 1
    quote.save()
    _audit(quote, user=user, action=action, before=before)
    return quote


@transaction.atomic
def quote_confirm(*, quote: Quote, user, expected_version: int) -> Quote:
    quote = _locked(quote, expected_version)
    before = snapshot(quote)
    _link_registry(quote)
    return _record(quote, user=user, action=ReviewEvent.Action.CONFIRM, before=before, status=Quote.Status.CONFIRMED)


@transaction.atomic
def quote_reject(*, quote: Quote, user, expected_version: int) -> Quote:
    quote = _locked(quote, expected_version)
    before = snapshot(quote)
    return _record(quote, user=user, action=ReviewEvent.Action.REJECT, before=before, status=Quote.Status.REJECTED)


@transaction.atomic
def quote_edit(
    *,
    quote: Quote,
    user,
    expected_version: int,
    speaker: str,
    role: str,
    outlet: str,
    kind: str,
    start: int | None = None,
    end: int | None = None,
) -> Quote:
    """Save an editor's correction; the quote counts as corrected only if something actually changed."""
    quote = _locked(quote, expected_version)
    before = snapshot(quote)
    quote.speaker_text = " ".join(speaker.split())
    quote.role = " ".join(role.split())
    quote.outlet_text = " ".join(outlet.split())
    quote.kind = kind
    if start is not None and end is not None and (start, end) != (quote.start, quote.end):
        _move_span(quote, start, end)
    _link_registry(quote)
    changed = any(
        before[name] != getattr(quote, name) for name in ("kind", "speaker_text", "role", "outlet_text", "start", "end")
    )
    if quote.status == Quote.Status.ADDED:
        status = Quote.Status.ADDED
    elif changed or quote.status == Quote.Status.CORRECTED:
        status = Quote.Status.CORRECTED
    else:
        status = Quote.Status.CONFIRMED
    return _record(quote, user=user, action=ReviewEvent.Action.EDIT, before=before, status=status)


@transaction.atomic
def quote_undo(*, quote: Quote, user, expected_version: int) -> Quote:
    """Put back the values the quote had before its latest recorded action; the undo is itself an action."""
    quote = _locked(quote, expected_version)
    last = quote.events.order_by("-created_at", "-id").first()
    if last is None:
        raise NothingToUndo(f"Quote {quote.pk} has no action to undo.")
    before = snapshot(quote)
    previous = last.before
    for name in AUDITED_FIELDS:
        setattr(quote, name, previous[name])
    reviewer = previous.get("reviewed_by")
    quote.reviewed_by = get_user_model().objects.filter(username=reviewer).first() if reviewer else None
    quote.reviewed_at = parse_datetime(previous["reviewed_at"]) if previous.get("reviewed_at") else None
    if quote.is_reviewed:
        _link_registry(quote)
    else:
        quote.speaker = quote.outlet = None
    quote.version += 1
    quote.save()
    _audit(quote, user=user, action=ReviewEvent.Action.UNDO, before=before)
    return quote


@transaction.atomic
def article_confirm_remaining(*, article, user) -> int:
    """Confirm every quote of the article still pending, each recorded as its own confirmation."""
    pending = Quote.objects.select_for_update(of=("self",)).filter(article=article, status=Quote.Status.PENDING)
    count = 0
    for quote in pending.select_related("reviewed_by"):
        quote_confirm(quote=quote, user=user, expected_version=quote.version)
        count += 1
    return count


@transaction.atomic
def quote_add(*, article, user, start: int, end: int, speaker: str, role: str, outlet: str, kind: str) -> Quote:
    """A quote the engine missed, marked out by an editor in the article text."""
    quote = Quote(article=article, kind=kind, status=Quote.Status.ADDED, cue="")
    _move_span(quote, start, end)
    quote.speaker_text = " ".join(speaker.split())
    quote.role = " ".join(role.split())
    quote.outlet_text = " ".join(outlet.split())
    _link_registry(quote)
    quote.reviewed_by = user
    quote.reviewed_at = timezone.now()
    quote.save()
    _audit(quote, user=user, action=ReviewEvent.Action.ADD, before={})
    return quote


class NotDeletable(Exception):
    """Only quotes an editor added can be deleted; rejected extractions stay for the record."""


@transaction.atomic
def quote_delete(*, quote: Quote, user, expected_version: int) -> None:
    quote = _locked(quote, expected_version)
    if quote.status != Quote.Status.ADDED:
        raise NotDeletable("Only quotes added by an editor can be deleted; reject an extracted quote instead.")
    before = snapshot(quote) | {"text": quote.text, "quote_id": quote.pk}
    ReviewEvent.objects.create(
        quote=None, article_id=quote.article_id, user=user, action=ReviewEvent.Action.DELETE, before=before, after={}
    )
    quote.delete()


def article_opened(*, article, user) -> None:
    """Note that an editor has the article open, so the queue offers others something else for a while."""
    ArticleOpen.objects.update_or_create(article=article, user=user, defaults={"opened_at": timezone.now()})
