"""The Elasticsearch backend against the real client, with recorded server responses.

What is sent (mapping, bulk lines, the compiled query) is checked to the letter; what comes back
is an Elasticsearch 8/9 response as recorded. The behaviour suite runs against a live server in
test_engines.py when ELASTICSEARCH_URL is set (see conftest.py and test_elasticsearch_live.py).
"""

import json
import logging
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from cwg.search import engine
from cwg.search.backends import COUNT_LIMIT, BackendUnavailable
from cwg.search.backends.elasticsearch import ElasticsearchBackend, IndexingFailed
from cwg.search.entries import IndexEntry
from cwg.search.normalize import index_text, prefix_form, stem, stem_readings
from cwg.search.query import parse
from cwg.search.snippets import snippet
from tests.search.recorded_node import RecordedServer, recorded_client

ALIAS = "cwg-test"
OLD = "cwg-test-v20261101080000000000"
NEW = re.escape(ALIAS) + r"-v\d{20}"  # <alias>-v<UTC timestamp to the microsecond>
PUBLIC = frozenset({"public"})


def entry(object_id: int, text: str, **fields) -> IndexEntry:
    values = {
        "kind": "document",
        "object_id": object_id,
        "title": f"وثيقة {object_id}",
        "texts": {"ar": text},
        "principals": frozenset({"public"}),
        "symbol": f"CWG-WSIS&SDG-44/{object_id}",
        "facets": {"meeting": "44", "year": "2026"},
    }
    return IndexEntry(**{**values, **fields})


ENTRIES = [
    entry(1, "قدّمت الأَمانة العامة تقريرها."),
    entry(2, "القمة العالمية لمجتمع المعلومات", principals=frozenset({"members", "user:12"})),
]


@pytest.fixture
def server():
    return RecordedServer()


@pytest.fixture
def backend(server):
    return ElasticsearchBackend(client=recorded_client(server), index=ALIAS)


def test_first_write_creates_the_index_behind_the_alias(server, backend):
    server.expect("HEAD", f"/_alias/{ALIAS}", "exists_alias_missing")
    server.expect("PUT", f"/{NEW}", "create_index")
    server.expect("PUT", "/_bulk", "bulk_indexed")

    assert backend.index(ENTRIES) == 2

    created = server.requests[1].body
    assert created["aliases"] == {ALIAS: {"is_write_index": True}}
    analysis = created["settings"]["analysis"]
    assert analysis["tokenizer"]["spaces"]["type"] == "whitespace"
    assert analysis["analyzer"]["normalised"] == {
        "type": "custom",
        "tokenizer": "spaces",
        "filter": [],
    }
    properties = created["mappings"]["properties"]
    assert properties["title_terms"] == {"type": "text", "analyzer": "normalised"}
    assert properties["body_terms"] == {"type": "text", "analyzer": "normalised"}
    assert properties["variant_terms"] == {"type": "text", "analyzer": "normalised"}
    assert properties["body"] == {"type": "text", "index": False}
    assert properties["principals"] == properties["facets"] == {"type": "keyword"}
    assert created["mappings"]["dynamic"] == "strict"


def test_bulk_lines_carry_the_normalised_text_and_go_through_the_alias(server, backend):
    server.expect("HEAD", f"/_alias/{ALIAS}", "exists_alias")
    server.expect("PUT", "/_bulk", "bulk_indexed")

    backend.index(ENTRIES)

    bulk = server.requests[1]
    assert bulk.params == {"refresh": "wait_for", "require_alias": "true"}
    header, source = bulk.body[2], bulk.body[3]
    assert header == {"index": {"_index": ALIAS, "_id": "document:2"}}
    assert source["body_terms"] == index_text("القمة العالمية لمجتمع المعلومات")
    assert source["title_terms"] == index_text("CWG-WSIS&SDG-44/2 وثيقة 2")
    assert source["variant_terms"] == stem_readings("وثيقة")[1]  # the title's waw-initial word
    assert source["body"] == "القمة العالمية لمجتمع المعلومات"
    assert source["principals"] == ["members", "user:12"]
    assert source["facets"] == ["kind=document", "language=ar", "meeting=44", "year=2026"]


def test_a_refused_bulk_item_raises_naming_the_entry_and_the_reason(server, backend):
    server.expect("HEAD", f"/_alias/{ALIAS}", "exists_alias")
    server.expect("PUT", "/_bulk", "bulk_one_refused")

    with pytest.raises(IndexingFailed, match=r"1 entries.*document:2.*immense term"):
        backend.index(ENTRIES)


def test_deleting_an_entry_that_is_already_gone_is_no_failure(server, backend):
    server.expect("HEAD", f"/_alias/{ALIAS}", "exists_alias")
    server.expect("PUT", "/_bulk", "bulk_deleted")

    backend.delete("document", [1, 9])

    assert server.requests[1].body == [
        {"delete": {"_index": ALIAS, "_id": "document:1"}},
        {"delete": {"_index": ALIAS, "_id": "document:9"}},
    ]


