import pytest
from django.urls import reverse

from tests.factories import editor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["article_list", "export_csv"])
def test_pages_and_exports_a_logged_in_user_is_sent_are_never_stored(client, name):
    client.force_login(editor())
    response = client.get(reverse(name))
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
