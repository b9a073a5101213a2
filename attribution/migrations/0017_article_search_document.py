import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

# An article's search document is its title and its quotes' texts in reading order. The article's trigger sets it
# as a row goes in or its title changes; the quotes' triggers, once per statement (an extraction's quotes go in
# as one), set it again for the articles whose quotes came, went or had their text changed. A review that
# changes no text (a confirm) costs a join of the one row with itself.
SEARCH_DOCUMENT = """
CREATE FUNCTION attribution_search_document(title text, article bigint) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT to_tsvector('english', coalesce(title, '')) || coalesce(
        (SELECT to_tsvector('english', string_agg(text, ' ' ORDER BY start))
         FROM attribution_quote WHERE article_id = article),
        '')
$$;

CREATE FUNCTION attribution_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := attribution_search_document(NEW.title, NEW.id);
    RETURN NEW;
END;
$$;

CREATE TRIGGER attribution_article_search BEFORE INSERT OR UPDATE OF title ON attribution_article
FOR EACH ROW EXECUTE FUNCTION attribution_article_search();

CREATE FUNCTION attribution_quotes_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE attribution_article SET search = attribution_search_document(title, id)
        WHERE id IN (SELECT article_id FROM new_quotes);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE attribution_article SET search = attribution_search_document(title, id)
        WHERE id IN (SELECT article_id FROM old_quotes);
    ELSE
        UPDATE attribution_article SET search = attribution_search_document(title, id)
        WHERE id IN (
            SELECT changed.article_id
            FROM new_quotes now JOIN old_quotes was ON was.id = now.id,
                 LATERAL (VALUES (now.article_id), (was.article_id)) AS changed (article_id)
            WHERE now.text IS DISTINCT FROM was.text OR now.start <> was.start OR now.article_id <> was.article_id
        );
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER attribution_quotes_search_insert AFTER INSERT ON attribution_quote
REFERENCING NEW TABLE AS new_quotes FOR EACH STATEMENT EXECUTE FUNCTION attribution_quotes_search();
CREATE TRIGGER attribution_quotes_search_update AFTER UPDATE ON attribution_quote
REFERENCING OLD TABLE AS old_quotes NEW TABLE AS new_quotes
FOR EACH STATEMENT EXECUTE FUNCTION attribution_quotes_search();
CREATE TRIGGER attribution_quotes_search_delete AFTER DELETE ON attribution_quote
REFERENCING OLD TABLE AS old_quotes FOR EACH STATEMENT EXECUTE FUNCTION attribution_quotes_search();

UPDATE attribution_article SET search = attribution_search_document(title, id);
"""

NO_SEARCH_DOCUMENT = """
DROP TRIGGER attribution_quotes_search_insert ON attribution_quote;
DROP TRIGGER attribution_quotes_search_update ON attribution_quote;
DROP TRIGGER attribution_quotes_search_delete ON attribution_quote;
DROP FUNCTION attribution_quotes_search();
DROP TRIGGER attribution_article_search ON attribution_article;
DROP FUNCTION attribution_article_search();
DROP FUNCTION attribution_search_document(text, bigint);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("attribution", "0016_archive_scale_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="article",
            name="article_title_search",
        ),
        migrations.RemoveIndex(
            model_name="quote",
            name="quote_text_search",
        ),
        migrations.AddField(
            model_name="article",
            name="search",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunSQL(SEARCH_DOCUMENT, NO_SEARCH_DOCUMENT),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search"], name="article_search"),
        ),
    ]
