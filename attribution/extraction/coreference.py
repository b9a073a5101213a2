"""Who a pronoun or a description stands for ("she", "the firm", "the minister", "the 56-year-old"): a member of
the article's cast, looked for where a reader would look, with the checks that keep it compatible."""

from bisect import insort
from collections import Counter
from collections.abc import Callable
from functools import cached_property, partial
from itertools import pairwise

from spacy.tokens import Span, Token

from .cast import Cast, Mention, in_report, is_subject, organisation_name
from .cues import is_according_source, is_reporting_verb
from .lexicon import ORGANISATION_NOUNS, UNNAMED_SOURCE_NOUNS, is_person_word, is_title_word
from .names import PARTY_WORDS, misread_as_person, reported_pronoun
from .roles import core_tokens, is_rank, person_description, title_before
from .source import Source


def noun_phrase(token: Token) -> str:
    core = core_tokens(token)
    # A phrase ends where quoted words begin ('a psychiatric advisor "in conjunction with officials"').
    quote = next((t.i for t in core if t.is_quote and t.i > token.i), None)
    words = [t for t in core if not t.is_punct and (quote is None or t.i < quote)]
    if len(words) > 1 and words[0].dep_ == "det":
        words = words[1:]
    while token.dep_ == "poss" and len(words) > 1 and words[-1].tag_ == "POS":
        words = words[:-1]  # "the NAO's report says": the issuer, not its possessive (but "McDonald's said")
    if not words:  # the parser can make a punctuation mark a subject
        return token.text
    return token.doc[words[0].i : words[-1].i + 1].text


def _has_word(phrase: str, word: str) -> bool:
    return word in {w.lower().strip(",.'") for w in phrase.split()}


# Words that make a post another one: the shadow home secretary is not the home secretary, and a fellow
# lock is not the veteran lock the story is about.
_RANKS = frozenset({"shadow", "deputy", "vice", "assistant", "junior", "under", "associate", "fellow"})


# Titles only one person holds, whom a story names by them alone: never a title it gives its subject unsaid.
_SOVEREIGNS = frozenset({"queen", "king", "pope", "monarch", "emperor", "empress"})


def _modifiers(noun: Token) -> frozenset[str]:
    return frozenset(t.lower_ for t in noun.subtree if t.i < noun.i)


def _role_fits(role: str, *, words: frozenset[str], word: str, bodies: frozenset[str], known: frozenset[str]) -> bool:
    """Whether a person's role is what a description names: its noun, the same ranks (the deputy prime
    minister is not the prime minister, nor the other way round), and no other body or party: "the Tory
    leader" is not the Leader of the Commons (but "the Democrat senator" may be the New York Senator: a place
    is no body)."""
    if not _has_word(role, word) or any(_has_word(role, rank) != (rank in words) for rank in _RANKS):
        return False
    own = {_stem(w) for w in role.split() if _stem(w) in known} - {_stem(word)}
    return not (bodies and own and not bodies & own)


def _stem(word: str) -> str:
    """A name's first letters, the same in "Tory's", "Tory" and "Tories"."""
    return word.lower().replace("\u2019", "'").removesuffix("'s").strip(",.'")[:4]


def _bodies_named(noun: Token) -> frozenset[str]:
    """The bodies and parties a description is qualified by: "Tory" of "the Tory leader"."""
    return frozenset(
        _stem(t.text) for t in noun.subtree if t.i < noun.i and (t.lower_ in PARTY_WORDS or t.ent_type_ in _BODIES)
    )


_BODIES = ("ORG", "NORP")


def _age_given(token: Token) -> str | None:
    """ "the 56-year-old", "the 47-year-old director": the age a description gives its person (the parse hangs
    "year" and its number off "old"), or None for any other word."""
    if token.lower_ != "old":
        old = next((c for c in token.children if c.dep_ == "amod" and c.lower_ == "old"), None)
        return _age_given(old) if old is not None else None
    year = next((c for c in token.children if c.lower_ in ("year", "years")), None)
    number = next((c for c in year.children if c.like_num), None) if year is not None else None
    return number.text if number is not None else None


def _names_what_another_owns(token: Token) -> bool:
    """ "Macrovision says its new RipGuard technology will...": a name modifying a thing someone else owns (a
    product) is no organisation a later "the firm" stands for."""
    head = token
    while head.dep_ == "compound" and head.head != head:
        head = head.head
    return head != token and head.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def _former(role: str) -> bool:
    first = role.split()[0].lower()
    return first == "former" or first.startswith("ex-")


