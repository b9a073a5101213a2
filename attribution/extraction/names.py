"""People's names within one article: surnames and honorifics resolved to the fullest form used."""

from collections import defaultdict

from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from .cues import is_reporting_verb
from .lexicon import ORGANISATION_NOUNS, PERSON_PRONOUNS, is_listed_person_word, is_person_word, is_title_word
from .pipeline import COMMON_NOUNS

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
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rt", "rev", "revd", "hon"}
)


def is_epithet(token: Token) -> bool:
    """A capitalised English noun in the singular, alone with its article, that stands for a person ("the
    Dutchman", "the Scot"), not for an organisation ("the Treasury", "the Scottish Executive")."""
    return (
        token.tag_ == "NNP"
        and all(c.dep_ in ("det", "punct") for c in token.children)
        and _common_noun(token)
        and token.lemma_.lower() not in ORGANISATION_NOUNS
        # The model calls "the Dutchman" an organisation too; a word for a man or a woman is none.
        and (token.ent_type_ not in ("ORG", "GPE", "FAC", "LOC") or token.lower_.endswith(("man", "woman")))
    )


# Letters after a name that are no part of it: "Guy Mansfield QC", "Ann Clwyd MP".
POST_NOMINALS = frozenset({"qc", "kc", "mp", "mep", "msp", "am", "obe", "mbe", "cbe", "kbe", "jr", "sr"})
# Words of parties' short names, which the model takes into the name after them ("Lib Dem Norman Baker",
# "Tory Damian Green"): a party label before a name is a title.
PARTY_WORDS = frozenset(
    {"tory", "labour", "lib", "dem", "liberal", "democrat", "conservative", "snp", "ukip", "plaid", "cymru"}
    | {"republican", "unionist", "dup", "sdlp"}
)


def name_tokens(name: str) -> list[str]:
    words = name.replace("\u2019", "'").split()
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    while len(words) > 1 and words[-1].lower().rstrip(".") in POST_NOMINALS:
        words.pop()
    return [w for w in words if w.lower().rstrip(".") not in HONORIFICS and w]


def _noun_forms(word: str) -> list[str]:
    """The word and the singulars it may be the plural of ("families" -> "family"): the noun index lists
    lemmas."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def _given_name(token: Token, *, labelled: bool = False) -> bool:
    """A capitalised word that can only be a name: no honorific, no English noun ("Pranab", not "President"
    or "Champion"), not part of another kind of entity; labelled=True when what follows is known to be a
    surname, so that the model's label on the word ("Sergio" a nationality) no longer counts."""
    return (
        token.pos_ == "PROPN"
        and token.text.istitle()
        and token.is_alpha
        and token.lower_ not in HONORIFICS
        and not _common_noun(token)
        and (labelled or token.ent_type_ in ("", "PERSON"))
    )


def _common_noun(token: Token) -> bool:
    nouns = token.doc.vocab.lookups.get_table(COMMON_NOUNS, {})
    return any(form in nouns for form in _noun_forms(token.lower_))


def _as_name(span: Span) -> Span:
    """A person's name as the model labelled it, made whole: with the given names it left out ("Pranab"
    before "Mukherjee"), without the letters after it ("QC") or words it ran on into."""
    doc = span.doc
    start, end = span.start, span.end
    # "Linda Kasabian - the" (the model runs on over a dash): a name ends on a capitalised word.
    while end - start > 1 and (doc[end - 1].lower_.rstrip(".") in POST_NOMINALS or not doc[end - 1].text[:1].isupper()):
        end -= 1
    # "Henk Ten" + "Cate" (labelled an organisation): a capitalised word the name's last word hangs on is its end.
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text.istitle() and doc[end - 1].head.i == end:
        end += 1
    # "Backbencher Stephen Pound": a word for a person before a given name is a title the model took in, as is a
    # party's label.
    while end - start > 2 and (_title_taken_in(doc[start], doc[start + 1]) or doc[start].lower_ in PARTY_WORDS):
        start += 1
    # "Wales physio Mark Davies": a common noun in lower case is no part of a name, but the end of a title.
    lower = [t.i for t in doc[start : end - 1] if t.pos_ == "NOUN" and t.text.islower()]
    if lower:
        start = lower[-1] + 1
    # "at GDC Mr Allard": an honorific opens a name, so whatever the model took in before it is none of it.
    titled = [t.i for t in doc[start + 1 : end - 1] if t.lower_.rstrip(".") in HONORIFICS]
    if titled:
        start = titled[-1]
    while (
        start > 0
        and span.start - start < 2
        and _given_name(doc[start - 1])
        and doc[start - 1].lower_ not in PARTY_WORDS
    ):
        if doc[start - 1].head.i not in range(start - 1, end):
            break
        start -= 1
    return doc[start:end]


