"""The speaker's role: the title or description an article attaches to a name."""

import re
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from .cues import is_according_source, is_reporting_verb
from .lexicon import (
    DOCUMENT_NOUNS,
    ORGANISATION_NOUNS,
    ORIGIN_NOUNS,
    ends_like_a_person,
    is_listed_person_word,
    is_person_word,
    is_title_word,
)
from .names import HONORIFICS, PARTY_WORDS, capitalised_person_word
from .outlets import looks_like_outlet

_DROP_EDGES = {"det", "punct", "cc", "case", "prep"}


def _trim(tokens: list[Token]) -> str | None:
    """The words as one phrase, without edge determiners, punctuation, honorifics or a possessor outlet."""
    possessor = max(
        (t.i for t in tokens if t.dep_ == "case" and t.head.dep_ == "poss" and looks_like_outlet(t.head)), default=None
    )
    if possessor is not None:
        tokens = [t for t in tokens if t.i > possessor]
    while tokens and (
        tokens[0].dep_ in _DROP_EDGES
        or tokens[0].is_punct
        or tokens[0].lower_.rstrip(".") in HONORIFICS
        or (tokens[0].dep_ == "poss" and tokens[0].pos_ == "PRON")  # "its chief finance officer"
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].dep_ in ("punct", "cc", "case") or tokens[-1].is_punct or tokens[-1].lower_.rstrip(".") in HONORIFICS
    ):
        tokens = tokens[:-1]
    if not tokens or _nationality_alone(tokens):
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _nationality_alone(tokens: list[Token]) -> bool:
    """ "fellow American", "Britain's": where someone is from says nothing of what they do."""
    content = [t for t in tokens if t.lower_ != "fellow" and not t.is_punct and t.tag_ != "POS"]
    return bool(content) and all(t.ent_type_ in ("NORP", "GPE") for t in content)


def title_before(name: Span) -> str | None:
    """Words right in front of a name inside its noun phrase: "chief executive Steven Theede", "Ukrainian
    soldier Sergey"."""
    doc = name.doc
    start = name.start
    # Read the title off the words, not the parse, which often breaks a long pre-name title apart ("World
    # outdoor triple jump record holder and BBC pundit Jonathan Edwards"). Stop at a possessor ("RT's Roman
    # Kosarev"), punctuation, a verb, another name, a date or a line break.
    before = name.start
    while before > 0 and doc[before - 1].lower_.rstrip(".") in HONORIFICS:
        before -= 1
    if before == 0 or doc[before - 1].lower_ in ("and", "of"):
        return None  # "images of Ms Simonetti", "the death of Dr David Kelly", "Ant and Dec": no title
    while start > 0:
        if start >= 3 and doc[start - 1].text == ")" and doc[start - 3].text == "(" and doc[start - 2].is_upper:
            start -= 3  # "World Anti-Doping Agency (WADA) chief Dick Pound": the body's initials, bracketed
        elif _title_word(doc[start - 1], name):
            start -= 1
        else:
            break
    while start < name.start and doc[start].lower_ in ("and", "of"):
        start += 1
    words = list(doc[start : name.start])
    if start > 0 and doc[start - 1].tag_ == "WP$":
        return None  # "Donna Clarkson, whose daughter Lana": the daughter is hers, which is no post of Lana's
    if not any(t.pos_ in ("NOUN", "PROPN") and t.lower_.rstrip(".") not in HONORIFICS for t in words):
        return None  # "former Yukos boss" starts a title; "former" alone is none, nor "no good Mr Blair"
    post = next((t for t in reversed(words) if t.lower_.rstrip(".") not in HONORIFICS), None)
    # "The memory Gordon Brown says keeps returning", "Arnold's gritty drama Wasp": after an article or a
    # possessor, a title ends in a word for a person.
    # Bare, a noun before a name is its post, whatever the word ("Fly-half Charlie Hodgson admitted").
    determined = (start > 0 and doc[start - 1].tag_ in ("DT", "PRP$")) or any(t.tag_ == "POS" for t in words)
    person = post is None or not (post.pos_ == "NOUN" and post.text.islower()) or _describes(post.lemma_.lower())
    if determined and not person:
        return None
    if not _titles(words, name):
        return None
    return _trim(words)


