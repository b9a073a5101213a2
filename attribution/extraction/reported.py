"""Indirect (reported) speech from the dependency parse: a reporting verb and the content clause it governs.

"Analysts said [the ability of Gazprom ... had been stifled]": the span is the clause without "that".
Beliefs (think, believe) are not in the lexicon; events ("announced a deal") have no content clause, so
neither is reported speech here.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .cues import cues_in, is_according, is_reporting_verb, reporter_goes_on
from .outlets import according_to_outlet
from .quotes import Paragraphs, SpanSet

_LEADING_DROP = {"that", ",", ":", "-", "\u2014", '"', "\u201c", "\u201d", "'"}
# A clause opened by these is a question asked ("asked if he would stand"), not something said.
_QUESTION_MARKS = {"if", "whether"}
_CONTENT_DEPS = ("ccomp",)


@dataclass(frozen=True)
class Reported:
    start: int
    end: int
    cue: Token

    @property
    def follows_cue(self) -> bool:
        return self.start > self.cue.idx

    @property
    def inverted(self) -> bool:
        """Whether the speaker may stand after the cue: the words reported come before it, or after a frame
        closed by a comma ("By contrast, says Mr Cox, the Mac mini is...")."""
        cue = self.cue
        return not self.follows_cue or any(
            t.text == "," and t.idx < self.start for t in cue.doc[cue.i + 1 : cue.i + 1 + _FRAME_WORDS]
        )


def _trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Char offsets of tokens first..last without a leading "that" or edge punctuation."""
    while first <= last and (doc[first].lower_ in _LEADING_DROP or doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in ('"', "\u201d"):
        last -= 1
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _clause_heads(verb: Token) -> list[Token]:
    """The clauses a reporting verb governs: its content complements, or the "that" clause of a noun it
    takes ("denied reports that ...") or says it in. Those after the verb win over one before it."""
    heads = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    # "said in a report that ...": the clause the parse hangs on the document it was said in.
    said_in = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [n for c in said_in for n in c.children if n.dep_ == "pobj"]
    for noun in nouns:
        heads += [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"]
    after = [h for h in heads if h.i > verb.i]
    return after or heads


def _reports_of_its_own(clause: Token) -> bool:
    """A clause set beside a report ("while Mr Brown says ...") with its own reporting verb and subject."""
    return is_reporting_verb(clause) and any(c.dep_ == "nsubj" for c in clause.children)


def _with_stranded_subject(verb: Token, heads: list[Token]) -> int:
    """ "said being honoured in the UK meant a lot", "said around eight other members were planning to...": the
    parse hangs the clause's subject on the reporting verb; words between the verb and its clause that are
    such a phrase, with no comma, begin the clause (a phrase of place or time only when the clause has no
    subject of its own)."""
    first = min(h.left_edge.i for h in heads)
    between = verb.doc[verb.i + 1 : first]
    # "said last week that ...": a clause "that" opens starts there.
    if not len(between) or any(t.is_punct for t in between) or verb.doc[first].lower_ == "that":
        return first
    deps = {"xcomp", "csubj"}
    if not any(c.dep_ in _SUBJECTS for head in heads for c in head.children):
        deps |= {"prep", "npadvmod"}
    stranded = {t.i for c in verb.children if c.dep_ in deps and c.i > verb.i for t in c.subtree}
    return verb.i + 1 if all(t.i in stranded for t in between) else first


_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def _reported_conjuncts(verb: Token, heads: list[Token]) -> list[Token]:
    """ "Lord Woolf said the rules were not written down but it was inconceivable that...": a clause joined to
    the report whose subject is "it" or "there" and whose verb is shifted back as reported speech is (was,
    would, had), the parse joining it to the reporting verb rather than to the clause it continues."""
    found: list[Token] = []
    if min(h.i for h in heads) < verb.i:
        return found  # the report before its verb: what follows the verb is not its continuation
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < max(h.i for h in heads) or is_reporting_verb(conj):
            continue
        subject = next((c for c in conj.children if c.dep_ in ("nsubj", "expl")), None)
        backshifted = conj.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in _BACKSHIFTED for c in conj.children)
        if subject is not None and subject.lower_ in ("it", "there") and backshifted:
            found.append(conj)
    return found


_BACKSHIFTED = frozenset({"would", "could", "might", "had", "was", "were"})


def _content_clause(verb: Token) -> tuple[int, int] | None:
    misread = _object_misread(verb)
    if misread is not None:
        return misread
    heads = _clause_heads(verb)
    if not heads:
        return (
            _parenthetical_content(verb)
            or _after_inverted_frame(verb)
            or _clause_from_object(verb)
            or _described_as(verb)
        )
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "On a larger scale, said Mr Trainor, improvements ... can reduce": the parse makes the speaker named
        # after the verb the subject of the clause it reports.
        inverted = _after_inverted_frame(verb)
        if inverted is not None:
            return inverted
    first = _with_stranded_subject(verb, heads)
    last = max([h.right_edge.i for h in heads] + [c.right_edge.i for c in _reported_conjuncts(verb, heads)])
    # "X insisted he had done no deals while Y says he will...": the other's report is not part of this one;
    # "said they had no intention of resigning and added that...": nor is the reporter's next one.
    for head in heads:
        for clause in head.children:
            if clause.dep_ == "advcl" and clause.i > head.i and _reports_of_its_own(clause):
                last = min(last, clause.left_edge.i - 1)
            if reporter_goes_on(clause):
                joined_by = [c.i for c in head.children if c.dep_ == "cc" and c.i < clause.i]
                last = min(last, (joined_by[-1] if joined_by else clause.i) - 1)
    if any(t.lower_ in _QUESTION_MARKS and t.dep_ == "mark" for t in verb.doc[first : heads[0].i]):
        return None
    return _trimmed(verb.doc, first, last)


# What "say" takes as its object when it does take one: no clause.
_SAID_AS_OBJECT = frozenset(
    {"it", "this", "that", "so", "nothing", "something", "anything", "little", "much", "sorry", "goodbye", "yes", "no"}
)


def _object_misread(verb: Token) -> tuple[int, int] | None:
    """ "The National Audit Office said the Dome cost taxpayers £28.7m to maintain": "say" seldom takes a noun
    as its object, so a noun phrase right after it that the parse made one, with a verb or a figure after it
    in the sentence, opens the clause reported, which runs to the sentence's end."""
    if verb.lemma_.lower() != "say" or verb.i + 1 >= len(verb.doc):
        return None
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or obj.lower_ in _SAID_AS_OBJECT or obj.pos_ == "PRON":
        return None
    rest = doc[obj.i + 1 : verb.sent.end]
    if not any(t.pos_ in ("VERB", "AUX") or t.like_num for t in rest) or any(t.is_quote for t in rest):
        return None
    return _trimmed(doc, verb.i + 1, verb.sent.end - 1)


def _described_as(verb: Token) -> tuple[int, int] | None:
    """ "Carlos Moya described Spain's Davis Cup victory as the highlight of his career": what is described and
    what it is described as, reported in the speaker's terms. Not where the words are quoted ('described it as
    "a disgrace"'), which is a quote of its own."""
    if verb.lemma_.lower() != "describe":
        return None
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i), None)
    if as_ is None and thing is not None:
        as_ = next((c for c in thing.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if thing is None or as_ is None or any(t.is_quote for t in as_.subtree):
        return None
    return _trimmed(verb.doc, thing.left_edge.i, as_.right_edge.i)


def _clause_from_object(verb: Token) -> tuple[int, int] | None:
    """ "The government has confirmed intermediate level waste (ILW) that was to be shipped back will now be
    stored in the UK": the parse makes the clause's subject the verb's object and its verb a second verb of the
    sentence, with no subject and no "and" of its own but an auxiliary (will, would, has...)."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < verb.i or any(c.dep_ in _SUBJECTS for c in conj.children):
            continue
        if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FINITE_AUXILIARIES for c in conj.children):
            continue
        if any(c.dep_ == "cc" and verb.i < c.i < conj.i for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < conj.i), None)
        if subject is not None:
            return _trimmed(verb.doc, subject.left_edge.i, conj.right_edge.i)
    return None


_FINITE_AUXILIARIES = frozenset({"will", "would", "could", "should", "may", "might", "must", "can", "has", "have"})


def _parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """ "The company, analysts said, would struggle", "But, says Dr Nielsen, some things have stayed": a
    reporting verb set into the clause it reports (the parse hangs it off that clause's verb). The span is the
    clause around it, the words of the frame included when they stand inside it."""
    head = verb.head
    if (
        verb.dep_ != "parataxis"
        or head.pos_ not in ("VERB", "AUX")
        or not any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return None
    frame = {t.i for t in verb.subtree}
    # A frame naming its speaker after the verb ends at the comma after them: the parse can hang the report's
    # subject on the name ("Currently, says Dr Paniccia, telecommunications equipment that ... is expensive").
    doc = verb.doc
    speaker = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    window: list[Token] = list(doc[speaker.i + 1 : min(verb.i + 1 + _FRAME_WORDS, len(doc))]) if speaker else []
    closing = next((t.i for t in window if t.text == ","), None)
    if closing is not None:
        frame = {i for i in frame if i < closing}
    reported = [t.i for t in head.subtree if t.i not in frame]
    if not reported:
        return None
    first = min(reported)
    if first < verb.left_edge.i and _opener(verb.doc[first : verb.left_edge.i]):
        # Only a conjunction or an adverb before the frame: the report starts after it, at the comma closing the
        # speaker's name (the parse can run the name's phrase on into the report).
        return _after_inverted_frame(verb) or _trimmed(verb.doc, verb.right_edge.i + 1, max(reported))
    return _trimmed(verb.doc, first, max(reported))


_FRAME_WORDS = 8


def _opener(words: Span) -> bool:
    """Whether the words before a frame only open the sentence: "But", "Then", "Currently", "By contrast",
    "In fact", none at all."""
    opening = [t for t in words if not t.is_punct]
    if len(opening) <= 2 and all(t.pos_ in ("ADV", "CCONJ", "SCONJ") for t in opening):
        return True
    # A short phrase of a preposition and its noun, all of it hanging on the preposition.
    first = opening[0]
    return len(opening) <= 4 and first.pos_ == "ADP" and all(t == first or first in t.ancestors for t in opening)


def _after_inverted_frame(verb: Token) -> tuple[int, int] | None:
    """ "Then, says Mr Kotamaraja, the blogging world found out": after an opening adverb, a frame set off by
    commas, its speaker named right after the verb; the parse makes the sentence's clause part of the name. The
    report is the rest of the sentence."""
    doc, sent = verb.doc, verb.sent
    if sent.start == verb.i or not _opener(doc[sent.start : verb.i]):
        return None
    if doc[verb.i - 1].text != ",":  # the verb does not open its sentence (above): a word stands before it
        return None
    comma = next((t.i for t in doc[verb.i + 1 : min(verb.i + 1 + _FRAME_WORDS, sent.end)] if t.text == ","), None)
    # The speaker between the verb and the comma: its subject, or a name the parse hung on the clause after.
    named = all(t.pos_ == "PROPN" for t in doc[verb.i + 1 : comma]) if comma is not None else False
    if comma is None or not (named or any(t.dep_ == "nsubj" and t.i < comma for t in verb.children)):
        return None
    rest = doc[comma + 1 : sent.end]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    return _trimmed(doc, comma + 1, sent.end - 1)


def _carries_a_report(according: Token) -> bool:
    """ "The EU has said it will deliver aid, according to the Wall Street Journal": an outlet carrying a report
    of its own, which is the report's outlet, not its source."""
    sentence = according.sent
    # ("According to the FT, analysts are questioning whether...": a question is no report.)
    reports = any(
        is_reporting_verb(t) and any(c.dep_ == "nsubj" for c in t.children) and _content_clause(t) is not None
        for t in sentence
    )
    return reports and according_to_outlet(sentence) is not None


def _according_to_content(token: Token) -> tuple[int, int] | None:
    """ "..., according to Malaev." — the rest of the sentence on the larger side of the phrase."""
    sent = token.sent
    phrase_end = max(t.i for t in token.subtree)
    before = (sent.start, token.i - 1)
    after = (phrase_end + 1, sent.end - 1)
    first, last = max(before, after, key=lambda r: r[1] - r[0])
    if last < first:
        return None
    return _trimmed(token.doc, first, last)


_CLOSING_MARKS = "\"'\u201d\u2019"


def _short_and_unstopped(line: str, stops: str) -> bool:
    line = line.rstrip()
    return len(line.split()) <= 15 and line[-1:] not in stops


def is_headline(text: str, paragraph: tuple[int, int]) -> bool:
    """A short line with no closing punctuation ("Jowell confirms casino climbdown") is a headline."""
    return _short_and_unstopped(text[paragraph[0] : paragraph[1]], ".!?:" + _CLOSING_MARKS)


def opens_with_title(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """Whether the first line is the article's headline, above its first paragraph, even when it ends on quoted
    words ("Games 'deserve a place in class'"), which a line inside the story ending so would be a quotation."""
    if len(paragraphs) < 2:
        return False
    start, end = paragraphs[0]
    # A headline trailing off ("'My memories of Marley...'") still ends without a sentence's stop.
    line = text[start:end].rstrip().rstrip(_CLOSING_MARKS).removesuffix("...").rstrip("\u2026")
    # A headline may ask ("UKIP's secret weapon?"); a story does not open on a short question of its own.
    asks = line.endswith("?") and len(line.split()) <= 10
    return asks or _short_and_unstopped(line, ".!?:")


def _within_paragraph(paras: Paragraphs, span: tuple[int, int], cue_at: int) -> tuple[int, int] | None:
    """The span clipped to the cue's paragraph: the parser can run a clause across a paragraph break
    (a headline into the first line), and words from another paragraph are never reported."""
    para_start, para_end = paras.at(cue_at)
    start, end = max(span[0], para_start), min(span[1], para_end)
    return (start, end) if end - start >= 8 else None


def _before_colon_quote(text: str, span: tuple[int, int], quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A clause the parser runs on into a colon-introduced quote ('said X had a "scorching", adding: "It
    was..."') ends at the colon; the quote after it has its own cue."""
    for start, _ in quoted:
        if span[0] < start < span[1]:
            colon = text.rfind(":", span[0], start)
            if colon >= 0 and not text[colon + 1 : start - 1].strip():
                cut = colon
                while cut > span[0] and (text[cut - 1].isspace() or text[cut - 1] in ",;"):
                    cut -= 1
                return (span[0], cut) if cut - span[0] >= 8 else None
    return span


def reported_clauses(doc: Doc, text: str, quoted: list[tuple[int, int]]) -> Iterator[Reported]:
    """Every reporting verb (or "according to") outside quotation marks and headlines, with the clause it
    reports (text is doc.text)."""
    paras = Paragraphs(text)
    headlines = {i for i, paragraph in enumerate(paras.ranges) if is_headline(text, paragraph)}
    inside = SpanSet(quoted)
    for token in cues_in(doc):
        if token.idx in inside or paras.index(token.idx) in headlines:
            continue
        if is_according(token) and _carries_a_report(token):
            continue
        span = _according_to_content(token) if is_according(token) else _content_clause(token)
        span = _within_paragraph(paras, span, token.idx) if span else None
        span = _before_colon_quote(text, span, quoted) if span else None
        if span is not None:
            yield Reported(span[0], span[1], token)


def _part_of_content(cue: Token) -> bool:
    """A report that is not finite ("stating that", "needed to explain how"), or one inside a relative clause
    about what is reported ("a different approach to immigration, which he said was out of control"), is part
    of the words reported around it, not an attribution of its own; a relative clause about a speaker ("an
    associate, Marc Schaffel, who said the family had left") is one."""
    if is_according(cue):
        return False
    about_speaker = any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in cue.children)
    return cue.tag_ in ("VBG", "VBN", "VB") or (cue.dep_ == "relcl" and not about_speaker)


def _inside(inner: Reported, outer: Reported) -> bool:
    return (
        outer.start <= inner.start and inner.end <= outer.end and (inner.start, inner.end) != (outer.start, outer.end)
    )


def untangle_nested(clauses: list[Reported]) -> Iterator[Reported]:
    """One attribution per stretch of text when reports nest. A participle or a relative clause inside another
    report ("soldiers crossed, stating that they refuse..., a spokesperson said") is part of its content; a
    finite report inside one ("officials said rebels claimed that ...") is the attribution."""
    seen: set[tuple[int, int]] = set()
    for clause in clauses:
        if (clause.start, clause.end) in seen:
            continue
        outer = [o for o in clauses if _inside(clause, o)]
        if outer and _part_of_content(clause.cue):
            continue
        inner = [i for i in clauses if _inside(i, clause)]
        if any(not _part_of_content(i.cue) for i in inner):
            continue
        seen.add((clause.start, clause.end))
        yield clause
