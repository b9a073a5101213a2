"""From a reporting verb to who spoke: the subject, its name, its role, and the outlet spoken to."""

from bisect import insort
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .cast import Cast, Mention, in_report, organisation_name
from .coreference import Coreference, noun_phrase
from .cues import is_reporting_verb, reporter_goes_on
from .lexicon import (
    DOCUMENT_NOUNS,
    GROUP_PRONOUNS,
    MEDIA_NOUNS,
    ORGANISATION_NOUNS,
    PERSON_PRONOUNS,
    QUANTITIES,
    TELL_VERBS,
    ends_like_a_person,
    is_own_outlet,
    is_person_word,
)
from .names import HONORIFICS, is_epithet, is_party_name
from .outlets import first_outlet_after, last_outlet_before, outlet_of
from .roles import affiliation_of, apposition_of, person_description, role_at_mention
from .source import Source, SourceKind


def unclosed_apposition(verb: Token) -> tuple[Token, Token] | None:
    """ "Rhodri Glyn Thomas, Plaid Cymru health spokesman said": a name and its description after a comma the
    writer never closed, which the parse makes two subjects of the verb; the name, then the description."""
    before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(before) < 2 or before[-2].pos_ != "PROPN":
        return None
    name, description = before[-2], before[-1]
    # "Lisa Power, head of policy at Aids charity the Terrence Higgins Trust said": the description the parse
    # began as the name's apposition ends in a body's name it took for another subject.
    described = any(c.dep_ == "appos" for c in name.children)
    if description.pos_ != "NOUN" and not (described and description.pos_ == "PROPN"):
        return None
    if not any(t.text == "," for t in verb.doc[name.i + 1 : description.left_edge.i]):
        return None
    return name, description


