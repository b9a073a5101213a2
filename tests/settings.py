"""Settings for the test run: the project's own, with the development-only values a test needs."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from attribution.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins; tests only

# Playwright's sync API keeps an event loop in the test thread; the ORM calls the browser tests make from
# that thread are still plain synchronous calls, so Django's guard against async contexts does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
