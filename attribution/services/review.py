"""Editors' decisions on quotes, as declared in attribution/review_actions.py. Each is versioned, audited, and
refused if it would overwrite a change the editor has not seen."""

from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from attribution.models import Article, ArticleOpen, Outlet, Quote, ReviewEvent, Speaker
from attribution.review_actions import ACTIONS, ADD, CONFIRM, DELETE, EDIT, REJECT, UNDO, ReviewAction, Undo
from attribution.selectors.articles import next_article_to_review
from attribution.selectors.review import article_entities, text_role
from attribution.services.errors import ServiceError
from attribution.services.registry import registry_entry
from attribution.services.statements import statement_refresh, statements_queue
from attribution.text import fold_whitespace, snap_to_words, word_step

AUDITED_FIELDS = ("status", "kind", "speaker_text", "role", "outlet_text", "start", "end")
# What an editor can change; an edit that changes none of them confirms the quote as it stands.
EDITED_FIELDS = ("kind", "speaker_text", "role", "outlet_text", "start", "end")


class ReviewConflict(ServiceError):
    """The quote changed since the editor loaded it."""

    def __init__(self, current: Quote) -> None:
        super().__init__(f"Quote {current.pk} was changed by someone else (now version {current.version}).")
        self.current = current


class InvalidSpan(ServiceError):
    """Offsets that do not select text of the article, or that another quote already has."""


class NothingToUndo(ServiceError):
    """The quote has no recorded action to take back."""


class NotDeletable(ServiceError):
    """Only quotes an editor added can be deleted; rejected extractions stay for the record."""


class CorrectionRefused(ServiceError):
    """What an editor typed cannot be saved, each problem on its field (None: the span): a span that selects
    no text of the article or another quote's, or names the registries do not know with no say-so to add them
    (a new registry entry is made only on purpose, never by a typo)."""

    def __init__(self, problems: dict[str | None, str]) -> None:
        super().__init__(" ".join(problems.values()), field=next(iter(problems)))
        self.problems = problems

    def field_messages(self) -> list[tuple[str | None, str]]:
        return list(self.problems.items())


@dataclass(frozen=True)
class Correction:
    """The values an editor gives a quote, editing it or adding one the engine missed. new_speaker and
    new_outlet allow a name the registry does not know yet to enter it."""

    speaker: str
    role: str
    outlet: str
    kind: str
    start: int | None = None
    end: int | None = None
    new_speaker: bool = False
    new_outlet: bool = False
    speaker_kind: str = ""  # what the speaker is (a person, an organisation...), if the editor says


def _as_it_stands(quote: Quote) -> Correction:
    """The quote's current values as a correction, for one that changes only some of them."""
    return Correction(speaker=quote.speaker_text, role=quote.role, outlet=quote.outlet_text, kind=quote.kind)


def snapshot(quote: Quote) -> dict[str, Any]:
    values = {name: getattr(quote, name) for name in AUDITED_FIELDS}
    values["reviewed_by"] = quote.reviewed_by.get_username() if quote.reviewed_by else None
    values["reviewed_at"] = quote.reviewed_at.isoformat() if quote.reviewed_at else None
    values["version"] = quote.version
    # What the registry says the speaker is: an edit may change it, and its undo must change it back.
    values["speaker_kind"] = quote.speaker.kind if quote.speaker else ""
    return values


def _locked(quote: Quote, expected_version: int) -> Quote:
    current = Quote.objects.select_for_update(of=("self",)).select_related("reviewed_by").get(pk=quote.pk)
    if current.version != expected_version:
        raise ReviewConflict(current)
    return current


def _move_span(quote: Quote, start: int, end: int) -> None:
    """Give the quote the words of the article at [start, end), snapped to whole words."""
    body = quote.article.body
    if 0 <= start < end <= len(body):
        start, end = snap_to_words(body, start, end)
    if not 0 <= start < end <= len(body):
        raise InvalidSpan(f"The span must start before it ends and end within the article ({len(body)} characters).")
    if Quote.objects.filter(article_id=quote.article_id, start=start, end=end).exclude(pk=quote.pk).exists():
        raise InvalidSpan(SAME_SPAN)
    quote.start, quote.end, quote.text = start, end, body[start:end]


