from django.db import migrations

# The background tasks moved from attribution.tasks to the service modules they run: tasks already queued,
# or running when a worker died, name them by their old paths.
MOVED = {
    "attribution.tasks.extract_articles": "attribution.services.extract.extract_articles",
    "attribution.tasks.store_import": "attribution.services.imports.store_import",
}


def _rename(apps, paths):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in paths.items():
        DBTaskResult.objects.filter(task_path=old).update(task_path=new)


def forwards(apps, schema_editor):
    _rename(apps, MOVED)


def backwards(apps, schema_editor):
    _rename(apps, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("attribution", "0006_import_storing_in_background"),
        ("django_tasks_database", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
