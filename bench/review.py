"""Server time of the review desk: a Confirm action, and the review page of an article with 60 quotes.

Requests go through Django's full stack (middleware, auth, templates, PostgreSQL) in-process, on the
"_bench" database. Prints figures; asserts nothing.
    python bench/review.py [--repeat 60]
"""

import argparse
import statistics
import time
from collections.abc import Callable
from functools import partial

from common import bench_django

bench_django()

from django.contrib.auth import get_user_model  # noqa: E402
from django.http import HttpResponseBase  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from attribution.models import Article, Quote  # noqa: E402
from attribution.services.demo import roles_ensure  # noqa: E402
from attribution.services.ingest import content_hash  # noqa: E402

QUOTES = 60
SENTENCE = '"We will keep the ferry running through the winter," said harbour master Ines Dahl. '


def review_article() -> Article:
    """A fresh article with 60 pending quotes, written directly: the benchmark measures review, not import."""
    Article.objects.filter(title="Review benchmark").delete()
    body = (SENTENCE * QUOTES).strip()
    article = Article.objects.create(title="Review benchmark", body=body, content_hash=content_hash(body))
    Quote.objects.bulk_create(
        Quote(
            article=article,
            start=i * len(SENTENCE) + 1,
            end=i * len(SENTENCE) + 51,
            text=body[1:51],
            kind="direct",
            cue="said",
            confidence=0.9,
            extracted_speaker="Ines Dahl",
            speaker_text="Ines Dahl",
            extracted_role="harbour master",
            role="harbour master",
        )
        for i in range(QUOTES)
    )
    return article


def timed(call: Callable[[], HttpResponseBase]) -> float:
    started = time.perf_counter()
    response = call()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"request failed with HTTP {response.status_code}")
    return elapsed


def report(name: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p95 = samples[max(0, round(len(samples) * 0.95) - 1)]
    print(f"{name:34} median {statistics.median(samples):6.1f} ms   p95 {p95:6.1f} ms   ({len(samples)} requests)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    editors, _ = roles_ensure()
    user, _ = get_user_model().objects.get_or_create(username="bench-editor")
    user.groups.add(editors)
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    article = review_article()
    page = reverse("article_detail", args=[article.pk])
    client.get(page)  # warm caches: templates, permissions, the connection
    report("review page (60 quotes)", [timed(lambda: client.get(page)) for _ in range(args.repeat)])
    confirms = []
    for quote in list(article.quotes.all())[: args.repeat]:
        url = reverse("quote_confirm", args=[quote.pk])
        confirms.append(timed(partial(client.post, url, {"version": quote.version}, headers={"HX-Request": "true"})))
    report("confirm action (htmx partial)", confirms)


if __name__ == "__main__":
    main()