def is_party_name(name: str) -> bool:
    """ "Lib Dems", "Tories", "Labour": a party's words alone."""
    words = name.split()
    return bool(words) and all(any(f in PARTY_WORDS for f in _noun_forms(w.lower())) for w in words)


def misread_as_person(ent: Span) -> bool:
    """A name the model labels a person's that is not one: with an article before it, honorifics aside ("The
    Da Vinci Code claims", but "the Rev Jesse Jackson"), a book's, a film's or a band's; opening with a plural
    ("Reporters Without Borders", or its end "Without Borders" alone), a body's; a party's words alone, a
    party's."""
    if ent.label_ == "PERSON" and is_party_name(ent.text):
        return True  # "the Lib Dems", "Tories": a party
    if len(ent) < 2 or ent.label_ != "PERSON":
        return False
    titled = ent[0].lower_ in ("the", "a") and ent[1].lower_.rstrip(".") not in HONORIFICS
    plural = ent[0].tag_ in ("NNS", "NNPS") and ent[0].lemma_.lower() != ent[0].lower_
    return titled or plural or ent[0].tag_ == "IN"


def capitalised_person_word(word: Token) -> bool:
    """ "Backbencher", "Economist", "Treasurer": a word for a person or a title in capitals. Known by its ending
    alone ("-er"), only where a sentence begins: mid-sentence "Peter" or "Hunter" is a given name."""
    lower = word.lower_
    return is_listed_person_word(lower) or is_title_word(lower) or (bool(word.is_sent_start) and is_person_word(lower))


def _title_taken_in(word: Token, following: Token) -> bool:
    """Whether the first word of a name the model labelled is a common noun for a person ("Backbencher",
    "Economist") before the name proper."""
    return (
        ((_common_noun(word) and capitalised_person_word(word)) or is_title_word(word.lower_))
        and following.pos_ == "PROPN"
        and following.text.istitle()
        and following.is_alpha  # "Hunter S. Thompson": an initial follows a given name, never a title
        and len(following) > 1
        # "Treasurer Peter Costello", "Chief Executive Jeff Smith": a given name or another title follows.
        and (is_title_word(following.lower_) or not is_listed_person_word(following.lower_))
    )


def one_edit_apart(a: str, b: str) -> bool:
    """Two spellings of one long surname ("Mukherjee", "Mukerjee"; "Monteith", "Montieth"): one letter added,
    dropped or changed, or two letters side by side swapped; for a name of nine letters or more, two such
    slips ("Srichaphan", "Scrichapan")."""
    if min(len(a), len(b)) >= _LONG_NAME and a[0] == b[0] and _edits(a, b) <= 2:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 6 or a[0] != b[0]:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    swapped = len(a) == len(b) and a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
    return swapped or a[i + (len(a) == len(b)) :] == b[i + 1 :]


_LONG_NAME = 9


def _edits(a: str, b: str) -> int:
    """The letters to add, drop or change to make a into b (Levenshtein's distance)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


# What "it" does as an organisation; an "it" that is, seems or takes is no one ("said it was a great day").
_EXPLETIVE_VERBS = frozenset({"be", "seem", "appear", "look", "happen", "remain", "take", "make", "mean", "matter"})


def reported_pronoun(verb: Token) -> str | None:
    """The pronoun a reporting verb's own clause uses for its subject: "it" ("said it would appeal", "said its
    aim was"), "person" ("said he was unsure"), or None."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    for token in clause.subtree:
        lower = token.lower_
        if lower in PERSON_PRONOUNS or lower in ("his", "her"):
            return "person"
        if lower == "its" or (lower == "it" and token.dep_ == "nsubj" and token.head.lemma_ not in _EXPLETIVE_VERBS):
            return "it"
    return None


