"""PostgreSQL full text: a tsvector of the normalised tokens, GIN indexes, our own tsquery.

Both the tsvector and the tsquery are written as literals of already-normalised lexemes and
cast, so PostgreSQL's parser never splits a symbol or sees user syntax. Permissions are an
array overlap (GIN) inside the same statement as the match, totals and facets. A waw-keeping
variant (normalize.py, rule 6) shares its token's position, so phrases are unaffected.

Ranking reads ``ranking``, a narrow copy of the vector kept in the row (migration 0002: the
title's lexemes and the document's most frequent ones, three positions each), never the full
vector, which lives in TOAST; and only for the first COUNT_LIMIT readable matches the scan
finds (in table order), which are also what is counted.

A phrase is matched by its pairs of neighbouring words, lexemes of their own (migration 0003),
so the GIN index answers it without reading back any row's full vector.
"""

from itertools import pairwise

from django.db import connection, transaction

from cwg.search.backends import (
    COUNT_LIMIT,
    PER_PAGE,
    empty_results,
    facet_values,
    fingerprint,
    known_filters,
    query_message,
)
from cwg.search.entries import Hit, IndexEntry, Results
from cwg.search.normalize import tokens
from cwg.search.principals import PUBLIC
from cwg.search.query import Query, Term, parse
from cwg.search.snippets import snippet

MAX_POSITION = 16383  # PostgreSQL's limit: later positions are clamped


def _lexeme(form: str) -> str:
    return "'" + form.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(title: str, body: str) -> str:
    """Title lexemes weigh A, body lexemes D; positions run on from the title into the body."""
    positions: dict[str, list[str]] = {}
    weighted = [(token, "A") for token in tokens(title)] + [(token, "") for token in tokens(body)]
    for index, (token, weight) in enumerate(weighted, start=1):
        for form in (token.text, token.variant) if token.variant else (token.text,):
            positions.setdefault(form, []).append(f"{min(index, MAX_POSITION)}{weight}")
    return " ".join(
        f"{_lexeme(form)}:{','.join(dict.fromkeys(found))}" for form, found in positions.items()
    )


def _phrase(forms: tuple[str, ...]) -> str:
    """Its pairs of neighbouring words (migration 0003), exact in the index; a phrase of three
    words or more also checks the positions, only in rows that hold every pair."""
    if len(forms) == 1:
        return _lexeme(forms[0])
    pairs = [_lexeme(f" {first} {second}") for first, second in pairwise(forms)]
    if len(forms) == 2:
        return pairs[0]
    return "(" + " & ".join(pairs) + " & (" + " <-> ".join(_lexeme(form) for form in forms) + "))"


def _ts_term(term: Term) -> str:
    if term.kind == "prefix":  # any of its readings
        return "(" + " | ".join(_lexeme(form) + ":*" for form in term.forms) + ")"
    if term.kind == "phrase":
        return _phrase(term.forms)
    return _lexeme(term.forms[0])


def compile_tsquery(query: Query) -> str:
    expression = " & ".join(_ts_term(term) for term in query.must)
    if query.exclude:
        expression += " & !(" + " | ".join(_ts_term(term) for term in query.exclude) + ")"
    return expression


def ranking_tsquery(query: Query) -> str:
    """What ``ranking`` (words only) is scored against: a phrase counts as its words."""
    terms = [
        " & ".join(_lexeme(form) for form in term.forms)
        if term.kind == "phrase"
        else _ts_term(term)
        for term in query.must
    ]
    return " & ".join(f"({term})" for term in terms)


# The match runs once, as a bitmap scan of the GIN index (seq scans are off for the statement:
# a plan that tested rows one by one would read each row's TOASTed vector). Permissions and
# facet filters are conditions of that scan, so nothing outside them is ever counted. The scan
# stops at COUNT_LIMIT + 1 readable matches (a CTE is read as far as it is pulled): the extra
# one only says that there are more. Total, page and facets come from the kept matches.
SEARCH = """
WITH q AS (SELECT %(query)s::tsquery AS q, %(ranked)s::tsquery AS r),
matched AS MATERIALIZED (
    SELECT e.id, e.facets, e.ranking FROM search_entry e, q
    WHERE e.document @@ q.q AND e.principals && %(principals)s::text[]
        AND e.facets @> %(required)s::text[]),
found AS MATERIALIZED (SELECT * FROM matched LIMIT %(limit)s + 1),
kept AS MATERIALIZED (
    SELECT found.id, found.facets, ts_rank(found.ranking, q.r, 1) AS score FROM found, q
    LIMIT %(limit)s),
page AS (SELECT id, score FROM kept ORDER BY score DESC, id LIMIT %(size)s OFFSET %(skip)s)
SELECT
    (SELECT count(*) FROM found),
    (SELECT coalesce(array_agg(id ORDER BY score DESC, id), '{}') FROM page),
    (SELECT coalesce(array_agg(score ORDER BY score DESC, id), '{}') FROM page),
    (SELECT coalesce(json_object_agg(f, n), '{}') FROM
        (SELECT f, count(*) AS n FROM kept, unnest(kept.facets) AS f GROUP BY f) counted)
"""


