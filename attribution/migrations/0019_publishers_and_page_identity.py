"""Publishers as a registry (seeded with common outlets), every article's publisher named as the registry
names it, and articles' addresses compared by what two forms of one page share."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations, models

from attribution.webpages.publishers import SEED
from attribution.webpages.urls import identity


def seed_publishers(apps, schema_editor):
    """The seed entries, then one entry per publisher articles already name, each article renamed to its
    entry's name ("NYTimes" rows become "The New York Times")."""
    Publisher = apps.get_model("attribution", "Publisher")
    Article = apps.get_model("attribution", "Article")
    for name, aliases in SEED:
        Publisher.objects.get_or_create(name=name, defaults={"aliases": list(aliases)})
    names = Article.objects.exclude(publisher="").values_list("publisher", flat=True).distinct()
    for name in list(names):
        entry = (
            Publisher.objects.filter(models.Q(name__iexact=name) | models.Q(aliases__contains=[name]))
            .order_by("pk")
            .first()
        ) or Publisher.objects.create(name=name)
        if entry.name != name:
            Article.objects.filter(publisher=name).update(publisher=entry.name)


def fill_url_keys(apps, schema_editor):
    """Each article's address key; of two articles that turn out to be one page, the first keeps it."""
    Article = apps.get_model("attribution", "Article")
    taken = set()
    pending = []
    for article in Article.objects.exclude(url="").order_by("pk").only("pk", "url").iterator():
        key = identity(article.url)
        if key in taken:
            continue
        taken.add(key)
        article.url_key = key
        pending.append(article)
        if len(pending) == 1000:
            Article.objects.bulk_update(pending, ["url_key"])
            pending = []
    Article.objects.bulk_update(pending, ["url_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("attribution", "0018_speaker_name_order"),
    ]

    operations = [
        migrations.CreateModel(
            name="Publisher",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200)),
                ("aliases", models.JSONField(blank=True, default=list)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "ordering": ["name"],
            },
        ),
        migrations.RemoveConstraint(
            model_name="article",
            name="article_unique_url",
        ),
        migrations.AddField(
            model_name="article",
            name="dropped",
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="url_key",
            field=models.CharField(blank=True, editable=False, max_length=2000),
        ),
        migrations.RunPython(seed_publishers, migrations.RunPython.noop),
        migrations.RunPython(fill_url_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                condition=models.Q(("url_key", ""), _negated=True), fields=("url_key",), name="article_unique_url_key"
            ),
        ),
        migrations.AddIndex(
            model_name="publisher",
            index=django.contrib.postgres.indexes.GinIndex(fields=["aliases"], name="publisher_aliases"),
        ),
        migrations.AddConstraint(
            model_name="publisher",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("name"), name="publisher_unique_name"
            ),
        ),
    ]