class NameIndex:
    """Maps every way a person is named in the article to the fullest name used for them."""

    def __init__(self, doc: Doc):
        self._fullest: dict[str, list[str]] = {}
        self._namesakes: dict[str, list[tuple[int, str]]] = {}
        # Every stretch of the article that names a person, in order.
        # Not a span of honorifics alone ("the Rt Rev Dr" before "Tom Wright", labelled a person of its own).
        ents = doc.ents  # built anew at every access, as is doc.text
        text = doc.text
        self.spans: list[Span] = [
            _as_name(ent)
            for ent in ents
            if ent.label_ == "PERSON"
            and any(w[:1].isupper() for w in name_tokens(ent.text))
            and not misread_as_person(ent)
        ]
        propn = proper_nouns(doc)
        # Names the model did not label as people's, found where people stand ("lawyer Gregory Ioannidis").
        self.placed = _names_by_position(doc, propn, {t.i for s in self.spans for t in s})
        self.spans += self.placed
        for span in self.spans:
            self.add(span.text)
        # The small model often labels one mention of a person as an organisation ("Declan Farris said");
        # a name whose surname is a person elsewhere in the article is that person.
        # A story names a person in full before it shortens the name: a bare form the model labels otherwise
        # that the story uses before the full name ("Kasabian", a band, long before "Linda Kasabian") is
        # someone else. A headline comes before everything and does not count.
        body = text.find("\n")
        introduced: dict[str, int] = {}
        for span in self.spans:
            words = name_tokens(span.text)
            if words:
                key = self._key(words[-1])
                introduced[key] = min(introduced.get(key, span.start_char), span.start_char)
        first_use: dict[str, int] = {}
        for ent in ents:
            if ent.start_char > body:
                first_use.setdefault(ent.text, ent.start_char)
        for ent in ents:
            # "Rio Ferdinand has said he is unsure", the name labelled a place: whoever a report goes on to call
            # "he" or "she" is a person.
            if ent.label_ != "PERSON" and len(ent) > 1 and all(t.pos_ == "PROPN" and t.text.istitle() for t in ent):
                verb = ent.root.head
                if ent.root.dep_ == "nsubj" and is_reporting_verb(verb) and reported_pronoun(verb) == "person":
                    self.add(ent.text)
                    self.spans.append(ent)
        for ent in ents:
            # The tagger takes a surname ending in s for a plural noun now and then ("Connors").
            capitalised = all(t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text.istitle()) for t in ent)
            if ent.label_ == "PERSON" or not capitalised or not self.knows(ent.text):
                continue
            name = _as_name(ent)
            full = len(name_tokens(name.text)) > 1  # "Pranab" + "Mukherjee": an introduction itself
            key = self._key(name_tokens(ent.text)[-1])
            if full or introduced.get(key, 0) <= first_use.get(ent.text, len(text)):
                self.add(name.text)
                self.spans.append(name)
        # The surname of someone named in full, on its own and labelled nothing at all ("Zvonareva has lost
        # both her games").
        taken = {t.i for span in self.spans for t in span}
        self.spans += [
            doc[t.i : t.i + 1]
            for t in propn
            if t.i not in taken and not t.ent_type_ and t.text.istitle() and len(self._fullest.get(t.lower_, [])) > 1
        ]
        self.spans = sorted(
            {(span.start, span.end): span for span in self.spans if not is_party_name(span.text)}.values(),
            key=lambda span: span.start,
        )
        self._span_at = {t.i: span for span in self.spans for t in span}
        # People who share a surname ("the brother of Simon Cowell. Writer Tony Cowell..."): where each is named
        # in full, for a bare "Cowell" to mean the one named last before it.
        named_in_full: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for span in self.spans:
            words = name_tokens(span.text)
            if len(words) > 1:
                named_in_full[self._key(words[-1])].append((span.start_char, " ".join(words)))
        self._namesakes = {
            key: places for key, places in named_in_full.items() if len({name for _, name in places}) > 1
        }

    def span_of(self, token: Token) -> Span | None:
        """The name a token is part of, if it names a person."""
        return self._span_at.get(token.i)

    def _key(self, surname: str) -> str:
        """The index key of a surname, or of the one long surname it is a variant spelling of."""
        key = surname.lower()
        if key in self._fullest:
            return key
        variants = [known for known in self._fullest if one_edit_apart(key, known)]
        return variants[0] if len(variants) == 1 else key

    def knows(self, name: str) -> bool:
        words = name_tokens(name)
        return bool(words) and self._key(words[-1]) in self._fullest

    def add(self, name: str) -> None:
        words = name_tokens(name)
        if not words or is_party_name(name):
            return
        key = self._key(words[-1])
        best = self._fullest.get(key)
        if best is None or (len(words) > len(best) and self._compatible(words[:-1], best[:-1])):
            self._fullest[key] = words

    @staticmethod
    def _compatible(words: list[str], other: list[str]) -> bool:
        """Given names that can be one person's: either's are all among the other's."""
        lower = {w.lower() for w in other}
        return all(w.lower() in lower for w in words) or all(w.lower() in {x.lower() for x in words} for w in other)

    def resolve_at(self, span: Span) -> str:
        """The fullest name of the person a mention names, where two people share its surname the one named in
        full last before it."""
        words = name_tokens(span.text)
        if len(words) == 1 and (places := self._namesakes.get(self._key(words[-1]))):
            before = [name for start, name in places if start < span.start_char]
            if before:
                return before[-1]
        return self.resolve(span.text)

    def resolve(self, name: str) -> str:
        words = name_tokens(name)
        if not words:
            return name.strip()
        best = self._fullest.get(self._key(words[-1]))
        if len(words) == 1 and (best is None or len(best) == 1):
            # "Sir Anthony", "David" alone: the one person the article names in full with that given name.
            # (Among namesakes too: "his wife Sharon" after Ozzy Osbourne, before "Sharon Osbourne".)
            full_names = {" ".join(full) for full in self._fullest.values() if len(full) > 1}
            full_names |= {name for places in self._namesakes.values() for _, name in places}
            given = [full for full in full_names if full.split()[0].lower() == words[0].lower()]
            if len(given) == 1:
                return given[0]
        if best and self._compatible(words[:-1], best[:-1]):
            return " ".join(best)
        return " ".join(words)


