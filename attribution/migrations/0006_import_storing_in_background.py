import django.db.models.deletion
from django.db import migrations, models


def batches_to_rows(apps, schema_editor):
    """Batches imported before this were stored in the request: mark them stored, their errors as rows."""
    ImportBatch = apps.get_model("attribution", "ImportBatch")
    SkippedRow = apps.get_model("attribution", "SkippedRow")
    ImportBatch.objects.update(state="stored", fraction_read=1.0)
    for batch in ImportBatch.objects.exclude(errors=[]):
        SkippedRow.objects.bulk_create(
            SkippedRow(batch=batch, position=n, where=e["where"], kind="error", message=e["message"])
            for n, e in enumerate(batch.errors, start=1)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("attribution", "0005_search_indexes_and_article_opens"),
    ]

    operations = [
        migrations.CreateModel(
            name="SkippedRow",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveIntegerField(help_text="the row's place in the file, from 1")),
                ("where", models.CharField(help_text='e.g. "feed.jsonl line 3"', max_length=1000)),
                ("kind", models.CharField(choices=[("error", "Error"), ("duplicate", "Duplicate")], max_length=10)),
                ("message", models.TextField()),
                (
                    "batch",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="skipped_rows",
                        to="attribution.importbatch",
                    ),
                ),
                (
                    "duplicate_of",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="attribution.article",
                    ),
                ),
            ],
            options={
                "ordering": ["batch", "position"],
                "constraints": [
                    models.UniqueConstraint(fields=("batch", "position"), name="skipped_row_unique_position")
                ],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="external_id",
            field=models.CharField(blank=True, db_index=True, max_length=200),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="extract",
            field=models.BooleanField(default=True),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="fraction_read",
            field=models.FloatField(default=0.0, help_text="how much of the file is read, 0 to 1"),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="message",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="publisher",
            field=models.CharField(blank=True, help_text="for rows that name none", max_length=200),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="state",
            field=models.CharField(
                choices=[
                    ("queued", "Waiting for a worker"),
                    ("storing", "Storing articles"),
                    ("stored", "Stored"),
                    ("failed", "Stopped"),
                ],
                default="queued",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="upload",
            field=models.FileField(blank=True, upload_to="imports/%Y/%m/%d/"),
        ),
        migrations.AlterModelOptions(
            name="importbatch",
            options={"ordering": ["-created_at", "-id"], "verbose_name_plural": "import batches"},
        ),
        migrations.RunPython(batches_to_rows, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="importbatch",
            name="errors",
        ),
    ]