class PostgresBackend:
    name = "postgres"

    def index(self, entries: list[IndexEntry]) -> int:
        rows = [
            (
                entry.kind,
                entry.object_id,
                entry.symbol,
                entry.title,
                entry.body,
                entry.filename,
                sorted(entry.principals),
                [f"{name}={value}" for name, value in facet_values(entry)],
                tsvector_literal(entry.heading, entry.body),
            )
            for entry in entries
        ]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_entry (kind, object_id, symbol, title, body, filename,"
                " principals, facets, document) VALUES (%s, %s, %s, %s, %s, %s, %s, %s,"
                " %s::tsvector) ON CONFLICT (kind, object_id) DO UPDATE SET"
                " symbol = EXCLUDED.symbol, title = EXCLUDED.title, body = EXCLUDED.body,"
                " filename = EXCLUDED.filename, principals = EXCLUDED.principals,"
                " facets = EXCLUDED.facets, document = EXCLUDED.document",
                rows,
            )
        return len(rows)

    def version_of(self, entry: IndexEntry) -> str:
        """The keywords live only in the tsvector, which is not compared."""
        return fingerprint(
            entry.symbol,
            entry.title,
            entry.body,
            entry.filename or "",
            " ".join(sorted(entry.principals)),
            "\n".join(f"{name}={value}" for name, value in facet_values(entry)),
        )

    def versions(self, kind: str) -> dict[int, str]:
        """object_id -> fingerprint of what is stored, for every entry of ``kind``."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id, symbol, title, body, filename, principals, facets"
                " FROM search_entry WHERE kind = %s",
                [kind],
            )
            rows = cursor.fetchall()
        return {
            row[0]: fingerprint(
                row[1], row[2], row[3], row[4] or "", " ".join(sorted(row[5])), "\n".join(row[6])
            )
            for row in rows
        }

    def public_ids(self, kind: str, object_ids: list[int]) -> set[int]:
        """Which of these entries the index holds as readable by anyone."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id FROM search_entry WHERE kind = %s AND object_id = ANY(%s)"
                " AND principals && %s::text[]",
                [kind, list(object_ids), [PUBLIC]],
            )
            return {row[0] for row in cursor.fetchall()}

    def delete(self, kind: str, object_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_entry WHERE kind = %s AND object_id = ANY(%s)",
                [kind, list(object_ids)],
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_entry")

    def search(self, text, *, principals, filters=None, page=1, per_page=PER_PAGE) -> Results:
        query = parse(text)
        if (empty := empty_results(query, principals)) is not None:
            return empty
        required = sorted(f"{name}={value}" for name, value in known_filters(filters).items())
        offset = (max(page, 1) - 1) * per_page
        with transaction.atomic(), connection.cursor() as cursor:
            # One round trip; compiling the plan to machine code (JIT) would cost more than
            # running it, tens of milliseconds.
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL jit = off")
            cursor.execute(
                SEARCH,
                {
                    "query": compile_tsquery(query),
                    "ranked": ranking_tsquery(query),
                    "principals": sorted(principals),
                    "required": required,
                    "limit": COUNT_LIMIT,
                    "size": per_page,
                    "skip": offset,
                },
            )
            total, ids, scores, counted = cursor.fetchone()
            cursor.execute(
                "SELECT id, kind, object_id, symbol, title, filename, body FROM search_entry"
                " WHERE id = ANY(%s)",
                [list(ids)],
            )
            rows = {row[0]: row[1:] for row in cursor.fetchall()}
        hits = []
        for entry_id, score in zip(ids, scores, strict=True):
            kind, object_id, symbol, title, filename, body = rows[entry_id]
            hits.append(
                Hit(kind, object_id, symbol, title, filename, float(score), snippet(body, query))
            )
        message = query_message(query)
        more = total > COUNT_LIMIT
        return Results(min(total, COUNT_LIMIT), hits, _facets(counted), message, more=more)


def _facets(counted: dict[str, int]) -> dict[str, dict[str, int]]:
    facets: dict[str, dict[str, int]] = {}
    for pair, count in sorted(counted.items(), key=lambda item: (-item[1], item[0])):
        name, value = pair.split("=", 1)
        facets.setdefault(name, {})[value] = count
    return facets