def _speaking_for(cue: Token, subject: Token) -> str | None:
    """ "For the Welsh Liberal Democrats, Kirsty Williams said": the body a person opens by speaking for."""
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and prep.right_edge.i < subject.i:
            body = next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in ("ORG", "NORP")), None)
            if body is not None and cue.doc[prep.right_edge.i + 1].text == ",":
                words = [t for t in body.subtree if t.dep_ != "det"]
                return cue.doc[words[0].i : words[-1].i + 1].text
    return None


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def subject_of(verb: Token) -> Token | None:
    """Who performs the verb: the subject, or for a passive ("branded a 'retreat' by the Tories") the agent."""
    # A mark the parser made a subject (the marks closing a quote before "said X") is none.
    subjects = [
        child
        for child in verb.children
        if child.dep_ == "nsubj" and (any(c.isalnum() for c in child.text) or child.text == "%")  # "60% said"
    ]
    if len(subjects) > 1:
        # "This, said Sloncek, should make...": the report's own subject taken for the frame's.
        subjects = [s for s in subjects if s.lower_ not in _DEMONSTRATIVES] or subjects
    if subjects:
        unclosed = unclosed_apposition(verb)
        if unclosed is not None:
            return unclosed[0]
        # When a stray word is parsed as a second subject ("Bayside Radio's correspondent X reported"), the
        # one nearest the verb is the real one.
        before = [s for s in subjects if s.i < verb.i]
        return before[-1] if before else subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    if any(child.dep_ == "nsubjpass" for child in verb.children):
        # 'described as "idle speculation" by Downing Street', the "by" hung on the quoted words.
        by = next((t for t in verb.subtree if t.i > verb.i and t.lower_ == "by" and t.dep_ == "prep"), None)
        return next((t for t in by.children if t.dep_ == "pobj"), None) if by is not None else None
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.dep_ == "ccomp" and is_reporting_verb(verb.head.head):
        # "Paul Flynn said Mr Blair had a scorching from MPs, adding: ...": the reporter adds, not the people
        # the report is about.
        return subject_of(verb.head.head)
    if (
        verb.dep_ == "xcomp"
        and verb.head != verb
        and any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)
    ):
        # "prompted some charities to say (that...)": the object of the verb it completes; "is expected to tell
        # (activists that...)": its passive's subject. Only with a clause reported ("declare it bankrupt" is none).
        controller = next((c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < verb.i), None)
        if controller is not None:
            return controller
    if reporter_goes_on(verb):
        return subject_of(verb.head.head)
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and not any(c.dep_ == "agent" for c in verb.head.children):
        # "he is seen asking", "was heard saying": whom the passive is about does the speaking.
        passive = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            return passive
    # "... and said", "adding that": the subject of the verb this one hangs off; not for a clause of its own
    # ("His comments come as Liam Fox called him ...", "after the government announced").
    if (
        verb.dep_ in ("conj", "advcl", "xcomp")
        and verb.head != verb
        and not any(c.dep_ == "mark" for c in verb.children)
        # A finite verb the parse hangs on another as an adverbial clause has a subject of its own, unlinked,
        # where the other's is a thing ("His comments come as the co-chairman, Liam Fox, on Saturday called him").
        and not (verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP") and _thing_does(verb.head))
    ):
        return subject_of(verb.head)
    # "Ministers raised an appeal arguing that...", "issued a statement saying": whoever put out the noun
    # the participle hangs off.
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        return subject_of(verb.head.head)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        # "Pountney has been banned for calling a referee 'a disgrace'": the one the clause is about did the
        # calling, passive or not.
        main = verb.head.head
        while main.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children):
            main = main.head  # "has been fined and banned ... for calling"
        return next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _thing_does(verb: Token) -> bool:
    """Whether a verb's subject is a common noun for no person ("His comments come")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "NOUN" and not is_person_word(subject.lemma_.lower())


_NOMINAL = ("PRON", "PROPN", "NOUN")


def adjacent_subject(cue: Token, *, inverted: bool = True) -> Token | None:
    """The speaker by position: right before the cue ("..., he said") or right after it ("said Paul Myers")."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and not doc[i].is_punct:
        i -= 1
    if doc[i].ent_type_ in ("DATE", "TIME"):
        # "Liam Fox, on Saturday, called": a date, and the preposition before it, are no speaker.
        while i > 0 and (doc[i].ent_type_ in ("DATE", "TIME") or doc[i].text == ","):
            i -= 1
        if doc[i].pos_ == "ADP":
            i -= 1
    if i > 0 and doc[i].text == "," and doc[i - 1].pos_ == "PROPN":
        i -= 1  # "shop owner Hayriye Evren, told Associated Press"
    if i >= 0 and doc[i].pos_ in _NOMINAL:
        # "Ms Dunwoody, who chairs the Transport Select Committee, says": whom the clause is about.
        clause = next((a for a in doc[i].ancestors if a.dep_ == "relcl"), None)
        closed = i + 1 < len(doc) and doc[i + 1].text == ","
        if clause is not None and closed and clause.right_edge.i == i and clause.head.pos_ in _NOMINAL:
            return clause.head
        return doc[i]
    if not inverted or cue.lemma_ in TELL_VERBS:
        return None  # whoever follows "told" is told, not telling
    i = cue.i + 1
    while (i < len(doc) and doc[i].pos_ in ("DET", "ADJ")) or (
        i < len(doc) and doc[i].dep_ == "compound" and doc[i].pos_ == "NOUN"
    ):
        i += 1
    if i < len(doc) and doc[i].pos_ in _NOMINAL:
        while i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i].pos_ == "PROPN":
            i += 1
        # "warned HVB Group economist Andreas Rees": the organisation and the post come before the person.
        j = i + 1
        while j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") and doc[j].ent_type_ != "PERSON":
            j += 1
        if j > i + 1 and j < len(doc) and doc[j].ent_type_ == "PERSON":
            i = j
            while i + 1 < len(doc) and doc[i + 1].ent_type_ == "PERSON":
                i += 1
        return doc[i]
    return None


def _nearest_conjunct(cue: Token, subject: Token) -> Token:
    """ "His name is Tote King and Manuel Millan says that...": a verb in the singular cannot have two people as
    its subject, so the parse joined two clauses; the one named next to the verb speaks."""
    if cue.tag_ != "VBZ" or subject.i > cue.i or cue.i == 0:
        return subject
    # People, not a firm's name ("Marks and Spencer says").
    before = cue.doc[cue.i - 1]
    if cue.dep_ == "conj" and before.ent_type_ == "PERSON" and before.dep_ == "conj" and before.head != cue:
        return before  # parsed as a second clause of "is": "... is Oren Vale and Tomas Reyd says"
    joined = [c for c in subject.children if c.dep_ == "conj" and c.i < cue.i and c.ent_type_ == "PERSON"]
    return joined[-1] if joined and subject.ent_type_ == "PERSON" else subject


def _antecedent(relative: Token) -> Token:
    """The noun a relative "who" stands for: the one the parse hangs its clause off, unless that is a thing
    and a name stands right before "who" ("labelled a misjudgement by the Conservatives who said")."""
    noun = relative.head.head
    before = relative.doc[relative.i - 1] if relative.i > 0 else relative
    if before.is_punct and before.i > 0:
        before = relative.doc[before.i - 1]
    thing = noun.pos_ == "NOUN" and not is_person_word(noun.lemma_.lower())
    if relative.lower_ == "who" and thing and before != noun and (before.pos_ == "PROPN" or before.ent_type_):
        return before
    return noun