def _apply(quote: Quote, correction: Correction) -> None:
    """Set the editor's values on the quote, or refuse them with every problem at once."""
    typed = {"speaker": fold_whitespace(correction.speaker), "outlet": fold_whitespace(correction.outlet)}
    problems: dict[str | None, str] = {
        field: f"“{name}” is not in the {field} registry: pick a suggestion, or tick “Add as a new {field}”."
        for field, name, current, registry, allowed in (
            ("speaker", typed["speaker"], quote.speaker_text, Speaker.objects, correction.new_speaker),
            ("outlet", typed["outlet"], quote.outlet_text, Outlet.objects, correction.new_outlet),
        )
        if name and name != current and not allowed and registry.matching(name) is None and not _named_in(quote, name)
    }
    if correction.kind not in Quote.Kind.values:
        problems["kind"] = f"“{correction.kind}” is not a kind of quote."
    start, end = correction.start, correction.end
    if start is not None and end is not None and (start, end) != (quote.start, quote.end):
        try:
            _move_span(quote, start, end)
        except InvalidSpan as error:
            problems[None] = error.message
    if problems:
        raise CorrectionRefused(problems)
    quote.speaker_text, quote.outlet_text = typed["speaker"], typed["outlet"]
    quote.role = fold_whitespace(correction.role)
    quote.kind = correction.kind


def _named_in(quote: Quote, name: str) -> bool:
    """Whether the quote's article gives this name (the engine's people and organisations, or the names on
    its quotes): taken from the text, a name is its own say-so to enter the registry; a typo is not."""
    wanted = name.casefold()
    if any(entity["name"].casefold() == wanted for entity in article_entities(quote.article_id)):
        return True
    names = Quote.objects.filter(article_id=quote.article_id).values_list("speaker_text", "outlet_text")
    return any(wanted in (speaker.casefold(), outlet.casefold()) for speaker, outlet in names)


def _link_registry(quote: Quote) -> None:
    """Tie the reviewed names to the speaker and outlet registries, creating entries for new names."""
    quote.speaker = None
    if quote.speaker_text:
        kind = quote.extracted_speaker_kind or Speaker.Kind.PERSON
        quote.speaker = registry_entry(Speaker, quote.speaker_text, kind=kind).canonical()
    quote.outlet = registry_entry(Outlet, quote.outlet_text) if quote.outlet_text else None


def _set_speaker_kind(quote: Quote, kind: str) -> None:
    """Make the quote's registry speaker the kind the editor says, for all their quotes. The registry keeps
    one entry per name and kind: where one of that name and kind exists already, the quote is linked to it."""
    speaker = quote.speaker
    if not kind or speaker is None or speaker.kind == kind:
        return
    if kind not in Speaker.Kind.values:
        raise CorrectionRefused({"speaker_kind": f"“{kind}” is not a kind of speaker."})
    twin = Speaker.objects.filter(name__iexact=speaker.name, kind=kind).exclude(pk=speaker.pk).first()
    if twin is not None:
        quote.speaker = twin.canonical()
    else:
        Speaker.objects.filter(pk=speaker.pk).update(kind=kind)
        speaker.kind = kind


def _audit(
    quote: Quote,
    *,
    user: User,
    action: ReviewAction,
    before: dict[str, Any],
    undoes: ReviewEvent | None = None,
    removed: bool = False,
) -> None:
    """Record the action on the quote: what it was before, what it is after (nothing, once removed; the event
    then outlives the quote). Its statement is matched again in the background: its words, its speaker or its
    status may have changed."""
    statements_queue([] if removed else [quote.pk])
    ReviewEvent.objects.create(
        quote=None if removed else quote,
        article_id=quote.article_id,
        user=user,
        action=action.name,
        before=before,
        after={} if removed else snapshot(quote),
        undoes=undoes,
    )


def _record(
    quote: Quote, *, user: User, action: ReviewAction, before: dict[str, Any], status: str | None = None
) -> Quote:
    """Save the quote as reviewed by user, in the status the action leaves (or status, where it depends)."""
    quote.status = status or action.status or quote.status
    quote.reviewed_by = user
    quote.reviewed_at = timezone.now()
    quote.version += 1
    _save_span(quote, before)
    _audit(quote, user=user, action=action, before=before)
    return quote


SAME_SPAN = "Another quote of this article has exactly that span."


def _save_span(quote: Quote, before: dict[str, Any]) -> None:
    """Save the quote; a span another request gave a quote of the article a moment ago (after _move_span
    looked: two editors adding the same missed words) is refused like one taken earlier, not a server error.
    A quote keeping its span cannot meet that, and saves without the savepoint (most reviews: confirms)."""
    if not quote._state.adding and (before.get("start"), before.get("end")) == (quote.start, quote.end):
        quote.save()
        return
    try:
        with transaction.atomic():
            quote.save()
    except IntegrityError as error:
        if getattr(getattr(error.__cause__, "diag", None), "constraint_name", None) != "quote_unique_span":
            raise
        raise CorrectionRefused({None: SAME_SPAN}) from None


