"""The publisher registry's seed with one more outlet, Scroll.in (attribution/webpages/publishers.py), applied again."""

from django.db import migrations

from attribution.webpages.publishers import apply_seed


def seed(apps, schema_editor):
    apply_seed(apps.get_model("attribution", "Publisher"))


class Migration(migrations.Migration):
    dependencies = [("attribution", "0031_publisher_seed_round_six")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
