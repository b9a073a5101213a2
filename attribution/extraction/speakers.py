"""From a reporting verb to who spoke: the subject, its name, its role, and the outlet spoken to."""

from bisect import insort
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from .lexicon import DOCUMENT_NOUNS, GROUP_PRONOUNS, ORGANISATION_NOUNS, PERSON_PRONOUNS, REPORTING_VERBS
from .names import HONORIFIC_GENDER, NameIndex
from .outlets import looks_like_outlet, outlet_of, outlet_phrase
from .quotes import Paragraphs, SpanSet
from .reported import is_headline
from .roles import (
    affiliation_of,
    apposition_of,
    copular_description,
    core_tokens,
    description_of,
    lede_description,
    role_at_mention,
)


@dataclass(frozen=True)
class Mention:
    start: int
    name: str
    is_subject: bool
    # False for a description standing in for a source ("a spokesperson for Delta Airlines").
    named: bool = True


def _is_subject(token: Token) -> bool:
    """A name that is a clause's subject, directly or in apposition to it ("the spokesman, Ed Bly, said")."""
    while token.dep_ in ("appos", "compound", "conj") and token.head != token:
        token = token.head
    # "The club's treasurer is Ines Hall": the name the subject is equated with is as much the topic.
    return token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "attr" and copular_description(token) is not None)


SourceKind = Literal["person", "organization", "group", "anonymous", "unknown"]


@dataclass
class Source:
    speaker: str | None
    kind: SourceKind = "unknown"
    role: str | None = None
    outlet: str | None = None
    resolved_from_pronoun: bool = False

    def __post_init__(self) -> None:
        # A role says what a person is besides their name: organisations and groups have none; an unnamed
        # source ("a spokeswoman") is its description, which is both; any other role that only repeats the
        # speaker, or has no word of two letters (an initial), is no role.
        if self.role is None:
            return
        if (
            self.kind in ("organization", "group")
            or (self.kind != "anonymous" and self.role.casefold() == (self.speaker or "").casefold())
            or not any(sum(c.isalpha() for c in word) >= 2 for word in self.role.split())
        ):
            self.role = None


@dataclass(frozen=True)
class Entity:
    """Someone the article names, as the whole article describes them: the picture an editor picks a speaker
    or an outlet from."""

    name: str  # the fullest form the article uses
    kind: SourceKind
    role: str | None
    # Every place the article names them, (start, end) in its text, quotes included.
    mentions: tuple[tuple[int, int], ...] = field(default=())


# What NER labels that can speak or publish without being a person: a company, a party's members, a country.
_ORGANISATION_KINDS: dict[str, SourceKind] = {"ORG": "organization", "NORP": "group", "GPE": "organization"}


def _organisation_name(ent: Span) -> str:
    """ "the Tories'" -> "Tories": a name without its article or possessive."""
    words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
    return ent.doc[words[0].i : words[-1].i + 1].text if words else ent.text


def subject_of(verb: Token) -> Token | None:
    """Who performs the verb: the subject, or for a passive ("branded a 'retreat' by the Tories") the agent."""
    # A mark the parser made a subject (the marks closing a quote before "said X") is none.
    subjects = [child for child in verb.children if child.dep_ == "nsubj" and any(c.isalnum() for c in child.text)]
    if subjects:
        # When a stray word is parsed as a second subject ("Bayside Radio's correspondent X reported"), the
        # one nearest the verb is the real one.
        before = [s for s in subjects if s.i < verb.i]
        return before[-1] if before else subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    if any(child.dep_ == "nsubjpass" for child in verb.children):
        return None
    # "... and said", "adding that": the subject of the verb this one hangs off.
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head != verb:
        return subject_of(verb.head)
    return None


_NOMINAL = ("PRON", "PROPN", "NOUN")


