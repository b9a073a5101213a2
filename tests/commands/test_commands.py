import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from attribution.models import Article, ImportBatch
from attribution.services.review import quote_confirm
from tests.factories import ARTICLE_BODY, ArticleFactory, QuoteFactory, editor


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_extract_quotes_prints_scorer_format_without_a_database(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"doc": "a/1.txt", "text": ARTICLE_BODY}) + "\n\n" + json.dumps({"doc": "b", "text": ""})
    )
    lines = [json.loads(line) for line in run("extract_quotes", str(path)).splitlines()]
    assert [line["doc"] for line in lines] == ["a/1.txt", "b"]
    quote = lines[0]["quotes"][0]
    assert {"start", "end", "text", "kind", "speaker", "speaker_kind", "role", "outlet", "cue"} <= set(quote)
    assert ARTICLE_BODY[quote["start"] : quote["end"]] == quote["text"]


def test_extract_quotes_names_the_bad_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "ok"}\n{"title": "no text"}\n')
    with pytest.raises(CommandError, match="line 2"):
        run("extract_quotes", str(path))


@pytest.mark.django_db
def test_import_articles_reports_and_fails_on_bad_rows(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"title": "One", "text": ARTICLE_BODY}) + "\n" + "{broken\n")
    with pytest.raises(CommandError, match="1 article"):
        run("import_articles", str(path))
    assert Article.objects.get().quotes.count() == 2


@pytest.mark.django_db
def test_import_articles_skips_duplicates_on_rerun(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Bridge closed\n" + ARTICLE_BODY)
    assert "1 imported" in run("import_articles", str(path), "--no-extract")
    assert "0 imported, 1 duplicates skipped" in run("import_articles", str(path))


@pytest.mark.django_db
def test_seed_demo_is_idempotent(monkeypatch, settings):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "s3cret-demo")
    assert "3 new demo article" in run("seed_demo")
    assert "0 new demo article" in run("seed_demo")
    assert ImportBatch.objects.count() == 1  # loading what is there already records nothing
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    editor = User.objects.get(username="editor")
    assert editor.check_password("s3cret-demo")
    assert editor.has_perm("attribution.change_quote")
    assert not editor.has_perm("attribution.add_article")
    assert all(article.quotes.exists() for article in Article.objects.all())


@pytest.mark.django_db
def test_seed_demo_refuses_production_without_the_flag(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--allow-production"):
        run("seed_demo")
    assert not get_user_model().objects.exists()
    assert not Article.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [True, False])
def test_seed_demo_never_changes_an_existing_password(monkeypatch, settings, debug):
    settings.DEBUG = debug
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    User = get_user_model()
    User.objects.create_user(username="admin", password="the-real-one")
    output = run("seed_demo", "--allow-production")
    assert "left as they were: admin." in output
    admin = User.objects.get(username="admin")
    assert admin.check_password("the-real-one")
    assert not admin.is_superuser
    assert User.objects.get(username="editor").check_password("attribution-demo")


@pytest.mark.django_db
def test_export_attributions_writes_a_filtered_file(tmp_path):
    for publisher in ("Gazette", "Courier"):
        quote_confirm(
            quote=QuoteFactory.create(article=ArticleFactory.create(publisher=publisher)),
            user=editor(),
            expected_version=1,
        )
    out = tmp_path / "out.jsonl"
    call_command(
        "export_attributions", "--format", "jsonl", "--publisher", "Courier", "-o", str(out), stderr=io.StringIO()
    )
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["publisher"] for r in records] == ["Courier"]
    with pytest.raises(CommandError, match="not a date"):
        run("export_attributions", "--from", "yesterday")


@pytest.mark.django_db
def test_migrate_brings_the_roles_permissions_up_to_date():
    Group.objects.filter(name__in=["Editors", "Admins"]).delete()
    call_command("migrate", verbosity=0)
    admins = Group.objects.get(name="Admins")
    assert admins.permissions.filter(codename="add_speakermerge").exists()
    assert Group.objects.get(name="Editors").permissions.filter(codename="change_quote").exists()
