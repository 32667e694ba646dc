"""Elasticsearch for scale-out: our normalised tokens, a whitespace analyzer, our own bool query.

Elasticsearch stems nothing: the text fields hold the output of ``index_text`` and are split on
spaces only, and the query is built from the parsed AST (``term``, ``match_phrase`` and
``prefix`` clauses on already-normalised forms), never from a query string, so the user's text
cannot reach Elasticsearch's query syntax. The original title and body are kept in ``_source``
only, for the snippets computed in Python. Permissions and facet filters are ``filter`` clauses of
the same query as the match, the totals and the facet aggregations. Totals are counted exactly
up to COUNT_LIMIT (``track_total_hits``; "gte" beyond, shown as "more than"), while the
facet aggregations count every readable match: Elasticsearch does that cheaply. The waw-keeping
variants (normalize.py, rule 6) have a field of their own, matched by word and prefix clauses.

Entries live in versioned indices (``<alias>-v<timestamp>``) behind one alias. A full rebuild
fills a new index and then moves the alias with one ``update_aliases`` call, so searches see the
old index or the new one, never half of either; incremental writes go through the alias.
"""

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.helpers import streaming_bulk

from cwg.search.backends import (
    COUNT_LIMIT,
    FACETS,
    PER_PAGE,
    BackendUnavailable,
    empty_results,
    facet_values,
    known_filters,
    query_message,
)
from cwg.search.entries import Hit, IndexEntry, Results
from cwg.search.normalize import indexed_texts
from cwg.search.query import Query, Term, parse
from cwg.search.snippets import snippet

logger = logging.getLogger(__name__)

DEFAULT_INDEX = "cwg-search"
ANALYZER = "normalised"
FIELDS = (("title_terms", 3.0), ("body_terms", 1.0))  # the same weights as SQLite's bm25
VARIANTS = ("variant_terms", 1.0)  # not positional: words and prefixes, never phrases
FACET_SIZE = 1000  # buckets per facet; more values than this would be cut
MAX_WINDOW = 10_000  # index.max_result_window: from + size may not go past it
CHUNK = 500
SHOWN = ["kind", "object_id", "symbol", "title", "filename", "body"]

INDEX_SETTINGS = {
    "number_of_shards": 1,  # exact facet counts; scale reads out with replicas
    "analysis": {
        "tokenizer": {"spaces": {"type": "whitespace", "max_token_length": 1024}},
        "analyzer": {ANALYZER: {"type": "custom", "tokenizer": "spaces", "filter": []}},
    },
}
MAPPINGS = {
    "dynamic": "strict",
    "_source": {"excludes": ["title_terms", "body_terms", "variant_terms"]},
    "properties": {
        "kind": {"type": "keyword"},
        "object_id": {"type": "long"},
        "symbol": {"type": "keyword", "index": False, "doc_values": False},
        "title": {"type": "text", "index": False},
        "body": {"type": "text", "index": False},
        "filename": {"type": "keyword", "index": False, "doc_values": False},
        "title_terms": {"type": "text", "analyzer": ANALYZER},
        "body_terms": {"type": "text", "analyzer": ANALYZER},
        "variant_terms": {"type": "text", "analyzer": ANALYZER},
        "principals": {"type": "keyword"},
        "facets": {"type": "keyword"},  # "name=value", as in PostgreSQL
    },
}


class IndexingFailed(Exception):
    """Elasticsearch refused some entries of a bulk write; the message names them."""


@contextmanager
def reachable() -> Iterator[None]:
    """Turn "the server is down or failing" into BackendUnavailable; other errors stay."""
    try:
        yield
    except TransportError as error:  # refused, timed out, TLS, unreadable answer
        raise BackendUnavailable(f"Elasticsearch is unreachable: {error}") from error
    except ApiError as error:
        if error.status_code >= 500 or error.status_code == 429:
            raise BackendUnavailable(f"Elasticsearch failed: {error}") from error
        raise


def document_id(kind: str, object_id: int) -> str:
    return f"{kind}:{object_id}"


