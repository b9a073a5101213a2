"""Tying each quoted span to its reporting cue and source."""

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from itertools import pairwise
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from .cast import Cast, Entity
from .cues import cue_text, is_cue
from .quotes import Paragraphs, QuoteSpan, find_quote_spans
from .reported import Reported, reported_clauses, untangle_nested
from .source import Source, SourceKind
from .speakers import SpeakerResolver

QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True)
class Attribution:
    """One attributed quote, with offsets into the article's exact text."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_kind: SourceKind
    role: str | None
    outlet: str | None
    cue: str | None
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# A quote this short without a cue and a speaker is a scare quote or a title, not speech.
MIN_UNCUED_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"\u201c\u2018'A-Z])|[.!?][\"\u201d\u2019']?\s*$")


def _cues_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    return [t for t in span if is_cue(t)]


_GOES_ON = frozenset({"but", "and", "or", "while", "which", "who", "as", "because", "so", "though", "although"})


def _comma_after(text: str, quote: QuoteSpan, stripped: str) -> bool:
    """A comma some styles put after the closing mark ('...traders", said Alex Hilton'), which ends a quoted
    sentence, not a scare quote the sentence goes on from ("classified as 'sweat shop', but now...")."""
    if not stripped.startswith(","):
        return False
    following = stripped[1:].split(maxsplit=1)
    words = len(text[quote.start : quote.end].split())
    return words >= MIN_UNCUED_WORDS and bool(following) and following[0].lower() not in _GOES_ON


def _after_region(text: str, quote: QuoteSpan, limit: int) -> tuple[int, int] | None:
    """The frame after a closing mark when it belongs to the quote's sentence (", he said.")."""
    start = min(quote.end + 1, limit)
    rest = text[start:limit]
    stripped = rest.lstrip()
    if not stripped:
        return None
    ends_clause = (text[quote.end - 1] in ",\u2014-" if quote.end > 0 else False) or _comma_after(text, quote, stripped)
    if not (ends_clause or stripped[0].islower()):
        # "..." Mr Lush said. is still attribution when a verb follows a short subject; not a sentence of its
        # own that runs on into the next quoted words ('..." The government says the Tories are "a bit late"').
        first_sentence = re.split(r"[.!?:]", stripped, maxsplit=1)[0]
        if len(first_sentence.split()) > 6 or (first_sentence == stripped and limit < len(text)):
            return None
    end_match = re.search(r"[.!?:;]", rest)
    if end_match and end_match.group() == ":" and not ends_clause:
        return None  # '..." David Page said: "His forecast...': a frame that opens the next quote
    end = start + (end_match.start() if end_match else len(rest))
    return (start, end)


def _before_region(text: str, quote: QuoteSpan, floor: int) -> tuple[int, int] | None:
    """The frame before an opening mark: the last sentence before it (`X said: "...`)."""
    end = max(quote.start - 1, floor)
    before = text[floor:end]
    if not before.strip():
        return None
    last_end = None
    for m in _SENTENCE_END.finditer(before):
        if m.end() < len(before.rstrip()):
            last_end = m.end()
    start = floor + (last_end or 0)
    return (start, end)


# After a closing mark the cue comes within a few words (", said the club's new coach"), or after the speaker's
# noun phrase, however long (", Ines Hall, head of research at a small bank in the north, has told us"); a cue
# after another clause's verb belongs to the rest of the sentence ('The film "Night Train" opened to what
# critics called...'). Finite verbs and modals, by their tags.
MAX_WORDS_BEFORE_CUE = 6
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _auxiliary_of(token: Token, verb: Token) -> bool:
    return token == verb or (token.head == verb and token.dep_ in ("aux", "auxpass"))


def _pick_cue(
    doc: Doc, text: str, region: tuple[int, int] | None, nearest_to_end: bool, quote: QuoteSpan | None = None
) -> Token | None:
    if region is None:
        return None
    cues = _cues_in(doc, *region)
    if not cues:
        return None
    if nearest_to_end:
        return cues[-1]
    first = cues[0]
    if len(text[region[0] : first.idx].split()) > MAX_WORDS_BEFORE_CUE:
        between = doc.char_span(region[0], first.idx, alignment_mode="expand")
        if between is not None and any(t.tag_ in _FINITE and not _auxiliary_of(t, first) for t in between):
            return None
    # 'A steward suspended over "rude remarks" says she was sacked': words quoted inside the verb's own
    # subject are not what it reports.
    if quote is not None and any(
        not quote.start <= s.idx < quote.end and any(quote.start <= t.idx < quote.end for t in s.subtree)
        for s in first.children
        if s.dep_ in ("nsubj", "nsubjpass")
    ):
        return None
    return first


