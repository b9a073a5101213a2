"""People's names within one article: surnames and honorifics resolved to the fullest form used."""

from spacy.tokens import Doc, Span, Token

from .cues import is_reporting_verb
from .lexicon import ORGANISATION_NOUNS

HONORIFIC_GENDER = {
    "mr": "male",
    "sir": "male",
    "lord": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "dame": "female",
    "lady": "female",
}
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor"})


def name_tokens(name: str) -> list[str]:
    words = name.replace("\u2019", "'").split()
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return [w for w in words if w.lower().rstrip(".") not in HONORIFICS and w]


class NameIndex:
    """Maps every way a person is named in the article to the fullest name used for them."""

    def __init__(self, doc: Doc):
        self._fullest: dict[str, list[str]] = {}
        # Every stretch of the article that names a person, in order.
        self.spans: list[Span] = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        self.spans += _names_by_position(doc, {t.i for s in self.spans for t in s})
        for span in self.spans:
            self.add(span.text)
        # The small model often labels one mention of a person as an organisation ("Declan Farris said");
        # a name whose surname is a person elsewhere in the article is that person.
        for ent in doc.ents:
            if ent.label_ != "PERSON" and all(t.pos_ == "PROPN" for t in ent) and self.knows(ent.text):
                self.add(ent.text)
                self.spans.append(ent)
        self.spans = sorted({(span.start, span.end): span for span in self.spans}.values(), key=lambda span: span.start)
        self._span_at = {t.i: span for span in self.spans for t in span}

    def span_of(self, token: Token) -> Span | None:
        """The name a token is part of, if it names a person."""
        return self._span_at.get(token.i)

    def knows(self, name: str) -> bool:
        words = name_tokens(name)
        return bool(words) and words[-1].lower() in self._fullest

    def add(self, name: str) -> None:
        words = name_tokens(name)
        if not words:
            return
        key = words[-1].lower()
        best = self._fullest.get(key)
        if best is None or (len(words) > len(best) and self._compatible(words, best)):
            self._fullest[key] = words

    @staticmethod
    def _compatible(words: list[str], other: list[str]) -> bool:
        lower = {w.lower() for w in other}
        return all(w.lower() in lower for w in words) or all(w.lower() in {x.lower() for x in words} for w in other)

    def resolve(self, name: str) -> str:
        words = name_tokens(name)
        if not words:
            return name.strip()
        best = self._fullest.get(words[-1].lower())
        if best and self._compatible(words, best):
            return " ".join(best)
        return " ".join(words)


def _honorific_surnames(doc: Doc) -> set[str]:
    """Surnames the article puts behind Mr, Ms, Dr...: "Ms Kerr said"."""
    surnames: set[str] = set()
    for token in doc:
        if token.lower_.rstrip(".") in HONORIFICS and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            end = token.i + 1
            while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text.istitle():
                end += 1
            surnames.add(doc[end].lower_)
    return surnames


def _names_by_position(doc: Doc, taken: set[int]) -> list[Span]:
    """Names the model did not label as people but that stand where people stand: "First Last" in
    apposition to a description ("the spokesperson, Lars Eklund,"), after a title as the subject of a
    reporting verb ("union official Karl Benn said"), or with a surname the article puts behind an honorific
    elsewhere ("Ms Kerr")."""
    titled_surnames = _honorific_surnames(doc)
    found: list[Span] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in taken:
            continue
        # The small model calls many unfamiliar names organisations; "Ms Kerr" elsewhere, or apposition to a
        # description, settles it.
        if (
            token.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC")
            and token.lower_ not in titled_surnames
            and not (token.dep_ == "appos" and token.head.pos_ == "NOUN")
        ):
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head == token:
            start -= 1
        chain = doc[start : token.i + 1]
        if not 2 <= len(chain) <= 3 or not all(t.text.istitle() and t.is_alpha for t in chain):
            continue
        if token.lower_ in titled_surnames:
            found.append(chain)
            continue
        head = token.head
        described = token.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() not in ORGANISATION_NOUNS
        titled = token.dep_ == "nsubj" and is_reporting_verb(head) and start > 0 and doc[start - 1].pos_ == "NOUN"
        if described or titled:
            found.append(chain)
    return found