def adjacent_subject(cue: Token, *, inverted: bool = True) -> Token | None:
    """The speaker by position: right before the cue ("..., he said") or right after it ("said Paul Myers")."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and not doc[i].is_punct:
        i -= 1
    if i >= 0 and doc[i].pos_ in _NOMINAL:
        return doc[i]
    if not inverted:
        return None
    i = cue.i + 1
    while (i < len(doc) and doc[i].pos_ in ("DET", "ADJ")) or (
        i < len(doc) and doc[i].dep_ == "compound" and doc[i].pos_ == "NOUN"
    ):
        i += 1
    if i < len(doc) and doc[i].pos_ in _NOMINAL:
        while i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i].pos_ == "PROPN":
            i += 1
        return doc[i]
    return None


def according_to_source(token: Token) -> Token | None:
    """ "according to Malaev": the object of "to" after "according"."""
    for prep in token.children:
        if prep.lower_ == "to":
            return next((t for t in prep.children if t.dep_ == "pobj"), None)
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        return next((t for t in nxt.children if t.dep_ == "pobj"), None)
    return None


def _noun_phrase(token: Token) -> str:
    words = [t for t in core_tokens(token) if not t.is_punct]
    if len(words) > 1 and words[0].dep_ == "det":
        words = words[1:]
    if not words:  # the parser can make a punctuation mark a subject
        return token.text
    return token.doc[words[0].i : words[-1].i + 1].text


def _has_word(phrase: str, word: str) -> bool:
    return word in {w.lower().strip(",.'") for w in phrase.split()}


def _description(noun: Token) -> str | None:
    """ "the UK chancellor said" -> "UK chancellor": a description standing for a named person is their role.
    A bare common noun ("the minister", "the report") says too little, and is too often no person at all;
    "his lawyer" describes someone by another person, which is no role of theirs."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return None
    description = description_of(noun)
    if description is None or (" " not in description and not description[:1].isupper()):
        return None
    return description


def _age_given(token: Token) -> str | None:
    """ "the 56-year-old": the age a description gives its person (the parse hangs "year" and its number
    off "old"), or None for any other word."""
    if token.lower_ != "old":
        return None
    year = next((c for c in token.children if c.lower_ in ("year", "years")), None)
    number = next((c for c in year.children if c.like_num), None) if year is not None else None
    return number.text if number is not None else None


def _affiliation_before(name: Span) -> Token | None:
    """An outlet a name is introduced as belonging to: "RT's Roman Kosarev", "Bayside Radio's transport
    correspondent Nina Castellanos" (a possessor among the few words before the name, no verb between)."""
    doc = name.doc
    for token in reversed(doc[max(name.sent.start, name.start - 6) : name.start]):
        if token.pos_ in ("VERB", "AUX") or token.is_space:
            return None
        if token.dep_ == "poss" and looks_like_outlet(token):
            return token
    return None


def _head_word(phrase: str) -> str:
    """The head of a description: its last word before any preposition ("spokesperson for the authority")."""
    words = phrase.lower().split()
    if not words:
        return ""
    for i, word in enumerate(words):
        if word in ("of", "for", "at", "from", "in", "with", "to") and i > 0:
            return words[i - 1]
    return words[-1]


def _named(name: str, role: str | None, *, person: bool = False) -> Source:
    """A named speaker: a person, unless the description says it is an organisation ("oil giant Yukos") and
    nothing else says it is a person."""
    if role and _head_word(role) in ORGANISATION_NOUNS and not person:
        return Source(name, "organization")
    return Source(name, "person", role)


GENDERED_PRONOUNS = PERSON_PRONOUNS | {"his": "male", "himself": "male", "hers": "female", "herself": "female"}


