"""The span and kind each quote was extracted with and the engine version that found it. Quotes already stored
take them from their first review event's "before" (what the quote was when an editor first touched it), else
from what they are now; a quote an editor added has none. Their version is unknown ("")."""

from django.db import migrations, models

FROM_NOW = """
UPDATE attribution_quote SET extracted_start = start, extracted_end = "end", extracted_kind = kind
WHERE status <> 'added'
"""
FROM_FIRST_EVENT = """
UPDATE attribution_quote AS quote
SET extracted_start = (first.before ->> 'start')::integer,
    extracted_end = (first.before ->> 'end')::integer,
    extracted_kind = first.before ->> 'kind'
FROM (
    SELECT DISTINCT ON (quote_id) quote_id, before FROM attribution_reviewevent
    WHERE quote_id IS NOT NULL ORDER BY quote_id, created_at, id
) AS first
WHERE first.quote_id = quote.id AND quote.status <> 'added' AND first.before ? 'start'
    AND first.before ? 'end' AND first.before ? 'kind'
"""


class Migration(migrations.Migration):
    dependencies = [
        ("attribution", "0019_publishers_and_page_identity"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="engine_version",
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.AddField(
            model_name="quote",
            name="extracted_end",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="quote",
            name="extracted_kind",
            field=models.CharField(
                blank=True, choices=[("direct", "Direct"), ("indirect", "Indirect"), ("mixed", "Mixed")], max_length=10
            ),
        ),
        migrations.AddField(
            model_name="quote",
            name="extracted_start",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunSQL(FROM_NOW, migrations.RunSQL.noop),
        migrations.RunSQL(FROM_FIRST_EVENT, migrations.RunSQL.noop),
    ]