def _delete(quote: Quote, *, user: User, action: ReviewAction, undoes: ReviewEvent | None = None) -> None:
    """Remove the quote, recording what it was (and which events were its history, to give them back should
    the deletion be undone) on an event that outlives it."""
    history = list(quote.events.values_list("id", flat=True))
    before = snapshot(quote) | {"text": quote.text, "quote_id": quote.pk, "event_ids": history}
    _audit(quote, user=user, action=action, before=before, undoes=undoes, removed=True)
    statement = quote.statement
    quote.delete()
    if statement is not None:  # one appearance fewer: perhaps no longer a statement, or no longer in conflict
        statement_refresh(statement)


def _recreate(deletion: ReviewEvent, *, user: User) -> Quote:
    """Bring back the quote a deletion removed, under its old id and with its history, as it was."""
    was, article_id = deletion.before, deletion.article_id
    if article_id is None:  # recorded before deletions named their article
        raise NothingToUndo("This deletion does not say which article the quote was in.")
    if Quote.objects.filter(article_id=article_id, start=was["start"], end=was["end"]).exists():
        raise NothingToUndo("Another quote now has the span of the deleted one; it cannot come back.")
    quote = Quote(pk=was["quote_id"], article_id=article_id, text=was["text"], cue="")
    _restore(quote, was)
    quote.version = was["version"] + 1
    quote.save(force_insert=True)
    ReviewEvent.objects.filter(pk__in=was.get("event_ids", [])).update(quote=quote)
    _audit(quote, user=user, action=UNDO, before={}, undoes=deletion)
    return quote


def _restore(quote: Quote, values: dict[str, Any]) -> None:
    """Set the quote's audited values (and its reviewer) to a snapshot's, and its registry links to match."""
    for name in AUDITED_FIELDS:
        setattr(quote, name, values[name])
    reviewer = values.get("reviewed_by")
    quote.reviewed_by = get_user_model().objects.filter(username=reviewer).first() if reviewer else None
    quote.reviewed_at = parse_datetime(values["reviewed_at"]) if values.get("reviewed_at") else None
    if quote.is_reviewed:
        _link_registry(quote)
        _set_speaker_kind(quote, values.get("speaker_kind", ""))
    else:
        quote.speaker = quote.outlet = None


def _take_back(event: ReviewEvent, quote: Quote | None, *, user: User) -> Quote | None:
    """Undo one recorded event as its action declares, recording the undo. Returns the quote as it is now,
    or None if the undo removed it."""
    how = ACTIONS[event.action].undo
    if how is Undo.INVERSE:  # an undo of an undo: the opposite of what that undo did
        how = Undo.RECREATE if not event.after else Undo.DELETE if not event.before else Undo.RESTORE
    if how is Undo.RECREATE:
        return _recreate(event, user=user)
    if quote is None:
        raise NothingToUndo("The quote this was done to is gone.")
    before = snapshot(quote)
    if any(before[name] != event.after.get(name) for name in AUDITED_FIELDS):
        who = quote.reviewed_by.get_username() if quote.reviewed_by else "someone"
        raise NothingToUndo(f"The quote has changed since (last by {who}): undo that from its card first.")
    if how is Undo.DELETE:
        _delete(quote, user=user, action=UNDO, undoes=event)
        return None
    _restore(quote, event.before)
    quote.version += 1
    quote.save()
    _audit(quote, user=user, action=UNDO, before=before, undoes=event)
    return quote


@transaction.atomic
def quote_confirm(*, quote: Quote, user: User, expected_version: int) -> Quote:
    quote = _locked(quote, expected_version)
    before = snapshot(quote)
    _link_registry(quote)
    return _record(quote, user=user, action=CONFIRM, before=before)


@transaction.atomic
def quote_reject(*, quote: Quote, user: User, expected_version: int) -> Quote:
    quote = _locked(quote, expected_version)
    before = snapshot(quote)
    return _record(quote, user=user, action=REJECT, before=before)


