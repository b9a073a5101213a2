"""People's names within one article: surnames and honorifics resolved to the fullest form used."""

from spacy.tokens import Doc, Span

HONORIFIC_GENDER = {"mr": "male", "sir": "male", "lord": "male", "mrs": "female", "ms": "female", "miss": "female",
                    "dame": "female", "lady": "female"}
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor"})


def name_tokens(name: str) -> list[str]:
    words = name.replace("\u2019", "'").split()
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return [w for w in words if w.lower().rstrip(".") not in HONORIFICS and w]


def clean_name(name: str) -> str:
    return " ".join(name_tokens(name))


class NameIndex:
    """Maps every way a person is named in the article to the fullest name used for them."""

    def __init__(self, doc: Doc):
        self._fullest: dict[str, list[str]] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self.add(ent.text)
        # The small model often labels one mention of a person as an organisation ("Declan Farris said");
        # a name whose surname is a person elsewhere in the article is that person.
        for ent in doc.ents:
            if ent.label_ != "PERSON" and all(t.pos_ == "PROPN" for t in ent) and self.knows(ent.text):
                self.add(ent.text)

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


def person_entity(token) -> Span | None:
    """The PERSON entity a token belongs to, if any."""
    if token.ent_type_ != "PERSON":
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
