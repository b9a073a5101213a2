"""The permissions backend: what ModelBackend grants, read in one query."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission, User

from attribution.auth import PermissionsBackend
from tests.factories import UserFactory, admin_user, editor

pytestmark = pytest.mark.django_db


def _fresh(user: User) -> User:
    """The user as a new request loads it, with no permissions cached."""
    return User.objects.get(pk=user.pk)


def test_grants_exactly_what_model_backend_grants_in_one_query(django_assert_num_queries):
    own = Permission.objects.get(codename="delete_article")
    mixed = editor()
    mixed.user_permissions.add(own)
    users = [mixed, admin_user(), UserFactory.create(), UserFactory.create(is_superuser=True)]
    for user in users:
        loaded = _fresh(user)
        with django_assert_num_queries(1):
            granted = PermissionsBackend().get_all_permissions(loaded)
        assert granted == ModelBackend().get_all_permissions(_fresh(user))
    assert "attribution.delete_article" in PermissionsBackend().get_all_permissions(_fresh(mixed))
    assert "attribution.change_quote" in PermissionsBackend().get_all_permissions(_fresh(mixed))
    assert PermissionsBackend().get_all_permissions(_fresh(users[2])) == set()


def test_inactive_and_revoked_users_lose_their_permissions():
    user = editor()
    assert _fresh(user).has_perm("attribution.change_quote")
    user.groups.clear()
    assert not _fresh(user).has_perm("attribution.change_quote")
    user.user_permissions.add(Permission.objects.get(codename="change_quote"))
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert not _fresh(user).has_perm("attribution.change_quote")