_ARGUMENTS = frozenset({"pobj", "dobj", "attr", "nsubj", "nsubjpass"})


def _titles(words: list[Token], name: Span) -> bool:
    """Whether the words before a name are its title, not a phrase of their own: one of them hangs off the
    name, or the parse left them loose ("Boss Sir Alex Ferguson"), but none is another word's argument
    ("These are the questions Jimmy Connors will ask", "During the interview Mr Blair said")."""

    # A word of the title the tagger took for a verb ("England rugby union captain": "rugby", with "England"
    # its subject and "captain" its object): what hangs off it is in the title too.
    misread = {t.i for t in words if t.pos_ == "VERB"}

    def inside(token: Token) -> bool:
        return name.start <= token.head.i < name.end or token.head.i in misread

    def misparsed(token: Token) -> bool:
        # An object of the very verb the name is the subject of, before the name: no English clause puts its
        # object there, the parse broke a title off ("labour office chief Frank-Juergen Weise said").
        return token.dep_ in ("dobj", "nsubj") and name.root.dep_ == "nsubj" and token.head == name.root.head

    if any(inside(t) and t.lower_.rstrip(".") not in HONORIFICS for t in words):
        return True
    return not any(t.dep_ in _ARGUMENTS and not inside(t) and not misparsed(t) for t in words)