class SpeakerResolver:
    """Keeps the article's running context: names seen, who spoke last, each speaker's role."""

    def __init__(self, doc: Doc, text: str, quoted: list[tuple[int, int]]) -> None:
        self.names = NameIndex(doc)
        # People named in the reporter's own words (not inside quotes), in order, for pronoun resolution.
        self.mentions: list[Mention] = []
        self.gender: dict[str, str] = {}
        self.doc = doc
        self.text = text
        self.paragraphs = Paragraphs(self.text)
        self.quoted = SpanSet(quoted)
        self._collect_mentions(doc)
        self.roles: dict[str, str] = {}
        self.outlets: dict[str, str] = {}
        self.organisations: set[str] = set()
        # The ages the article gives people ("Ellis Marsh, 56,"), for "the 56-year-old said".
        self.ages: dict[str, str] = {}
        self.people = {
            name
            for name in (self.names.resolve(ent.text) for ent in doc.ents if ent.label_ == "PERSON")
            if len(name.split()) >= 2
        }
        # The token opening the story with a description of someone ("A senior planner has resigned") and who
        # the next paragraph names.
        self.lede_person: tuple[int, str | None] = (-1, None)
        self._profile_people(doc)
        self.last_person: str | None = None
        self.last_group: str | None = None

    def _named(self, name: str, role: str | None) -> Source:
        # Two kinds of evidence: the description's head ("oil giant Yukos", "producer X") and the model's label.
        # A full name (two words or more) the model labels a person somewhere is one, whatever their title;
        # a single word labelled so once is too weak to outweigh the description.
        return _named(name, role, person=name in self.people)

    def _collect_mentions(self, doc: Doc) -> None:
        for ent in self.names.spans:
            if ent.start_char in self.quoted:
                continue
            name = self.names.resolve(ent.text)
            self.mentions.append(Mention(ent.start_char, name, _is_subject(ent.root)))
            title = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
            first = ent[0].lower_.rstrip(".")
            for word in (title, first):
                if word in HONORIFIC_GENDER:
                    self.gender.setdefault(name, HONORIFIC_GENDER[word])
            if _is_subject(ent.root):
                # "Judge Clark said in her ruling": a subject's own later pronoun tells their gender.
                pronoun = next((t.lower_ for t in doc[ent.end : ent.sent.end] if t.lower_ in GENDERED_PRONOUNS), None)
                if pronoun:
                    self.gender.setdefault(name, GENDERED_PRONOUNS[pronoun])

    def _organisation_before(self, offset: int, *, plural: bool) -> Source:
        """ "it claimed", "they say": the latest organisation (or, for "they", group) named as a subject."""
        window = self._window_start(offset)
        # No span when no whole token ends before offset ("It said ..." opening the text): nothing to look back at.
        before = self.doc.char_span(0, offset, alignment_mode="contract")
        for token in reversed(self.doc[: before.end]) if before is not None else ():
            if token.idx < window:
                break
            if self.in_quote(token) or not _is_subject(token):
                continue
            if token.ent_type_ in ("ORG", "NORP") or (token.pos_ == "PROPN" and token.text in self.organisations):
                name = _noun_phrase(token)
                return Source(
                    self.names.resolve(name) if name in self.organisations else name,
                    "organization",
                    resolved_from_pronoun=True,
                )
            if plural and token.tag_ == "NNS":
                return Source(_noun_phrase(token), "group", resolved_from_pronoun=True)
        return Source(self.last_group, "group", resolved_from_pronoun=True)

    def _organisation_named_with(self, noun: Token) -> Source | None:
        """ "the bank" after "Bank of Ulster", "the airline" after "Skyway Airlines": the latest organisation
        the article has named with that word."""
        word = noun.lemma_.lower()
        named = [
            ent
            for ent in self.doc.ents
            if ent.end_char <= noun.idx
            and ent.label_ in ("ORG", "NORP")
            and not self.in_quote(ent[0])
            and any(t.lemma_.lower() == word or t.lower_ == word + "s" for t in ent)
            and len(_organisation_name(ent).split()) > 1  # a name, not the bare word itself
        ]
        return Source(_organisation_name(named[-1]), "organization") if named else None

    def _window_start(self, offset: int) -> int:
        """Where the paragraph before the one holding offset begins: how far back a reference reaches."""
        return self.paragraphs.ranges[max(self.paragraphs.index(offset) - 1, 0)][0]

    def _person_before(self, offset: int, gender: str | None, addressed: frozenset[str] = frozenset()) -> str | None:
        """Who a pronoun at offset stands for: the latest person named before it whose known gender fits,
        preferring one named as a subject within the last two paragraphs ("Ruth Kelly confirmed she received
        support from Opus Dei. But she denied..." is Ruth Kelly, not Opus Dei). Not anyone the quoted words
        themselves name ("I told Ivan to rest," he said): a speaker talks about others, not about themself."""
        window_start = self._window_start(offset)
        compatible = [
            m
            for m in reversed(self.mentions)
            if m.start < offset
            and m.name not in self.organisations
            and (gender is None or self.gender.get(m.name, gender) == gender)
            and not (addressed and addressed.intersection(m.name.split()))
        ]
        for mention in compatible:
            if mention.start < window_start:
                break
            if mention.is_subject:
                return mention.name
        return compatible[0].name if compatible else self.last_person

    def _profile_people(self, doc: Doc) -> None:
        """Roles and affiliations from every mention, so a quote cued by a bare surname still gets them."""
        introduced: set[str] = set()
        for ent in self.names.spans:
            name = self.names.resolve(ent.text)
            age = next((c.text for c in ent.root.children if c.dep_ == "appos" and c.like_num), None)
            if age is not None:
                self.ages.setdefault(name, age)
            role, description = role_at_mention(ent)
            if self._named(name, role).kind == "organization":
                self.organisations.add(name)
            elif role and name not in self.roles and not self._in_headline(ent.start_char):
                # A headline's clipped label ("Film star Ito in theatre bid") is no role; the story's own
                # introduction gives it.
                self.roles[name] = role
            if name in introduced:
                continue
            introduced.add(name)
            # A person introduced as speaking to an outlet ("Ivan, a soldier, told RT") or as its staff
            # ("RT's Roman Kosarev") is, for the whole article, quoted from that outlet.
            affiliation = _affiliation_before(ent)
            outlet = outlet_phrase(affiliation) if affiliation is not None else None
            if outlet is None and description.dep_ == "nsubj" and description.head.lemma_ in REPORTING_VERBS:
                outlet = outlet_of(description.head, None)
            if outlet:
                self.outlets[name] = outlet
        self._lede_role(doc)

    def _in_headline(self, offset: int) -> bool:
        return is_headline(self.text, self.paragraphs.at(offset))

    def _lede_role(self, doc: Doc) -> None:
        lede = lede_description(doc, self.text, self.paragraphs.ranges)
        if lede is None:
            return
        first = next((m for m in self.mentions if m.start >= lede.opening[0]), None)
        if first is None:
            return
        # Only a person first named in the paragraph right after the opening.
        near = self.paragraphs.index(first.start) - self.paragraphs.index(lede.opening[0]) == 1
        if near and first.name not in self.organisations:
            # The opening's subject is that person, whatever else the story calls them.
            self.lede_person = (lede.subject.i, first.name)
            self.roles.setdefault(first.name, lede.description)

    def remember(self, source: Source) -> None:
        if not source.speaker:
            return
        if source.role and source.speaker not in self.roles:
            self.roles[source.speaker] = source.role
        if source.kind == "person":
            self.last_person = source.speaker
        elif source.kind in ("organization", "group"):
            self.last_group = source.speaker

    def entities(self) -> list[Entity]:
        """Everyone the article names, once each under its fullest name, in order of first mention, with the
        role the article gives them; read after the quotes are attributed, so their roles count too."""
        places: dict[str, list[tuple[int, int]]] = defaultdict(list)
        kinds: dict[str, SourceKind] = {}
        for span in self.names.spans:
            name = self.names.resolve(span.text)
            places[name].append((span.start_char, span.end_char))
            kinds.setdefault(name, "organization" if name in self.organisations else "person")
        for ent in self.doc.ents:
            if ent.label_ not in _ORGANISATION_KINDS or self.names.span_of(ent.root) is not None:
                continue
            name = _organisation_name(ent)
            places[name].append((ent.start_char, ent.end_char))
            kinds.setdefault(name, _ORGANISATION_KINDS[ent.label_])
        found = [
            Entity(name, kinds[name], self.roles.get(name) if kinds[name] == "person" else None, tuple(sorted(at)))
            for name, at in places.items()
            if any(letter.isupper() for letter in name)  # NER takes "harbour master" for a person now and then
        ]
        return sorted(found, key=lambda entity: entity.mentions[0])

    def role_for(self, speaker: str | None) -> str | None:
        return self.roles.get(speaker) if speaker else None

    def in_quote(self, token: Token) -> bool:
        return token.idx in self.quoted

    def from_cue(self, cue: Token, *, inverted: bool = True, quoted: tuple[int, int] | None = None) -> Source:
        """The source of a reporting verb. inverted=False when the reported words follow the verb, so the
        words right after it ("said Monday's vote was close") are the content, not the speaker."""
        subject = according_to_source(cue) if cue.lower_ == "according" else subject_of(cue)
        passive = any(c.dep_ == "nsubjpass" for c in cue.children)
        if (subject is None and not passive) or (subject is not None and self.in_quote(subject)):
            # Quoted words confuse the parser; news attribution frames are rigid enough to read off the text.
            subject = adjacent_subject(cue, inverted=inverted)
        if subject is None or self.in_quote(subject):
            return Source(None)
        source = self.from_subject(subject, addressed=self._names_in(quoted) if quoted else frozenset())
        # An outlet the person was introduced with covers what they said on that occasion (past tense, or
        # "according to"); "Mr Herren says ..." in the present is the story's own framing, not that interview.
        occasion = cue.tag_ not in ("VBZ", "VBP")
        source.outlet = outlet_of(cue, subject) or (self.outlets.get(source.speaker or "") if occasion else None)
        return source

    def _names_in(self, stretch: tuple[int, int]) -> frozenset[str]:
        """The proper names inside a stretch of text (a direct quote): "Ivan", "Ivan Petrov", "Mr Petrov"."""
        span = self.doc.char_span(*stretch, alignment_mode="contract")
        if span is None:
            return frozenset()
        return frozenset(t.text for t in span if t.pos_ == "PROPN" or self.names.span_of(t) is not None)

    def from_subject(self, subject: Token, *, addressed: frozenset[str] = frozenset()) -> Source:
        lower = subject.lower_
        if lower in ("who", "that") and subject.head.dep_ == "relcl":
            # "senior members, who say the party needs him": the relative pronoun is the noun it hangs off.
            # ("guidance which suggests..." is a thing, not a source.)
            return self.from_subject(subject.head.head)
        if subject.pos_ == "PRON":
            if lower in PERSON_PRONOUNS:
                gender = PERSON_PRONOUNS[lower]
                name = self._person_before(subject.idx, gender, addressed)
                if name:
                    self.gender.setdefault(name, gender)
                # "A spokeswoman said ... she added": still the unnamed source, not a person's name.
                unnamed = any(m.name == name and not m.named for m in self.mentions)
                return Source(
                    name, "anonymous" if unnamed else "person", self.role_for(name), resolved_from_pronoun=True
                )
            if lower in GROUP_PRONOUNS or lower == "it":
                return self._organisation_before(subject.idx, plural=lower != "it")
            return Source(None)
        person = self._person_in(subject)
        if person is not None:
            name = self.names.resolve(person.text)
            # The article's introduction of a person carries their fullest description; later mentions
            # shorten it ("Judge Clark"), so the first role found wins.
            return self._named(name, self.role_for(name) or role_at_mention(person)[0])
        phrase = _noun_phrase(subject)
        affiliation = None
        if subject.pos_ == "PROPN":
            # "Bluewave Media's Clara Ost": the name is the words after the possessor, who is her affiliation.
            possessor = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if possessor is not None and possessor.right_edge.i < subject.i:
                phrase = self.doc[possessor.right_edge.i + 1 : subject.i + 1].text
                affiliation = affiliation_of(subject)
        if subject.pos_ == "PROPN" and self.names.knows(phrase):
            name = self.names.resolve(phrase)
            return self._named(name, apposition_of(subject) or self.role_for(name) or affiliation)
        kind: SourceKind
        if subject.ent_type_ in ("ORG", "NORP", "GPE"):
            kind = "organization"
        elif subject.tag_ in ("NNS", "NNPS"):
            kind = "group"
        elif subject.pos_ == "PROPN":
            # An unrecognised proper name in subject position is usually a person ("said Edwards").
            name = self.names.resolve(phrase)
            return self._named(name, self.role_for(name) or affiliation)
        else:
            if subject.lemma_.lower() in ORGANISATION_NOUNS and any(c.lower_ == "the" for c in subject.children):
                # "the bank" after "Bank of Ulster": the latest organisation named with that word; else "the
                # firm", "the company": the organisation the story last named as a subject.
                organisation = self._organisation_named_with(subject) or self._organisation_before(
                    subject.idx, plural=False
                )
                if organisation.speaker:
                    return replace(organisation, resolved_from_pronoun=False)
            described = self.lede_person[1] if subject.i == self.lede_person[0] else self._described_person(subject)
            if described:
                role = self.role_for(described)
                if role is None:
                    # Later mentions of them ("the chancellor added") get it too.
                    role = _description(subject)
                    if role:
                        self.roles[described] = role
                return Source(described, "person", role)
            if subject.lemma_.lower() in ORGANISATION_NOUNS:
                return Source(phrase, "organization")  # "the government said": an unnamed body, not a person
            if subject.lemma_.lower() in DOCUMENT_NOUNS:
                return Source(phrase)  # "a letter said", "the report found": whose, the words do not say
            # "A spokesperson for Delta Airlines told...": the description is both who and what they are,
            # and a later "she added" refers back to them.
            insort(self.mentions, Mention(subject.idx, phrase, True, named=False), key=lambda m: m.start)
            return Source(phrase, "anonymous", phrase)
        return Source(phrase, kind)

    def _person_in(self, token: Token) -> Span | None:
        """The person a subject names: itself, or a name in apposition to it ("the spokesperson, Vasily Malaev")."""
        span = self.names.span_of(token)
        if span is not None:
            return span
        return next((self.names.span_of(t) for t in token.subtree if t.dep_ == "appos" and self.names.span_of(t)), None)

    def _described_person(self, noun: Token) -> str | None:
        """ "the judge", "the spokesperson": the latest person named earlier whose role has that noun;
        "a spokesperson said ... The spokesperson, Vasily Malaev, told": the next one named with it."""
        word = noun.lemma_.lower()
        determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
        definite = bool(determiners & {"the", "this", "that"}) or any(c.dep_ == "poss" for c in noun.children)
        if definite and (age := _age_given(noun)) is not None:
            # "the 56-year-old said": the person the article gave that age, else whom it is about.
            aged = [m.name for m in self.mentions if m.start < noun.idx and self.ages.get(m.name) == age]
            return aged[-1] if aged else self._recent_subject(noun.idx)
        if not definite and not determiners & {"a", "an", "another"}:
            return None
        if definite:
            for mention in reversed(self.mentions):
                if mention.start < noun.idx and _has_word(self.roles.get(mention.name, ""), word):
                    return mention.name
        # A story often describes a source before naming them ("the operator's spokeswoman said ...
        # The spokeswoman, Miriam Okonkwo, told..."): the next person named with that noun, close by.
        following = self.paragraphs.ranges[min(self.paragraphs.index(noun.idx) + 1, len(self.paragraphs.ranges) - 1)]
        for mention in self.mentions:
            if noun.idx < mention.start < following[1] and _has_word(self.roles.get(mention.name, ""), word):
                return mention.name
        if not definite:
            return None
        if noun.tag_ != "NN" or word in ORGANISATION_NOUNS:
            return None  # "the firm said" is left to the caller's organisation lookup
        # "The Culture Secretary said", "the minister also confirmed": a title for someone the story is
        # already about, though it never gave them that title.
        return self._recent_subject(noun.idx)

    def _recent_subject(self, offset: int) -> str | None:
        """The latest person named as a subject before offset, within the paragraph before it or its own."""
        recent = [m for m in self.mentions if m.start < offset and m.start >= self._window_start(offset)]
        return next(
            (m.name for m in reversed(recent) if m.is_subject and m.named and m.name not in self.organisations), None
        )
