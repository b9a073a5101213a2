"""Settings for the test run: the project's own, with the development-only values a test needs."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from attribution.settings import *  # noqa: F403

# Uploads the test run makes stay out of the project's media folder (conftest removes this one at the end).
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="attribution-test-media-"))

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins; tests only

# Playwright's sync API keeps an event loop in the test thread; the ORM calls the browser tests make from
# that thread are still plain synchronous calls, so Django's guard against async contexts does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Templates name static files as they are, with no `collectstatic` run first (tests/test_settings.py tests
# production's hashed copies).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405

# The test client and the live server speak plain HTTP.
SECURE_SSL_REDIRECT = False
