"""What a cue is: the word that marks words as someone's (a reporting verb, or "according to"). Every stage
that looks for attribution asks here, so a quote's cue, a reported clause's verb and the verb that shows a
name is a speaker are the same thing."""

from spacy.tokens import Doc, Token

from .lexicon import REPORTING_VERBS


def is_according(token: Token) -> bool:
    """ "according" in "according to Malaev"."""
    doc = token.doc
    return token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"


def is_according_source(token: Token) -> bool:
    """The source of "according to": "his adviser" in "according to his adviser"."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "to" and is_according(prep.head)


def _puts_it(token: Token) -> bool:
    """ "As Gavin Cox put it:", "as one analyst puts it": the idiom, not the verb of placing things."""
    return token.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)


def is_reporting_verb(token: Token) -> bool:
    # A participle modifying a noun ("computers called E-slates") reports nothing, unless it names who
    # reports ("a plan described by the minister as...") or carries what is reported ("an appeal arguing
    # that..."). A verb whose subject is "that" is a noun misread ("she added that claims ... were not true").
    return (
        (token.lemma_.lower() in REPORTING_VERBS or _puts_it(token))
        and token.pos_ in ("VERB", "AUX")
        and (token.dep_ not in ("acl", "amod") or any(c.dep_ in ("agent", "ccomp") for c in token.children))
        and not any(c.dep_ == "nsubj" and c.pos_ == "SCONJ" for c in token.children)
        and not _rules_out(token)
        and not _adds_something(token)
    )


def _rules_out(token: Token) -> bool:
    """ "ruled out a deal", "ruled the country": a ruling only when it has a clause ("ruled that ...")."""
    return token.lemma_.lower() == "rule" and any(c.dep_ in ("prt", "dobj") for c in token.children)


def _adds_something(token: Token) -> bool:
    """ "adding her mother-in-law to the house", "added 2% to its value": something put somewhere, not words."""
    return (
        token.lemma_.lower() == "add"
        and any(c.dep_ == "dobj" and not c.is_quote for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
    )


def is_cue(token: Token) -> bool:
    return is_reporting_verb(token) or is_according(token)


def reporter_goes_on(verb: Token) -> bool:
    """ "He said they had no intention of resigning and added that...": a reporting verb with no subject of its
    own that the parse joins to the clause reported, not to the verb reporting it, whose subject it shares."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head.dep_ == "ccomp"
        and is_reporting_verb(verb)
        and not is_reporting_verb(head)
        and is_reporting_verb(head.head)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )


def cues_in(doc: Doc) -> list[Token]:
    """Every cue of the article, in order: the lemma array first, as few words are cues at all."""
    # The lemmas (and the word) a cue can have, as the hashes the array holds.
    wanted = {doc.vocab.strings.add(word) for word in (*REPORTING_VERBS, "according", "put")}
    rows = doc.to_array(["LEMMA", "LOWER"]).tolist()
    return [doc[i] for i, (lemma, lower) in enumerate(rows) if (lemma in wanted or lower in wanted) and is_cue(doc[i])]


def cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    return "according to" if is_according(cue) else cue.text
