from django.conf import settings
from django.core.management import call_command
from django.db import migrations


def cache_table(apps, schema_editor):
    """The cache's table (settings.CACHES), made when a database is migrated, so no deployment step can forget
    it. createcachetable leaves a table that exists alone."""
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def cache_table_dropped(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(settings.CACHES['default']['LOCATION'])}")


class Migration(migrations.Migration):
    dependencies = [
        ("attribution", "0028_statement_shingle_index"),
    ]

    operations = [
        migrations.RunPython(cache_table, cache_table_dropped),
    ]