def _title_word(token: Token, name: Span) -> bool:
    # A rank is part of a title: "World number 31 Daniela Hantuchova", "world No 1".
    rank = token.like_num and token.i > 0 and token.doc[token.i - 1].lower_.rstrip(".") in ("number", "no")
    # A distance or a weight of an event: "World 100m champion", "400m runner" (the number and unit split).
    rank |= token.like_num and not token.whitespace_ and token.i + 1 < name.start and token.doc[token.i + 1].is_alpha
    # How often: "four-times finalist", "two-time champion".
    rank |= token.like_num and token.i + 1 < name.start and token.doc[token.i + 1].tag_ == "HYPH"
    if token.is_space or (token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT") and not rank):
        return False
    if token.tag_ == "POS":
        # "Senator Leahy's spokeswoman Tracy Schmaler": a possessor of the post belongs to the title; one right
        # before the name ("RT's Roman Kosarev") is an affiliation of its own.
        return token.i + 1 < name.start
    # A word in lower case is no name, whatever its tag ("harbour master", tagged a proper noun).
    common = (token.pos_ in ("NOUN", "PROPN") and token.text.islower()) or capitalised_person_word(token)
    if token.lower_ in PARTY_WORDS:
        return True  # "Lib Dem Norman Baker", which the model labels one person
    if token.ent_type_ == "PERSON" and not common:
        # Another name, unless it modifies the post after it: "Yukos boss", "Aston Villa boss", which the model
        # takes for people. But "Backbencher" or "physio" the model took into the name after it is a title.
        after = next(t for t in token.doc[token.i : name.start + 1] if t.pos_ != "PROPN" or t.i >= name.start)
        return after.i < name.start and (after.pos_ == "NOUN" or after.tag_ == "POS")
    if token.lower_ in ("and", "of", "for"):
        # Inside a title only: "record holder and BBC pundit", "Secretary of State", "minister for women";
        # "part of boss Rafa Benitez's plans" is no title of his.
        before = token.doc[token.i - 1] if token.i > 0 else token
        if token.lower_ == "for":
            # A post's portfolio ("minister for women"), not whom a spokesman speaks for.
            return before.pos_ == "NOUN" and is_title_word(before.lower_)
        return before.pos_ in ("NOUN", "PROPN") and (token.lower_ == "and" or _describes_a_person(before))
    # A participle describing the post is part of it: "managing director", "acting head", "Swansea-born actor".
    participle = token.tag_ in ("VBG", "VBN") and token.dep_ == "amod"
    # A word the parse puts in the name's noun phrase, whatever its tag ("Ulster forward", "forward" an adverb).
    # (Or hung on the verb instead, right before the name: "England forward Martin Corry says".)
    modifier = token.dep_ in ("compound", "advmod") and (
        name.root in token.ancestors or (token.i == name.start - 1 and is_listed_person_word(token.lower_))
    )
    # A noun the tagger took for a verb between a name and a noun ("England rugby union captain").
    doc = token.doc
    misread = (
        token.tag_ in ("VBP", "VB")
        and token.text.islower()
        and 0 < token.i < name.start - 1
        and doc[token.i - 1].pos_ == "PROPN"
        and doc[token.i + 1].pos_ == "NOUN"
    )
    return (
        token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
        or participle
        or modifier
        or misread
        or (token.text == "-" and not token.whitespace_)
    )


_NESTED = ("relcl", "appos", "acl", "advcl", "ccomp")


def core_tokens(head: Token) -> list[Token]:
    """The subtree of head without the clauses and appositions nested in it."""

    def nested(token: Token) -> bool:
        for ancestor in token.ancestors:
            if ancestor == head:
                return False
            if ancestor.dep_ in _NESTED:
                return True
        return False

    return [t for t in head.subtree if t == head or (t.dep_ not in _NESTED and not nested(t))]


def description_of(noun: Token) -> str | None:
    """A noun phrase as a role: "the UK's finance chief" -> "UK's finance chief"."""
    return _trim(core_tokens(noun))


def _determined(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") for c in noun.children)


def _bare_title(noun: Token) -> bool:
    """A title one person holds in a story's world, used alone ("the chancellor", "the president")."""
    return noun.lower_ in ("chancellor", "president", "premier", "governor", "mayor", "chairman", "chairwoman")


def person_description(noun: Token) -> str | None:
    """ "the UK chancellor said" -> "UK chancellor": a description standing for a named person is their role.
    A bare common noun ("the minister", "the report") says too little, and is too often no person at all;
    "his lawyer" describes someone by another person, which is no role of theirs."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return None
    if any(c.dep_ == "conj" and c.pos_ == "NOUN" and _determined(c) for c in noun.children):
        # "the prime minister and his chancellor": two people, no one's role; "the feminist writer and
        # broadcaster", "the chairman and chief executive": one person's two posts.
        return None
    description = description_of(noun)
    # A bare title the article keeps using for someone ("The chancellor said") is their role; another bare noun
    # ("the minister", "the player") says too little.
    bare = description is not None and " " not in description and not description[:1].isupper()
    if description is None or (bare and not _bare_title(noun)):
        return None
    return description


def _report_after_inverted_frame(name: Token, child: Token) -> bool:
    """ "said Mr Trainor, improvements in the way ... can reduce": after a name that follows its reporting verb,
    words no comma closes that run on into another verb are the subject of the report, not an apposition."""
    doc = name.doc
    start = name.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == name:
        start -= 1
    last = child.right_edge
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        start > 0
        and is_reporting_verb(doc[start - 1])
        and not last.is_punct
        and after is not None
        and after.pos_ in ("VERB", "AUX")
        and not is_reporting_verb(after)
    )


def apposition_of(head: Token) -> str | None:
    """ "Ivan, a Ukrainian soldier," -> "Ukrainian soldier"; the first apposition that is not a name."""
    appositions = [c for c in head.children if c.dep_ == "appos" or _parsed_as_coordination(head, c)]
    for n, child in enumerate(appositions):
        # An age ("Mr Hague, 43,") is no role; "one of the researchers behind it" is.
        age = child.like_num and not any(c.dep_ == "prep" for c in child.children)
        # Where someone is from ("a native of San Diego") says nothing of what they are.
        origin = child.lemma_.lower() in ORIGIN_NOUNS
        # A plural describes the people named together, no one of them ("Conchita Martinez and Sania Mirza, the
        # oldest and youngest players in the draw").
        together = head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
        plural = together and child.tag_ in ("NNS", "NNPS")
        if child.ent_type_ != "PERSON" and not age and not origin and not plural:
            tokens = core_tokens(child)
            # The parser splits a hyphenated word into sibling appositions ("the vice - president of ..."):
            # the pieces joined with no space are one word.
            for following in appositions[n + 1 :]:
                if not _joined(tokens[-1], following.left_edge):
                    break
                tokens += core_tokens(following)
            # "Lance Friedmann, Kraft senior vice president": the post the parse set beside the body's name,
            # with nothing between, is the rest of one title.
            doc = child.doc
            posts = (c for c in child.children if c.dep_ == "appos" and c.i > child.i and child.pos_ == "PROPN")
            for post in posts:
                between = doc[tokens[-1].i + 1 : post.left_edge.i]
                if _describes(post.lemma_.lower()) and not any(t.is_punct for t in between):
                    tokens = sorted({*tokens, *core_tokens(post)}, key=lambda t: t.i)
            # A thing the parse set beside the name ("says Dr Paniccia, telecommunications equipment that
            # amplifies...") is none: people are "who", things "that" or "which".
            # So is something of theirs ("Lord Kinnock of Bedwellty - his first constituency").
            thing = any(
                c.dep_ == "relcl" and any(t.lower_ in ("that", "which", "where") for t in c.doc[c.left_edge.i : c.i])
                for c in child.children
            ) or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in child.children)
            if thing and not any(t.pos_ == "NOUN" and _describes(t.lemma_.lower()) for t in tokens):
                continue
            if _report_after_inverted_frame(head, child):
                continue
            return _trim(tokens)
    return None


def _parsed_as_coordination(head: Token, child: Token) -> bool:
    """ "said Ian Fogg, personal technology and broadband analyst at Jupiter Research": a singular common
    noun right after the name and its comma, parsed as a coordination, is an apposition."""
    comma = child.left_edge.i - 1
    return (
        child.dep_ == "conj"
        and child.tag_ == "NN"
        and child.ent_type_ != "PERSON"
        and comma > head.i
        and head.doc[comma].text == ","
        and head.doc[comma - 1] == head
    )


def _joined(last: Token, first: Token) -> bool:
    return first.i == last.i + 1 and not last.whitespace_ and "-" in (last.text, first.text)


def description_before_name(noun: Token, name: Span) -> str | None:
    """ "the spokesperson from the FSB's border unit, Vasily Malaev" -> the words before the name, up to
    the first comma: "the Bishop of Durham, the Rt Rev Dr Tom Wright" is the Bishop of Durham."""
    tokens = [t for t in noun.subtree if noun.left_edge.i <= t.i < name.start]
    comma = next((n for n, t in enumerate(tokens) if t.text == "," and n > 0), len(tokens))
    return _trim(tokens[:comma])


def _first_conjunct(name: Span) -> Span | None:
    """ "Andy Roddick" for "Andre Agassi" in "Andy Roddick and Andre Agassi"."""
    root, doc = name.root, name.doc
    head = root.head
    if root.dep_ != "conj" or head.ent_type_ != "PERSON" or doc[name.start - 1].lower_ != "and":
        return None  # ("leaders Barcelona and Owen" are a club and a person)
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return doc[start : head.i + 1]


def titled_as_one_of_several(name: Span) -> bool:
    """ "Top-seeded Americans Andy Roddick and Andre Agassi": a plural title right before the names, which
    each of them shares and a later title of their own ("world number three Roddick") outranks."""
    first = _first_conjunct(name) or name
    return first.start > 0 and first.doc[first.start - 1].tag_ in ("NNS", "NNPS")


def _shared_title(name: Span) -> str | None:
    """The plural title before two names, as the second one's."""
    first = _first_conjunct(name)
    return role_at_mention(first)[0] if first is not None and titled_as_one_of_several(first) else None


def _as_one_of_several(title: str, name: Span) -> str:
    """A plural title as one person's: "its stars X and Y" makes each a star."""
    first = _first_conjunct(name) or name
    plural = first.doc[first.start - 1]
    if not title.endswith(plural.text):
        return title
    return title.removesuffix(plural.text) + (plural.lemma_ if plural.tag_ == "NNS" else plural.text.removesuffix("s"))


def role_at_mention(name: Span) -> tuple[str | None, Token]:
    """The role a mention of a person gives, and the noun phrase that carries it (for affiliations)."""
    root = name.root
    doc = name.doc
    # The apposition hangs off the name's last word when the parse breaks the name up ("Jurgen den Hartog,
    # one of the researchers": "den" taken for a verb).
    role = title_before(name) or apposition_of(root) or (apposition_of(name[-1]) if name[-1] != root else None)
    several = titled_as_one_of_several(name) and (
        root.dep_ == "conj" or any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in root.children)
    )
    if role:
        return (_as_one_of_several(role, name) if several else role), root
    head = root.head
    shared = _shared_title(name)
    if shared:
        return _as_one_of_several(shared, name), root
    description = _post_of(head)
    # ("The film's executive producer Robbie Stamp": a body's noun that is also a person's, before a person.)
    personal = _describes_a_person(description) or (
        root.ent_type_ == "PERSON" and ends_like_a_person(description.lemma_.lower())
    )
    if root.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN") and personal:
        return description_before_name(description, name), description
    if (
        root.dep_ == "conj"
        and head.pos_ == "NOUN"
        and head.i < name.start
        # "the prime minister and Mr Brown": two people.
        and doc[name.start - 1].lower_.rstrip(".") not in HONORIFICS | {"and"}
    ):
        # "record holder and BBC pundit Jonathan Edwards", parsed as a coordination with the name.
        return _trim(list(doc[head.left_edge.i : name.start])), head
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "at"):
            target = next((t for t in prep.children if t.dep_ == "pobj" and _names_a_body(t)), None)
            if target is not None:
                # "Matthew Herren from EduVision", "Gavin Cox of the buildyourown.org.uk website": the
                # organisation is the affiliation editors record.
                if target.ent_type_ == "ORG":
                    return _trim(core_tokens(target)), root
                # The name and the noun, not what the writer thinks of it ("the excellent ... website").
                words = [t for t in core_tokens(target) if t.dep_ not in ("det", "amod")]
                return doc[words[0].i : words[-1].i + 1].text, root
    copular = copular_description(root)
    if copular is not None:
        return _trim(core_tokens(copular)), copular
    described = _description_as_second_subject(name)
    if described is not None:
        return _trim(core_tokens(described)), described
    return affiliation_of(root), root


