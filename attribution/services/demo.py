"""Demo users, groups and articles, for `make run` and the browser tests."""

from pathlib import Path

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction

from attribution.services.imports import import_path

EDITOR_PERMISSIONS = ("view_article", "view_quote", "change_quote", "view_speaker", "change_speaker", "view_outlet")
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
)


def roles_ensure() -> tuple[Group, Group]:
    """The Editors and Admins groups with their permissions."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    admins, _ = Group.objects.get_or_create(name="Admins")
    for group, codenames in ((editors, EDITOR_PERMISSIONS), (admins, ADMIN_PERMISSIONS)):
        group.permissions.set(Permission.objects.filter(content_type__app_label="attribution", codename__in=codenames))
    return editors, admins


def _user(username: str, password: str, group: Group, *, superuser: bool = False) -> User:
    user, _created = User.objects.get_or_create(username=username)
    user.is_staff = user.is_superuser = superuser
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.add(group)
    return user


@transaction.atomic
def demo_seed(*, password: str, articles_file: Path) -> int:
    """Users admin and editor, and the demo articles with their quotes. Returns how many articles were new."""
    editors, admins = roles_ensure()
    admin = _user("admin", password, admins, superuser=True)
    _user("editor", password, editors)
    return import_path(articles_file, imported_by=admin).created_count
