"""Which outlet the words were given to: "told Itar-Tass", "RT's Roman Kosarev", "in an interview with X"."""

from spacy.tokens import Doc, Span, Token

from .cues import is_according
from .lexicon import KNOWN_OUTLETS, MEDIA_NOUNS, ORGANISATION_NOUNS, OUTLET_HINTS, TELL_VERBS


def outlet_phrase(token: Token) -> str:
    """The proper-noun phrase headed by token ("Itar-Tass", "BBC News Online"), without "the" or a final 's."""
    doc = token.doc
    start = _name_start(token)
    if token.pos_ == "PROPN":
        # "the US entertainment industry paper Variety": the name, not the description before it.
        run = token.i
        while run > start and (doc[run - 1].pos_ == "PROPN" or (_joins_name(doc[run - 1]) and doc[run - 1].is_punct)):
            run -= 1
        start = run
    if token.ent_iob_ in ("B", "I"):
        # The parser sometimes strands part of a name ("Bayside" as an adverb); the entity span keeps it whole.
        entity_start = token.i
        while entity_start > 0 and doc[entity_start].ent_iob_ == "I":
            entity_start -= 1
        start = min(start, entity_start)
    end = token.i + 1
    # "Channel 7", "Radio 4": a number after the name is part of it.
    while end < len(doc) and doc[end].head == token and doc[end].dep_ == "nummod":
        end += 1
    words = doc[start:end]
    text = words[1:].text if len(words) > 1 and words[0].lower_ == "the" else words.text
    return text.removesuffix("'s").removesuffix("\u2019s").strip()


def _name_start(token: Token) -> int:
    """Where the name a token heads begins: the words right before it that join it."""
    doc = token.doc
    start = token.i
    while start > 0 and token in doc[start - 1].ancestors and _joins_name(doc[start - 1]):
        start -= 1
    return start


def _joins_name(token: Token) -> bool:
    if token.is_punct:
        # Only a hyphen inside a name ("Itar-Tass"), not a dash between clauses.
        return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_
    return token.dep_ in ("compound", "amod", "nmod", "nummod", "poss", "case")


