"""The publisher registry's seed as it now stands (attribution/webpages/publishers.py): entries it lacks are
added and known ones take the forms they lack; nothing an editor merged or named is undone."""

from django.db import migrations, models

from attribution.webpages.publishers import SEED


def seed(apps, schema_editor):
    Publisher = apps.get_model("attribution", "Publisher")
    for name, aliases in SEED:
        entry = (
            Publisher.objects.filter(models.Q(name__iexact=name) | models.Q(aliases__contains=[name]))
            .order_by("pk")
            .first()
        )
        if entry is None:
            Publisher.objects.create(name=name, aliases=list(aliases))
            continue
        known = {form.lower() for form in (entry.name, *entry.aliases)}
        missing = [form for form in (name, *aliases) if form.lower() not in known]
        if missing:
            entry.aliases = [*entry.aliases, *missing]
            entry.save(update_fields=["aliases"])


class Migration(migrations.Migration):
    dependencies = [("attribution", "0020_extracted_span_kind_and_engine_version")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