@dataclass(frozen=True)
class _Said:
    """The last attributed words read: where they were and whose."""

    start: int
    end: int
    source: Source


@dataclass(frozen=True)
class Reading:
    """What the engine makes of one article: its attributed quotes and the people and organisations it names."""

    quotes: list[Attribution]
    entities: list[Entity]


def read_article(doc: Doc) -> Reading:
    """Direct quotes and reported speech, each with its source, in order of appearance; and who is who."""
    text = doc.text  # spaCy rebuilds it on every access: read it once per article
    spans = _closed_where_narration_resumes(doc, find_quote_spans(text))
    resolver = SpeakerResolver(doc, text, [(q.start, q.end) for q in spans])
    paras = Paragraphs(text)
    # Every attribution, direct or reported, is resolved in the order a reader meets its cue, so "she" and
    # "the firm" look back at what the article has said so far, reported speech included, and never ahead.
    # A clause that is the quoted words it opens with ('said: "We...', '"We will," he said') is the frame of
    # that direct quote, attributed with it.
    events: list[tuple[int, QuoteSpan | Reported, Token | None]] = [
        (cue.idx if cue is not None else quote.start, quote, cue) for quote, cue in _quote_cues(doc, text, spans, paras)
    ]
    events += [
        (clause.cue.idx, clause, clause.cue)
        for clause in reported_clauses(doc, text, [(q.start, q.end) for q in spans])
        if not _frames_a_quote(text, clause, spans)
    ]
    events.sort(key=lambda event: (event[0], isinstance(event[1], Reported)))
    direct: list[Attribution] = []
    sources: dict[Reported, Source] = {}
    # Where the last attributed words began and whose they were: reported speech counts ("X says his firm
    # leads." then a paragraph of quotation with no verb of its own is X's).
    previous: _Said | None = None
    for _, item, cue in events:
        if resolver.cast.in_title(item.start):
            # The headline's quoted or reported words ("Games 'deserve a place in class'") compress a report
            # the story gives in full, with its source: a label, not a report of their own.
            continue
        if isinstance(item, Reported):
            source = resolver.from_cue(item.cue, inverted=item.inverted)
            if source.speaker:
                sources[item] = source
                resolver.remember(source)
                previous = _Said(item.start, item.end, source)
            continue
        source, confidence = _source_for(resolver, cue, item, previous, paras)
        words = len(text[item.start : item.end].split())
        if words < MIN_UNCUED_WORDS and (cue is None or source.speaker is None):
            continue
        resolver.remember(source)
        previous = _Said(item.start, item.end, source)
        direct.append(_record(text, item.start, item.end, "direct", source, cue, confidence))
    found = _with_reported_speech(text, direct, sources, resolver)
    found = [_with_initials_spelled_out(_with_role_from_cast(quote, resolver.cast), resolver.cast) for quote in found]
    return Reading(sorted(found, key=lambda q: (q.start, q.end)), resolver.cast.entities())


def _closed_where_narration_resumes(doc: Doc, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """A quote its writer never closed (open at the end of a paragraph the next does not continue) ends
    before the first later sentence in which a named subject reports something ('... to their lives. His
    contribution follows pledges... Srichaphan said he would donate'), which is the story's voice again."""
    closed = list(spans)
    for i, span in enumerate(spans):
        if not span.open_ended or (i + 1 < len(spans) and spans[i + 1].continues):
            continue
        region = doc.char_span(span.start, span.end, alignment_mode="expand")
        for before, sentence in pairwise(_sentences_of(region) if region is not None else []):
            if any(is_cue(t) and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in t.children) for t in sentence):
                closed[i] = replace(span, end=before.end_char, open_ended=False)
                break
    return closed


def _sentences_of(region: Span) -> list[Span]:
    """The sentences a stretch of text runs over, the first and last whole."""
    doc = region.doc
    sentences = [region[0].sent]
    while sentences[-1].end < min(region.end, len(doc)):
        sentences.append(doc[sentences[-1].end].sent)
    return sentences


def _with_initials_spelled_out(quote: Attribution, cast: Cast) -> Attribution:
    """A body's initials as a role ("Peter Saunders of the CMF") are its name as the article spells it out."""
    if quote.role is not None and quote.role.isupper() and len(quote.role.split()) == 1:
        return replace(quote, role=cast.full_name(quote.role))
    return quote