def _described_by_last_noun(cue: Token, subject: Token) -> Token:
    """ "A Department for Constitutional Affairs spokeswoman said", parsed with the organisation as the
    subject: the common noun ending the subject's phrase right before the verb is who speaks."""
    last = cue.doc[cue.i - 1] if cue.i > 0 else None
    if (
        last is not None
        and subject.pos_ == "PROPN"
        # (Labelled or not: "A Department for Work and Pensions spokeswoman" as often goes unlabelled.)
        and (subject.ent_type_ == "ORG" or (last.tag_ == "NN" and is_person_word(last.lemma_.lower())))
        and last.pos_ == "NOUN"
        and last.lemma_.lower() not in ORGANISATION_NOUNS
        and last in subject.subtree
    ):
        return last
    return subject


def _with_misparsed_body(noun: Token, phrase: str) -> str:
    """ "A Department for Work and Pensions spokeswoman", parsed as the department with the spokeswoman the
    object of its "for": the whole description, the body's name and all."""
    prep = noun.head
    body = prep.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or body.pos_ != "PROPN" or body.i > noun.i:
        return phrase
    words = [t for t in noun.doc[body.left_edge.i : noun.i + 1] if t.dep_ != "det"]
    return noun.doc[words[0].i : noun.i + 1].text if words else phrase


def _name_after_description(subject: Token) -> str | None:
    """ "bookmaker Ladbrokes", "consultancy 4Cast" -> the name a description in lower case runs into, right
    before the verb (nothing after it: "a spokesperson for Delta Airlines" is a person)."""
    if any(not t.is_punct for t in subject.rights):
        return None
    words = [t for t in subject.doc[subject.left_edge.i : subject.i + 1] if t.dep_ != "det"]
    # A name starts with a capital or a figure ("4Cast"); a hyphen is no start ("hugely-disgruntled").
    lead = next((n for n, t in enumerate(words) if t.text[:1].isupper() or t.text[:1].isdigit()), 0)
    if lead == 0 or not all(t.text.isalnum() or t.text in "-&'" for t in words):
        return None
    return subject.doc[words[lead].i : subject.i + 1].text


def _organisation_described(subject: Token) -> str | None:
    """The name after a description in lower case that is no word for a person ("consultancy 4Cast"), else None
    ("economist Andreas Rees" is a person's title)."""
    named = _name_after_description(subject)
    return named if named and not is_person_word(noun_phrase(subject).split()[0].lower()) else None


def _proper_name(token: Token) -> bool:
    """A proper name, or a name the tagger took for a plural noun ("Rovers' statement")."""
    return token.pos_ == "PROPN" or (bool(token.ent_type_) and token.text[:1].isupper())


def _owner(document: Token) -> Token | None:
    """Whose a document is by its words: "United's statement", "the Sunday Telegraph report" (the name nearest
    the noun heads it: "Sunday" and "Telegraph" both hang off "report")."""
    owners = [c for c in document.children if c.dep_ in ("poss", "compound") and _proper_name(c) and c.i < document.i]
    # "Mr Campbell's e-mail": the possessor hangs off the first piece of a hyphenated word, which the parse makes
    # the word's child or its sibling.
    doc = document.doc
    joined = document.i >= 2 and doc[document.i - 1].text == "-" and not doc[document.i - 2].whitespace_
    pieces = [left for left in document.lefts if left.dep_ != "poss"] + ([doc[document.i - 2]] if joined else [])
    owners += [t for piece in pieces for t in piece.children if t.dep_ == "poss" and _proper_name(t)]
    return max(owners, key=lambda t: t.i) if owners else None


# Verbs by which a body or a person puts a document out: "Oxfam published a report", "she sent an e-mail".
_ISSUING = frozenset(
    {"publish", "issue", "release", "send", "write", "produce", "commission", "launch", "draw"}
    # Who made a study: "undertaken by", "carried out by", "conducted by", "compiled by", "prepared by".
    | {"undertake", "carry", "conduct", "compile", "prepare"}
)


