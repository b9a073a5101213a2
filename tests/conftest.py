import shutil

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.factories import SHARED


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared corpus and seed live beside the project")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir):
    return (shared_dir / "seed" / "kiev-soldiers-desert-to-russia.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def _media_root_removed():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Each test of the database starts with nothing cached (the insights' figures are), as after a deployment:
    the cache is a table of the test database, which no test's rollback or flush empties."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", "transactional_db", "live_server"}:
        return
    transactional = (marker is not None and marker.kwargs.get("transaction")) or names & {
        "transactional_db",
        "live_server",
    }
    request.getfixturevalue("transactional_db" if transactional else "db")
    cache.clear()
