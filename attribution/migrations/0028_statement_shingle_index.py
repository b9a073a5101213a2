import django.db.models.deletion
from django.db import migrations, models

# Each quote's run hashes move from its array (a GIN index ranks every quote sharing any run: 1.5 s a match at
# 1,100,000 quotes) to a table keyed by (key, quote), read a bounded number of entries per key.
COPY_SHINGLES = """
INSERT INTO attribution_shingle (key, quote_id)
SELECT DISTINCT key, id FROM attribution_quote, unnest(shingles) AS key
"""
COPY_BACK = """
UPDATE attribution_quote quote SET shingles = runs.keys
FROM (SELECT quote_id, array_agg(key) AS keys FROM attribution_shingle GROUP BY quote_id) runs
WHERE runs.quote_id = quote.id
"""


class Migration(migrations.Migration):
    dependencies = [
        ("attribution", "0027_statement_shingles"),
    ]

    operations = [
        migrations.CreateModel(
            name="Shingle",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "key", "quote", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("key", models.IntegerField()),
                (
                    "quote",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="attribution.quote"
                    ),
                ),
            ],
        ),
        migrations.RunSQL(COPY_SHINGLES, COPY_BACK),
        migrations.RemoveIndex(
            model_name="quote",
            name="quote_shingles",
        ),
        migrations.RemoveField(
            model_name="quote",
            name="shingles",
        ),
        # Nothing reads trigrams since matching moved to word runs (migration 0027).
        migrations.RunSQL("DROP EXTENSION IF EXISTS pg_trgm", "CREATE EXTENSION IF NOT EXISTS pg_trgm"),
    ]