def _issuer(document: Token) -> Token | None:
    """Who the sentence says put a document out: "the leaflet published by the CPS", "Oxfam says in a
    report", "Oxfam has published a report", "Mr Campbell's e-mail"."""
    owner = _owner(document)
    if owner is not None:
        return owner
    for child in document.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            by = next((c for c in child.children if c.dep_ == "pobj"), None)
            if by is not None and by.pos_ in ("NOUN", "PROPN"):
                # "a report by the government's finance watchdog"; "by telecoms giant BT", the name in
                # apposition to what the parse made the object.
                return next((c for c in by.children if c.dep_ == "appos" and c.pos_ == "PROPN"), by)
        if child.dep_ == "acl" and child.lemma_.lower() in _ISSUING:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if by is not None:
                return by
    verb = document.head
    if document.dep_ == "pobj" and verb.lower_ == "in":
        verb = verb.head  # "Oxfam says in a report"
    elif not (document.dep_ == "dobj" and verb.lemma_.lower() in _ISSUING):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)


def _quantity(noun: Token) -> bool:
    """A share or number of people standing for them ("a third of shoppers", "60%", "many"): a group."""
    return noun.like_num or noun.text == "%" or noun.ent_type_ in ("PERCENT", "CARDINAL") or noun.lower_ in QUANTITIES


def according_to_source(token: Token) -> Token | None:
    """ "according to Malaev": the object of "to" after "according"."""
    for prep in token.children:
        if prep.lower_ == "to":
            return next((t for t in prep.children if t.dep_ == "pobj"), None)
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        return next((t for t in nxt.children if t.dep_ == "pobj"), None)
    return None


