"""Learning from editors: what the first half of the gold articles, applied as editors' verdicts through the
review services, teaches the extraction of the second half (services/learning.py: linked surface forms,
verified roles and kinds, outlet aliases).

Its own `_bench_learning` database, emptied first. Every article is imported and extracted; the first half (in
the files' order) is then reviewed to its gold (confirm, correct, reject, add, as bench/review_effort.py's editor
decides), and both halves are extracted again with what the registry now holds. Prints speaker, role and all
ok on each half before and after; the last line is read:
    learning: second half all-ok B -> A, speaker B -> A, role B -> A; first half all-ok B -> A
    python bench/learning.py [GOLD.jsonl ...]   (default: ../shared/eval/bbc-dev.jsonl and bbc-dev2.jsonl)
"""

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import bench_django  # noqa: E402

bench_django("_bench_learning")

from django.contrib.auth.models import User  # noqa: E402
from gold import SCORE, GoldArticle, GoldQuote, Values, empty_database, import_gold, plan  # noqa: E402

from attribution.models import Article, Quote  # noqa: E402
from attribution.services.demo import roles_ensure  # noqa: E402
from attribution.services.extract import extraction_preview  # noqa: E402
from attribution.services.review import (  # noqa: E402
    Correction,
    CorrectionRefused,
    quote_add,
    quote_confirm,
    quote_edit,
    quote_reject,
)

EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_GOLD = [EVAL / "bbc-dev.jsonl", EVAL / "bbc-dev2.jsonl"]


def gold_records(articles: list[GoldArticle]) -> dict[str, list[dict[str, Any]]]:
    return {
        article.doc: [
            {
                "start": quote.start,
                "end": quote.end,
                "speaker": quote.speaker,
                "role": quote.role,
                "outlet": quote.outlet,
                "kind": quote.kind,
                "speaker_kind": quote.speaker_kind,
                "optional": quote.optional,
            }
            for quote in article.quotes
        ]
        for article in articles
    }


def predicted(quotes: list[Quote]) -> list[dict[str, Any]]:
    return [
        {"start": q.start, "end": q.end, "speaker": q.speaker_text, "role": q.role, "outlet": q.outlet_text}
        for q in quotes
    ]


def figures(articles: list[GoldArticle]) -> dict[str, float]:
    """Speaker, role and all ok (the shared scorer's) of extracting these articles now."""
    predictions = {article.doc: predicted(extraction_preview(article.body)) for article in articles}
    counts = SCORE.score(gold_records(articles), predictions)
    return {
        "speaker": SCORE.pct(counts["spk"], counts["found"]),
        "role": SCORE.pct(counts["role"], counts["found"]),
        "all_ok": SCORE.pct(counts["full"], counts["gold"]),
    }


def correction(gold: GoldQuote, *, span: bool) -> Correction:
    return Correction(
        speaker=gold.speaker,
        role=gold.role,
        outlet=gold.outlet,
        kind=gold.kind,
        start=gold.start if span else None,
        end=gold.end if span else None,
        new_speaker=True,
        new_outlet=True,
        speaker_kind=gold.speaker_kind,
    )


def review(article: GoldArticle, editor: User) -> dict[str, int]:
    """The article reviewed to its gold through the review services, as an editor would."""
    quotes = {q.pk: q for q in Quote.objects.filter(article_id=article.article_id)}
    values = {pk: Values(q.start, q.end, q.speaker_text, q.role, q.outlet_text, q.kind) for pk, q in quotes.items()}
    decided = plan(values, article.quotes)
    done = {"confirmed": 0, "corrected": 0, "rejected": 0, "added": 0, "refused": 0}
    for pk in decided.confirms:
        quote_confirm(quote=quotes[pk], user=editor, expected_version=quotes[pk].version)
        done["confirmed"] += 1
    for pk in decided.rejects:
        quote_reject(quote=quotes[pk], user=editor, expected_version=quotes[pk].version)
        done["rejected"] += 1
    for pk, gold in decided.corrections.items():
        try:
            quote_edit(
                quote=quotes[pk],
                user=editor,
                expected_version=quotes[pk].version,
                correction=correction(gold, span=True),
            )
            done["corrected"] += 1
        except CorrectionRefused:
            done["refused"] += 1
    owner = Article.objects.get(pk=article.article_id)
    for gold in decided.missed:
        try:
            quote_add(article=owner, user=editor, correction=correction(gold, span=True))
            done["added"] += 1
        except CorrectionRefused:
            done["refused"] += 1
    return done


def show(name: str, found: dict[str, float]) -> str:
    return f"{name}: speaker {found['speaker']:.1f}, role {found['role']:.1f}, all ok {found['all_ok']:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD)
    options = parser.parse_args()
    empty_database()
    roles_ensure()
    articles = [article for path in options.gold for article in import_gold(path, None)]
    half = len(articles) // 2
    first, second = articles[:half], articles[half:]
    print(f"{len(articles)} articles: the first {len(first)} reviewed to their gold, then both halves re-extracted")
    before = {"first": figures(first), "second": figures(second)}
    editor, _ = User.objects.get_or_create(username="bench-learning")
    totals: dict[str, int] = {}
    for article in first:
        for action, count in review(article, editor).items():
            totals[action] = totals.get(action, 0) + count
    print("verdicts: " + ", ".join(f"{count} {action}" for action, count in totals.items()))
    after = {"first": figures(first), "second": figures(second)}
    for half_name in ("second", "first"):
        print(show(f"{half_name} half before", before[half_name]))
        print(show(f"{half_name} half after ", after[half_name]))
    b, a = before["second"], after["second"]
    print(
        f"learning: second half all-ok {b['all_ok']:.1f} -> {a['all_ok']:.1f}, speaker {b['speaker']:.1f} -> "
        f"{a['speaker']:.1f}, role {b['role']:.1f} -> {a['role']:.1f}; first half all-ok "
        f"{before['first']['all_ok']:.1f} -> {after['first']['all_ok']:.1f}"
    )


if __name__ == "__main__":
    main()
