"""Demo users, groups and articles, for `make run` and the browser tests."""

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction

from attribution.services.imports import already_stored, import_path

EDITOR_PERMISSIONS = (
    "view_article",
    "view_quote",
    "change_quote",
    "view_speaker",
    "change_speaker",
    "view_outlet",
    # The publisher registry: Editors merge two forms of one outlet (a merge renames articles, not quotes).
    "view_publisher",
    "change_publisher",
)
ADMIN_PERMISSIONS = (
    *EDITOR_PERMISSIONS,
    "add_article",
    "change_article",
    "add_speaker",
    "change_speaker",
    "add_outlet",
    "change_outlet",
    "view_reviewevent",
    "view_importbatch",
    "view_exportlog",
    # Merging speakers (and undoing a merge) changes the registry for everyone: Admins only.
    "add_speakermerge",
    "view_speakermerge",
)


def roles_ensure() -> tuple[Group, Group]:
    """The Editors and Admins groups with their permissions."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    admins, _ = Group.objects.get_or_create(name="Admins")
    for group, codenames in ((editors, EDITOR_PERMISSIONS), (admins, ADMIN_PERMISSIONS)):
        group.permissions.set(Permission.objects.filter(content_type__app_label="attribution", codename__in=codenames))
    return editors, admins


@dataclass(frozen=True)
class DemoSeeded:
    created_users: list[str]
    existing_users: list[str]  # left exactly as they were
    new_articles: int


def _user(username: str, password: str, group: Group, *, superuser: bool = False) -> tuple[User, bool]:
    """The demo user, created with the demo password, or the existing one untouched: a user of that name may be a
    real account by now, and the demo password is public."""
    user, created = User.objects.get_or_create(
        username=username, defaults={"is_staff": superuser, "is_superuser": superuser}
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        user.groups.add(group)
    return user, created


@transaction.atomic
def demo_seed(*, password: str, articles_file: Path) -> DemoSeeded:
    """Users admin and editor if missing, and the demo articles with their quotes."""
    editors, admins = roles_ensure()
    admin, admin_created = _user("admin", password, admins, superuser=True)
    _, editor_created = _user("editor", password, editors)
    created = {"admin": admin_created, "editor": editor_created}
    # Loading demo data that is there already records nothing (`make run` loads it on every start).
    new_articles = 0 if already_stored(articles_file) else import_path(articles_file, imported_by=admin).created_count
    return DemoSeeded(
        created_users=[name for name, new in created.items() if new],
        existing_users=[name for name, new in created.items() if not new],
        new_articles=new_articles,
    )
