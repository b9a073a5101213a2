"""The security settings as production gets them from the environment, and the headers every page carries."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

# The production environment README's Security section documents (with a real secret, of course).
PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "desk.example.org",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """manage.py under the project's own settings and exactly this environment (nothing of the test run's)."""
    base = {name: os.environ[name] for name in ("PATH", "HOME", "DATABASE_URL") if name in os.environ}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=base | {"DJANGO_SETTINGS_MODULE": "attribution.settings"} | env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_the_documented_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_redirects_to_https_and_trusts_the_proxy_header():
    code = "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER)"
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION)
    assert result.stdout.strip() == "True ('HTTP_X_FORWARDED_PROTO', 'https')", result.stderr


@pytest.mark.django_db
def test_the_content_security_policy_closes_what_default_src_leaves_open(client):
    policy = client.get(reverse("login")).headers["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


DEV_FILE = settings.BASE_DIR / ".env"
SHOW_DEBUG = ("shell", "--no-imports", "-c", "from django.conf import settings as s; print(s.DEBUG)")


@pytest.fixture
def development_file():
    """The .env `make run` writes, in the project where settings look for it (a developer's own is left be)."""
    if DEV_FILE.exists():
        pytest.skip("this checkout has a .env of its own")
    subprocess.run(["make", "--no-print-directory", ".env"], cwd=settings.BASE_DIR, check=True)
    yield DEV_FILE
    DEV_FILE.unlink()


def test_without_a_secret_or_a_development_file_the_error_says_what_to_do():
    if DEV_FILE.exists():
        pytest.skip("this checkout has a .env of its own")
    result = manage(*SHOW_DEBUG, env={})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
    assert "make run" in result.stderr


def test_the_development_file_makes_the_readmes_commands_work_as_written(development_file):
    assert "DEBUG=1" in development_file.read_text()
    result = manage(*SHOW_DEBUG, env={})
    assert result.stdout.strip() == "True", result.stderr


def test_an_environment_with_a_secret_never_reads_the_development_file(development_file):
    result = manage(*SHOW_DEBUG, env=PRODUCTION)
    assert result.stdout.strip() == "False", result.stderr
    assert manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION).returncode == 0


def test_make_serve_refuses_to_start_without_the_production_settings():
    base = {name: os.environ[name] for name in ("PATH", "HOME", "DATABASE_URL") if name in os.environ}
    for missing in ("SECRET_KEY", "ALLOWED_HOSTS"):
        env = base | {name: value for name, value in PRODUCTION.items() if name != missing}
        result = subprocess.run(
            ["make", "--no-print-directory", "serve"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode != 0
        assert "set SECRET_KEY" in result.stdout + result.stderr


@pytest.mark.django_db
def test_production_serves_its_static_files_hashed_compressed_and_cached_for_good(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    }
    call_command("collectstatic", "--no-input", verbosity=0)
    client = Client()  # a new handler, whose WhiteNoise finds the files collectstatic wrote
    page = client.get(reverse("login")).content.decode()
    stylesheet = re.search(r'href="(/static/css/desk\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, "the page names the hashed copy"
    response = client.get(stylesheet[1], headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
