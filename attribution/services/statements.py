"""The same words across the archive: quotes of different articles that carry one statement, trimmed,
re-punctuated, spelt the British or the American way or lightly edited, grouped as a Statement, and the
statements whose appearances disagree (different speakers, wording changed beyond trimming) flagged.

Matching is incremental: a quote's candidates are the quotes of other articles that share its four-word runs, read
from the primary-key index of their hashes (Shingle), at most POSTINGS of them a run, those sharing most runs first:
a bounded number of index entries, whatever the archive's size. A run in more quotes than that counts only among
its latest appearances, which already belong to its statement when it is one (a common phrase's many quotes
are not ranked at all). They are then confirmed in Python on three-word runs: a
candidate is the same statement when most of the shorter quote's runs are in the longer one, so a trimmed,
re-punctuated or respelt appearance (the folding makes those one text) or one with a word changed matches, and two
quotes sharing a common phrase ("the prime minister said") do not. (pg_trgm's trigram similarity, tried first, read
4,468 index candidates for one quote of common words, 380 ms at 14,000 quotes; an array of run hashes under a GIN
index, tried next, 16 ms at 14,000 quotes but 1.5 s at 1,100,000, ranking every quote that shared any run.)
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from django.db import connection, transaction
from django.tasks import task

from attribution.models import Quote, Shingle, Statement

# A quote shorter than this many words is too common to be one statement ("We are delighted").
MIN_WORDS = 6
# How much of the shorter quote's three-word runs the longer must hold to be the same statement: a trimmed
# quote holds all of them, one with a word changed most.
SAME_SHARE = 0.6
# Three-word runs two appearances share at the least: a shared phrase of five words holds three.
SAME_RUNS = 4
# Beyond trimming: the share of the shorter one's runs an unchanged (only trimmed) appearance holds.
TRIMMED_SHARE = 0.95
# Candidates ranked for one quote: more appearances than any statement has.
CANDIDATES = 50
# Index entries read for one run: its latest appearances, so a match reads a bounded part of the index.
POSTINGS = 200
# American forms of British spellings newsrooms differ on, so both spell one statement the same way.
_SPELLINGS = (
    (re.compile(r"(?<=[a-z])(is|ys)(e|es|ed|ing|ation|ations)\b"), r"iz\2"),
    (re.compile(r"(?<=[a-z]{2})our\b"), "or"),
    (re.compile(r"(?<=[a-z]{2})ours\b"), "ors"),
    (re.compile(r"(?<=[a-z])tre\b"), "ter"),
    (re.compile(r"(?<=[a-z])tres\b"), "ters"),
    (re.compile(r"(?<=[a-z])ll(ed|ing)\b"), r"l\1"),
    (re.compile(r"\btyre(s?)\b"), r"tire\1"),
)


def normalised(text: str) -> str:
    """The quote's words as statements compare them: letters and digits in lower case, accents and punctuation
    gone, British spellings in their American form."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'")).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9' ]+", " ", decomposed.lower()).replace("'", "").split()
    folded = " ".join(words)
    for pattern, replacement in _SPELLINGS:
        folded = pattern.sub(replacement, folded)
    return folded if len(words) >= MIN_WORDS else ""


def _shingles(words: str) -> set[tuple[str, ...]]:
    tokens = words.split()
    return {tuple(tokens[index : index + 3]) for index in range(max(len(tokens) - 2, 1))}


def containment(one: str, other: str) -> float:
    """The share of the shorter text's three-word runs that the longer one holds."""
    first, second = _shingles(one), _shingles(other)
    shorter, longer = (first, second) if len(first) <= len(second) else (second, first)
    return len(shorter & longer) / len(shorter) if shorter else 0.0


def same_statement(one: str, other: str) -> bool:
    """Most of the shorter one's three-word runs in the longer, and at least SAME_RUNS of them: two short quotes
    that share a phrase ("he thought it was a great idea", "he thought it was a non-story") are two."""
    shared = len(_shingles(one) & _shingles(other))
    return shared >= SAME_RUNS and containment(one, other) >= SAME_SHARE


def shingle_keys(words: str) -> list[int]:
    """The four-word runs of folded words, each hashed to a 32-bit key (the index's: the first four bytes of its
    MD5, which SQL computes alike), in order, once each."""
    tokens = words.split()
    runs = (" ".join(tokens[index : index + 4]) for index in range(max(len(tokens) - 3, 0)))
    return list(
        dict.fromkeys(int.from_bytes(hashlib.md5(run.encode()).digest()[:4], "big", signed=True) for run in runs)
    )


# The quotes sharing most of these runs, at most POSTINGS a run, in the primary key's order (an index-only scan).
_SHARING = """
SELECT runs.quote_id FROM unnest(%s::integer[]) AS wanted(key)
CROSS JOIN LATERAL (
    SELECT quote_id FROM attribution_shingle WHERE key = wanted.key AND quote_id <> %s
    ORDER BY quote_id DESC LIMIT %s
) AS runs
GROUP BY runs.quote_id ORDER BY count(*) DESC, runs.quote_id DESC LIMIT %s
"""