def proper_nouns(doc: Doc) -> list[Token]:
    """The article's proper nouns, in order, read off its part-of-speech array (a tenth of its words)."""
    return [doc[i] for i, pos in enumerate(doc.to_array("POS").tolist()) if pos == PROPN]


def _honorific_surnames(doc: Doc, propn: list[Token]) -> set[str]:
    """Surnames the article puts behind Mr, Ms, Dr...: "Ms Kerr said"."""
    surnames: set[str] = set()
    for token in (doc[i] for i in sorted({t.i - 1 for t in propn if t.i > 0})):
        if token.lower_.rstrip(".") in HONORIFICS:
            end = token.i + 1
            while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text.istitle():
                end += 1
            surnames.add(doc[end].lower_)
    return surnames


# Words that refer back to a person, never to an organisation.
_PERSONAL = frozenset({"his", "her", "himself", "herself"})
_GENDERED = _PERSONAL | {"he", "she"}
# What may hang off a surname without making it part of a longer noun: commas and a clause about them.
_ASIDES = frozenset({"punct", "relcl", "appos", "acl"})


def _described_in_apposition(token: Token) -> bool:
    """ "said Nikki Rocco, head of distribution at Universal": a speaker with a person's description in
    apposition, which no organisation has."""
    return (
        token.dep_ == "nsubj"
        and is_reporting_verb(token.head)
        and any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() not in ORGANISATION_NOUNS
            for c in token.children
        )
    )


def _name_before(doc: Doc, end: int) -> int:
    """Where the name ending right before token end starts: up to three capitalised words, all of one entity
    if the model labelled one there ("Guy Mansfield QC", all an organisation to it), else unlabelled ones."""
    start = end
    last = doc[end - 1]
    while (
        start > 0
        and end - start < 3
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].text.istitle()
        and doc[start - 1].ent_type_ == last.ent_type_
        and (start == end or doc[start].ent_iob_ != "B")
    ):
        start -= 1
    return start


def _after_title(doc: Doc, start: int) -> bool:
    """Whether a bare noun naming no organisation stands right before a name, as its title ("prop Dai Young")."""
    before = doc[start - 1] if start > 0 else None
    return (
        before is not None
        and before.pos_ == "NOUN"
        and before.dep_ == "compound"
        and before.lemma_.lower() not in ORGANISATION_NOUNS
    )


def _named_after_post(chain: Span) -> bool:
    """ "Arsenal's Brazilian midfielder Edu has hit out", "his brother and representative Amadeo Fensao": the
    capitalised words right after a word for a person's post that hangs off them are a person's name, whatever
    the model labelled them. A single word only as its clause's subject (or in apposition to the post), a
    longer name only after a post by the list ("representative", not "carmaker", an -er word for a body)."""
    doc = chain.doc
    last = chain[-1]
    post = doc[chain.start - 1] if chain.start > 0 else None
    if post is None or len(chain) > 3 or not all(t.text.istitle() and t.is_alpha for t in chain):
        return False
    word = post.lemma_.lower()
    if (
        last.ent_type_ in ("GPE", "LOC", "NORP", "DATE")
        or post.tag_ != "NN"
        or not post.text.islower()
        or not is_person_word(word)
    ):
        return False
    compound = post.head == last and post.dep_ == "compound"
    # ("Kenteris' lawyer Gregory Ioannidis described", parsed as two subjects of the verb.)
    beside = post.dep_ == last.dep_ == "nsubj" and post.head == last.head
    if len(chain) > 1:
        return (compound or beside) and (is_listed_person_word(word) or is_title_word(word))
    # The parse hangs either word off the other: "midfielder" a compound of the subject "Edu", or "Edu" in
    # apposition to the subject "midfielder".
    return (compound and last.dep_ in ("nsubj", "nsubjpass")) or (
        last.head == post and last.dep_ == "appos" and post.dep_ in ("nsubj", "nsubjpass")
    )


