"""The product's entry points: which backend answers, searching as a user, reindexing."""

import logging
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import replace

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction

from cwg.permissions import AnyUser
from cwg.search.backends import BackendUnavailable
from cwg.search.backends.elasticsearch import DEFAULT_INDEX, ElasticsearchBackend
from cwg.search.backends.postgres import PostgresBackend
from cwg.search.backends.sqlite import SQLiteBackend
from cwg.search.entries import IndexEntry, Results
from cwg.search.principals import user_principals
from cwg.search.registry import entries

logger = logging.getLogger(__name__)

BACKEND_NAMES = ("sqlite", "postgres", "elasticsearch")

_sqlite: dict[str, SQLiteBackend] = {}
_elasticsearch: dict[tuple, ElasticsearchBackend] = {}


def _database_backend_name() -> str:
    return "postgres" if connection.vendor == "postgresql" else "sqlite"


def get_backend(name: str | None = None):
    """The named backend, or Elasticsearch when ELASTICSEARCH_URL is set, else the database's."""
    name = name or ("elasticsearch" if settings.ELASTICSEARCH_URL else _database_backend_name())
    if name == "elasticsearch":
        return _elasticsearch_backend()
    if name == "postgres":
        return PostgresBackend()
    path = str(settings.SEARCH_SQLITE_PATH)
    if path not in _sqlite:
        _sqlite[path] = SQLiteBackend(path)
    return _sqlite[path]


def index_backends() -> list:
    """Where changes are written: the search backend, and the database's own when that is
    Elasticsearch, so that the fallback answers from a complete index."""
    primary = get_backend()
    if primary.name == "elasticsearch":
        return [get_backend(_database_backend_name()), primary]
    return [primary]


def _elasticsearch_backend() -> ElasticsearchBackend:
    url = settings.ELASTICSEARCH_URL
    if not url:
        raise ImproperlyConfigured("The elasticsearch search backend needs ELASTICSEARCH_URL.")
    index = settings.SEARCH_ES_INDEX or DEFAULT_INDEX
    timeout = float(settings.SEARCH_ES_TIMEOUT)
    key = (url, index, timeout)
    if key not in _elasticsearch:
        # One retry at most: when the server is down, search falls back instead of waiting.
        _elasticsearch[key] = ElasticsearchBackend(
            url, index=index, request_timeout=timeout, max_retries=1, retry_on_timeout=False
        )
    return _elasticsearch[key]


def reset() -> None:
    """Close the cached indexes and clients (tests point the settings elsewhere each time)."""
    for backend in _sqlite.values():
        backend.connection.close()
    _sqlite.clear()
    for elasticsearch in _elasticsearch.values():
        elasticsearch.client.close()
    _elasticsearch.clear()


def search(
    *, user: AnyUser, text: str, filters=None, page: int = 1, per_page: int = 20, backend=None
) -> Results:
    backend = backend or get_backend()
    options = {
        "principals": user_principals(user),
        "filters": filters,
        "page": page,
        "per_page": per_page,
    }
    try:
        return backend.search(text, **options)
    except BackendUnavailable as error:
        logger.warning("Search answered from the database: %s", error)
        fallback = get_backend(_database_backend_name())
        return replace(fallback.search(text, **options), degraded=True)


def reindex(*, backend=None, batch: Iterable[IndexEntry] | None = None, progress=None) -> int:
    backend = backend or get_backend()
    source = batch if batch is not None else entries()
    if hasattr(backend, "rebuild"):  # fills a new index and swaps it in when complete
        return backend.rebuild(source, progress=progress)
    # PostgreSQL rebuilds in one transaction: searches see the old index until the new one
    # is complete. (SQLite's file is written by batch; Elasticsearch swaps an alias.)
    with transaction.atomic() if backend.name == "postgres" else nullcontext():
        backend.clear()
        count, chunk = 0, []
        for entry in source:
            chunk.append(entry)
            if len(chunk) == 500:
                count += backend.index(chunk)
                chunk = []
                if progress:
                    progress(500)
        count += backend.index(chunk)
        if progress:
            progress(len(chunk))
    return count