_WEB_ADDRESS = re.compile(r"[a-z0-9]\.(?:com|org|net|co|gov|ac)\b", re.IGNORECASE)


def _names_a_body(noun: Token) -> bool:
    """An organisation by name, or an organisation's noun its name stands in ("the buildyourown.org.uk
    website", "the Fenwick walking club"): not "of the company" alone."""
    if noun.ent_type_ == "ORG":
        return True
    if noun.pos_ == "NOUN" and noun.text.istitle() and not noun.is_sent_start:
        # "Anne Borthwick, of Campaign for Borders Rail": a capitalised word the tagger took for a common noun,
        # heading a body's name.
        return any(t.ent_type_ == "ORG" for t in noun.subtree if t != noun)
    if noun.pos_ == "PROPN" and noun.text[:1].isupper():
        # "Richard Yamarone of Argus Research": a name of two or more capitalised words the model labelled
        # nothing; "Herbert Hansen of Respond's Belgian partner Keyobs": a name a common noun describes,
        # whatever the label (but a place's).
        if not noun.ent_type_ and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.text.istitle() and not c.ent_type_ for c in noun.children
        ):
            return True
        if noun.ent_type_ not in ("GPE", "LOC", "NORP", "DATE") and any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower() for c in noun.children
        ):
            return True
    # A web address is tagged anything, punctuation included.
    named = any((c.dep_ == "compound" and c.pos_ == "PROPN") or _WEB_ADDRESS.search(c.text) for c in noun.children)
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in ORGANISATION_NOUNS and named


