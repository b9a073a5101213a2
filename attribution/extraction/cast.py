"""The article's cast, built once per article before any quote is attributed: every person and organisation
it names, every place it names them, and what it says about each (role, gender, age, the outlet they spoke to).
The speaker stages read who is who from here instead of from the words around one cue."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from .cues import is_according_source, is_reporting_verb
from .lexicon import ORGANISATION_NOUNS, PERSON_PRONOUNS, ends_like_a_person
from .names import HONORIFIC_GENDER, NameIndex, reported_pronoun
from .outlets import looks_like_outlet, outlet_of, outlet_phrase
from .quotes import Paragraphs, SpanSet
from .reported import is_headline, opens_with_title
from .roles import (
    copular_description,
    lede_description,
    relative_role,
    role_at_mention,
    title_before,
    titled_as_one_of_several,
)
from .source import SourceKind


@dataclass(frozen=True)
class Mention:
    start: int
    name: str
    is_subject: bool
    # False for a description standing in for a source ("a spokesperson for Delta Airlines").
    named: bool = True
    # Named inside what someone says or thinks ("A spokeswoman said Andi Peters would stay"), not as the
    # subject of the story's own sentence: a later "she" means the one who spoke first.
    reported: bool = False


@dataclass(frozen=True)
class Entity:
    """Someone the article names, as the whole article describes them: the picture an editor picks a speaker
    or an outlet from."""

    name: str  # the fullest form the article uses
    kind: SourceKind
    role: str | None
    # Every place the article names them, (start, end) in its text, quotes included.
    mentions: tuple[tuple[int, int], ...] = field(default=())


def is_subject(token: Token) -> bool:
    """A name that is a clause's subject, directly or in apposition to it ("the spokesman, Ed Bly, said")."""
    while token.dep_ in ("appos", "compound", "conj") and token.head != token:
        token = token.head
    # "The club's treasurer is Ines Hall": the name the subject is equated with is as much the topic.
    if token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "attr" and copular_description(token) is not None):
        return True
    # "Tait himself, at least outwardly, appeared unaffected": a name opening its sentence that the parse made
    # the root (even a verb), with the sentence's verb hanging off it, is its subject all the same.
    opens = token.left_edge.i == token.sent.start
    return token.dep_ == "ROOT" and opens and any(c.pos_ in ("VERB", "AUX") and c.i > token.i for c in token.children)


def in_report(token: Token) -> bool:
    """Whether a word stands inside what someone says or thinks (a clause complementing a verb)."""
    return any(a.dep_ in ("ccomp", "xcomp") for a in token.ancestors)


# What NER labels that can speak or publish without being a person: a company, a party's members, a country.
_ORGANISATION_KINDS: dict[str, SourceKind] = {"ORG": "organization", "NORP": "group", "GPE": "organization"}


def organisation_name(ent: Span) -> str:
    """ "the Tories'" -> "Tories": a name without its article or possessive."""
    words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
    return ent.doc[words[0].i : words[-1].i + 1].text if words else ent.text


def head_word(phrase: str) -> str:
    """The head of a description: its last word before any preposition ("spokesperson for the authority")."""
    words = phrase.lower().split()
    if not words:
        return ""
    for i, word in enumerate(words):
        if word in ("of", "for", "at", "from", "in", "with", "to") and i > 0:
            return words[i - 1]
    return words[-1]


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


_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")
_BRACKETED_END = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)?$")


def _initial_words(name: str) -> list[str]:
    """The words of a name its acronym takes its letters from: capitalised ones, an elided article dropped
    ("de l'Audiovisuel")."""
    words = [word.rsplit("'", 1)[-1] for word in name.replace("\u2019", "'").split()]
    return [word for word in words if word[:1].isupper()]


GENDERED_PRONOUNS = PERSON_PRONOUNS | {"his": "male", "himself": "male", "hers": "female", "herself": "female"}


def _shortens(short: str, full: str) -> bool:
    """Whether a name of two words or more is the end of a longer one, each word whole or cut short ("Economy
    Ministry" of "Finance and Economy Ministry", "Lib Dems" of "Liberal Democrats")."""
    words, full_words = short.split(), full.split()
    if len(words) < 2 or len(words) > len(full_words) or words == full_words:
        return False
    for word, whole in zip(words, full_words[-len(words) :], strict=True):
        stem = word.rstrip("s") if len(word) > 3 else word
        if word != whole and not (len(stem) >= 3 and word[0].isupper() and whole.startswith(stem)):
            return False
    return True