def test_reindex_fills_a_new_index_and_swaps_the_alias_in_one_call(server, backend):
    server.expect("PUT", f"/{NEW}", "create_index")
    server.expect("PUT", "/_bulk", "bulk_indexed")
    server.expect("POST", f"/{NEW}/_refresh", "refresh")
    server.expect("GET", f"/_alias/{ALIAS}", "get_alias")
    server.expect("POST", "/_aliases", "update_aliases")
    server.expect("DELETE", f"/{OLD}", "delete_index")
    done = []

    assert engine.reindex(backend=backend, batch=iter(ENTRIES), progress=done.append) == 2

    new = server.requests[0].path.lstrip("/")
    assert "aliases" not in server.requests[0].body  # searches keep the old index meanwhile
    assert server.requests[1].body[0] == {"index": {"_index": new, "_id": "document:1"}}
    swaps = server.sent("/_aliases")
    assert [swap.body for swap in swaps] == [
        {
            "actions": [
                {"remove": {"index": OLD, "alias": ALIAS}},
                {"add": {"index": new, "alias": ALIAS, "is_write_index": True}},
            ]
        }
    ]
    assert sum(done) == 2
    assert not server.expected


def test_a_failed_reindex_drops_the_new_index_and_keeps_the_alias(server, backend):
    server.expect("PUT", f"/{NEW}", "create_index")
    server.expect("PUT", "/_bulk", "bulk_one_refused")
    server.expect("DELETE", f"/{NEW}", "delete_index")

    with pytest.raises(IndexingFailed):
        engine.reindex(backend=backend, batch=ENTRIES)

    assert server.sent("/_aliases") == []
    assert server.requests[-1].path == server.requests[0].path


def words_of(clause: dict) -> list[tuple[str, str, str]]:
    """(query type, field, value) of every leaf of a compiled clause."""
    found = []
    for should in clause["bool"]["should"]:
        ((kind, fields),) = should.items()
        ((field, options),) = fields.items()
        found.append((kind, field, options.get("value", options.get("query"))))
    return found


def on_fields(kind: str, value: str, fields=("title_terms", "body_terms", "variant_terms")):
    return [(kind, field, value) for field in fields]


def test_the_query_is_one_bool_with_permissions_and_facets_inside(server, backend):
    server.expect("POST", f"/{ALIAS}/_search", "search_empty")
    text = 'الأمانة "القمة العالمية" تنمي* -تونس CWG-WSIS&SDG-44/2 الوطنية*'

    backend.search(
        text,
        principals=frozenset({"public", "members"}),
        filters={"meeting": "44", "not-a-facet": "x"},
        page=3,
        per_page=10,
    )

    sent = server.requests[0].body
    query = sent["query"]["bool"]
    assert query["filter"] == [
        {"terms": {"principals": ["members", "public"]}},
        {"term": {"facets": "meeting=44"}},
    ]
    summit = f"{stem('القمة')} {stem('العالمية')}"
    assert [words_of(clause) for clause in query["must"]] == [
        on_fields("term", stem("الأمانة")),
        on_fields("match_phrase", summit, fields=("title_terms", "body_terms")),
        on_fields("prefix", prefix_form("تنمي")),
        on_fields("term", "cwg-wsis&sdg-44/2"),
        # a waw-initial prefix: without its waw on every field, and as typed, which only the
        # variants (and words that really begin so) hold
        on_fields("prefix", "طنيه") + on_fields("prefix", "وطنيه"),
    ]
    assert [words_of(clause) for clause in query["must_not"]] == [on_fields("term", stem("تونس"))]
    title, body, variants = query["must"][0]["bool"]["should"]
    assert (title["term"]["title_terms"]["boost"], body["term"]["body_terms"]["boost"]) == (3, 1)
    assert variants["term"]["variant_terms"]["boost"] == 1
    assert query["must"][0]["bool"]["minimum_should_match"] == 1
    assert sent["aggs"]["year"] == {
        "terms": {
            "field": "facets",
            "include": "year=.*",
            "size": 1000,
            "order": [{"_count": "desc"}, {"_key": "asc"}],
        }
    }
    assert set(sent["aggs"]) == {
        "kind",
        "language",
        "meeting",
        "status",
        "year",
        "action_line",
        "sdg",
    }
    assert (sent["from"], sent["size"], sent["track_total_hits"]) == (20, 10, COUNT_LIMIT)
    assert sent["sort"] == [{"_score": "desc"}, {"kind": "asc"}, {"object_id": "asc"}]
    assert sent["_source"] == ["kind", "object_id", "symbol", "title", "filename", "body"]
    assert "highlight" not in sent