def looks_like_outlet(token: Token, *, spoken_to: bool = False) -> bool:
    """Whether a noun names a news outlet. After "told", any organisation counts ("told Reuters"); elsewhere
    ("the FSB's spokesperson") the name itself must look like a medium."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False  # a pronoun, or a verb the parse made an object ('told BBC News US policy "condemns"')
    # The words of its own name, not of the whole phrase before it ('told BBC News US policy "condemns"').
    words = {w.lower_ for w in token.doc[_name_start(token) : token.i + 1]}
    if token.ent_type_ == "PERSON":
        # A person, unless the name is a newspaper's the model took for one ("the Sunday Telegraph said").
        return len(words) > 1 and bool(words & OUTLET_HINTS)
    if words & KNOWN_OUTLETS:
        return True
    if token.lower_ in OUTLET_HINTS and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        return True  # "the Civic Wire agency", "the Harbour Post newspaper"
    if token.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC") or token.pos_ == "PROPN":
        if words & OUTLET_HINTS:
            return True
        # "told Kyodo" is an outlet; "told the Parliamentary Labour Party" or "told the court" is an audience.
        return spoken_to and token.ent_type_ == "ORG" and token.lemma_.lower() not in ORGANISATION_NOUNS
    return False


def _named_outlet(token: Token) -> bool:
    return (
        token.dep_ in ("dobj", "dative", "pobj", "poss", "nsubj", "compound", "conj")
        and looks_like_outlet(token)
        and not (token.dep_ == "compound" and looks_like_outlet(token.head))
    )


def last_outlet_before(doc: Doc, offset: int, *, plural: bool = False) -> str | None:
    """The latest outlet named before offset, for "he told the newspaper"; for "the papers" ("both
    newspapers said"), the two named together ("the Sunday Times and Sunday Telegraph")."""
    # No span when no whole token ends before offset: nothing is named before it.
    before = doc.char_span(0, offset, alignment_mode="contract") if offset else None
    for token in reversed(doc[: before.end]) if before is not None else ():
        if _named_outlet(token):
            if plural and token.dep_ == "conj" and token.head.pos_ == "PROPN":
                return f"{outlet_phrase(token.head)} and {outlet_phrase(token)}"
            return outlet_phrase(token)
    return None


def first_outlet_after(doc: Doc, offset: int, limit: int) -> str | None:
    """The first outlet named between offset and limit: "newspaper reports claim" before "The Sunday
    Telegraph said"."""
    return next(
        (outlet_phrase(t) for t in doc if offset < t.idx < limit and t.dep_ != "conj" and _named_outlet(t)), None
    )


_FRAMING_VERBS = frozenset({"write", "speak", "talk"})


def _quoted_by(cue: Token) -> str | None:
    """ "added in remarks quoted by the paper Variety", "as reported by Reuters": the outlet that carried the
    words, named as the agent of a quoting or reporting verb hanging off the cue."""
    for token in cue.subtree:
        if token.lemma_ not in ("quote", "report", "carry", "publish") or token == cue or token.pos_ != "VERB":
            continue
        for agent in (c for c in token.children if c.dep_ == "agent"):
            target = next((t for t in agent.children if t.dep_ == "pobj"), None)
            if target is not None and (
                looks_like_outlet(target, spoken_to=True) or target.lemma_.lower() in MEDIA_NOUNS
            ):
                return outlet_phrase(target)
    return None


def according_to_outlet(sentence: Span, besides: Token | None = None) -> str | None:
    """ "The EU has said it will deliver aid, according to the Wall Street Journal": the outlet that carried a
    report (besides the "according to" itself, which reports nothing else)."""
    for token in sentence:
        if token == besides or not is_according(token):
            continue
        source = next((t for t in token.doc[token.i + 1].children if t.dep_ == "pobj"), None)
        if source is not None and looks_like_outlet(source):
            return outlet_phrase(source)
    return None


def _possessed_medium(outlet: Token) -> str | None:
    """ "told Radio 4's PM programme", parsed as two objects of "told": the station's programme, whole."""
    doc = outlet.doc
    after = outlet.i + 1
    if after >= len(doc) or doc[after].tag_ != "POS":
        return None
    medium = next(
        (
            c
            for c in outlet.head.children
            if c.dep_ == outlet.dep_ and after < c.i <= after + 4 and c.lemma_.lower() in MEDIA_NOUNS
        ),
        None,
    )
    if medium is None:
        return None
    start = _name_start(outlet)
    while start < outlet.i and doc[start].lower_ == "the":
        start += 1
    return doc[start : medium.i + 1].text


def outlet_of(cue: Token, speaker: Token | None) -> str | None:
    """The outlet named around a reporting verb, or None."""
    if cue.lemma_ in TELL_VERBS:
        for child in cue.children:
            if child.dep_ not in ("dobj", "dative", "iobj", "obj"):
                continue
            if child.pos_ == "NOUN" and child.text.islower() and child.lemma_.lower() not in MEDIA_NOUNS:
                # "told the BBC lessons were being learned": the parse takes the report's subject into the
                # outlet's phrase; the outlet is the name before it.
                # ("told BBC News people's lives "revolved around hunting"": deeper in the phrase.)
                named = next(
                    (
                        t
                        for t in child.subtree
                        if t.i < child.i and t.dep_ == "compound" and t.head.pos_ == "NOUN" and looks_like_outlet(t)
                    ),
                    None,
                )
                if named is not None:
                    return outlet_phrase(named)
            if looks_like_outlet(child, spoken_to=True):
                return _possessed_medium(child) or outlet_phrase(child)
            if child.lemma_.lower() not in MEDIA_NOUNS:
                continue
            owner = next((d for d in child.children if d.dep_ == "poss" and d.pos_ == "PROPN"), None)
            if owner is not None:
                return cue.doc[owner.left_edge.i : child.i + 1].text  # "told Villa's website"
            own = any(d.dep_ == "poss" and d.lower_ in ("his", "her", "its", "their") for d in child.children)
            if own and speaker is not None and speaker.pos_ == "PROPN":
                return f"{speaker.text}'s {child.text}"  # "Henman told his website": Henman's website
            if any(d.lower_ == "the" for d in child.children):
                return last_outlet_before(cue.doc, child.idx)
    for frame in (c for c in cue.children if c.dep_ == "advcl" and c.lemma_ in _FRAMING_VERBS):
        # "Writing in the Northern Echo, the Bishop said", "Speaking to Radio Deva, she said".
        outlet = outlet_of(frame, None)
        if outlet:
            return outlet
    quoted_by = _quoted_by(cue) or according_to_outlet(cue.sent, cue)
    if quoted_by is not None:
        return quoted_by
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "on")):
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            # "according to the Bishop" names the source, not whom it spoke to.
            if prep.lower_ == "to" and not is_according(cue) and looks_like_outlet(obj, spoken_to=True):
                return outlet_phrase(obj)
            # What one writes in is a publication ("wrote in the Northern Echo", labelled a place), unless a country
            # or city.
            written = cue.lemma_ == "write" and prep.lower_ == "in" and obj.pos_ == "PROPN" and obj.ent_type_ != "GPE"
            if prep.lower_ in ("in", "on") and (written or looks_like_outlet(obj)):
                # "wrote in the Valley Gazette", "said on Radio 4"; never "in a statement"
                return outlet_phrase(obj)
            # "in an interview with X", "in an article for X", "on X's programme"
            for inner in obj.children:
                if inner.dep_ == "prep" and inner.lower_ in ("with", "for"):
                    target = next((t for t in inner.children if t.dep_ == "pobj"), None)
                    if target is not None and looks_like_outlet(target):
                        return outlet_phrase(target)
    if speaker is not None:
        for child in speaker.children:
            if child.dep_ == "poss" and looks_like_outlet(child):
                return outlet_phrase(child)
    return None
