"""How the desk reads a user's permissions."""

from functools import cache
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection


class PermissionsBackend(ModelBackend):
    """Django's ModelBackend, asking the database once for a user's permissions where it asks twice (those
    given to the user, those of their groups). Every desk request checks one; building the equivalent ORM query
    cost a fifth of a confirm's Python time under bench/load.py, so the query is written out."""

    def get_all_permissions(self, user_obj: AbstractBaseUser | AnonymousUser, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        # Cached on the user for the request, where ModelBackend keeps it.
        cached: set[str] | None = getattr(user_obj, "_perm_cache", None)
        if cached is None:
            if getattr(user_obj, "is_superuser", False):
                pairs = list(Permission.objects.values_list("content_type__app_label", "codename"))
            else:
                with connection.cursor() as cursor:
                    cursor.execute(_granted_sql(), [user_obj.pk, user_obj.pk])
                    pairs = cursor.fetchall()
            cached = {f"{app_label}.{codename}" for app_label, codename in pairs}
            setattr(user_obj, "_perm_cache", cached)  # noqa: B010 (an attribute neither user class declares)
        return cached


@cache
def _granted_sql() -> str:
    """The permissions given to a user (first parameter) or to a group they are in (second): the tables named as
    the models name them."""
    name = connection.ops.quote_name
    permission, content_type = name(Permission._meta.db_table), name(ContentType._meta.db_table)
    own = name(User.user_permissions.through._meta.db_table)
    membership = name(User.groups.through._meta.db_table)
    grouped = name(Group.permissions.through._meta.db_table)
    return (
        f"SELECT ct.app_label, p.codename FROM {permission} p JOIN {content_type} ct ON ct.id = p.content_type_id "
        f"WHERE p.id IN (SELECT permission_id FROM {own} WHERE user_id = %s "
        f"UNION SELECT gp.permission_id FROM {grouped} gp JOIN {membership} m ON m.group_id = gp.group_id "
        "WHERE m.user_id = %s)"
    )