def _post_of(head: Token) -> Token:
    """The description a name is in apposition to: "the spokesperson from the border unit, Vasily Malaev";
    "The Bishop of Durham, Tom Wright", where the parse hangs the name on the place, not on the post."""
    description = head
    while description.dep_ in ("pobj", "prep") and description.head.pos_ in ("NOUN", "PROPN", "ADP"):
        description = description.head
    return description


def _describes(word: str) -> bool:
    """Whether a noun can describe who speaks: a person ("boss") or an organisation ("Oil giant Yukos")."""
    return is_person_word(word) or word in ORGANISATION_NOUNS


def is_rank(noun: Token) -> bool:
    """ "world number one", "British No 1": a rank, which describes a person."""
    return noun.lower_ in ("number", "no") and any(c.like_num for c in noun.children)


def _describes_a_person(description: Token) -> bool:
    """A person's description, not a thing's ("The memory Gordon Brown says ..."); a rank is one ("Former world
    number one Juan Carlos Ferrero")."""
    return description.pos_ == "PROPN" or is_rank(description) or is_person_word(description.lemma_.lower())


def _description_as_second_subject(name: Span) -> Token | None:
    """ "The charity's head of HIV/Aids in Britain, Simon Wright said", parsed as two subjects of "said": the
    common noun whose phrase ends at the comma before the name describes them."""
    root = name.root
    doc = name.doc
    if root.dep_ != "nsubj" or name.start < 2 or doc[name.start - 1].text != ",":
        return None
    return next(
        (
            c
            for c in root.head.children
            if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i < name.start and c.right_edge.i == name.start - 2
        ),
        None,
    )


