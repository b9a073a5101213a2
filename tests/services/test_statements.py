"""Statements: the same words across articles, matched through the index of their word runs and flagged when their
appearances disagree."""

import pytest

from attribution.models import Quote, Shingle, Speaker, Statement
from attribution.selectors.export import ExportFilters, export_rows, quotes_for_export
from attribution.services import statements
from attribution.services.extract import article_extract, reextract_start
from attribution.services.speakers import speaker_merge
from attribution.services.statements import normalised, statement_match
from tests.factories import ArticleFactory, QuoteFactory, admin_user

pytestmark = pytest.mark.django_db

WORDS = "We will not close the harbour again this winter, whatever the storms bring to the bay"


def quote(words: str, speaker: str, *, lead: str = "The port reopened on Monday.") -> Quote:
    body = f'{lead}\n\n"{words}," said {speaker}.'
    start = body.index(words)
    return QuoteFactory.create(
        article=ArticleFactory.create(body=body),
        start=start,
        end=start + len(words),
        text=words,
        speaker_text=speaker,
        extracted_speaker=speaker,
    )


def statement_of(quote: Quote) -> Statement:
    return Statement.objects.get(quotes=quote)


def matched(*quotes: Quote) -> list[Quote]:
    for one in quotes:
        statement_match(one.pk)
    return [Quote.objects.get(pk=one.pk) for one in quotes]


def test_the_same_words_given_to_different_speakers_are_one_flagged_statement():
    first, second = matched(quote(WORDS, "Ruth Okafor"), quote(WORDS, "Declan Farris"))
    assert first.statement_id is not None
    assert first.statement_id == second.statement_id
    statement = statement_of(first)
    assert statement.conflict
    assert statement.conflict_reason == "named as Declan Farris / Ruth Okafor"


def test_trimmed_repunctuated_and_respelt_versions_match_and_trimming_is_no_conflict():
    trimmed = "We will not close the harbor again this winter"
    repunctuated = "We will not close the harbour again - this winter - whatever the storms bring to the bay"
    full, short, punctuated = matched(
        quote(WORDS, "Ruth Okafor"), quote(trimmed, "Ruth Okafor"), quote(repunctuated, "Ruth Okafor")
    )
    assert full.statement_id == short.statement_id == punctuated.statement_id is not None
    assert not statement_of(full).conflict
    assert normalised("The organisation's labour favour") == ""  # under six words: no statement
    assert normalised("The organisation said its labour costs were falling") == normalised(
        "The organization said its labor costs were falling"
    )


def test_different_quotes_sharing_a_common_phrase_are_not_one_statement():
    one, other = matched(
        quote("The prime minister said the talks would resume next week in Geneva", "Ruth Okafor"),
        quote("The prime minister said nothing about the budget deficit or the strike", "Declan Farris"),
    )
    assert one.statement_id is None
    assert other.statement_id is None


def test_wording_changed_beyond_trimming_is_flagged():
    edited = "We will never close the harbour again this winter, whatever the storms may bring to the bay"
    first, second = matched(quote(WORDS, "Ruth Okafor"), quote(edited, "Ruth Okafor"))
    assert first.statement_id == second.statement_id is not None
    assert statement_of(first).conflict_reason == "wording changed beyond trimming"


def test_matching_is_idempotent_and_survives_a_reextraction():
    body = f'The port reopened on Monday.\n\n"{WORDS}," said harbourmaster Ruth Okafor.'
    one, other = (ArticleFactory.create(body=body + suffix) for suffix in ("", "\n\nMore later."))
    (first,) = article_extract(article=one)
    (second,) = article_extract(article=other)
    first, second = matched(first, second)
    statement = first.statement_id
    assert statement is not None
    assert [q.statement_id for q in matched(first, second)] == [statement, statement]
    reextract_start()
    assert set(Quote.objects.values_list("statement_id", flat=True)) == {statement}
    assert Statement.objects.count() == 1


def test_an_editors_merge_of_the_two_speakers_resolves_the_conflict():
    first, second = matched(quote(WORDS, "Ruth Okafor"), quote(WORDS, "R. Okafor"))
    ruth, short = Speaker.objects.create(name="Ruth Okafor"), Speaker.objects.create(name="R. Okafor")
    Quote.objects.filter(pk=first.pk).update(speaker=ruth)
    Quote.objects.filter(pk=second.pk).update(speaker=short)
    matched(first)
    assert statement_of(first).conflict
    speaker_merge(target=ruth, source=short, user=admin_user())
    assert not statement_of(first).conflict


def test_the_export_says_which_statement_a_quote_is_and_whether_it_is_flagged():
    first, second = matched(quote(WORDS, "Ruth Okafor"), quote(WORDS, "Declan Farris"))
    alone = quote("Passengers queued at the terminal for much of the morning, some for hours", "Aled Brandt")
    rows = {row["quote_id"]: row for row in export_rows(quotes_for_export(ExportFilters(status="all")))}
    assert (rows[first.pk]["statement_id"], rows[first.pk]["statement_conflict"]) == (first.statement_id, True)
    assert rows[second.pk]["statement_id"] == first.statement_id
    assert (rows[alone.pk]["statement_id"], rows[alone.pk]["statement_conflict"]) == ("", False)
    assert list(rows[first.pk])[-2:] == ["statement_id", "statement_conflict"]


def test_short_quotes_sharing_a_phrase_and_a_surname_beside_its_full_name_are_no_conflict():
    one, _ = matched(
        quote("he thought it was a great idea", "Martin Hellewell"),
        quote("he thought it was a non-story", "Alan Johnson"),
    )
    assert one.statement_id is None
    first, second = matched(quote(WORDS, "Tony Blair"), quote(WORDS, "Blair"))
    assert first.statement_id == second.statement_id is not None
    assert not statement_of(first).conflict


def test_a_run_in_more_quotes_than_a_match_reads_still_finds_the_statement(monkeypatch):
    monkeypatch.setattr(statements, "POSTINGS", 2)
    earlier = matched(*(quote(WORDS, "Ruth Okafor", lead=f"The port reopened on day {day}.") for day in range(4)))
    (latest,) = matched(quote(WORDS, "Ruth Okafor"))
    assert latest.statement_id == earlier[0].statement_id is not None
    assert Quote.objects.filter(statement=latest.statement).count() == 5


def test_a_rejected_or_deleted_quote_leaves_the_run_index():
    first, second = matched(quote(WORDS, "Ruth Okafor"), quote(WORDS, "Declan Farris"))
    keys = len(statements.shingle_keys(first.words))
    assert Shingle.objects.filter(quote=first).count() == keys
    Quote.objects.filter(pk=first.pk).update(status=Quote.Status.REJECTED)
    (first,) = matched(first)
    assert first.statement_id is None
    assert not Shingle.objects.filter(quote=first).exists()
    second.article.delete()
    assert not Shingle.objects.exists()
