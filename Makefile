# Two commands matter: `make run` (the app on http://127.0.0.1:8000) and `make test` (the whole suite).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PYTHON312 ?= $(shell command -v python3.12 || ls -d $$HOME/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | tail -n1)
CHROMIUM ?= /usr/bin/chromium
export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/attribution
DEV_ENV := DEBUG=1

.PHONY: run serve test lint template-lines format bench screenshots venv venv-dev db chromium clean

PIP_INSTALL = $(PY) -m pip install --quiet --disable-pip-version-check

$(VENV)/bin/python:
	@test -n "$(PYTHON312)" || { echo "Python 3.12 is needed (pyenv install 3.12)"; exit 1; }
	"$(PYTHON312)" -m venv $(VENV)

# The runtime requirements, for running the app.
$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PIP_INSTALL) -r requirements.txt
	@touch $@

# Tests, lint and types on top of them.
$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP_INSTALL) -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

venv: $(VENV)/.installed
venv-dev: $(VENV)/.installed-dev

db: venv
	@$(DEV_ENV) $(PY) manage.py ensure_database
	$(DEV_ENV) $(PY) manage.py migrate --no-input -v 0

chromium:
	@test -x "$(CHROMIUM)" || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else echo "Chromium is needed for the browser tests: sudo apt-get install -y chromium"; exit 1; fi; }

# The development settings the README's commands then find by themselves (settings.py reads .env).
.env:
	@printf '# Development settings, written by make run (git-ignored). Production sets the real environment.\nDEBUG=1\n' > $@

# Production on this machine (README: Deploying): the real environment only, DEBUG off whatever .env says.
# gunicorn as gunicorn.conf.py says, and TASK_WORKERS task workers beside it; all stop together.
TASK_WORKERS ?= 1
PROD_ENV := DEBUG=0
serve: venv
	@test -n "$$SECRET_KEY" -a -n "$$ALLOWED_HOSTS" || { echo "make serve runs production: set SECRET_KEY \
	(50+ random characters) and ALLOWED_HOSTS in the environment (README: Deploying). For development: make run"; \
	exit 1; }
	$(PROD_ENV) $(PY) manage.py migrate --no-input -v 0
	$(PROD_ENV) $(PY) manage.py collectstatic --no-input -v 0
	@trap 'kill 0' EXIT INT TERM; \
	for n in $$(seq 1 $(TASK_WORKERS)); do $(PROD_ENV) $(PY) manage.py worker --worker-id "$$(hostname)-$$n" & done; \
	$(PROD_ENV) $(PY) -m gunicorn -c gunicorn.conf.py

# One task worker (storing uploads, extracting quotes) runs beside the server; both stop together.
run: .env db
	$(DEV_ENV) $(PY) manage.py seed_demo
	@trap 'kill 0' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py worker & \
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

test: venv-dev chromium
	@$(DEV_ENV) $(PY) manage.py ensure_database
	$(PY) -m pytest $(PYTEST_ARGS)

# Every check must pass with zero findings; `make format` applies what the formatters would change. The same
# checks run as pre-commit hooks (.pre-commit-config.yaml).
TEMPLATES = $(shell find templates -name '*.html')
lint: venv-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djade --check $(TEMPLATES)
	@$(MAKE) -s template-lines
	$(DEV_ENV) $(VENV)/bin/mypy
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	git ls-files -z | xargs -0 $(VENV)/bin/check-added-large-files --enforce-all --maxkb=500

# Templates keep ruff's line length; djade formats them but does not wrap.
template-lines:
	@awk 'length > 120 { print FILENAME ":" FNR ": line longer than 120 characters"; bad = 1 } END { exit bad }' \
		$(TEMPLATES)

format: venv-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djade $(TEMPLATES)

screenshots: venv-dev chromium
	@$(DEV_ENV) $(PY) manage.py ensure_database
	$(PY) -m pytest -m screenshots tests/browser/test_screenshots.py -q

# The effort benchmark drives Chromium, hence the dev requirements (Playwright) and the browser.
bench: venv-dev chromium
	$(PY) bench/extract.py
	$(PY) bench/pages.py --quiet
	$(PY) bench/export.py
	$(PY) bench/review.py
	$(PY) bench/import.py
	$(PY) bench/review_effort.py
	$(PY) bench/learning.py
	$(PY) bench/load.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