@transaction.atomic
def quote_edit(*, quote: Quote, user: User, expected_version: int, correction: Correction) -> Quote:
    """Save an editor's correction; the quote counts as corrected only if something actually changed."""
    quote = _locked(quote, expected_version)
    before = snapshot(quote)
    _apply(quote, correction)
    _link_registry(quote)
    _set_speaker_kind(quote, correction.speaker_kind)
    changed = any(before[name] != getattr(quote, name) for name in EDITED_FIELDS)
    if quote.status == Quote.Status.ADDED:
        status = Quote.Status.ADDED
    elif changed or quote.status == Quote.Status.CORRECTED:
        status = Quote.Status.CORRECTED
    else:
        status = Quote.Status.CONFIRMED
    return _record(quote, user=user, action=EDIT, before=before, status=status)


# What a one-step correction on the desk can set: a name taken from the article's text, a kind by its key.
CORRECTABLE = ("speaker", "role", "outlet", "kind")


@transaction.atomic
def quote_correct(*, quote: Quote, user: User, expected_version: int, changes: dict[str, str]) -> Quote:
    """Change some of the quote's values (CORRECTABLE) and keep the others. A name the editor picked from
    the article's text enters the registry if it is new: picking it is the say-so the form's tick box gives.
    A new speaker comes with the role the article gives them, unless one is given too."""
    current = _locked(quote, expected_version)
    stands = _as_it_stands(current)
    speaker = changes.get("speaker", stands.speaker)
    role = changes.get("role")
    if role is None and "speaker" in changes:
        role = _role_of_new_speaker(current, speaker, stands)
    correction = replace(
        stands,
        speaker=speaker,
        role=stands.role if role is None else role,
        outlet=changes.get("outlet", stands.outlet),
        kind=changes.get("kind", stands.kind),
        new_speaker=True,
        new_outlet=True,
    )
    return quote_edit(quote=current, user=user, expected_version=expected_version, correction=correction)


@transaction.atomic
def quote_span_set(*, quote: Quote, user: User, expected_version: int, start: int, end: int) -> Quote:
    """Move the quote onto other words of its article (snapped to whole words), keeping its attribution."""
    current = _locked(quote, expected_version)
    correction = replace(_as_it_stands(current), start=start, end=end)
    return quote_edit(quote=current, user=user, expected_version=expected_version, correction=correction)


def _role_of_new_speaker(quote: Quote, speaker: str, stands: Correction) -> str | None:
    """The role the article gives the new speaker; where it gives none, none for someone else (a role describes
    the speaker it was given with) and the role as it stands for the same person named more fully ("Clark" to
    "Letitia Clark")."""
    found = text_role(article_entities(quote.article_id), speaker)
    if found is not None:
        return found
    same_person = _surname(speaker) == _surname(stands.speaker)
    return None if same_person else ""


def _surname(name: str) -> str:
    words = fold_whitespace(name).casefold().split()
    return words[-1] if words else ""


@transaction.atomic
def quote_span_nudge(*, quote: Quote, user: User, expected_version: int, edge: str, words: int) -> Quote:
    """Move one edge of the quote's span ("start" or "end") by whole words: later for a positive count."""
    current = _locked(quote, expected_version)
    body = current.article.body
    start, end = current.start, current.end
    if edge == "start":
        start = word_step(body, start, words)
    elif edge == "end":
        end = word_step(body, end, words)
    else:
        raise InvalidSpan(f"“{edge}” is not an edge of a span.")
    correction = replace(_as_it_stands(current), start=start, end=end)
    return quote_edit(quote=current, user=user, expected_version=expected_version, correction=correction)


@transaction.atomic
def quote_undo(*, quote: Quote, user: User, expected_version: int) -> Quote | None:
    """Take back the quote's latest recorded action, as that action declares: put back the values it had
    before, or delete a quote an editor added. The undo is itself recorded. Returns the quote, or None if the
    undo deleted it."""
    quote = _locked(quote, expected_version)
    last = quote.events.select_for_update().order_by("-created_at", "-id").first()
    if last is None:
        raise NothingToUndo("Nothing to undo on this quote.")
    return _take_back(last, quote, user=user)


@dataclass(frozen=True)
class Undone:
    """What an editor's undo or redo took back: the event, and the quote as it now is (None if removed)."""

    event: ReviewEvent
    quote: Quote | None
    redo: bool

    def message(self) -> str:
        words = fold_whitespace(self.event.before.get("text") or (self.quote.text if self.quote else ""))
        snippet = words if len(words) <= 60 else words[:57].rstrip() + "…"
        done = ACTIONS[_chain(self.event)[-1].action].done
        return f"{'Redone' if self.redo else 'Undone'}: {done.lower()}, “{snippet}”."


