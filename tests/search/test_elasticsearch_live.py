"""Against the server at ELASTICSEARCH_URL: the engines agree, and a rebuild swaps the alias.

The whole behaviour suite (test_engines.py, test_permissions.py) also runs on that server, as
conftest.BACKENDS then lists "elasticsearch". Without ELASTICSEARCH_URL these tests are skipped.
"""

import pytest
from django.conf import settings

from cwg.search import engine
from cwg.search.backends.sqlite import SQLiteBackend
from tests.search.conftest import live_elasticsearch
from tests.search.test_engines import PUBLIC, QUERIES, ids

pytestmark = pytest.mark.skipif(
    not settings.ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set"
)


@pytest.fixture(scope="module")
def sqlite(corpus_entries):
    filled = SQLiteBackend(":memory:")
    filled.index(corpus_entries)
    return filled


@pytest.fixture
def elasticsearch(request, corpus_entries):
    live = live_elasticsearch(request)
    live.index(corpus_entries)
    return live


@pytest.mark.parametrize("text", QUERIES)
def test_sqlite_and_elasticsearch_agree(sqlite, elasticsearch, text):
    assert ids(sqlite, text) == ids(elasticsearch, text)
    assert (
        sqlite.search(text, principals=PUBLIC).facets
        == elasticsearch.search(text, principals=PUBLIC).facets
    )


def test_reindex_swaps_the_alias_and_drops_the_old_index(elasticsearch, corpus_entries):
    before = set(elasticsearch.client.indices.get_alias(name=elasticsearch.alias))

    count = engine.reindex(backend=elasticsearch, batch=corpus_entries[:3])

    after = set(elasticsearch.client.indices.get_alias(name=elasticsearch.alias))
    assert count == 3
    assert len(after) == 1
    assert not before & after
    assert not elasticsearch.client.indices.exists(index=",".join(before))
    assert ids(elasticsearch, "CWG-WSIS&SDG-44/2") == {("document", 2)}
    assert ids(elasticsearch, "CWG-WSIS&SDG-44/4") == set()