def _main_subject(noun: Token) -> bool:
    """The subject of a sentence's main verb (or of one coordinated with it)."""
    verb = noun.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _names_a_person(noun: Token) -> bool:
    return is_person_word(noun.lemma_.lower()) or is_rank(noun) or _said_to_be_someone(noun)


def _said_to_be_someone(noun: Token) -> bool:
    """ "The veteran lock, who is 36": a noun no word list knows is a person's when the sentence says "who"
    of it, as English says only of people."""
    return any(
        c.dep_ == "relcl" and any(t.lower_ in ("who", "whose") for t in c.subtree if t.i < c.i) for c in noun.children
    )


class Coreference:
    """Resolves references against the cast, remembering who spoke last as the article is read in order."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.last_person: str | None = None
        self.last_group: str | None = None

    def remember(self, source: Source) -> None:
        if not source.speaker:
            return
        if source.role and source.speaker not in self.cast.roles:
            self.cast.roles[source.speaker] = source.role
        if source.kind == "person":
            self.last_person = source.speaker
        elif source.kind in ("organization", "group"):
            self.last_group = source.speaker
        if source.kind == "organization":
            self.cast.spoken_organisations.add(source.speaker)

    def attach_descriptions(self) -> None:
        """Every definite description of a person the reporter's own sentences make a subject ("The American
        legend swept into London", "the prime minister praised ...") is the role of whom it stands for, when
        the article gives them none: speaking or not, the description says who they are."""
        cast = self.cast
        for token in cast.doc:
            # ("a claim denied by the chancellor": a passive's agent is who does it as much as a subject.)
            agent = token.dep_ == "pobj" and token.head.dep_ == "agent"
            if token.dep_ not in ("nsubj", "nsubjpass") and not agent:
                continue
            # "the 23-year-old" is tagged an adjective, and is often a passive's subject ("is undaunted by").
            aged = _age_given(token) is not None
            capitals = token.tag_ == "NNP" and token.is_title and cast.posts_in_capitals(token)
            post = token.pos_ == "NOUN" or capitals
            if not (post or aged) or cast.in_quote(token):
                continue
            # "The American legend", "the city's mayor": a phrase that starts with its article or possessor
            # ("All the user needs is..." is none).
            if not (_names_a_person(token) or aged) or not (
                token.left_edge.lower_ == "the" or token.left_edge.dep_ == "poss"
            ):
                continue
            description = person_description(token) if _names_a_person(token) else None
            person = self.described_person(token)
            if person and description:
                cast.roles.setdefault(person, description)
            if person and any(m.name == person and m.start < token.idx for m in cast.mentions):
                # The sentence is about someone named before as if it named them again: "The confident
                # 23-year-old is undaunted ... 'I like pressure,' he said" is theirs.
                insort(
                    cast.mentions, Mention(token.idx, person, True, reported=in_report(token)), key=lambda m: m.start
                )

    def person_before(self, offset: int, gender: str | None, addressed: frozenset[str] = frozenset()) -> str | None:
        """Who a pronoun at offset stands for: the latest person named before it whose known gender fits,
        preferring one named as a subject within the last two paragraphs ("Ruth Kelly confirmed she received
        support from Opus Dei. But she denied..." is Ruth Kelly, not Opus Dei). Not anyone the quoted words
        themselves name ("I told Ivan to rest," he said): a speaker talks about others, not about themself."""
        cast = self.cast
        window_start = cast.window_start(offset)
        compatible = [
            m
            for m in reversed(cast.mentions)
            if m.start < offset
            and m.name not in cast.organisations
            and (gender is None or cast.gender.get(m.name, gender) == gender)
            and not (addressed and addressed.intersection(m.name.split()))
        ]
        recent = [m for m in compatible if m.start >= window_start and m.is_subject]
        chosen = next((m for m in recent if not m.reported), recent[0] if recent else None)
        if chosen is not None:
            return chosen.name
        # With no one named as a subject near it, a pronoun goes on with whoever spoke last ("He has worked on
        # Finding Nemo and Shrek. '...,' he said"), not with a name that was only an object.
        if self.last_person and any(m.name == self.last_person for m in compatible):
            return self.last_person
        return compatible[0].name if compatible else self.last_person

    def organisation_before(self, offset: int, *, plural: bool) -> Source:
        """ "it claimed", "they say": the latest organisation (or, for "they", group) named as a subject."""
        cast = self.cast
        window = cast.window_start(offset)
        # No span when no whole token ends before offset ("It said ..." opening the text): nothing to look back at.
        before = cast.doc.char_span(0, offset, alignment_mode="contract")
        for token in reversed(cast.doc[: before.end]) if before is not None else ():
            if token.idx < window:
                break
            # The source of "according to" is who the story last quoted: "According to analysis firm Technorati,
            # ... It now estimates".
            anchor = token.head if token.dep_ == "appos" else token
            according = is_according_source(anchor)
            # ("The service is being piloted by the RNID, but the organisation says": who does it, passive or not.)
            agent = anchor.dep_ == "pobj" and anchor.head.dep_ == "agent"
            if cast.in_quote(token) or not (is_subject(token) or according or agent):
                continue
            if _names_what_another_owns(token):
                continue
            named = cast.names.span_of(token)
            typed = named is not None and cast.names.resolve_at(named) in cast.organisations
            # "Macrovision says its new technology...": a name whose own report calls it "it".
            called_it = token.dep_ == "nsubj" and is_reporting_verb(token.head) and reported_pronoun(token.head) == "it"
            if token.ent_type_ in ("ORG", "NORP") or (
                token.pos_ == "PROPN" and (token.text in cast.organisations or typed or called_it)
            ):
                name = noun_phrase(token)
                return Source(
                    cast.names.resolve(name) if name in cast.organisations else name,
                    "organization",
                    resolved_from_pronoun=True,
                )
            if plural and token.tag_ == "NNS":
                return Source(noun_phrase(token), "group", resolved_from_pronoun=True)
        return Source(self.last_group, "group", resolved_from_pronoun=True)

    def organisation_named_with(self, noun: Token) -> Source | None:
        """ "the bank" after "Bank of Ulster", "the airline" after "Skyway Airlines": the latest organisation
        the article has named with that word."""
        word = noun.lemma_.lower()
        named = [
            ent
            for ent in self.cast.ents
            if ent.end_char <= noun.idx
            and ent.label_ in ("ORG", "NORP")
            and not self.cast.in_quote(ent[0])
            and (
                any(t.lemma_.lower() == word or t.lower_ == word + "s" for t in ent)
                # "the airline" after "Delta Air Lines": the word written as two.
                or any((a.lower_ + b.lower_).rstrip("s") == word for a, b in pairwise(ent))
            )
            and len(organisation_name(ent).split()) > 1  # a name, not the bare word itself
        ]
        return Source(organisation_name(named[-1]), "organization") if named else None

    def body_titled_before(self, offset: int) -> Source | None:
        """ "Building products group James Hardie has agreed ... after the firm said": the latest name before
        offset the article introduced with an organisation's noun, though the model took it for a person's."""
        bodies = self.cast.described_as_organisation
        titled = [m.name for m in self.cast.mentions if m.start < offset and m.name in bodies]
        return Source(titled[-1], "organization") if titled else None

    def organisation_named_before(self, offset: int) -> str | None:
        """ "The Paris-based pressure group said" after "the media watchdog, Reporters Without Borders": the
        latest organisation named, in any part of a sentence, in the paragraph before offset or its own."""
        cast = self.cast
        window = cast.window_start(offset)
        named = [
            ent
            for ent in cast.ents
            if window <= ent.start_char
            and ent.end_char <= offset
            and (ent.label_ == "ORG" or misread_as_person(ent))
            and not cast.in_quote(ent[0])
            and cast.names.span_of(ent.root) is None
        ]
        if not named:
            return None
        last = named[-1]
        start = last.start
        # The model can leave a name's first capitalised word out ("Reporters" of "Reporters Without Borders").
        while start > 0 and cast.doc[start - 1].text.istitle() and cast.doc[start - 1].pos_ in ("PROPN", "NOUN"):
            start -= 1
        return cast.full_name(organisation_name(cast.doc[start : last.end]))

    def organisations_named_together(self, offset: int) -> str | None:
        """ "the two companies said" after "EADS and BAE Systems": the latest two organisations named together,
        within the paragraph before offset or its own."""
        cast = self.cast
        window = cast.window_start(offset)
        pairs = [
            (first, second)
            for first, second in pairwise(cast.ents)
            if window <= first.start_char
            and second.end_char <= offset
            and first.label_ == second.label_ == "ORG"
            and second.root.dep_ == "conj"
            and second.root.head == first.root
        ]
        if not pairs:
            return None
        first, second = pairs[-1]
        return f"{organisation_name(first)} and {organisation_name(second)}"

    def organisation_named_after(self, noun: Token) -> str | None:
        """The organisation an indefinite description ("a watchdog group") stands for, or a description the
        story opens on ("..., a report by the government's finance watchdog says. ... The National Audit Office
        said")."""
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        # A bare "the firm" refers back, even in the opening; "the government's finance watchdog" may not.
        described = any(c.dep_ in ("poss", "amod", "compound") for c in noun.children)
        if not (indefinite or (described and self.cast.in_opening(noun.idx))):
            return None
        return self.organisation_named_next(noun)

    def organisation_named_next(self, noun: Token) -> str | None:
        """The first organisation named after a noun as a subject, in its paragraph or the next, outside
        quotes."""
        ent = self.organisation_after(noun)
        return organisation_name(ent) if ent is not None else None

    def organisation_after(self, noun: Token, *, main: bool = False) -> Span | None:
        """The first organisation named after a noun as a subject (main=True: of its sentence's main verb)."""
        cast = self.cast
        limit = cast.paragraphs.next_end(noun.idx)
        return next(
            (
                ent
                for ent in cast.ents
                if noun.idx < ent.start_char < limit
                and ent.label_ == "ORG"
                and not cast.in_quote(ent[0])
                and is_subject(ent.root)
                and (not main or _main_subject(ent.root))
                and (len(ent) > 1 or ent.text.isupper())
            ),
            None,
        )

    def described_person(self, noun: Token) -> str | None:
        """ "the judge", "the spokesperson": the latest person named earlier whose role has that noun;
        "a spokesperson said ... The spokesperson, Vasily Malaev, told": the next one named with it."""
        cast = self.cast
        if noun.i == cast.lede_person[0]:
            return cast.lede_person[1]
        # "the prosecution's first witness, reporter Martin Bashir,": the name beside it says whom; as does one
        # the phrase ends on ("Labour's deputy minister for women Jacqui Smith", the name parsed into it).
        beside = next((span for c in noun.children if c.dep_ == "appos" and (span := cast.names.span_of(c))), None)
        ending = cast.names.span_of(noun.right_edge)
        if beside is None and ending is not None and ending.start > noun.i and ending.end == noun.right_edge.i + 1:
            # Only where the words from the noun to the name are the name's title, not whom the noun speaks
            # for or represents ("a spokesman for distributor Toho", "a lawyer representing Mr Wass").
            before = title_before(ending)
            if before is not None and before.endswith(cast.doc[noun.i : ending.start].text.rstrip()):
                beside = ending
        if beside is not None and cast.names.resolve_at(beside) not in cast.organisations:
            return cast.names.resolve_at(beside)
        word = noun.lemma_.lower()
        # The parse may hang the article off a modifier ("the world 200m and 400m record holder").
        determiners = {c.lower_ for c in noun.children if c.dep_ == "det"} | (
            {noun.left_edge.lower_} if noun.left_edge.dep_ == "det" else set()
        )
        definite = bool(determiners & {"the", "this", "that"}) or any(c.dep_ == "poss" for c in noun.children)
        if definite and (age := _age_given(noun)) is not None:
            # "the 56-year-old said": the person the article gave that age, else whom it is about.
            aged = [m.name for m in cast.mentions if m.start < noun.idx and cast.ages.get(m.name) == age]
            return aged[-1] if aged else self.recent_person(noun.idx)
        if not definite and not determiners & {"a", "an", "another"}:
            return None
        if cast.full_name(noun.text) != noun.text:
            return None  # "the BCC said" is the chamber, not its director general, whose role names it
        fits = partial(
            _role_fits, words=_modifiers(noun), word=word, bodies=_bodies_named(noun), known=self._body_words
        )
        if definite:
            for mention in reversed(cast.mentions):
                if mention.start < noun.idx and fits(cast.roles.get(mention.name, "")):
                    return mention.name
        # A story often describes a source before naming them ("the operator's spokeswoman said ...
        # The spokeswoman, Miriam Okonkwo, told..."): the next person named with that noun, close by.
        following_end = cast.paragraphs.next_end(noun.idx)
        for mention in cast.mentions:
            if noun.idx < mention.start < following_end and fits(cast.roles.get(mention.name, "")):
                return mention.name
        if not definite:
            return None
        # A post in capitals is a person ("the Culture Secretary"), but "the Scottish Executive" is a government.
        title = noun.tag_ == "NNP" and is_person_word(word) and word != "executive"
        # "the report added" is no one the story is about.
        if word in ORGANISATION_NOUNS or not ((noun.tag_ == "NN" and _names_a_person(noun)) or title):
            return None  # "the firm said" is left to the caller's organisation lookup, "the Treasury said" too
        # "The Culture Secretary said", "the minister also confirmed", "the champion": a title or an epithet
        # for someone the story is already about, though it never gave them that one. But a spokeswoman or an
        # official speaks for someone, and is not the person the story gave another role ("The executive
        # spokeswoman said" after "Conservative leader David McLetchie said").
        if any(c.dep_ == "poss" and self._someone(c) for c in noun.children):
            # "Mr Blair's official spokesman" speaks for the story's subject, and is not him; "the 30-year-old's
            # father", "his agent" are someone else too; "the Lib Dems' Treasury spokesman" is who the story is
            # about.
            return None
        if word in _SOVEREIGNS:
            return None  # "prompting the Queen to ask Harold Wilson": no one the story is about
        recent = self._other_than_the_subject(noun, fits) or self.recent_subject(noun.idx)
        role = cast.roles.get(recent or "")
        if word in UNNAMED_SOURCE_NOUNS and role and not _has_word(role, word):
            return None
        if role and _has_word(role, word) and not fits(role):
            return None  # "the deputy prime minister" after the prime minister is someone else
        if role and is_title_word(word) and not _has_word(role, word) and not _former(role):
            # "Tory co-chairman Liam Fox ... The prime minister ratcheted up": a post is not held by whom the
            # story gave another (an ex-chatshow host can lead a party), but, where the sentence is the
            # story's own, by someone it named without one. Inside another clause ("questions over why the
            # chancellor was not present"), or with no one untitled, the story's subject still.
            return (self._untitled_before(noun.idx) if _main_subject(noun) else None) or recent
        return recent

    def _untitled_before(self, offset: int) -> str | None:
        """The person named most often before offset among those the article gives no role (the earliest on
        a tie)."""
        cast = self.cast
        body = cast.text.find("\n")  # a headline's short form ("Kilroy") is no one of its own
        counts = Counter(
            m.name
            for m in cast.mentions
            if body < m.start < offset and m.named and m.name not in cast.organisations and m.name not in cast.roles
        )
        return counts.most_common(1)[0][0] if counts else None

    @cached_property
    def _body_words(self) -> frozenset[str]:
        """The stems of every word of a body's or a party's name in the article."""
        return frozenset(
            _stem(t.text) for ent in self.cast.ents if ent.label_ in _BODIES for t in ent if t.text[:1].isupper()
        ) | frozenset(_stem(word) for word in PARTY_WORDS)

    def _someone(self, possessor: Token) -> bool:
        """Whether a possessor is a person: named ("Mr Blair's"), a pronoun ("his") or described ("the
        player's", "the 30-year-old's")."""
        if possessor.pos_ == "PROPN":
            return self._person_named_by(possessor)
        if possessor.pos_ == "PRON":
            return possessor.lower_ in ("his", "her")
        return _age_given(possessor) is not None or (possessor.pos_ == "NOUN" and _names_a_person(possessor))

    def _person_named_by(self, token: Token) -> bool:
        named = self.cast.names.span_of(token)
        return named is not None and self.cast.names.resolve_at(named) not in self.cast.organisations

    def _other_than_the_subject(self, noun: Token, fits: Callable[[str], bool]) -> str | None:
        """ "Rio Ferdinand has said he is unsure of Malcolm Glazer's motives after the American billionaire
        launched...": a description later in the sentence whose subject is named is someone else the sentence
        names, not the subject it has called "he"; not one whose post is another ("a claim by Peter Hain, Leader
        of the Commons, that the Tory leader is...")."""
        cast = self.cast
        sentence = noun.sent
        named = [
            m
            for m in cast.mentions
            if sentence.start_char <= m.start < noun.idx and m.named and m.name not in cast.organisations
        ]
        if not named or not named[0].is_subject:
            return None
        word = noun.lemma_.lower()
        others = [
            m.name
            for m in named
            if m.name != named[0].name and not (_has_word(role := cast.roles.get(m.name, ""), word) and not fits(role))
        ]
        return others[-1] if others else None

    def recent_person(self, offset: int) -> str | None:
        """Whom the latest sentence naming a person before offset (within the paragraph before it or its own)
        is about: the first person it names, as a subject or not ("None more so than Henson, who can expect
        the spotlight of the likes of O'Driscoll. The 23-year-old...")."""
        cast = self.cast
        people = [
            m
            for m in cast.mentions
            if cast.window_start(offset) <= m.start < offset and m.named and m.name not in cast.organisations
        ]
        if not people:
            return None
        last = cast.doc.char_span(people[-1].start, people[-1].start + 1, alignment_mode="expand")
        sentence = last.sent.start_char if last is not None else people[-1].start
        return next(m.name for m in people if m.start >= sentence)

    def recent_subject(self, offset: int) -> str | None:
        """The latest person named as a subject before offset, within the paragraph before it or its own."""
        cast = self.cast
        recent = [m for m in cast.mentions if m.start < offset and m.start >= cast.window_start(offset)]
        return next(
            (m.name for m in reversed(recent) if m.is_subject and m.named and m.name not in cast.organisations), None
        )
