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
def _empty_cache(django_db_setup, django_db_blocker):
    """Each test starts with nothing cached (the insights' figures are), as after a deployment: the cache is a table
    of the test database, which no test's rollback or flush empties."""
    with django_db_blocker.unblock():
        cache.clear()
