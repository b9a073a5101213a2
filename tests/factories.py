"""Test data stored straight through the ORM with factory_boy, not through the ingest service: articles get the
ingest service's content hash (so duplicate detection sees them as it would an ingested copy) but skip its
validation, normalisation and extraction. Tests of ingest call `attribution.services.ingest` themselves."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from factory.declarations import LazyAttribute, SelfAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory, Password
from factory.helpers import post_generation

from attribution.models import Article, Quote
from attribution.services.demo import roles_ensure
from attribution.services.ingest import content_hash

SHARED = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared"

ARTICLE_BODY = (
    "Officials confirmed the closure on Tuesday.\n\n"
    '"We had no choice but to close the bridge until the survey is finished," said Hannah Price, '
    "the county's chief engineer.\n\n"
    '"The cracks we found last week are wider than any on record," she added.'
)


def _join_group(user: User, create: bool, extracted: str | None, **kwargs: Any) -> None:
    """`UserFactory.create(group="Editors")`: put the created user in that role's group."""
    if create and extracted:
        editors, admins = roles_ensure()
        user.groups.add({"Editors": editors, "Admins": admins}[extracted])


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = Sequence(lambda n: f"user{n}")
    password = Password("pw")

    group = post_generation(_join_group)


def editor(username: str = "ed") -> User:
    return UserFactory.create(username=username, group="Editors")


def admin_user(username: str = "boss") -> User:
    return UserFactory.create(username=username, group="Admins")


class ArticleFactory(DjangoModelFactory[Article]):
    """A stored article without extraction; use QuoteFactory or the extract service for quotes."""

    class Meta:
        model = Article

    title = Sequence(lambda n: f"Bridge closed {n}")
    body = Sequence(lambda n: f"{ARTICLE_BODY}\n\nStory {n}.")
    publisher = "Test Gazette"
    content_hash = LazyAttribute(lambda a: content_hash(a.body))
    extraction_status = Article.ExtractionStatus.DONE


class QuoteFactory(DjangoModelFactory[Quote]):
    class Meta:
        model = Quote

    article = SubFactory(ArticleFactory)
    start = LazyAttribute(lambda q: q.article.body.index("We had"))
    end = LazyAttribute(lambda q: q.article.body.index("finished,") + len("finished,"))
    text = LazyAttribute(lambda q: q.article.body[q.start : q.end])
    kind = Quote.Kind.DIRECT
    cue = "said"
    confidence = 0.9
    extracted_speaker = "Hannah Price"
    extracted_speaker_kind = "person"
    extracted_role = "county's chief engineer"
    speaker_text = SelfAttribute("extracted_speaker")
    role = SelfAttribute("extracted_role")
    # As the extract service stores a quote: what the engine found, beside what editors make of it.
    extracted_start = SelfAttribute("start")
    extracted_end = SelfAttribute("end")
    extracted_kind = SelfAttribute("kind")
    engine_version = "test"