def document(entry: IndexEntry) -> dict:
    title, title_variants = indexed_texts(entry.heading)
    body, body_variants = indexed_texts(entry.body)
    return {
        "kind": entry.kind,
        "object_id": entry.object_id,
        "symbol": entry.symbol,
        "title": entry.title,
        "body": entry.body,
        "filename": entry.filename,
        "title_terms": title,
        "body_terms": body,
        "variant_terms": f"{title_variants} {body_variants}".strip(),
        "principals": sorted(entry.principals),
        "facets": [f"{name}={value}" for name, value in facet_values(entry)],
    }


def _clause(term: Term) -> dict:
    """One term of the AST on the title, the body or the variants; its forms are already
    normalised (a prefix's forms are its alternative readings)."""
    should = []
    if term.kind == "phrase":
        text = " ".join(term.forms)
        for field, boost in FIELDS:
            should.append({"match_phrase": {field: {"query": text, "boost": boost}}})
    else:  # term queries: the field's terms are our forms, nothing to analyse
        kind = "prefix" if term.kind == "prefix" else "term"
        for form in term.forms:
            for field, boost in (*FIELDS, VARIANTS):
                should.append({kind: {field: {"value": form, "boost": boost}}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def compile_query(query: Query, principals: frozenset[str], filters: dict[str, str]) -> dict:
    allowed = [{"terms": {"principals": sorted(principals)}}]
    narrowed = [{"term": {"facets": f"{name}={value}"}} for name, value in sorted(filters.items())]
    compiled: dict = {"must": [_clause(term) for term in query.must], "filter": allowed + narrowed}
    if query.exclude:
        compiled["must_not"] = [_clause(term) for term in query.exclude]
    return {"bool": compiled}


def facet_aggregations() -> dict:
    return {
        name: {
            "terms": {
                "field": "facets",
                "include": f"{name}=.*",
                "size": FACET_SIZE,
                "order": [{"_count": "desc"}, {"_key": "asc"}],
            }
        }
        for name in FACETS
    }


def _failure(operation: str, item: dict) -> str | None:
    """Why one bulk item failed, or None: deleting what is already gone is no failure."""
    status = item.get("status", 500)
    if 200 <= status < 300 or (operation == "delete" and status == 404 and "error" not in item):
        return None
    error = item.get("error") or {}
    if isinstance(error, dict):
        return f"{error.get('type', 'error')}: {error.get('reason', status)}"
    return str(error)


def _hit(found: dict, query: Query) -> Hit:
    source = found["_source"]
    return Hit(
        source["kind"],
        source["object_id"],
        source.get("symbol", ""),
        source["title"],
        source.get("filename"),
        float(found.get("_score") or 0.0),
        snippet(source.get("body", ""), query),
    )


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(
        self,
        url: str | None = None,
        *,
        client: Elasticsearch | None = None,
        index: str = DEFAULT_INDEX,
        refresh: bool | str = "wait_for",
        **options,
    ):
        if client is None and not url:
            raise ValueError("ElasticsearchBackend needs a url or a client")
        self.client = client if client is not None else Elasticsearch(url, **options)
        self.alias = index
        self.refresh = refresh  # "wait_for": an entry is searchable when index() returns
        self._alias_checked = False

    # Writing ---------------------------------------------------------------------------------

    def index(self, entries: list[IndexEntry]) -> int:
        if not entries:
            return 0
        self._ensure_alias()
        actions = (self._index_action(self.alias, entry) for entry in entries)
        return self._write(actions, require_alias=True, refresh=self.refresh)

    def delete(self, kind: str, object_ids: list[int]) -> None:
        if not object_ids:
            return
        self._ensure_alias()
        actions = (
            {"_op_type": "delete", "_index": self.alias, "_id": document_id(kind, object_id)}
            for object_id in object_ids
        )
        self._write(actions, require_alias=True, refresh=self.refresh)

    def clear(self) -> None:
        self.rebuild([])

    def rebuild(
        self, entries: Iterable[IndexEntry], progress: Callable[[int], object] | None = None
    ) -> int:
        """Fill a new index, then swap the alias to it atomically and drop the old indices."""
        new = self._new_index_name()
        with reachable():
            self.client.indices.create(index=new, settings=INDEX_SETTINGS, mappings=MAPPINGS)
        try:
            actions = (self._index_action(new, entry) for entry in entries)
            count = self._write(actions, progress=progress)
            with reachable():
                self.client.indices.refresh(index=new)
                old = self._aliased_indices()
                swap = [{"remove": {"index": name, "alias": self.alias}} for name in old]
                swap.append({"add": {"index": new, "alias": self.alias, "is_write_index": True}})
                self.client.indices.update_aliases(actions=swap)
        except BaseException:
            with suppress(ApiError, TransportError):
                self.client.indices.delete(index=new)
            raise
        self._alias_checked = True
        if old:
            try:
                self.client.indices.delete(index=",".join(old))
            except (ApiError, TransportError) as error:  # the swap is done: only space is lost
                logger.warning("Old search indices %s were not deleted: %s", old, error)
        return count

    def _new_index_name(self) -> str:
        return f"{self.alias}-v{datetime.now(UTC):%Y%m%d%H%M%S%f}"

    def _aliased_indices(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def _ensure_alias(self) -> None:
        """Create the first index and its alias on the first write of a fresh cluster."""
        if self._alias_checked:
            return
        with reachable():
            if not self.client.indices.exists_alias(name=self.alias):
                self.client.indices.create(
                    index=self._new_index_name(),
                    settings=INDEX_SETTINGS,
                    mappings=MAPPINGS,
                    aliases={self.alias: {"is_write_index": True}},
                )
        self._alias_checked = True

    def _index_action(self, index: str, entry: IndexEntry) -> dict:
        return {
            "_op_type": "index",
            "_index": index,
            "_id": document_id(entry.kind, entry.object_id),
            "_source": document(entry),
        }

    def _write(self, actions: Iterable[dict], progress=None, **bulk_options) -> int:
        """Send the actions in chunks and check every item: a refused entry is never ignored."""
        done, failures = 0, []
        with reachable():
            for ok, result in streaming_bulk(
                self.client,
                actions,
                chunk_size=CHUNK,
                raise_on_error=False,
                max_retries=3,  # only for items refused with 429 (queue full)
                initial_backoff=1,
                **bulk_options,
            ):
                operation, item = next(iter(result.items()))
                reason = None if ok else _failure(operation, item)
                if reason:
                    failures.append(f"{operation} {item.get('_id')} ({reason})")
                    continue
                done += 1
                if progress and done % CHUNK == 0:
                    progress(CHUNK)
        if progress and done % CHUNK:
            progress(done % CHUNK)
        if failures:
            shown = "; ".join(failures[:5])
            more = f" and {len(failures) - 5} more" if len(failures) > 5 else ""
            raise IndexingFailed(
                f"Elasticsearch refused {len(failures)} entries in {self.alias}: {shown}{more}"
            )
        return done

    # Reading ---------------------------------------------------------------------------------

    def search(self, text, *, principals, filters=None, page=1, per_page=PER_PAGE) -> Results:
        query = parse(text)
        if (empty := empty_results(query, principals)) is not None:
            return empty
        filters = known_filters(filters)
        start = (max(page, 1) - 1) * per_page
        try:
            with reachable():
                response = self.client.search(
                    index=self.alias,
                    query=compile_query(query, principals, filters),
                    aggs=facet_aggregations(),
                    sort=[{"_score": "desc"}, {"kind": "asc"}, {"object_id": "asc"}],
                    from_=min(start, MAX_WINDOW),
                    size=max(0, min(per_page, MAX_WINDOW - start)),
                    track_total_hits=COUNT_LIMIT,
                    track_scores=True,
                    source=SHOWN,
                )
        except NotFoundError:  # nothing indexed yet: no alias
            return Results(0, [])
        hits = [_hit(found, query) for found in response["hits"]["hits"]]
        facets: dict[str, dict[str, int]] = {}
        for name, aggregation in response.get("aggregations", {}).items():
            for bucket in aggregation["buckets"]:
                value = bucket["key"].split("=", 1)[1]
                facets.setdefault(name, {})[value] = bucket["doc_count"]
        message = query_message(query)
        total = response["hits"]["total"]
        return Results(total["value"], hits, facets, message, more=total["relation"] == "gte")
