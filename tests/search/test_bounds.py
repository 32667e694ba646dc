"""Counting stops at COUNT_LIMIT readable matches and says "more"; what the user may not open
never counts towards the limit, the total or the facets."""

import pytest

from cwg.search.backends import elasticsearch, postgres, sqlite
from cwg.search.entries import IndexEntry
from tests.search.conftest import BACKENDS, make_engine

PUBLIC = frozenset({"public"})


def entry(number: int, principals: frozenset[str]) -> IndexEntry:
    return IndexEntry(
        kind="document",
        object_id=number,
        title=f"Canary {number}",
        texts={"en": "A canary in the archive."},
        principals=principals,
        facets={"year": str(2020 + number % 2)},
    )


@pytest.fixture(params=BACKENDS)
def bounded(request, db, monkeypatch):
    """An engine holding six public canaries and, between them, six secretariat-only ones,
    counting up to four matches."""
    for module in (sqlite, postgres, elasticsearch):
        monkeypatch.setattr(module, "COUNT_LIMIT", 4)
    engine = make_engine(request, request.param)
    engine.index(
        [
            entry(number, PUBLIC if number % 2 else frozenset({"secretariat"}))
            for number in range(1, 13)
        ]
    )
    return engine


def test_past_the_limit_the_total_stops_and_says_more(bounded):
    results = bounded.search("canary", principals=PUBLIC)
    assert (results.total, results.more) == (4, True)
    assert {hit.object_id for hit in results.hits} <= {1, 3, 5, 7, 9, 11}
    assert sum(results.facets["year"].values()) <= 6  # never a secretariat canary
    if bounded.name == "sqlite":  # keeps the newest matches
        assert {hit.object_id for hit in results.hits} == {5, 7, 9, 11}
    if bounded.name != "elasticsearch":  # ranks and counts among the matches it kept
        assert len(results.hits) == sum(results.facets["year"].values()) == 4


def test_what_the_user_may_not_open_never_reaches_the_limit(bounded):
    # the public canaries are of 2021, the secretariat's of 2020
    assert bounded.search("canary", principals=PUBLIC, filters={"year": "2020"}).total == 0
    narrowed = bounded.search("canary", principals=PUBLIC, filters={"year": "2021"})
    assert (narrowed.total, narrowed.more) == (4, True)
    secretariat = frozenset({"secretariat"})
    assert bounded.search("canary", principals=secretariat, filters={"year": "2020"}).more
    assert not bounded.search("canary 2", principals=secretariat).more


def test_up_to_the_limit_the_count_is_exact(bounded):
    results = bounded.search("canary -11 -9", principals=PUBLIC)
    assert (results.total, results.more) == (4, False)
    assert {hit.object_id for hit in results.hits} == {1, 3, 5, 7}
