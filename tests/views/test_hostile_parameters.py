"""No parameter, however hostile, makes a page or an action fail with a 500: every URL pattern (the access
table's), as an Admin, by GET and by POST, with every parameter the app reads set to values that have broken
pages before (NUL, a superscript digit, a date past the calendar, numbers too big for the database...)."""

import pytest
from django.test import Client

from tests.factories import admin_user
from tests.views.test_access import ACCESS, objects, url_of  # noqa: F401 (objects is a fixture)

pytestmark = pytest.mark.django_db

# Every name a view or a form reads from GET or POST (grep the views and attribution/forms.py for more).
PARAMETERS = (
    "article",
    "body",
    "bom",
    "confirm",
    "edge",
    "end",
    "file",
    "format",
    "import_batch",
    "kind",
    "low_confidence",
    "new_outlet",
    "new_speaker",
    "next",
    "outlet",
    "page",
    "published_at",
    "publisher",
    "q",
    "review",
    "role",
    "shown",
    "source",
    "speaker",
    "speaker_kind",
    "start",
    "status",
    "title",
    "url",
    "username",
    "version",
    "words",
    "batch",
    "date_from",
    "date_to",
    "password",
    "",
)

HOSTILE = (
    "a\x00b",  # PostgreSQL cannot store NUL
    "²",  # a digit to str.isdigit, not to int()
    "99999999999999999999999",  # past every integer column
    "9999-12-31",  # a day past it overflows the calendar
    "1.5",
    "x" * 5000,  # past every text column
)


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", [name for name in ACCESS if not name.endswith(":index")])
def test_no_parameter_value_makes_a_500(objects, name, method, value):  # noqa: F811
    client = Client(raise_request_exception=False)
    client.force_login(admin_user())
    url = url_of(name, ACCESS[name], objects)
    response = getattr(client, method)(url, dict.fromkeys(PARAMETERS, value))
    assert response.status_code < 500, f"{method.upper()} {url} with {value[:20]!r}"
