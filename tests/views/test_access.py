"""Who may do what: every URL pattern, as each kind of user, by GET and by POST. A URL added without an entry in
ACCESS fails test_every_url_has_an_entry, so no page is ever reachable by accident."""

from typing import NamedTuple

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from attribution.models import ImportBatch, Publisher, Speaker
from attribution.services.speakers import speaker_merge
from tests.factories import QuoteFactory, UserFactory, admin_user, editor

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "no group", "Editor", "Admin")
LOGIN = "login"  # a redirect to the login page


Statuses = tuple[int | str, int | str, int | str, int | str]  # one for each of ROLES


class Access(NamedTuple):
    """The status each of ROLES gets, by GET and by POST; obj names what the URL's pk is."""

    get: Statuses
    post: Statuses
    obj: str | None = None


# Editors' pages and actions; Admins (who can do all an Editor can) may use them too.
EDITORS_READ = Access(get=(LOGIN, 403, 200, 200), post=(LOGIN, 403, 405, 405))
EDITORS_ACT = Access(get=(LOGIN, 403, 405, 405), post=(LOGIN, 403, 200, 200))
EDITORS_FORM = Access(get=(LOGIN, 403, 200, 200), post=(LOGIN, 403, 200, 200))
ADMINS_READ = Access(get=(LOGIN, 403, 403, 200), post=(LOGIN, 403, 403, 405))
ADMINS_FORM = Access(get=(LOGIN, 403, 403, 200), post=(LOGIN, 403, 403, 200))
QUEUE = Access(get=(LOGIN, 403, 302, 302), post=(LOGIN, 403, 405, 405))

ACCESS: dict[str, Access] = {
    "": Access(get=(302, 302, 302, 302), post=(302, 302, 302, 302)),  # to the article list
    "login": Access(get=(200, 200, 200, 200), post=(200, 200, 200, 200)),
    "logout": Access(get=(405, 405, 405, 405), post=(302, 302, 302, 302)),
    "healthz": Access(get=(200, 200, 200, 200), post=(405, 405, 405, 405)),  # for load balancers: no login
    "article_list": EDITORS_READ,
    "article_new": ADMINS_FORM,
    "next_article": QUEUE,
    "next_article_after": QUEUE._replace(obj="article"),
    "article_detail": EDITORS_READ._replace(obj="article"),
    "quote_card": EDITORS_READ._replace(obj="quote"),
    "quote_confirm": EDITORS_ACT._replace(obj="quote"),
    "quote_reject": EDITORS_ACT._replace(obj="quote"),
    "quote_undo": EDITORS_ACT._replace(obj="quote"),
    "quote_delete": EDITORS_ACT._replace(obj="quote"),
    "quote_edit": EDITORS_FORM._replace(obj="quote"),
    "quote_correct": EDITORS_ACT._replace(obj="quote"),
    "quote_nudge": EDITORS_ACT._replace(obj="quote"),
    "quote_span": EDITORS_ACT._replace(obj="quote"),
    "quote_history": EDITORS_READ._replace(obj="quote"),
    "article_confirm_remaining": EDITORS_ACT._replace(obj="article"),
    "quote_add": EDITORS_FORM._replace(obj="article"),
    "article_undo": EDITORS_ACT._replace(obj="article"),
    "article_redo": EDITORS_ACT._replace(obj="article"),
    "speaker_list": EDITORS_READ,
    "speaker_detail": EDITORS_READ._replace(obj="speaker"),
    # Merges change the registry for everyone: Admins only. Without a source both ask for one again.
    "speaker_merge": Access(get=(LOGIN, 403, 403, 302), post=(LOGIN, 403, 403, 302), obj="speaker"),
    "speaker_merge_undo": Access(get=(LOGIN, 403, 403, 405), post=(LOGIN, 403, 403, 302), obj="merge"),
    "publisher_list": EDITORS_READ,
    "publisher_detail": EDITORS_READ._replace(obj="publisher"),
    # Editors merge two forms of one outlet; without a source both ask for one again.
    "publisher_merge": Access(get=(LOGIN, 403, 302, 302), post=(LOGIN, 403, 302, 302), obj="publisher"),
    "publisher_entry_suggestions": EDITORS_READ,
    "speaker_search": EDITORS_READ,
    "outlet_search": EDITORS_READ,
    "role_search": EDITORS_READ,
    "publisher_suggestions": EDITORS_READ,
    "article_suggestions": EDITORS_READ,
    "import_batch_suggestions": EDITORS_READ,
    "speaker_name_suggestions": EDITORS_READ,
    "speaker_suggestions_keyed": EDITORS_READ,
    "import_list": ADMINS_READ,
    "import_new": ADMINS_FORM,
    "import_detail": ADMINS_READ._replace(obj="batch"),
    "import_errors_csv": ADMINS_READ._replace(obj="batch"),
    "import_retry": Access(get=(LOGIN, 403, 403, 405), post=(LOGIN, 403, 403, 302), obj="batch"),
    "statement_conflicts": EDITORS_READ,
    "insights": EDITORS_READ,
    "insights_csv": EDITORS_READ._replace(obj="figure"),
    "export": EDITORS_READ,
    "export_download": EDITORS_READ,
    "export_csv": EDITORS_READ,
    # The Django admin's own login guards it: only staff get past it (tests/views/test_admin.py).
    "admin:index": Access(get=(302, 302, 302, 302), post=(302, 302, 302, 302)),
}


def url_name(pattern: URLPattern | URLResolver) -> str:
    """A pattern's name (its route where it has none); an included URLconf counts as its index page, since its
    own views guard it."""
    if isinstance(pattern, URLResolver):
        return f"{pattern.namespace}:index"
    return pattern.name or str(pattern.pattern)


def test_every_url_has_an_entry():
    assert sorted(url_name(pattern) for pattern in get_resolver().url_patterns) == sorted(ACCESS)


@pytest.fixture
def objects():
    quote = QuoteFactory.create()
    target, source = Speaker.objects.create(name="Ann Lee"), Speaker.objects.create(name="A. Lee")
    return {
        "quote": quote,
        "article": quote.article,
        "speaker": target,
        "batch": ImportBatch.objects.create(source_name="feed.jsonl"),
        "publisher": Publisher.objects.get(name="Reuters"),
        "merge": speaker_merge(target=target, source=source, user=admin_user("merger")),
    }


def users():
    return {"no group": UserFactory.create(username="nobody"), "Editor": editor(), "Admin": admin_user()}


def url_of(name, access, objects):
    """The entry's URL, its pk (for the queue, the article left) that of the object the entry names."""
    if not name:
        return "/"
    if access.obj is None:
        return reverse(name)
    if access.obj == "figure":
        return reverse(name, kwargs={"figure": "fields"})
    kwarg = "after" if name == "next_article_after" else "pk"
    return reverse(name, kwargs={kwarg: objects[access.obj].pk})


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ACCESS)
def test_access(client, objects, name, role, method):
    access = ACCESS[name]
    if role != "anonymous":
        client.force_login(users()[role])
    response = getattr(client, method)(url_of(name, access, objects))
    expected = getattr(access, method)[ROLES.index(role)]
    if expected == LOGIN:
        assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))
    else:
        assert response.status_code == expected
    if role != "anonymous":
        # Nothing an authenticated user is shown is kept by a browser or a proxy.
        assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
