"""PostgreSQL full text: a tsvector of the normalised tokens, GIN indexes, our own tsquery.

Both the tsvector and the tsquery are written as literals of already-normalised lexemes and
cast, so PostgreSQL's parser never splits a symbol or sees user syntax. Permissions are an
array overlap (GIN) inside the same statement as the match, totals and facets.
"""

from django.db import connection, transaction
from django.utils.translation import gettext as _

from cwg.search.backends import FACETS, PER_PAGE, facet_values
from cwg.search.entries import Hit, IndexEntry, Results
from cwg.search.normalize import tokens
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
        positions.setdefault(token.text, []).append(f"{min(index, MAX_POSITION)}{weight}")
    return " ".join(
        f"{_lexeme(form)}:{','.join(dict.fromkeys(found))}" for form, found in positions.items()
    )


def _ts_term(term: Term) -> str:
    if term.kind == "prefix":
        return _lexeme(term.forms[0]) + ":*"
    if term.kind == "phrase":
        return "(" + " <-> ".join(_lexeme(form) for form in term.forms) + ")"
    return _lexeme(term.forms[0])


def compile_tsquery(query: Query) -> str:
    expression = " & ".join(_ts_term(term) for term in query.must)
    if query.exclude:
        expression += " & !(" + " | ".join(_ts_term(term) for term in query.exclude) + ")"
    return expression


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
        if query.empty:
            return Results(0, [], message=_("Type at least one word to search for."))
        required = sorted(
            f"{name}={value}" for name, value in (filters or {}).items() if name in FACETS
        )
        matched = (
            "WITH q AS (SELECT %s::tsquery AS q), matched AS ("
            " SELECT e.id, ts_rank(e.document, q.q, 1) AS score FROM search_entry e, q"
            " WHERE e.document @@ q.q AND e.principals && %s::text[] AND e.facets @> %s::text[])"
        )
        params = [compile_tsquery(query), sorted(principals), required]
        with connection.cursor() as cursor:
            cursor.execute(matched + " SELECT count(*) FROM matched", params)  # noqa: S608 - constant SQL, values are parameters
            total = cursor.fetchone()[0]
            cursor.execute(
                matched + " SELECT e.kind, e.object_id, e.symbol, e.title, e.filename, e.body,"  # noqa: S608
                " m.score FROM matched m JOIN search_entry e ON e.id = m.id"
                " ORDER BY m.score DESC, e.id LIMIT %s OFFSET %s",
                [*params, per_page, (max(page, 1) - 1) * per_page],
            )
            rows = cursor.fetchall()
            cursor.execute(
                matched + " SELECT f, count(*) FROM matched m JOIN search_entry e ON e.id = m.id,"  # noqa: S608
                " unnest(e.facets) AS f GROUP BY f ORDER BY count(*) DESC, f",
                params,
            )
            facets: dict[str, dict[str, int]] = {}
            for pair, count in cursor.fetchall():
                name, value = pair.split("=", 1)
                facets.setdefault(name, {})[value] = count
        hits = [
            Hit(kind, object_id, symbol, title, filename, float(score), snippet(body, query))
            for kind, object_id, symbol, title, filename, body, score in rows
        ]
        message = _("Your query was shortened.") if query.truncated else ""
        return Results(total, hits, facets, message)