def _with_role_from_cast(quote: Attribution, cast: Cast) -> Attribution:
    """A person quoted before the article describes them ("Jane Roe said ... The transport minister
    added") has the role the whole article gives them."""
    if quote.role is not None or quote.speaker_kind != "person":
        return quote
    # Through Source, which keeps a role only if it says something besides the name.
    role = cast.role_for(quote.speaker) or cast.relative_roles.get(quote.speaker or "")
    return replace(quote, role=Source(quote.speaker, "person", role).role)


def _record(
    text: str, start: int, end: int, kind: QuoteKind, source: Source, cue: Token | None, confidence: float
) -> Attribution:
    return Attribution(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        speaker=source.speaker,
        speaker_kind=source.kind if source.speaker else "unknown",
        role=source.role,
        outlet=source.outlet,
        cue=cue_text(cue),
        confidence=confidence,
    )


def _quote_cues(
    doc: Doc, text: str, spans: list[QuoteSpan], paras: Paragraphs
) -> Iterator[tuple[QuoteSpan, Token | None]]:
    """Each quoted span with its reporting verb: after it in its sentence (", he said"), or else before it
    (`X said: "...`); a quote running on into a new paragraph has none of its own."""
    para_of = paras.at
    previous: Token | None = None
    for i, quote in enumerate(spans):
        para = para_of(quote.start)
        next_start = spans[i + 1].start - 1 if i + 1 < len(spans) and para_of(spans[i + 1].start) == para else para[1]
        prev_end = spans[i - 1].end + 1 if i > 0 and para_of(spans[i - 1].end) == para else para[0]
        cue = (
            None
            if quote.continues
            else _pick_cue(doc, text, _after_region(text, quote, next_start), nearest_to_end=False, quote=quote)
        )
        if cue is None and not quote.continues:
            cue = _pick_cue(doc, text, _before_region(text, quote, prev_end), nearest_to_end=True)
        if cue is None and i > 0 and prev_end > para[0] and _COORDINATED.fullmatch(text[prev_end : quote.start - 1]):
            # 'described the novel as a "great thriller" but "lousy history"': words quoted in coordination
            # with the quote before are reported by its verb.
            cue = previous
        previous = cue
        yield quote, cue


_COORDINATED = re.compile(r"[\s,]*(?:and|but|or|nor|but also|and also)?[\s,]*")


def _frames_a_quote(text: str, clause: Reported, spans: list[QuoteSpan]) -> bool:
    """Whether a clause is the frame of the direct quote it opens with, all or nearly all of it; one that goes
    on after the quoted words ('saying "insider information" could have contributed to the bets') is a mixed
    quote."""
    start = clause.start
    opening = next(
        (q for q in spans if q.start <= start < q.end or (q.start == start + 1 and not text[start].isalnum())), None
    )
    if opening is None:
        return False
    # ('"Not faster," he said, "but different"': the verb inside the clause, or its subject after the quote,
    # frames the quotes.)
    cue = clause.cue
    framing = start < cue.idx < clause.end or any(
        c.dep_ == "nsubj" and opening.end <= c.idx < clause.end for c in cue.children
    )
    return framing or len(text[opening.end : clause.end].split()) < _GOES_ON_WORDS


# Words after its quote that make a clause a report of its own: more than a trailing "he said" or "he added".
_GOES_ON_WORDS = 3


def _with_reported_speech(
    text: str, direct: list[Attribution], sources: dict[Reported, Source], resolver: SpeakerResolver
) -> list[Attribution]:
    """Add the attributed reported clauses; a clause holding quoted words becomes one mixed quote that
    absorbs them."""
    kept = list(direct)
    for clause in untangle_nested(list(sources)):
        start, end = clause.start, clause.end
        # 'saying "inside knowledge" could have led to...': quoted words the parse left out of the clause
        # they open, right after its verb.
        start = next((q.start for q in direct if clause.cue.idx < q.start and _runs_into(text, q.end, start)), start)
        inner = [q for q in kept if start <= q.start < end]
        source = sources[clause]
        relayed = None if source.outlet else _relayed_by(resolver, clause)
        if relayed and relayed != source.speaker:  # (an outlet is no outlet of its own words)
            source = replace(source, outlet=relayed)
        kind: QuoteKind = "mixed" if inner else "indirect"
        if inner:
            end = max(end, *(q.end for q in inner))
            kept = [q for q in kept if q not in inner]
        kept.append(_record(text, start, end, kind, source, clause.cue, 0.6 if source.resolved_from_pronoun else 0.75))
    return kept


def _runs_into(text: str, end: int, start: int) -> bool:
    """Whether nothing but a closing mark and spaces lies between a quote's end and a clause's start."""
    return end <= start and not text[end:start].strip(_CLOSERS_AND_SPACE)


_CLOSERS_AND_SPACE = "\"\u201d\u2019' "