# Auxiliaries a relative clause's role leaves out ("who is taking part in the pilot": "taking part ...").
_AUXILIARIES = frozenset({"is", "was", "are", "were", "has", "had", "have", "been", "be"})


def relative_role(root: Token) -> str | None:
    """ "said Robert Currington who is taking part in the pilot", "Maciej Sundra, who designed the user
    interface": what the article says the person does, as editors record it (the clause without "who"), where
    it gives no title."""
    for clause in root.children:
        # ("who is one of the club's founders": what someone is, the copular description's to judge.)
        if clause.dep_ != "relcl" or is_reporting_verb(clause) or clause.i < root.i or clause.lemma_ == "be":
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            continue
        words = [t for t in root.doc[clause.left_edge.i : clause.right_edge.i + 1] if t.lower_ != "who"]
        while words and (words[0].lower_ in _AUXILIARIES or words[0].is_punct):
            words = words[1:]
        while words and words[-1].is_punct:
            words = words[:-1]
        if words and len(words) <= 12:
            return root.doc[words[0].i : words[-1].i + 1].text
    return None


def affiliation_of(head: Token) -> str | None:
    """ "Bluewave Media's Clara Ost": the organisation a name is given as belonging to. A country ("France's
    Clara Ost") is where they are from, not whom they speak for."""
    possessor = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if possessor is None or possessor.ent_type_ in ("GPE", "NORP", "LOC"):
        return None
    return _trim(list(possessor.subtree))