def _editors_events(article: Article, user: User) -> QuerySet[ReviewEvent]:
    """The editor's events on the article not yet undone, latest first, locked; events recorded before they
    named their article count through their quote."""
    return (
        ReviewEvent.objects.select_for_update(of=("self",))
        .filter(Q(article=article) | Q(quote__article=article), user=user, undone_by__isnull=True)
        .select_related("undoes", "quote")
        .order_by("-created_at", "-id")
    )


def _chain(event: ReviewEvent) -> list[ReviewEvent]:
    """The event, the event it undid, the one that undid, ... down to the action at the bottom."""
    chain = [event]
    while chain[-1].action == UNDO.name and chain[-1].undoes is not None:
        chain.append(chain[-1].undoes)
    return chain


def _genuine_undo(event: ReviewEvent) -> bool:
    """Whether the event, net of the undos in its chain, takes an action back (an undo, an undo of a redo...)
    rather than leaves it in effect (the action itself, or a redo)."""
    return len(_chain(event)) % 2 == 0 or (event.action == UNDO.name and event.undoes is None)


def _locked_quote(event: ReviewEvent) -> Quote | None:
    if event.quote_id is None:
        return None
    return Quote.objects.select_for_update(of=("self",)).select_related("reviewed_by").get(pk=event.quote_id)


@transaction.atomic
def article_undo(*, article: Article, user: User) -> Undone:
    """Take back the editor's own latest action on the article that is still in effect (a redo counts), as the
    server recorded it: after a reload too, and again for the one before. Another editor's later change to the
    same quote stops it, with a message."""
    target = next((e for e in _editors_events(article, user) if not _genuine_undo(e)), None)
    if target is None:
        raise NothingToUndo("Nothing of yours to undo on this article.")
    quote = _take_back(target, _locked_quote(target), user=user)
    return Undone(event=target, quote=quote, redo=False)


@transaction.atomic
def article_redo(*, article: Article, user: User) -> Undone:
    """Do again what the editor's latest undo on the article took back, unless they have acted since."""
    latest = next((e for e in _editors_events(article, user) if _genuine_undo(e) or len(_chain(e)) == 1), None)
    if latest is None or not _genuine_undo(latest) or latest.undoes is None:
        raise NothingToUndo("Nothing of yours to redo on this article.")
    quote = _take_back(latest, _locked_quote(latest), user=user)
    return Undone(event=latest, quote=quote, redo=True)


@transaction.atomic
def article_confirm_remaining(*, article: Article, user: User) -> int:
    """Confirm every quote of the article still pending, each recorded as its own confirmation."""
    pending = Quote.objects.select_for_update(of=("self",)).filter(article=article, status=Quote.Status.PENDING)
    count = 0
    for quote in pending.select_related("reviewed_by"):
        quote_confirm(quote=quote, user=user, expected_version=quote.version)
        count += 1
    return count


@transaction.atomic
def quote_add(*, article: Article, user: User, correction: Correction) -> Quote:
    """A quote the engine missed, marked out by an editor in the article text."""
    if correction.start is None or correction.end is None:
        raise InvalidSpan("Select the quoted words in the article first.")
    # Version 0, so that recording the addition leaves it at 1 like every new quote.
    quote = Quote(article=article, kind=correction.kind, cue="", version=0)
    _apply(quote, correction)
    _link_registry(quote)
    return _record(quote, user=user, action=ADD, before={})


@transaction.atomic
def quote_delete(*, quote: Quote, user: User, expected_version: int) -> None:
    quote = _locked(quote, expected_version)
    if quote.status != Quote.Status.ADDED:
        raise NotDeletable("Only quotes added by an editor can be deleted; reject an extracted quote instead.")
    _delete(quote, user=user, action=DELETE)


@transaction.atomic
def article_claim(*, user: User, batch: int | None = None, leaving: int | None = None) -> Article | None:
    """Hand the editor the next article to review and claim it for them at once: editors asking at the same
    moment each get another (the candidate's row is locked until the claim commits, and others pass it over)."""
    article = next_article_to_review(user, batch=batch, leaving=leaving, lock=True)
    if article is not None:
        article_opened(article=article, user=user)
    return article


def article_opened(*, article: Article, user: User) -> None:
    """Note that an editor has the article open, so the queue offers others something else for a while. One
    upsert (INSERT … ON CONFLICT DO UPDATE): every page view and queue claim records it."""
    ArticleOpen.objects.bulk_create(
        [ArticleOpen(article=article, user=user, opened_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["article", "user"],
        update_fields=["opened_at"],
    )