class SpeakerResolver:
    """From a cue to its source, reading who is who from the article's cast and resolving references in the
    order a reader meets them."""

    def __init__(self, doc: Doc, text: str, quoted: list[tuple[int, int]]) -> None:
        self.cast = Cast(doc, text, quoted)
        self.coreference = Coreference(self.cast)
        self.coreference.attach_descriptions()
        self.doc = doc
        # Whose each document the story named is ("the report": Oxfam's), once a sentence has said so.
        self._issuers: dict[str, Token] = {}

    def _named(self, name: str, role: str | None) -> Source:
        return Source(name, self.cast.kind_of(name, role), role)

    def _described(self, name: str, description: Token) -> Source:
        """The person a description stands for, with it as their role if the article gave them none; later
        mentions of them ("the chancellor added") get it too."""
        role = self.cast.role_for(name)
        if role is None:
            role = person_description(description)
            if role:
                self.cast.roles[name] = role
        # "A Bayern spokesman said ... the spokesman said": still the unnamed source.
        return Source(name, "anonymous" if self._unnamed(name) else "person", role)

    def _unnamed(self, name: str | None) -> bool:
        """Whether a source is one the story only described ("a spokeswoman"), never named."""
        return any(m.name == name and not m.named for m in self.cast.mentions)

    def remember(self, source: Source) -> None:
        self.coreference.remember(source)

    def in_quote(self, token: Token) -> bool:
        return self.cast.in_quote(token)

    def from_cue(self, cue: Token, *, inverted: bool = True, quoted: tuple[int, int] | None = None) -> Source:
        """The source of a reporting verb. inverted=False when the reported words follow the verb, so the
        words right after it ("said Monday's vote was close") are the content, not the speaker."""
        subject = according_to_source(cue) if cue.lower_ == "according" else subject_of(cue)
        if subject is not None and self.in_quote(subject):
            # The parse can make a word of the quote a subject beside the real one ('"... five million
            # unemployed," warned HVB Group economist Andreas Rees'): the subject outside the quote speaks.
            subject = next(
                (c for c in cue.children if c.dep_ == "nsubj" and c.is_alpha and not self.in_quote(c)), subject
            )
        passive = any(c.dep_ == "nsubjpass" for c in cue.children)
        if (subject is None and not passive) or (subject is not None and self.in_quote(subject)):
            # Quoted words confuse the parser; news attribution frames are rigid enough to read off the text.
            subject = adjacent_subject(cue, inverted=inverted)
        if subject is None or self.in_quote(subject):
            return Source(None)
        subject = _described_by_last_noun(cue, _nearest_conjunct(cue, subject))
        source = self.from_subject(subject, addressed=self._names_in(quoted) if quoted else frozenset())
        unclosed = unclosed_apposition(cue)
        if source.kind == "person" and unclosed is not None and unclosed[1].pos_ == "PROPN":
            # The whole description, up to the verb: the parse broke it at the body's name.
            words = [t for t in self.doc[unclosed[0].i + 1 : cue.i] if not t.is_punct or t.text == "-"]
            if words and source.speaker:
                whole = self.doc[words[0].i : words[-1].i + 1].text
                self.cast.roles[source.speaker] = whole  # for the rest of the story too ("she said")
                source = replace(source, role=whole)
        elif source.kind == "person" and not source.role:
            role = person_description(unclosed[1]) if unclosed is not None else _speaking_for(cue, subject)
            source = replace(source, role=role) if role else source
        if source.speaker and source.kind in ("organization", "group"):
            # However the body was reached ("the Economy Ministry said", "the Lib Dems say"), by its full name.
            source = replace(source, speaker=self.cast.full_name(source.speaker))
        # An outlet the person was introduced with covers what they said on that occasion (past tense, or
        # "according to"); "Mr Herren says ..." in the present is the story's own framing, not that interview;
        # and the publisher's own interview ("told BBC Sport") only the words it introduces.
        occasion = cue.tag_ not in ("VBZ", "VBP")
        relayed = self.cast.outlets.get(source.speaker or "")
        if relayed is not None and is_own_outlet(relayed):
            relayed = None
        source.outlet = outlet_of(cue, subject) or (relayed if occasion else None)
        return source

    def _names_in(self, stretch: tuple[int, int]) -> frozenset[str]:
        """The proper names inside a stretch of text (a direct quote): "Ivan", "Ivan Petrov", "Mr Petrov"."""
        span = self.doc.char_span(*stretch, alignment_mode="contract")
        if span is None:
            return frozenset()
        return frozenset(t.text for t in span if t.pos_ == "PROPN" or self.cast.names.span_of(t) is not None)

    def from_subject(self, subject: Token, *, addressed: frozenset[str] = frozenset()) -> Source:
        lower = subject.lower_
        if lower in ("who", "that") and subject.head.dep_ == "relcl":
            # "senior members, who say the party needs him": the relative pronoun is the noun it hangs off.
            # ("guidance which suggests..." is a thing, not a source.)
            return self.from_subject(_antecedent(subject))
        if subject.pos_ == "PRON":
            if lower in PERSON_PRONOUNS:
                gender = PERSON_PRONOUNS[lower]
                name = self.coreference.person_before(subject.idx, gender, addressed)
                if name:
                    self.cast.gender.setdefault(name, gender)
                # "A spokeswoman said ... she added": still the unnamed source, not a person's name.
                return Source(
                    name,
                    "anonymous" if self._unnamed(name) else "person",
                    self.cast.role_for(name),
                    resolved_from_pronoun=True,
                )
            if lower in GROUP_PRONOUNS or lower == "it":
                return self.coreference.organisation_before(subject.idx, plural=lower != "it")
            return Source(None)
        lede_at, lede_person = self.cast.lede_person
        if subject.i == lede_at and lede_person:
            # The opening's description, whoever the next paragraph names ("according to his former adviser").
            return self._named(lede_person, self.cast.role_for(lede_person))
        after_title = self._named_after_title(subject)
        if after_title is not None:
            name_span, title = after_title
            name = self.cast.names.resolve_at(name_span)
            self.cast.roles[name] = title  # the whole title, not the name's last words before it ("Commons")
            return self._named(name, title)
        person = self._person_in(subject)
        if person is not None:
            name = self.cast.names.resolve_at(person)
            # The article's introduction of a person carries their fullest description; later mentions
            # shorten it ("Judge Clark"), so the first role found wins.
            return self._named(name, self.cast.role_for(name) or role_at_mention(person)[0])
        phrase = noun_phrase(subject)
        affiliation = None
        if subject.pos_ == "PROPN":
            # "Bluewave Media's Clara Ost": the name is the words after the possessor, who is her affiliation.
            possessor = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if possessor is not None and possessor.right_edge.i < subject.i:
                phrase = self.doc[possessor.right_edge.i + 1 : subject.i + 1].text
                affiliation = affiliation_of(subject)
        if subject.pos_ == "NOUN":
            phrase = self._owners_named(subject, phrase)
        # A surname the tagger takes for a plural noun ("Connors added") is still the person's.
        if (subject.pos_ == "PROPN" or subject.text.istitle()) and self.cast.names.knows(phrase):
            name = self.cast.names.resolve(phrase)
            return self._named(name, apposition_of(subject) or self.cast.role_for(name) or affiliation)
        if subject.pos_ == "PROPN" and any(c.lower_ == "the" for c in subject.children):
            # "the Bishop said", "the Chancellor added": a title in capitals, for whoever the article gave it;
            # "the Dutchman said", "the Scot admitted": an epithet (an English noun, no organisation's) for
            # whom the story is about.
            titled = self.coreference.described_person(subject)
            if titled:
                return self._described(titled, subject)
            epithet = self.coreference.recent_subject(subject.idx) if is_epithet(subject) else None
            if epithet:
                return Source(epithet, "person", self.cast.role_for(epithet))  # "the Dutchman" is no role
        nominal = (
            self._medium(subject) or self._belonging_to_someone(subject) or self._bodies_together(subject)
            if subject.pos_ == "NOUN"
            else None
        )
        if nominal is not None:
            return nominal
        affiliated = self._person_from_organisation(subject)
        if affiliated is not None:
            return affiliated
        kind: SourceKind
        # A common noun inside a name the model labels an organisation ("A Department for Constitutional
        # Affairs spokeswoman") is a description of someone from it, unless the noun is an organisation's.
        if subject.ent_type_ in ("ORG", "NORP", "GPE") and (
            not (subject.pos_ == "NOUN" and subject.text.islower()) or subject.lemma_.lower() in ORGANISATION_NOUNS
        ):
            kind = "organization"
        elif subject.tag_ in ("NNS", "NNPS"):
            kind = "group"
            behind = self._body_behind_opening_group(subject)
            if behind is not None:
                return Source(behind, "organization")
        elif subject.pos_ == "PROPN" and self.cast.full_name(phrase) != phrase:
            kind = "organization"  # an acronym the article spells out ("the FA confirmed")
        elif subject.pos_ == "PROPN" and (named := _organisation_described(subject)):
            kind, phrase = "organization", named  # "consultancy Quantlane said"
        elif subject.pos_ == "PROPN" and is_party_name(phrase):
            kind = "organization"  # "say the Lib Dems", which the model takes for a person
        elif subject.pos_ == "PROPN":
            # An unrecognised proper name in subject position is usually a person ("said Edwards").
            name = self.cast.names.resolve(phrase)
            return self._named(name, self.cast.role_for(name) or affiliation)
        else:
            # "Web tracking company Envisional said", "according to the research firm Gartner": the name the
            # organisation noun stands beside, before any "the firm" looks back for one.
            appositive = next(
                (c for c in subject.children if c.dep_ == "appos" and (c.ent_type_ == "ORG" or c.pos_ == "PROPN")), None
            )
            # ("The tour's sponsor, Mercedes, said": a body the model recognised, whatever the noun.)
            if (
                appositive is not None
                and (subject.lemma_.lower() in ORGANISATION_NOUNS or appositive.ent_type_ == "ORG")
                and appositive.i > subject.i
            ):
                return Source(noun_phrase(appositive), "organization")
            if subject.lemma_.lower() in ORGANISATION_NOUNS and any(c.lower_ == "the" for c in subject.children):
                # "the bank" after "Bank of Ulster": the latest organisation named with that word; else "the
                # firm", "the company": the organisation the story last named as a subject.
                coreference = self.coreference
                organisation = coreference.organisation_named_with(subject)
                if organisation is None and subject.lemma_.lower() == "government":
                    # "The government says": no company or party the story named before it, but the government.
                    return Source(subject.lower_, "organization")
                organisation = organisation or coreference.organisation_before(subject.idx, plural=False)
                if organisation.speaker:
                    return replace(organisation, resolved_from_pronoun=False)
                # "Building products group James Hardie ... the firm said": a name the model took for a person's
                # that the story introduced as a body; not for "the British producer", who may be a person.
                ambiguous = ends_like_a_person(subject.lemma_.lower())
                body = None if ambiguous else coreference.body_titled_before(subject.idx)
                if body is not None:
                    return body
            described = self.coreference.described_person(subject)
            if described:
                return self._described(described, subject)
            if subject.lemma_.lower() in ORGANISATION_NOUNS:
                # "A watchdog group has warned ... The Federation of Small Traders said": a story describes a
                # body before it names it; else "the government said", an unnamed body, not a person.
                named = self.coreference.organisation_named_after(subject)
                if named is None and any(c.lower_ == "the" for c in subject.children):
                    named = self.coreference.organisation_named_before(subject.idx)
                return Source(named or phrase, "organization")
            if named := _organisation_described(subject):
                return Source(named, "organization")  # "consultancy 4Cast said": a name the tagger took for a noun
            if subject.lemma_.lower() in DOCUMENT_NOUNS:
                # "United's statement to the stock exchange said", "the Sunday Telegraph report added": whose
                # it is; "a letter said", "the report found": the words do not say.
                issuer = _issuer(subject) or self._issuer_before(subject) or self._issuer_named_next(subject)
                return self._issued_by(issuer) if issuer is not None else Source(phrase)
            if _quantity(subject):
                return Source(phrase, "group")  # "A third of shoppers said", "60% of those asked", "Many said"
            # "A spokesperson for Delta Airlines told...": the description is both who and what they are,
            # and a later "she added" refers back to them.
            phrase = _with_misparsed_body(subject, phrase)
            mention = Mention(subject.idx, phrase, True, named=False, reported=in_report(subject))
            insort(self.cast.mentions, mention, key=lambda m: m.start)
            if subject.lower_.endswith(("woman", "man")):
                self.cast.gender.setdefault(phrase, "female" if subject.lower_.endswith("woman") else "male")
            return Source(phrase, "anonymous", phrase)
        if kind == "organization":
            phrase = _name_after_description(subject) or phrase  # from_cue then gives its full name
        return Source(phrase, kind)

    def _owners_named(self, noun: Token, phrase: str) -> str:
        """ "Mr Ebber's lawyers", "a spokesman for her lawyers": whose they are by the owner's fullest name
        ("Bernie Ebbers's lawyers", "spokesman for Stephanie Villalba's lawyers")."""
        for owner in (t for t in noun.subtree if t.dep_ == "poss" and t.text in phrase):
            if owner.pos_ == "PRON" and owner.lower_ in ("his", "her"):
                name = self.coreference.person_before(owner.idx, "male" if owner.lower_ == "his" else "female")
                if name:
                    phrase = phrase.replace(f"{owner.text} ", f"{name}'s ", 1)
            elif (span := self.cast.names.span_of(owner)) is not None:
                start = (
                    span.start - 1
                    if span.start and self.doc[span.start - 1].lower_.rstrip(".") in HONORIFICS
                    else span.start
                )
                phrase = phrase.replace(self.doc[start : span.end].text, self.cast.names.resolve_at(span), 1)
        return phrase

    def _issuer_before(self, document: Token) -> Token | None:
        """ "the report said": who the story said put that report out, within the paragraph before or its own
        ("Oxfam says in a report, Paying the Price. ... The report said")."""
        if not any(c.lower_ in ("the", "this") for c in document.children):
            return None
        if document.lemma_ in self._issuers:
            return self._issuers[document.lemma_]
        window = self.cast.window_start(document.idx)
        earlier = (t for t in reversed(self.doc[: document.i]) if t.idx >= window)
        same = (t for t in earlier if t.lemma_ == document.lemma_ and not self.in_quote(t))
        issuer = next((issuer for t in same if (issuer := _issuer(t)) is not None), None)
        if issuer is not None:
            # The report stays that body's for the rest of the story: "the report added", paragraphs on.
            self._issuers[document.lemma_] = issuer
        return issuer

    def _issued_by(self, issuer: Token) -> Source:
        """The source of a document: its issuer, an organisation by the whole name the model found for it
        ("Jupiter Research", where the parse hangs "Jupiter" off the verb)."""
        source = self.from_subject(issuer)
        named = next((e for e in self.cast.ents if e.start <= issuer.i < e.end and e.label_ == "ORG"), None)
        whole = organisation_name(named) if named is not None else ""
        if source.kind == "organization" and source.speaker and source.speaker in whole:
            return replace(source, speaker=self.cast.full_name(whole))
        return source

    def _issuer_named_next(self, document: Token) -> Token | None:
        """ "..., a report says. ... The National Audit Office praised ministers": a document the story opens
        on is the next body it names as a subject's, for the rest of the story ("the report added")."""
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in document.children)
        if not (indefinite and self.cast.in_opening(document.idx)):
            return None
        # Whose the next document named is ("The study, undertaken by the European Commission"), else the
        # next body named as a subject.
        limit = self.cast.paragraphs.next_end(document.idx)
        later = (t for t in self.doc[document.i + 1 :] if t.idx < limit and t.lemma_.lower() in DOCUMENT_NOUNS)
        issuer = next((found for t in later if (found := _issuer(t)) is not None), None)
        if issuer is None:
            body = self.coreference.organisation_after(document, main=True)
            issuer = body.root if body is not None else None
        if issuer is not None:
            self._issuers[document.lemma_] = issuer
        return issuer

    def _body_behind_opening_group(self, subject: Token) -> str | None:
        """ "..., MPs have warned. ... the Environmental Audit Committee said": people the story opens on by
        what they are, and whose body it names as a source next, spoke as that body."""
        bare = not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in subject.children)
        if not (bare and self.cast.in_opening(subject.idx) and is_person_word(subject.lemma_.lower())):
            return None
        return self.coreference.organisation_named_next(subject) if is_reporting_verb(subject.head) else None

    def _person_from_organisation(self, subject: Token) -> Source | None:
        """ "Toshihiko Horiuchi, from Hitachi's laboratory, said", the name labelled an organisation: someone
        "from" or "at" a body is a person, and the body their affiliation."""
        if subject.pos_ != "PROPN" or subject.ent_type_ != "ORG":
            return None
        from_body = any(
            c.dep_ == "prep"
            and c.lower_ in ("from", "at")
            and any(g.dep_ == "pobj" and g.ent_type_ == "ORG" for g in c.children)
            for c in subject.children
        )
        entity = next((e for e in self.cast.ents if e.start <= subject.i < e.end), None)
        if not from_body or entity is None or len(entity) < 2:
            return None
        return self._named(self.cast.names.resolve(entity.text), role_at_mention(entity)[0])

    def _belonging_to_someone(self, subject: Token) -> Source | None:
        """ "Her lawyers said": the people a description gives as someone's, by that someone's name ("Donna
        Clarkson's lawyers"); never the person themself."""
        pronoun = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if pronoun is None or not is_person_word(subject.lemma_.lower()):
            return None
        owner = self.coreference.person_before(pronoun.idx, "male" if pronoun.lower_ == "his" else "female")
        if owner is None:
            return None
        described = self.doc[pronoun.i + 1 : subject.i + 1].text
        kind: SourceKind = "group" if subject.tag_ == "NNS" else "anonymous"
        return Source(f"{owner}'s {described}", kind, described)

    def _bodies_together(self, subject: Token) -> Source | None:
        """ "The two companies said", "the firms say": the two organisations the story named together."""
        if subject.tag_ != "NNS" or subject.lemma_.lower() not in ORGANISATION_NOUNS:
            return None
        if not any(c.lower_ in ("the", "both", "two") for c in subject.children):
            return None
        named = self.coreference.organisations_named_together(subject.idx)
        return Source(named, "group") if named else None

    def _medium(self, subject: Token) -> Source | None:
        """ "the newspaper suggested", "both newspapers said": the outlet the story named last (the two named
        together, for a plural); "newspaper reports claim" in an opening: the outlet the next paragraph names."""
        media = [t for t in (subject, *subject.children) if t.lemma_.lower() in MEDIA_NOUNS and t.i <= subject.i]
        if not media:
            return None
        definite = any(c.lower_ in ("the", "both", "this", "these") for c in subject.children)
        if definite and media[0] == subject:
            named = last_outlet_before(self.doc, subject.idx, plural=subject.tag_ == "NNS")
        elif media[0] != subject and subject.lemma_.lower() in DOCUMENT_NOUNS:
            named = first_outlet_after(self.doc, subject.idx, self.cast.paragraphs.next_end(subject.idx))
        else:
            named = None
        if not named:
            return None
        # Two papers named together are two bodies, not one longer name a later "the newspaper" shortens.
        return Source(named, "group" if subject.tag_ == "NNS" else "organization")

    def _named_after_title(self, token: Token) -> tuple[Span, str] | None:
        """ "Shadow leader of the Commons Oliver Heald said": a word for a person whose phrase ends in a name,
        which the parse hangs inside its "of" phrase; the name, and the words before it as the title."""
        if token.pos_ != "NOUN" or not is_person_word(token.lemma_.lower()):
            return None
        span = self.cast.names.span_of(token.right_edge)
        if span is None or span.end != token.right_edge.i + 1 or span.start <= token.i or len(span) < 2:
            return None
        if self.doc[span.start - 1].dep_ == "cc":
            return None  # "The star of Rain Man and Tootsie": a title of two things, no name
        words = [
            t for t in self.doc[token.left_edge.i : span.start] if not (t.i == token.left_edge.i and t.dep_ == "det")
        ]
        if not any(t.lower_ == "of" for t in words):
            return None
        return span, self.doc[words[0].i : words[-1].i + 1].text

    def _person_in(self, token: Token) -> Span | None:
        """The person a subject names: itself, or a name in apposition to it ("the spokesperson, Vasily Malaev")."""
        names = self.cast.names
        span = names.span_of(token)
        if span is not None and not is_person_word(token.lemma_.lower()):
            return span
        # "The EU's Humanitarian Aid Commissioner, Louis Michel,": the name after the title, though the model
        # took the title for a name too.
        return next(
            (names.span_of(t) for t in token.subtree if t.dep_ == "appos" and names.span_of(t)),
            span,
        )
