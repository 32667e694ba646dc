"""Which real services this test run can reach, and what to do when one is missing.

Locally a missing service skips the tests that need it, with the reason. CI sets
CWG_REQUIRE_SERVICES=1, and then a missing service fails those tests instead.
"""

import os
import shutil
import socket
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import connection

REQUIRE_SERVICES = os.environ.get("CWG_REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def missing(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing (CWG_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(reason)


def reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def why_unavailable(marker: str) -> str | None:
    if marker == "sweep" and not (REQUIRE_SERVICES or os.environ.get("CWG_SWEEPS") == "1"):
        # Sweeps render every page in every language: CI runs them once, in its service pass.
        return "a sweep over every page: runs with CWG_REQUIRE_SERVICES=1 or CWG_SWEEPS=1"
    if marker == "postgres" and connection.vendor != "postgresql":
        return "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if marker in {"redis", "worker"}:
        if not settings.CELERY_BROKER_URL.startswith("redis"):
            return "needs Redis: set CELERY_BROKER_URL=redis://..."
        if not reachable(settings.CELERY_BROKER_URL):
            return f"Redis at {settings.CELERY_BROKER_URL} does not answer"
    if marker == "worker" and connection.vendor == "sqlite":
        return "a worker process cannot share the in-memory SQLite test database"
    if marker == "browser":
        if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
            return f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
        try:
            import playwright  # noqa: F401 - only checking that it is installed
        except ImportError:
            return "needs the playwright package"
    return None
