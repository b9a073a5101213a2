"""The publisher registry's seed as it now stands (attribution/webpages/publishers.py): entries it lacks are
added and known ones take the forms they lack; nothing an editor merged or named is undone."""

from django.db import migrations

from attribution.webpages.publishers import apply_seed


def seed(apps, schema_editor):
    apply_seed(apps.get_model("attribution", "Publisher"))


class Migration(migrations.Migration):
    dependencies = [("attribution", "0020_extracted_span_kind_and_engine_version")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
