import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from cwg.search.backends.elasticsearch import ElasticsearchBackend
from cwg.search.backends.postgres import PostgresBackend
from cwg.search.backends.sqlite import SQLiteBackend
from cwg.search.entries import IndexEntry
from tests.services import missing

CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus"
FALLBACK_CORPUS = Path("/work/shared/corpus")


def corpus_files() -> list[Path]:
    for folder in (CORPUS, FALLBACK_CORPUS):
        files = sorted(folder.glob("0*.txt"))
        if files:
            return files
    return []


@pytest.fixture(scope="session")
def corpus_entries() -> list[IndexEntry]:
    """One public entry per real Arabic file, plus an English one for stemming."""
    files = corpus_files()
    if not files:
        missing(f"the Arabic corpus is not at {CORPUS}")
    entries = [
        IndexEntry(
            kind="document",
            object_id=number,
            title=path.stem,
            texts={"ar": path.read_text(encoding="utf-8")},
            principals=frozenset({"public"}),
            symbol=f"CWG-WSIS&SDG-44/{number}",
            filename=path.name,
            facets={"meeting": "44", "year": "2026"},
        )
        for number, path in enumerate(files, start=1)
    ]
    entries.append(
        IndexEntry(
            kind="summary",
            object_id=100,
            title="Developing countries",
            texts={"en": "Developments in connecting developing countries to broadband."},
            principals=frozenset({"public"}),
            symbol="CWG-WSIS&SDG-44/INF/3",
            facets={"meeting": "44", "year": "2026"},
        )
    )
    return entries


BACKENDS = (
    ["sqlite"]
    + (["postgres"] if connection.vendor == "postgresql" else [])
    + (["elasticsearch"] if settings.ELASTICSEARCH_URL else [])
)


def live_elasticsearch(request) -> ElasticsearchBackend:
    """The server at ELASTICSEARCH_URL, under an alias of this test's own, dropped afterwards."""
    if not settings.ELASTICSEARCH_URL:
        pytest.skip("ELASTICSEARCH_URL is not set")
    engine = ElasticsearchBackend(
        settings.ELASTICSEARCH_URL, index=f"cwg-test-{uuid.uuid4().hex[:12]}"
    )

    def drop():
        indices = engine.client.indices.get(index=f"{engine.alias}-v*")
        if indices:
            engine.client.indices.delete(index=",".join(indices))

    request.addfinalizer(drop)
    return engine


def make_engine(request, name: str):
    """An empty engine of the given name, for the tests parametrised over BACKENDS."""
    if name == "elasticsearch":
        return live_elasticsearch(request)
    return PostgresBackend() if name == "postgres" else SQLiteBackend(":memory:")


@pytest.fixture(params=BACKENDS)
def backend(request, db, corpus_entries):
    """Each available engine, filled with the corpus entries."""
    engine = make_engine(request, request.param)
    engine.index(corpus_entries)
    return engine