class Cast:
    """Everyone the article names, with what it says about them. The speaker stages add to it as they read
    (the role a quote's frame gives, an unnamed source a later pronoun refers back to)."""

    def __init__(self, doc: Doc, text: str, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = text
        self.ents = doc.ents  # spaCy builds them anew at every access
        self.names = NameIndex(doc)
        self.paragraphs = Paragraphs(text)
        self.quoted = SpanSet(quoted)
        # People named in the reporter's own words (not inside quotes), in order, for pronoun resolution.
        self.mentions: list[Mention] = []
        self.gender: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        # What a relative clause says a person does ("who designed the user interface"), the role of one the
        # article gives no other.
        self.relative_roles: dict[str, str] = {}
        self.outlets: dict[str, str] = {}
        self.organisations: set[str] = set()
        # Names an organisation's noun stands before as their title somewhere ("media giant Vivendi Universal").
        self.described_as_organisation: set[str] = set()
        # People whose role is a title they share with others named beside them ("Top-seeded Americans").
        self._one_of_several: set[str] = set()
        # Organisations found speaking so far, named as the article named them there ("Finance and Economy
        # Ministry"), which a shorter form later stands for.
        self.spoken_organisations: set[str] = set()
        # The ages the article gives people ("Ellis Marsh, 56,"), for "the 56-year-old said".
        self.ages: dict[str, str] = {}
        self.people = {
            name
            for name in (
                self.names.resolve_at(span)
                for span in [*(ent for ent in self.ents if ent.label_ == "PERSON"), *self.names.placed]
            )
            if len(name.split()) >= 2
        }
        # The token opening the story with a description of someone ("A senior planner has resigned") and who
        # the next paragraph names.
        self.lede_person: tuple[int, str | None] = (-1, None)
        self._collect_mentions()
        self._profile_people()
        self._type_by_pronouns()
        self._lede_role()

    @cached_property
    def opening(self) -> tuple[int, int] | None:
        """The story's first paragraph of prose, after any headline."""
        return next((p for p in self.paragraphs.ranges if not (is_headline(self.text, p) or self.in_title(p[0]))), None)

    def in_opening(self, offset: int) -> bool:
        return self.opening is not None and self.opening[0] <= offset < self.opening[1]

    @cached_property
    def story_subject(self) -> str | None:
        """The person the story opens on: the first named as a subject in its first paragraph of prose ("David
        Blunkett - who has resigned - built his reputation..."), whom words quoted with no frame at all are
        most likely from."""
        opening = self.opening
        if opening is None:
            return None
        return next(
            (
                m.name
                for m in self.mentions
                if opening[0] <= m.start < opening[1] and m.is_subject and m.named and m.name not in self.organisations
            ),
            None,
        )

    def in_quote(self, token: Token) -> bool:
        return token.idx in self.quoted

    def kind_of(self, name: str, role: str | None) -> SourceKind:
        """A named speaker is a person, unless the description says it is an organisation ("oil giant Yukos")
        and nothing else says it is a person: a full name (two words or more) the model labels a person
        somewhere is one, whatever their title; a single word labelled so once is too weak to outweigh it."""
        if name in self.organisations or (role and head_word(role) in ORGANISATION_NOUNS and name not in self.people):
            return "organization"
        return "person"

    def role_for(self, speaker: str | None) -> str | None:
        return self.roles.get(speaker) if speaker else None

    def window_start(self, offset: int) -> int:
        """Where the paragraph before the one holding offset begins: how far back a reference reaches."""
        return self.paragraphs.ranges[max(self.paragraphs.index(offset) - 1, 0)][0]

    def posts_in_capitals(self, token: Token) -> bool:
        """Whether a capitalised word the model tags a proper noun is a post ("the outgoing European
        Commissioner said"), not a name, a nationality ("the Belgian") or a word of an organisation's, a law's
        or a place's name ("the Charter" after "the Energy Charter Treaty")."""
        return (
            self.names.span_of(token) is None
            and token.ent_type_ not in ("NORP", "GPE")
            and token.lower_ not in self._words_of_other_names
        )

    @cached_property
    def _words_of_other_names(self) -> frozenset[str]:
        return frozenset(t.lower_ for ent in self.ents if ent.label_ not in ("PERSON", "NORP") for t in ent)

    def in_headline(self, offset: int) -> bool:
        return is_headline(self.text, self.paragraphs.at(offset))

    def in_title(self, offset: int) -> bool:
        return offset < self._story_start

    @cached_property
    def _story_start(self) -> int:
        """Where the paragraph after the headline line begins, or 0 when the text opens with no headline."""
        ranges = self.paragraphs.ranges
        return ranges[1][0] if opens_with_title(self.text, ranges) else 0

    def full_name(self, name: str) -> str:
        """An organisation's acronym ("FA", "CSA") as the article spells it out, where one of its
        organisations has those initials ("Football Association", "Conseil Superieur de l'Audiovisuel"); a
        shortened form ("Economy Ministry", "Lib Dems") as the one organisation it shortens names it in full."""
        if name in self._spelled_out:
            return self._spelled_out[name]
        fuller = [full for full in self._organisation_names | self.spoken_organisations if _shortens(name, full)]
        return fuller[0] if len(fuller) == 1 else name

    @cached_property
    def _organisation_names(self) -> set[str]:
        return {organisation_name(ent) for ent in self.ents if ent.label_ in ("ORG", "NORP")}

    @cached_property
    def _spelled_out(self) -> dict[str, str]:
        """Each acronym the article's organisations spell out, where only one does."""
        by_initials: dict[str, set[str]] = defaultdict(set)
        given: dict[str, str] = {}
        for ent in self.ents:
            if ent.label_ != "ORG":
                continue
            full = organisation_name(ent)
            inside = _BRACKETED_END.search(full)  # the model can take the bracket into the name
            if inside:
                full = full[: inside.start()]
                given.setdefault(inside.group(1), full)
            words = _initial_words(full)
            # An acronym inside the name gives all its letters ("UK Independence Party": UKIP).
            for initials in {"".join(w[0] for w in words), "".join(w if w.isupper() else w[0] for w in words)}:
                if 2 <= len(initials) <= 6 and len(full.split()) > 1:
                    by_initials[initials].add(full)
            # "the Royal National Institute for Deaf People (RNID)": the short form the article gives itself,
            # whatever letters it takes.
            bracketed = _BRACKETED.match(self.text, ent.end_char)
            if bracketed and len(full.split()) > 1:
                given.setdefault(bracketed.group(1), full)
        return {initials: names.pop() for initials, names in by_initials.items() if len(names) == 1} | given

    def _collect_mentions(self) -> None:
        doc = self.doc
        for ent in self.names.spans:
            if ent.start_char in self.quoted:
                continue
            name = self.names.resolve_at(ent)
            self.mentions.append(Mention(ent.start_char, name, is_subject(ent.root), reported=in_report(ent.root)))
            title = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
            first = ent[0].lower_.rstrip(".")
            for word in (title, first):
                if word in HONORIFIC_GENDER:
                    self.gender.setdefault(name, HONORIFIC_GENDER[word])
            if is_subject(ent.root):
                # "Judge Clark said in her ruling": a subject's own later pronoun tells their gender.
                pronoun = next((t.lower_ for t in doc[ent.end : ent.sent.end] if t.lower_ in GENDERED_PRONOUNS), None)
                if pronoun:
                    self.gender.setdefault(name, GENDERED_PRONOUNS[pronoun])

    def _profile_people(self) -> None:
        """Roles and affiliations from every mention, so a quote cued by a bare surname still gets them."""
        introduced: set[str] = set()
        for ent in self.names.spans:
            name = self.names.resolve_at(ent)
            age = next((c.text for c in ent.root.children if c.dep_ == "appos" and c.like_num), None)
            if age is not None:
                self.ages.setdefault(name, age)
            role, description = role_at_mention(ent)
            relative = relative_role(ent.root)
            if relative:
                self.relative_roles.setdefault(name, relative)
            title = title_before(ent)
            # ("Broadcaster Chris Evans", a person the model names as one: a body's noun that is also a person's.)
            ambiguous = title is not None and ends_like_a_person(head_word(title)) and name in self.people
            if title and head_word(title) in ORGANISATION_NOUNS and not ambiguous:
                self.described_as_organisation.add(name)
            if self.kind_of(name, role) == "organization":
                self.organisations.add(name)
            elif (
                role
                and (name not in self.roles or (name in self._one_of_several and not titled_as_one_of_several(ent)))
                and not (self.in_headline(ent.start_char) or self.in_title(ent.start_char))
            ):
                # A headline's clipped label ("Film star Ito in theatre bid") is no role; the story's own
                # introduction gives it.
                self.roles[name] = role
                if titled_as_one_of_several(ent):
                    self._one_of_several.add(name)
                else:
                    self._one_of_several.discard(name)
            if name in introduced:
                continue
            introduced.add(name)
            # A person introduced as speaking to an outlet ("Ivan, a soldier, told RT") or as its staff
            # ("RT's Roman Kosarev") is, for the whole article, quoted from that outlet.
            affiliation = _affiliation_before(ent)
            outlet = outlet_phrase(affiliation) if affiliation is not None else None
            if outlet is None and description.dep_ == "nsubj" and is_reporting_verb(description.head):
                outlet = outlet_of(description.head, None)
            if outlet:
                self.outlets[name] = outlet

    def _type_by_pronouns(self) -> None:
        """A single name the model took for a person that the article then calls "it" ("Yukos said it would
        appeal", "said its aim was") is an organisation, unless it is also "he" or "she"."""
        votes: dict[str, int] = defaultdict(int)
        for span in self.names.spans:
            verb = span.root.head
            if span.root.dep_ != "nsubj" or not is_reporting_verb(verb) or self.in_quote(span.root):
                continue
            pronoun = reported_pronoun(verb)
            if pronoun is not None:
                name = self.names.resolve_at(span)
                votes[name] += 1 if pronoun == "it" else -1
        # A full name the model labels a person is one: "Rudolf Fischer said it was going well" is about a
        # service, not him; unless an organisation's noun describes it too ("media giant Vivendi Universal").
        self.organisations |= {
            name
            for name, vote in votes.items()
            if vote > 0 and (name not in self.people or name in self.described_as_organisation)
        }

    def _lede_role(self) -> None:
        lede = lede_description(self.doc, self.text, self.paragraphs.ranges)
        if lede is None:
            return
        opening = self.paragraphs.index(lede.opening[0])
        # Only a person named in the paragraph right after the opening (none in the opening itself, but for
        # those an opening description who speaks names as someone else: "Juninho's agent has confirmed the
        # player is hoping for talks with O'Neill"); of them, the first who is the subject of the story's own
        # sentence ("The Bishop of Durham, Tom Wright,"; "Sergio Marchionne has replaced Herbert Demel", though
        # Mr Demel is described later), not of what someone says ("claims Jesus was not crucified").
        speaks = lede.subject.dep_ == "nsubj" and is_reporting_verb(lede.subject.head)
        # ("X will meet his rule, according to his former adviser": all the opening names is what it reports.)
        relayed = is_according_source(lede.subject)
        # Nor anyone the opening names by their relation to its subject ("the trial of his ex-boss Bernie Ebbers").
        related = {
            m.name for m in self.mentions if self.paragraphs.index(m.start) == opening and self._related_to_someone(m)
        }
        later = [
            m
            for m in self.mentions
            if m.start >= lede.opening[0]
            and (m.is_subject or not speaks or self.paragraphs.index(m.start) != opening)
            and not (relayed and self.paragraphs.index(m.start) == opening)
            and m.name not in related
        ]
        following = [m for m in later if self.paragraphs.index(m.start) == opening + 1]
        if not following or later[0] is not following[0]:
            return
        first = next((m for m in following if m.is_subject and not m.reported), following[0])
        if first.name not in self.organisations:
            # The opening's subject is that person, whatever else the story calls them.
            self.lede_person = (lede.subject.i, first.name)
            self.roles.setdefault(first.name, lede.description)

    def _name_at(self, mention: Mention) -> Span | None:
        at = self.doc.char_span(mention.start, mention.start + 1, alignment_mode="expand")
        return self.names.span_of(at[0]) if at is not None else None

    def _related_to_someone(self, mention: Mention) -> bool:
        """ "The former finance chief has finished giving evidence at the trial of his ex-boss Bernie Ebbers": a
        person named by their relation to another ("his", "her") is not that other."""
        name = self._name_at(mention)
        return name is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in name.root.children)

    def entities(self) -> list[Entity]:
        """Everyone the article names, once each under its fullest name, in order of first mention, with the
        role the article gives them; read after the quotes are attributed, so their roles count too."""
        places: dict[str, list[tuple[int, int]]] = defaultdict(list)
        kinds: dict[str, SourceKind] = {}
        for span in self.names.spans:
            name = self.names.resolve_at(span)
            places[name].append((span.start_char, span.end_char))
            kinds.setdefault(name, "organization" if name in self.organisations else "person")
        for ent in self.ents:
            if ent.label_ not in _ORGANISATION_KINDS or self.names.span_of(ent.root) is not None:
                continue
            name = self.full_name(organisation_name(ent))  # "FA" is listed as the Football Association
            places[name].append((ent.start_char, ent.end_char))
            kinds.setdefault(name, _ORGANISATION_KINDS[ent.label_])
        found = [
            Entity(name, kinds[name], self.roles.get(name) if kinds[name] == "person" else None, tuple(sorted(at)))
            for name, at in places.items()
            if any(letter.isupper() for letter in name)  # NER takes "harbour master" for a person now and then
        ]
        return sorted(found, key=lambda entity: entity.mentions[0])