def _candidates(quote: Quote, keys: list[int]) -> list[Quote]:
    """Quotes of other articles sharing four-word runs with this one, those sharing most first, confirmed on
    three-word runs."""
    with connection.cursor() as cursor:
        cursor.execute(_SHARING, [keys, quote.pk, POSTINGS, CANDIDATES])
        ranked = [pk for (pk,) in cursor.fetchall()]
    near = Quote.objects.filter(pk__in=ranked).exclude(article_id=quote.article_id)
    near = near.exclude(status=Quote.Status.REJECTED)
    found = {candidate.pk: candidate for candidate in near.only("id", "words", "statement_id")}
    return [found[pk] for pk in ranked if pk in found and same_statement(quote.words, found[pk].words)]


def _runs_store(quote: Quote, keys: list[int]) -> None:
    """The quote's runs in the index, as its words are now (a quote matched again unchanged writes nothing)."""
    stored = set(Shingle.objects.filter(quote=quote).values_list("key", flat=True))
    if stale := stored.difference(keys):
        Shingle.objects.filter(quote=quote, key__in=stale).delete()
    Shingle.objects.bulk_create(Shingle(key=key, quote=quote) for key in keys if key not in stored)


def _merged(statements: Sequence[Statement]) -> Statement:
    """One statement for several found to be the same: the oldest, holding every appearance."""
    kept, *others = sorted(statements, key=lambda statement: statement.pk)
    if others:
        Quote.objects.filter(statement__in=others).update(statement=kept)
        Statement.objects.filter(pk__in=[statement.pk for statement in others]).delete()
    return kept


@transaction.atomic
def statement_match(quote_id: int) -> Statement | None:
    """Find (or leave) the statement of one quote, as stored or corrected now; idempotent. A quote too short or
    rejected belongs to none."""
    quote = Quote.objects.select_for_update().filter(pk=quote_id).first()
    if quote is None:
        return None
    was = quote.statement
    quote.words = normalised(quote.text) if quote.status != Quote.Status.REJECTED else ""
    keys = shingle_keys(quote.words)
    _runs_store(quote, keys)
    matches = _candidates(quote, keys) if keys else []
    statement = None
    if matches:
        known = {match.statement for match in matches if match.statement is not None}
        statement = _merged(list(known)) if known else Statement.objects.create()
        Quote.objects.filter(pk__in=[match.pk for match in matches], statement__isnull=True).update(statement=statement)
    quote.statement = statement
    quote.save(update_fields=["words", "statement"])
    for touched in {found for found in (was, statement) if found is not None}:
        statement_refresh(touched)
    return statement


def statement_refresh(statement: Statement) -> Statement | None:
    """Flag the statement if its appearances name different speakers (the registry's entry once an editor has
    linked one, after merges) or its wording changed beyond trimming; a statement left with one appearance is
    none."""
    quotes = list(statement.quotes.select_related("speaker").order_by("pk"))
    if len(quotes) < 2:
        Quote.objects.filter(statement=statement).update(statement=None)
        statement.delete()
        return None
    names = _distinct_speakers(_speaker(quote) for quote in quotes)
    reasons = []
    if len(names) > 1:
        reasons.append("named as " + " / ".join(names))
    if any(containment(quotes[0].words, other.words) < TRIMMED_SHARE for other in quotes[1:]):
        reasons.append("wording changed beyond trimming")
    statement.conflict, statement.conflict_reason = bool(reasons), "; ".join(reasons)[:500]
    statement.save(update_fields=["conflict", "conflict_reason", "updated_at"])
    return statement


def statements_refresh(statement_ids: Iterable[int | None]) -> None:
    """statement_refresh for each of these statements (none for None)."""
    for statement in Statement.objects.filter(pk__in={pk for pk in statement_ids if pk is not None}):
        statement_refresh(statement)


def _distinct_speakers(names: Iterable[str]) -> list[str]:
    """The names that are different speakers: a surname or a shorter form of a fuller name given too ("Blair"
    beside "Tony Blair") is that speaker, not another, as the desk's registry would merge them."""
    found = sorted({name for name in names if name}, key=lambda name: (-len(name.split()), name))
    distinct: list[str] = []
    for name in found:
        words = name.lower().split()
        if not any(fuller.lower().split()[-len(words) :] == words for fuller in distinct):
            distinct.append(name)
    return sorted(distinct)


def _speaker(quote: Quote) -> str:
    if quote.speaker is not None:
        return quote.speaker.canonical().name
    return quote.speaker_text.strip()


def statements_queue(quote_ids: Iterable[int]) -> None:
    """Match these quotes to statements in the background (after they are stored or corrected)."""
    ids = list(quote_ids)
    if ids:
        match_statements.enqueue(ids)


@task()
def match_statements(quote_ids: list[int]) -> int:
    """The background task: statement_match for each quote. Returns how many belong to a statement."""
    return sum(statement_match(pk) is not None for pk in quote_ids)