def _names_by_position(doc: Doc, propn: list[Token], taken: set[int]) -> list[Span]:
    """Names the model did not label as people but that stand where people stand: "First Last" in
    apposition to a description ("the spokesperson, Lars Eklund,"), after a title as the subject of a
    reporting verb ("union official Karl Benn said"), or with a surname the article puts behind an honorific
    elsewhere ("Ms Kerr")."""
    titled_surnames = _honorific_surnames(doc, propn)
    # Surnames the model labels a person somewhere: "Amelie Mauresmo" is a name though only a later
    # "said Mauresmo" is labelled.
    person_surnames = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON"}
    # ... or that speaks on its own ("said Pizzorno" after "guitarist Sergio Pizzorno").
    speaking_alone = {
        t.lower_ for t in propn if t.dep_ == "nsubj" and is_reporting_verb(t.head) and not any(t.children)
    }
    person_surnames |= speaking_alone
    # ... or whose own clause refers back to them as a man or a woman ("Zvonareva has lost both her games",
    # "Baros, who is the top scorer, denied a row but claims he is mystified"), which no organisation's does:
    # that overrides the model's label on the full name ("Milan Baros" an organisation).
    gendered = {
        t.lower_
        for t in propn
        if t.dep_ == "nsubj"
        and all(c.dep_ in _ASIDES for c in t.children)
        and any(w.lower_ in _GENDERED for w in t.head.subtree if w.i > t.i and not w.is_sent_start)
    }
    person_surnames |= gendered
    found: list[Span] = []
    for token in propn:
        if token.i in taken:
            continue
        if token.lower_ in POST_NOMINALS and token.i > 0 and doc[token.i - 1].head == token:
            # "Guy Mansfield QC" parsed with the letters as the head: only a person's name takes them; the name
            # is the run of capitalised words before them, not a title before it ("Chairman of the
            # Environmental Audit Committee Peter Ainsworth MP").
            start = _name_before(doc, token.i)
            # A party or a place before the letters is a post ("Labour MP", "Lib Dem MP"), not a name.
            named = doc[start : token.i]
            if len(named) >= 2 and not any(t.ent_type_ in ("NORP", "ORG", "GPE") for t in named):
                found.append(named)
            continue
        # The small model calls many unfamiliar names organisations; "Ms Kerr" elsewhere, or apposition to a
        # description, settles it.
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head == token:
            start -= 1
        if _named_after_post(doc[start : token.i + 1]):
            found.append(doc[start : token.i + 1])
            continue
        # "former Wales and Lions prop Dai Young ... Young told BBC Sport": a title before the name, and the
        # surname speaking on its own.
        titled_speaker = token.lower_ in speaking_alone and _after_title(doc, start)
        if (
            token.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC")
            and token.lower_ not in titled_surnames | gendered
            and not (token.dep_ == "appos" and token.head.pos_ == "NOUN")
            and not _described_in_apposition(token)
            and not titled_speaker
        ):
            continue
        chain = doc[start : token.i + 1]
        if not 2 <= len(chain) <= 3 or not all(t.text.istitle() and t.is_alpha for t in chain):
            continue
        if (
            token.lower_ in titled_surnames
            or titled_speaker
            or (token.lower_ in person_surnames and all(_given_name(t, labelled=True) for t in chain[:-1]))
        ):
            found.append(chain)
            continue
        head = token.head
        described = token.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() not in ORGANISATION_NOUNS
        speaks = token.dep_ == "nsubj" and is_reporting_verb(head)
        titled = speaks and start > 0 and doc[start - 1].pos_ == "NOUN"
        # "said Nikki Rocco, head of distribution at Universal": a description in apposition to the name.
        described |= speaks and any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() not in ORGANISATION_NOUNS
            for c in token.children
        )
        if described or titled:
            found.append(chain)
    return found