def _relayed_by(resolver: SpeakerResolver, clause: Reported) -> str | None:
    """ "Soldiers claim that ... - RT's Roman Kosarev reported": a claim passed on by an outlet's reporter in
    the same sentence reaches us through that outlet."""
    for token in clause.cue.sent:
        if token != clause.cue and is_cue(token) and not resolver.in_quote(token):
            outlet = resolver.from_cue(token).outlet
            if outlet:
                return outlet
    return None


def _source_for(
    resolver: SpeakerResolver,
    cue: Token | None,
    quote: QuoteSpan,
    previous: _Said | None,
    paras: Paragraphs,
) -> tuple[Source, float]:
    if cue is not None:
        source = resolver.from_cue(cue, quoted=(quote.start, quote.end))
        if source.speaker:
            return source, 0.7 if source.resolved_from_pronoun else 0.9
    framed = (
        None
        if quote.continues
        else _named_before_colon(resolver, quote)
        or _sentence_subject(resolver, quote)
        or _introduced(resolver, quote, previous)
    )
    if framed is not None:
        return framed, 0.6
    if previous is not None:
        prev_source = previous.source
        if quote.continues:
            # The same quotation running on into a new paragraph: the same words to the same outlet.
            return replace(prev_source, resolved_from_pronoun=False), 0.8
        # The next quoted stretch in the same or the next paragraph, with no verb of its own, belongs to
        # whoever spoke last; to the same outlet only where it follows straight on, with no sentence of the
        # story's own between ('telling Radio 4 that Labour was not "rattled". "We have a duty..."').
        if paras.index(quote.start) - paras.index(previous.start) <= 1:
            gap = resolver.cast.text[previous.end : quote.start]
            outlet = prev_source.outlet if len(gap.split()) <= 2 else None
            return replace(prev_source, outlet=outlet, resolved_from_pronoun=False), 0.6
    # Words quoted with no frame and no one quoted before them: a guess, the person the story is about.
    subject = resolver.cast.story_subject
    return Source(subject, "person", resolver.cast.role_for(subject)) if subject else Source(None), 0.3


def _named_before_colon(resolver: SpeakerResolver, quote: QuoteSpan) -> Source | None:
    """'BBC Two controller Roly Keating: "It's an exciting new era..."': a name, with its title, and a colon
    before the opening mark, with no verb, frame the words as theirs."""
    doc = resolver.doc
    first = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if first is None or first.start < 3:
        return None
    colon = doc[first.start - 2] if doc[first.start - 1].is_quote else doc[first.start - 1]
    if colon.text != ":" or colon.i == 0:
        return None
    named = resolver.cast.names.span_of(doc[colon.i - 1])
    if named is None or named.end != colon.i:
        return None
    frame = list(doc[named.sent.start : named.start])
    while frame and (frame[0].is_punct or frame[0].is_space):
        frame = frame[1:]  # a list's bullet ("- Manchester City boss Kevin Keegan:")
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct or resolver.in_quote(t) for t in frame):
        return None
    source = resolver.from_subject(named.root)
    return source if source.speaker and source.kind == "person" else None


def _introduced(resolver: SpeakerResolver, quote: QuoteSpan, previous: _Said | None) -> Source | None:
    """ "Britain's Paula Radcliffe has also not ruled out competing. 'I haven't quite decided...'": words
    quoted with no verb right after a sentence of the story's own about a named person, who is not the last
    one quoted, are that person's."""
    doc = resolver.doc
    first = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if first is None or first.start < 2:
        return None
    before = doc[first.start - 2].sent  # the sentence ending right before the opening mark
    if before.end < first.start - 1 or any(resolver.in_quote(t) or is_cue(t) for t in before):
        return None
    if resolver.cast.paragraphs.index(before.start_char) != resolver.cast.paragraphs.index(quote.start):
        return None
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or resolver.cast.names.span_of(subject) is None:
        return None  # a person the article names, not a firm ("BT was one of the companies...")
    source = resolver.from_subject(subject)
    if not source.speaker or source.kind != "person":
        return None
    return source if previous is None or previous.source.speaker != source.speaker else None


def _sentence_subject(resolver: SpeakerResolver, quote: QuoteSpan) -> Source | None:
    """ "Dr Richard Lewis, of the BMA, welcomed the targets "to make further and faster progress"": words
    quoted with no reporting verb inside a sentence a named person is the subject of are that person's."""
    span = resolver.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    root = span[0].sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj" and not resolver.in_quote(c)), None)
    if subject is None or subject.pos_ != "PROPN" or subject.i > span.start:
        return None
    source = resolver.from_subject(subject)
    return source if source.speaker and source.kind == "person" else None