def test_hits_facets_and_snippets_are_read_from_the_response(server, backend):
    server.expect("POST", f"/{ALIAS}/_search", "search")

    results = backend.search("الأمانة", principals=PUBLIC, per_page=2)

    assert (results.total, results.more, results.degraded, results.message) == (3, False, False, "")
    first, second = results.hits
    assert (first.kind, first.object_id, first.symbol, first.filename) == (
        "document",
        7,
        "CWG-WSIS&SDG-44/7",
        "007.txt",
    )
    assert first.score == pytest.approx(4.182311)
    assert first.snippet == snippet(
        "قدّمت الأَمانة العامة تقريرها عن القمة العالمية لمجتمع المعلومات في جنيف.",
        parse("الأمانة"),
    )
    assert "<mark>الأَمانة</mark>" in first.snippet
    assert (second.kind, second.object_id, second.filename) == ("summary", 100, None)
    assert results.facets == {
        "kind": {"document": 2, "summary": 1},
        "language": {"ar": 3},
        "meeting": {"44": 3},
        "year": {"2026": 2, "2025": 1},
    }


HOSTILE = [
    "title:x OR *",
    '"unbalanced title:(a AND b)^3 ~2',
    "body:* AND NOT principals:secretariat",
    '{"query_string": {"query": "*"}} \\ / " -',
    "ا" * 4000 + " title:x OR * " + "x" * 6000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_reaches_elasticsearch_only_as_normalised_terms(server, backend, text):
    server.expect("POST", f"/{ALIAS}/_search", "search_empty")

    backend.search(text, principals=PUBLIC)

    sent = server.requests[0].body
    raw = json.dumps(sent)
    for operator in ("query_string", "simple_query_string", "wildcard", "regexp", "script"):
        assert f'"{operator}"' not in raw
    parsed = parse(text)
    terms = parsed.must + parsed.exclude
    forms = {" ".join(term.forms) for term in terms if term.kind != "prefix"}
    forms |= {form for term in terms if term.kind == "prefix" for form in term.forms}
    leaves = [
        value
        for part in ("must", "must_not")
        for clause in sent["query"]["bool"].get(part, [])
        for _kind, _field, value in words_of(clause)
    ]
    assert leaves
    assert set(leaves) <= forms
    assert all(":" not in value and "*" not in value for value in leaves)
    assert sent["query"]["bool"]["filter"] == [{"terms": {"principals": ["public"]}}]
    assert len(raw) < 12_000  # MAX_TERMS terms on three fields, whatever was typed


def test_a_query_without_words_sends_nothing(server, backend):
    results = backend.search('!!! "" -', principals=PUBLIC)
    assert results.message
    assert server.requests == []


def test_writing_nothing_sends_nothing(server, backend):
    assert backend.index([]) == 0
    backend.delete("document", [])
    assert server.requests == []


def test_searching_before_anything_was_indexed_finds_nothing(server, backend):
    server.expect("POST", f"/{ALIAS}/_search", "index_not_found")
    assert backend.search("الأمانة", principals=PUBLIC).total == 0


def test_a_failing_server_is_unavailable(server, backend):
    server.expect("POST", f"/{ALIAS}/_search", "search_unavailable")
    with pytest.raises(BackendUnavailable, match="503"):
        backend.search("الأمانة", principals=PUBLIC)


def test_an_unreachable_server_is_unavailable():
    backend = ElasticsearchBackend("http://127.0.0.1:9", index=ALIAS, max_retries=0)
    with pytest.raises(BackendUnavailable, match="unreachable"):
        backend.search("الأمانة", principals=PUBLIC)
    with pytest.raises(BackendUnavailable):
        backend.index(ENTRIES)


@pytest.fixture
def elasticsearch_down(settings, tmp_path):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.SEARCH_ES_TIMEOUT = 1
    settings.SEARCH_SQLITE_PATH = tmp_path / "search.sqlite3"
    engine.index_backends()[0].index(ENTRIES)  # the database's own index
    return settings


@pytest.mark.django_db
def test_search_answers_from_the_database_when_elasticsearch_is_down(elasticsearch_down, caplog):
    assert engine.get_backend().name == "elasticsearch"

    with caplog.at_level(logging.WARNING, logger="cwg.search.engine"):
        results = engine.search(user=AnonymousUser(), text="الأمانة")

    assert results.degraded
    assert [hit.object_id for hit in results.hits] == [1]
    assert "answered from the database" in caplog.text


@pytest.mark.django_db
def test_the_search_command_takes_the_elasticsearch_backend(elasticsearch_down, capsys):
    call_command("search", "الأمانة", "--backend", "elasticsearch", "--json")
    assert json.loads(capsys.readouterr().out)["total"] == 1


def test_get_backend_needs_a_url_for_elasticsearch(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(ImproperlyConfigured):
        engine.get_backend("elasticsearch")
    assert engine.get_backend().name in {"sqlite", "postgres"}


def test_index_names_are_versioned(backend):
    assert re.fullmatch(NEW, backend._new_index_name())


def test_past_the_count_limit_the_total_says_more(server, backend):
    """Elasticsearch stops counting at track_total_hits and answers "gte" (search_more is
    search.json with the total such a node gives past the limit)."""
    server.expect("POST", f"/{ALIAS}/_search", "search_more")

    results = backend.search("الأمانة", principals=PUBLIC, per_page=2)

    assert (results.total, results.more) == (COUNT_LIMIT, True)
