"""SQLite FTS5 on its own connection, so it runs beside any Django database (tests, bench).

The normalised text is indexed with a tokenizer that only splits on spaces in practice (our
tokens contain no other separators); original texts stay in ``entries`` for snippets. The
``variants`` column holds the waw-keeping readings (normalize.py, rule 6) for prefix queries.
The ``access`` column holds one token per principal allowed to read the entry, and every
query requires one of the user's: permissions are part of the full-text match itself (a
merge of posting lists in FTS5), so nothing unreadable is ever counted, ranked or looked up.
Facet filters are conditions of the same statement, which stops at COUNT_LIMIT readable
matches, newest first (highest rowid): only those are ranked and counted.
"""

import json
import sqlite3
import threading
from collections import Counter

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
from cwg.search.normalize import indexed_texts
from cwg.search.principals import PUBLIC
from cwg.search.query import Query, Term, parse
from cwg.search.snippets import snippet

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, object_id INTEGER NOT NULL,
    symbol TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, filename TEXT,
    UNIQUE (kind, object_id));
CREATE TABLE IF NOT EXISTS facets (
    rowid INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (name, value, rowid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS facets_by_row ON facets (rowid);
CREATE TABLE IF NOT EXISTS facet_sets (rowid INTEGER PRIMARY KEY, facets TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (
    title, body, variants, access,
    tokenize="unicode61 remove_diacritics 0 tokenchars '-&/+_'");
"""
SCHEMA_VERSION = 4
WEIGHTS = "3.0, 1.0, 1.0, 0.0"  # bm25 weights of title, body, variants and access
TABLES = ("fts", "entries", "facets", "facet_sets")


def access_token(principal: str) -> str:
    """A principal as one FTS token whatever its characters (``party:state:EG``)."""
    return "a" + principal.encode().hex()


def _quoted(forms) -> str:
    return '"' + " ".join(form.replace('"', '""') for form in forms) + '"'


def _fts_term(term: Term) -> str:
    if term.kind == "prefix":  # any of its readings
        return "(" + " OR ".join(_quoted([form]) + " *" for form in term.forms) + ")"
    return _quoted(term.forms)


def compile_fts(query: Query) -> str:
    """The AST as an FTS5 MATCH string: every user token is inside a quoted string."""
    expression = " AND ".join(_fts_term(term) for term in query.must)
    if query.exclude:
        excluded = " OR ".join(_fts_term(term) for term in query.exclude)
        expression = f"({expression}) NOT ({excluded})"
    return expression


def readable(expression: str, principals) -> str:
    """``expression`` limited to the entries one of ``principals`` may read."""
    allowed = " OR ".join(f'"{access_token(principal)}"' for principal in sorted(principals))
    return f"({expression}) AND access : ({allowed})"


class SQLiteBackend:
    name = "sqlite"

    def __init__(self, path: str = ":memory:"):
        self._lock = threading.Lock()
        self.connection = sqlite3.connect(path, check_same_thread=False)
        self._create_schema()

    def _create_schema(self) -> None:
        """The index is derived data: an index file of another version is dropped, and
        ``manage.py reindex`` fills the new one."""
        (version,) = self.connection.execute("PRAGMA user_version").fetchone()
        if version != SCHEMA_VERSION:
            for table in TABLES:
                self.connection.execute(f"DROP TABLE IF EXISTS {table}")
            self.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.connection.executescript(SCHEMA)

    def index(self, entries: list[IndexEntry]) -> int:
        with self._lock, self.connection:
            cursor = self.connection.cursor()
            for entry in entries:
                self._delete(cursor, entry.kind, [entry.object_id])
                cursor.execute(
                    "INSERT INTO entries (kind, object_id, symbol, title, body, filename)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        entry.kind,
                        entry.object_id,
                        entry.symbol,
                        entry.title,
                        entry.body,
                        entry.filename,
                    ),
                )
                rowid = cursor.lastrowid
                title, title_variants = indexed_texts(entry.heading)
                body, body_variants = indexed_texts(entry.body)
                cursor.execute(
                    "INSERT INTO fts (rowid, title, body, variants, access) VALUES (?, ?, ?, ?, ?)",
                    (
                        rowid,
                        title,
                        body,
                        f"{title_variants} {body_variants}".strip(),
                        " ".join(access_token(principal) for principal in entry.principals),
                    ),
                )
                pairs = sorted(set(facet_values(entry)))
                cursor.executemany(
                    "INSERT INTO facets VALUES (?, ?, ?)",
                    [(rowid, name, value) for name, value in pairs],
                )
                cursor.execute(
                    "INSERT INTO facet_sets VALUES (?, ?)",
                    (rowid, "\n".join(f"{name}={value}" for name, value in pairs)),
                )
        return len(entries)

    def _delete(self, cursor, kind: str, object_ids: list[int]) -> None:
        for object_id in object_ids:
            row = cursor.execute(
                "SELECT rowid FROM entries WHERE kind = ? AND object_id = ?", (kind, object_id)
            ).fetchone()
            if row:
                for table in TABLES:
                    cursor.execute(f"DELETE FROM {table} WHERE rowid = ?", row)  # noqa: S608

    def version_of(self, entry: IndexEntry) -> str:
        return fingerprint(
            entry.symbol,
            entry.title,
            entry.body,
            entry.filename or "",
            indexed_texts(entry.heading)[0],
            " ".join(sorted(access_token(principal) for principal in entry.principals)),
            "\n".join(f"{name}={value}" for name, value in sorted(set(facet_values(entry)))),
        )

    def versions(self, kind: str) -> dict[int, str]:
        """object_id -> fingerprint of what is stored, for every entry of ``kind``."""
        with self._lock:
            rows = self.connection.execute(
                "SELECT e.object_id, e.symbol, e.title, e.body, e.filename, f.title, f.access,"
                " s.facets FROM entries e JOIN fts f ON f.rowid = e.rowid"
                " LEFT JOIN facet_sets s ON s.rowid = e.rowid WHERE e.kind = ?",
                (kind,),
            ).fetchall()
        return {
            row[0]: fingerprint(
                row[1],
                row[2],
                row[3],
                row[4] or "",
                row[5],
                " ".join(sorted(row[6].split())),
                row[7] or "",
            )
            for row in rows
        }

    def public_ids(self, kind: str, object_ids: list[int]) -> set[int]:
        """Which of these entries the index holds as readable by anyone."""
        public = access_token(PUBLIC)
        with self._lock:
            rows = self.connection.execute(
                "SELECT e.object_id, f.access FROM entries e JOIN fts f ON f.rowid = e.rowid"
                " WHERE e.kind = ? AND e.object_id IN (SELECT value FROM json_each(?))",
                (kind, json.dumps(list(object_ids))),
            ).fetchall()
        return {object_id for object_id, access in rows if public in access.split()}

    def delete(self, kind: str, object_ids: list[int]) -> None:
        with self._lock, self.connection:
            self._delete(self.connection.cursor(), kind, object_ids)

    def clear(self) -> None:
        with self._lock, self.connection:
            for table in TABLES:
                self.connection.execute(f"DELETE FROM {table}")  # noqa: S608

    def _matched(self, match: str, principals, filters) -> tuple[str, list]:
        """Facet filters are correlated EXISTS, not ``rowid IN (...)``: FTS5 would take an IN
        list as a rowid constraint and look up every such row in the full-text index."""
        sql = f"SELECT fts.rowid, bm25(fts, {WEIGHTS}) FROM fts WHERE fts MATCH ?"  # noqa: S608 (constants only)
        params = [readable(match, principals)]
        for name, value in sorted(filters.items()):
            sql += (
                " AND EXISTS (SELECT 1 FROM facets f WHERE f.rowid = fts.rowid"
                " AND f.name = ? AND f.value = ?)"
            )
            params += [name, value]
        return sql + " ORDER BY fts.rowid DESC LIMIT ?", [*params, COUNT_LIMIT + 1]

    def search(self, text, *, principals, filters=None, page=1, per_page=PER_PAGE) -> Results:
        query = parse(text)
        if (empty := empty_results(query, principals)) is not None:
            return empty
        filters = known_filters(filters)
        matched, params = self._matched(compile_fts(query), principals, filters)
        with self._lock:
            cursor = self.connection.cursor()
            cursor.execute(
                "CREATE TEMP TABLE IF NOT EXISTS hits (rowid INTEGER PRIMARY KEY, score)"
            )
            cursor.execute("DELETE FROM hits")
            cursor.execute(f"INSERT INTO hits {matched}", params)  # noqa: S608
            total = cursor.execute("SELECT count(*) FROM hits").fetchone()[0]
            more = total > COUNT_LIMIT
            if more:  # the one past the limit only told that there are more
                cursor.execute("DELETE FROM hits WHERE rowid = (SELECT min(rowid) FROM hits)")
                total = COUNT_LIMIT
            rows = cursor.execute(  # the page first, then only its rows are read
                "SELECT e.kind, e.object_id, e.symbol, e.title, e.filename, e.body, h.score"
                " FROM (SELECT rowid, score FROM hits ORDER BY score, rowid LIMIT ? OFFSET ?) h"
                " JOIN entries e ON e.rowid = h.rowid ORDER BY h.score, h.rowid",
                (per_page, (max(page, 1) - 1) * per_page),
            ).fetchall()
            # One lookup per hit: the distinct combinations of facet values are few.
            combinations = cursor.execute(
                "SELECT s.facets, count(*) FROM hits h JOIN facet_sets s ON s.rowid = h.rowid"
                " GROUP BY s.facets"
            ).fetchall()
        hits = [
            Hit(kind, object_id, symbol, title, filename, -score, snippet(body, query))
            for kind, object_id, symbol, title, filename, body, score in rows
        ]
        message = query_message(query)
        return Results(total, hits, _facets(combinations), message, more=more)


def _facets(combinations: list[tuple[str, int]]) -> dict[str, dict[str, int]]:
    counted: Counter[tuple[str, str]] = Counter()
    for pairs, count in combinations:
        for pair in pairs.split("\n"):
            name, value = pair.split("=", 1)
            counted[(name, value)] += count
    facets: dict[str, dict[str, int]] = {}
    for (name, value), count in sorted(counted.items(), key=lambda item: (-item[1], item[0])):
        facets.setdefault(name, {})[value] = count
    return facets
