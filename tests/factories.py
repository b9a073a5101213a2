"""Test data built the way the product builds it: articles through the ingest service."""

import factory
from django.contrib.auth import get_user_model

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


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw")

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if create and extracted:
            editors, admins = roles_ensure()
            self.groups.add({"Editors": editors, "Admins": admins}[extracted])


def editor(username: str = "ed"):
    return UserFactory(username=username, group="Editors")


def admin_user(username: str = "boss"):
    return UserFactory(username=username, group="Admins")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A stored article without extraction; use QuoteFactory or the extract service for quotes."""

    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Bridge closed {n}")
    body = factory.Sequence(lambda n: f"{ARTICLE_BODY}\n\nStory {n}.")
    publisher = "Test Gazette"
    content_hash = factory.LazyAttribute(lambda a: content_hash(a.body))
    extraction_status = Article.ExtractionStatus.DONE


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    start = factory.LazyAttribute(lambda q: q.article.body.index("We had"))
    end = factory.LazyAttribute(lambda q: q.article.body.index("finished,") + len("finished,"))
    text = factory.LazyAttribute(lambda q: q.article.body[q.start : q.end])
    kind = Quote.Kind.DIRECT
    cue = "said"
    confidence = 0.9
    extracted_speaker = "Hannah Price"
    extracted_speaker_kind = "person"
    extracted_role = "county's chief engineer"
    speaker_text = factory.SelfAttribute("extracted_speaker")
    role = factory.SelfAttribute("extracted_role")
