"""The publisher registry's seed with ten more outlets (attribution/webpages/publishers.py), applied again."""

from django.db import migrations

from attribution.webpages.publishers import apply_seed


def seed(apps, schema_editor):
    apply_seed(apps.get_model("attribution", "Publisher"))


class Migration(migrations.Migration):
    dependencies = [("attribution", "0030_publisher_seed_more")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
