"""Every example query of the README's search section finds something in the demo data."""

import io
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase, override_settings

from cwg.search.backends.postgres import PostgresBackend
from cwg.search.backends.sqlite import SQLiteBackend
from cwg.search.engine import reindex, search

README = settings.BASE_DIR / "README.md"


def readme_queries() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## Search", 1)[1].split("\n## ", 1)[0]
    listed = re.search(r"Queries that find results in the demo data[^:]*:(.*?)\.\n", section, re.S)
    queries = re.findall(r"`([^`]+)`", listed.group(1))
    queries += re.findall(r'manage\.py search "([^"]+)"', section)
    return queries


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded and indexed once for the module, rolled back after its last test; its
    commit hooks (text extraction) run as a commit would run them."""
    folder = tmp_path_factory.mktemp("demo")
    paths = override_settings(MEDIA_ROOT=folder / "media", SEARCH_SQLITE_PATH=folder / "index")
    with django_db_blocker.unblock(), paths, transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=io.StringIO())
        engine = PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()
        reindex(backend=engine)
        yield engine
        transaction.set_rollback(True)


def test_the_readme_lists_its_example_queries():
    queries = readme_queries()
    assert len(queries) >= 6
    assert "الوثيقة" in queries


@pytest.mark.parametrize("query", readme_queries())
def test_each_readme_query_finds_results_in_the_demo(demo, db, query):
    results = search(user=AnonymousUser(), text=query, backend=demo)
    assert results.total >= 1, query
    assert results.hits