def copular_description(root: Token) -> Token | None:
    """The noun a clause with "be" equates a name with: "Ines Hall, who is the club's treasurer," and "The
    club's treasurer is Ines Hall" both describe Ines Hall. A common noun only: "one of the founders" and
    another name are no description."""

    def _titles(token: Token) -> bool:
        # "who is Lord Chief Justice": a title in capitals, not a person's name.
        return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "ORG", "GPE"))

    for clause in root.children:
        if clause.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            continue
        if clause.lemma_ == "be":
            return next((c for c in clause.children if c.dep_ == "attr" and _titles(c)), None)
        # "David Blunkett - who has resigned as home secretary -", "who served as its chairman": the post.
        as_post = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        post = next((c for c in as_post.children if c.dep_ == "pobj"), None) if as_post is not None else None
        if post is not None and post.pos_ == "NOUN" and is_person_word(post.lemma_.lower()):
            return post
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and _titles(subject) and any(c.dep_ in ("det", "poss") for c in subject.children):
            return subject
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        # "Dina Mehta is an Indian blogger who...": a word for a person, not "the man who" or "a fan of".
        attribute = next((c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if attribute is not None and is_person_word(attribute.lemma_.lower()) and attribute.lower_ not in _BARE:
            return attribute
    return None


_BARE = frozenset({"man", "woman", "person", "fan", "friend"})


def _ends_a_sentence(line: str) -> bool:
    """Closing punctuation, perhaps inside a closing mark: a headline ("Code is 'lousy history'") has none."""
    return line.rstrip().rstrip("\"'\u201d\u2019")[-1:] in (".", "!", "?")


class Lede(NamedTuple):
    subject: Token  # "A senior planner has resigned...": the description's head
    description: str
    opening: tuple[int, int]  # the opening paragraph's range


def lede_description(doc: Doc, text: str, paragraphs: list[tuple[int, int]]) -> Lede | None:
    """A story opening on "A US airline attendant is fighting for her job..." names the person later; the
    description is their role."""
    # The opening is the first paragraph that reads as prose; a headline has no closing full stop.
    opening = next((p for p in paragraphs if _ends_a_sentence(text[p[0] : p[1]])), None)
    if opening is None:
        return None
    span = doc.char_span(*opening, alignment_mode="contract")
    if span is None:
        return None
    first_sentence_end = next((t.i for t in span if t.text in (".", "!", "?")), span.end)
    sentence = doc[span.start : first_sentence_end]
    # "The plot of a bestseller is 'laughable', a clergyman has said": who said it, not what it is about.
    # ("..., according to his former chief economic adviser": the source of "according to" speaks too.)
    # (Not one named right there: "according to his Newcastle boss Rob Andrew".)
    relayed = [t for t in sentence if is_according_source(t) and not any(w.ent_type_ == "PERSON" for w in t.subtree)]
    speakers = [t for t in sentence if t.dep_ == "nsubj" and is_reporting_verb(t.head)] + relayed
    for token in speakers or sentence:
        if token.dep_ in ("nsubj", "nsubjpass") or token in relayed:
            # "A senior planner has resigned...", "The city's chief planner has resigned...": one person,
            # described before the story names them (after "according to", as someone's too: "his adviser").
            described = any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in token.children) or any(
                c.dep_ == "poss" and (c.pos_ != "PRON" or token in relayed) for c in token.children
            )
            # What a passive's subject undergoes is often a thing's ("A call for shortlists has been rejected").
            someone = token.dep_ == "nsubj" or is_person_word(token.lemma_.lower())
            # ("the Trade and Industry Secretary has said": a post in capitals, by the list of titles.)
            titled = token.tag_ == "NNP" and is_title_word(token.lower_) and token.ent_type_ in ("", "ORG")
            if (
                ((token.pos_ == "NOUN" and token.tag_ == "NN") or titled)
                and described
                and someone
                and token.lemma_ not in ORGANISATION_NOUNS
                # "a report by the finance watchdog says" is no one; "a leading industry figure" is.
                and (token.lemma_ not in DOCUMENT_NOUNS or token.lemma_ == "figure")
            ):
                description = _trim(core_tokens(token))
                # An honorific alone ("A lady is suing ...") trims to nothing, which is no role.
                return Lede(token, description, opening) if description is not None else None
            return None
    return None
