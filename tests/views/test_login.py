"""Login throttling: a user and address that keep failing are locked out for a while, the right password too."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.db.models import F
from django.urls import reverse

from tests.factories import editor

pytestmark = pytest.mark.django_db

PASSWORD = "pw"  # UserFactory's


def log_in(client, password, *, username="ed", address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return "_auth_user_id" in client.session


def test_fifty_wrong_passwords_lock_the_user_out_at_that_address(client, settings):
    editor()
    statuses = [log_in(client, f"guess-{n}").status_code for n in range(50)]
    limit = settings.AXES_FAILURE_LIMIT
    assert statuses == [200] * (limit - 1) + [429] * (50 - limit + 1)
    refused = log_in(client, PASSWORD)
    assert refused.status_code == 429
    assert not logged_in(client)
    page = refused.content.decode()
    assert "Too many failed logins as “ed” from your address: try again in 15 minutes." in page
    assert 'name="password"' in page


def test_the_lockout_is_per_user_and_address(client, settings):
    editor()
    editor("other")
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"guess-{n}")
    assert log_in(client, PASSWORD, username="other").status_code == 302  # another user from the same address
    client.logout()
    assert log_in(client, PASSWORD, address="10.0.0.2").status_code == 302  # the same user from elsewhere
    assert logged_in(client)


def test_the_lockout_ends_after_the_cool_off(client, settings):
    editor()
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"guess-{n}")
    attempts = apps.get_model("axes", "AccessAttempt").objects
    attempts.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME + timedelta(minutes=1))
    assert log_in(client, PASSWORD).status_code == 429
    attempts.update(attempt_time=F("attempt_time") - timedelta(minutes=2))
    assert log_in(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_a_success_forgets_earlier_failures(client, settings):
    editor()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, f"guess-{n}")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, f"again-{n}").status_code == 200


def test_behind_a_trusted_proxy_the_lockout_is_per_client_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    editor()

    def through_proxy(password, client_address):
        return client.post(
            reverse("login"),
            {"username": "ed", "password": password},
            REMOTE_ADDR="10.9.9.9",  # the proxy
            HTTP_X_FORWARDED_FOR=f"10.6.6.6, {client_address}",  # what the client claimed, then what the proxy saw
        )

    for n in range(settings.AXES_FAILURE_LIMIT):
        through_proxy(f"guess-{n}", "203.0.113.7")
    assert through_proxy(PASSWORD, "203.0.113.7").status_code == 429
    assert through_proxy(PASSWORD, "198.51.100.4").status_code == 302  # the editor, elsewhere, is not locked out
