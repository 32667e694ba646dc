# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export SECRET_KEY_FOR_TESTS := test-only-secret-key-not-for-production

.PHONY: demo install test lint format messages check-migrations clean screenshots

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	@echo "Serving on http://127.0.0.1:8000/ (Ctrl+C to stop)"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# PNGs of the key pages per role, in English and Arabic, at 1280 and 390 px, into docs/screenshots/
# (a throwaway SQLite database with the demo, served on 127.0.0.1:8099; needs Chromium).
screenshots: install
	$(PY) bench/screenshots.py

# Tests write nothing into the checkout: pytest's cache (for --lf) goes to the temporary directory,
# as do the screenshots and hypothesis' examples (see tests/conftest.py).
TEST_TMP ?= $(or $(TMPDIR),/tmp)/cwg-tests
# The suite runs on every core, a module per process so its once-per-module fixtures are built
# once. Each process has its own test database, and every real Celery worker a test starts
# listens on a queue of its own, so the processes never take each other's tasks.
PYTEST_PARALLEL ?= -n auto --dist loadfile

test: install
	SECRET_KEY=$${SECRET_KEY:-$(SECRET_KEY_FOR_TESTS)} SECURE_SSL_REDIRECT=0 $(PY) -m pytest $(PYTEST_PARALLEL) \
	  -o cache_dir=$(TEST_TMP)/pytest-cache/$(notdir $(CURDIR)) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	SECRET_KEY=$(SECRET_KEY_FOR_TESTS) $(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-migrations: install
	SECRET_KEY=$(SECRET_KEY_FOR_TESTS) $(PY) manage.py makemigrations --check --dry-run

# Needs GNU gettext (xgettext, msgfmt); the compiled .mo files are committed so the demo does not.
messages: install
	DEBUG=1 $(PY) manage.py makemessages --all --ignore=.venv --ignore=var --ignore=meetings --ignore=documents --ignore=consultations --ignore=followup --no-obsolete
	for app in meetings documents consultations followup; do \
	  (cd $$app && DEBUG=1 ../$(PY) ../manage.py makemessages --all --no-obsolete); done
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
