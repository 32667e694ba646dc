"""Search at 100,000 documents: the product's search against the raw engine and naive icontains.

    SECRET_KEY=x .venv/bin/python bench/search.py [--documents 100000] [--queries 200]
        [--reuse var/bench-search.sqlite3]

Generates the documents (seeded, so every run and both engines see the same text) from the
vocabulary of ../shared/corpus: Arabic words with their corpus frequencies, Latin words from the
corpus and its English README; lengths follow a log-normal law (median ~180 words, long tail to
4,000); 70% public, 15% members-only, 10% owned by a delegation, 5% secretariat-only.

Query words are drawn from the corpus's words of frequency rank 100 to 3,000 (the first hundred
are particles and the group's own name, in nearly every generated document).

Then, on SQLite FTS5 (its own file) and on PostgreSQL (DATABASE_URL, default the cwg_bench
database, created if missing), for one mixed set of queries (words, pairs, phrases, prefixes,
exclusions, English, symbols) it measures:

- product: cwg.search.engine.search as a signed-in delegate: principals, permission filter,
  count, ranked page of 20, five facets and snippets of the original words;
- raw: the same MATCH / tsquery on the same index: count and the ranked top 20, nothing else;
- icontains: what ``Document.objects.filter(text__icontains=word)`` costs on the same rows
  (LIKE / UPPER LIKE: count and the first 20), on the first --naive queries only, since each
  scans every row.

Prints p50/p95 per engine, the ratios, indexing throughput and index size, p95 by hit band
and the peak memory of the bench process (the engines' own servers are not counted).

``--reuse FILE`` keeps the SQLite index in FILE and the PostgreSQL table as they are when they
already hold --documents entries, so a second run measures without indexing again; drop the
file (or pass another) after changing the normalisation or the schema.
"""

import argparse
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cwg.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cwg_bench")

CORPUS = ROOT.parent / "shared" / "corpus"
WORD = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")
ARABIC = re.compile("[\u0600-\u06ff]")
PARTIES = ["EG", "SE", "BR", "ZA", "IN", "CN", "FR", "RU", "MX", "SA"]


def create_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


class Vocabulary:
    def __init__(self):
        arabic, latin = Counter(), Counter()
        bigrams: list[tuple[str, str]] = []
        for path in sorted(CORPUS.glob("*.txt")) + [CORPUS / "README.md"]:
            words = WORD.findall(path.read_text(encoding="utf-8"))
            for word in words:
                if ARABIC.search(word):
                    arabic[word] += 1
                elif word.isalpha() and len(word) > 2:
                    latin[word] += 1
            bigrams += [
                (a, b)
                for a, b in zip(words, words[1:], strict=False)
                if ARABIC.search(a) and ARABIC.search(b)
            ]
        self.arabic, self.arabic_weights = zip(*arabic.most_common(), strict=True)
        self.latin, self.latin_weights = zip(*latin.most_common(), strict=True)
        self.bigrams = bigrams

    def words(self, rng: random.Random, count: int, *, english: bool) -> list[str]:
        if english:
            return rng.choices(self.latin, self.latin_weights, k=count)
        return rng.choices(self.arabic, self.arabic_weights, k=count)


def documents(vocabulary: Vocabulary, count: int, seed: int = 7) -> Iterator:
    from cwg.search.entries import IndexEntry

    rng = random.Random(seed)
    for number in range(1, count + 1):
        english = rng.random() < 0.3
        length = min(4000, max(20, int(rng.lognormvariate(5.2, 0.8))))
        words = vocabulary.words(rng, length, english=english)
        for cut in range(rng.randint(12, 18), len(words), rng.randint(12, 18)):
            words[cut] += "."
        level = rng.random()
        if level < 0.70:
            principals = {"public", "secretariat"}
        elif level < 0.85:
            principals = {"members", "secretariat"}
        elif level < 0.95:
            principals = {f"party:state:{rng.choice(PARTIES)}", "secretariat"}
        else:
            principals = {"secretariat"}
        meeting = 30 + number % 15
        yield IndexEntry(
            kind="document",
            object_id=number,
            title=" ".join(vocabulary.words(rng, 8, english=english)),
            texts={"en" if english else "ar": " ".join(words)},
            principals=frozenset(principals),
            symbol=f"CWG-WSIS&SDG-{meeting}/{number}",
            filename=f"contribution-{number}.docx",
            facets={
                "kind": rng.choice(["contribution", "information", "summary"]),
                "meeting": str(meeting),
                "status": "published",
                "year": str(2010 + meeting % 15),
            },
        )


def queries(vocabulary: Vocabulary, count: int, seed: int = 11) -> list[tuple[str, str]]:
    """(query as typed, its first word for icontains)"""
    from cwg.search.normalize import fold

    rng = random.Random(seed)
    # People search for content words: the 100 most frequent words of the corpus are particles
    # and the group's own name (في، من، على، المعلومات، القمة ...), found in nearly every document.
    common = vocabulary.arabic[100:3000]
    mixed = []
    for index in range(count):
        kind = index % 20
        word = rng.choice(common)
        other = rng.choice(common)
        if kind < 8:
            text = word
        elif kind < 12:
            text = f"{word} {other}"
        elif kind < 14:
            first, second = rng.choice(vocabulary.bigrams)
            text, word = f'"{first} {second}"', first
        elif kind < 16:
            stem = fold(word)[:4]
            text, word = f"{stem}*", stem
        elif kind < 18:
            text = f"{word} -{other}"
        elif kind < 19:
            word = rng.choice(vocabulary.latin[:300])
            text = word
        else:
            number = rng.randint(1, 100_000)
            text = word = f"CWG-WSIS&SDG-{30 + number % 15}/{number}"
        mixed.append((text, word))
    return mixed


HIT_BANDS = {
    "<= 1,000 hits": lambda total: total <= 1000,
    "1,001-10,000": lambda total: 1000 < total <= 10_000,
    "> 10,000": lambda total: total > 10_000,
}
# The product counts exactly up to cwg.search.backends.COUNT_LIMIT readable documents; the
# bands are of the raw engine's exact count of every matching document.


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94]


def index_all(backend, vocabulary, count) -> float:
    from cwg.search.engine import reindex

    start = time.perf_counter()
    indexed = reindex(backend=backend, batch=documents(vocabulary, count))
    assert indexed == count
    return count / (time.perf_counter() - start)


def sqlite_raw(backend):
    from cwg.search.backends.sqlite import compile_fts
    from cwg.search.query import parse

    def run(text: str) -> None:
        match = compile_fts(parse(text))
        with backend._lock:
            counted = backend.connection.execute(
                "SELECT count(*) FROM fts WHERE fts MATCH ?", [match]
            ).fetchone()[0]
            backend.connection.execute(
                "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 3.0, 1.0) LIMIT 20",
                [match],
            ).fetchall()
        return counted

    return run


def sqlite_naive(backend):
    def run(word: str) -> None:
        like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with backend._lock:
            backend.connection.execute(
                "SELECT count(*) FROM entries WHERE body LIKE ? ESCAPE '\\'", [like]
            ).fetchone()
            backend.connection.execute(
                "SELECT rowid FROM entries WHERE body LIKE ? ESCAPE '\\' ORDER BY rowid LIMIT 20",
                [like],
            ).fetchall()

    return run


def postgres_raw(text: str) -> int:
    from django.db import connection

    from cwg.search.backends.postgres import compile_tsquery
    from cwg.search.query import parse

    tsquery = compile_tsquery(parse(text))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_entry WHERE document @@ %s::tsquery", [tsquery])
        counted = cursor.fetchone()[0]
        cursor.execute(
            "SELECT id FROM search_entry WHERE document @@ %s::tsquery"
            " ORDER BY ts_rank(document, %s::tsquery, 1) DESC LIMIT 20",
            [tsquery, tsquery],
        )
        cursor.fetchall()
    return counted


def postgres_naive(word: str) -> None:
    from django.db import connection

    like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_entry WHERE UPPER(body) LIKE UPPER(%s)", [like])
        cursor.fetchone()
        cursor.execute(
            "SELECT id FROM search_entry WHERE UPPER(body) LIKE UPPER(%s) ORDER BY id LIMIT 20",
            [like],
        )
        cursor.fetchall()


def measure(name, backend, user, mixed, raw, naive, naive_count) -> dict:
    from cwg.search.engine import search

    for text, _word in mixed[:10]:  # warm the caches as a running server would be
        search(user=user, text=text, backend=backend)
        raw(text)
    product_ms, raw_ms, totals = [], [], []
    for text, _word in mixed:
        start = time.perf_counter()
        search(user=user, text=text, backend=backend)
        product_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        totals.append(raw(text))  # every document the query matches, readable or not
        raw_ms.append((time.perf_counter() - start) * 1000)
    naive_ms = [timed(lambda word=word: naive(word)) for _text, word in mixed[:naive_count]]
    return {
        "engine": name,
        "product": percentiles(product_ms),
        "raw": percentiles(raw_ms),
        "naive": percentiles(naive_ms),
        "naive_product": percentiles(product_ms[:naive_count]),
        "hits": statistics.median(totals),
        "by_hits": {
            label: (
                percentiles(
                    [ms for ms, total in zip(product_ms, totals, strict=True) if test(total)]
                ),
                percentiles([ms for ms, total in zip(raw_ms, totals, strict=True) if test(total)]),
            )
            for label, test in HIT_BANDS.items()
            if sum(1 for total in totals if test(total)) >= 2
        },
        "slowest": sorted(
            zip(product_ms, raw_ms, totals, [text for text, _word in mixed], strict=True),
            reverse=True,
        )[:8],
        "band_sizes": {
            label: sum(1 for total in totals if test(total)) for label, test in HIT_BANDS.items()
        },
    }


def delegate():
    from django.contrib.auth.models import User

    from cwg.models import Delegation, MemberState
    from cwg.permissions import DELEGATES
    from cwg.services import enrol_user

    user = User.objects.filter(username="bench.delegate").first()
    if user is None:
        user = enrol_user(
            username="bench.delegate",
            password=None,  # never signs in: the bench searches as this user
            role=DELEGATES,
            member_state=MemberState.objects.get(iso_code="EG"),
        )
    assert Delegation.objects.filter(user=user).exists()
    return user


def _held(counted, options) -> bool:
    """True when the index must be (re)built: no reuse asked, or another number of entries."""
    return options.reuse is None or counted.fetchone()[0] != options.documents


def peak_mb() -> float:
    """The bench process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--naive", type=int, default=40, help="queries also run as icontains")
    parser.add_argument("--reuse", type=Path, default=None, help="SQLite index file to keep")
    parser.add_argument(
        "--engines",
        default="sqlite,postgres",
        help="comma-separated: sqlite, postgres (e.g. iterate on one with the other's index kept)",
    )
    options = parser.parse_args()
    options.load_before = os.getloadavg()
    engines = set(options.engines.split(","))

    create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    user = delegate()
    vocabulary = Vocabulary()
    mixed = queries(vocabulary, options.queries)
    rows = []
    if "sqlite" in engines:
        rows.append(measure_sqlite(options, user, vocabulary, mixed))
    if "postgres" in engines:
        rows.append(measure_postgres(options, user, vocabulary, mixed))
    report(rows, options)


def measure_sqlite(options, user, vocabulary, mixed) -> dict:
    from cwg.search.backends.sqlite import SQLiteBackend

    with tempfile.TemporaryDirectory() as folder:
        path = options.reuse or Path(folder) / "search.sqlite3"
        sqlite = SQLiteBackend(str(path))
        rate = None
        if _held(sqlite.connection.execute("SELECT count(*) FROM entries"), options):
            print(f"indexing {options.documents} documents into SQLite FTS5 ...", file=sys.stderr)
            sqlite.clear()
            rate = index_all(sqlite, vocabulary, options.documents)
            sqlite.connection.execute("INSERT INTO fts(fts) VALUES ('optimize')")
            sqlite.connection.commit()
        row = measure(
            "SQLite FTS5",
            sqlite,
            user,
            mixed,
            sqlite_raw(sqlite),
            sqlite_naive(sqlite),
            options.naive,
        )
        sqlite.connection.close()
        return {**row, "rate": rate, "size": path.stat().st_size, "peak": peak_mb()}


def measure_postgres(options, user, vocabulary, mixed) -> dict:
    from django.db import connection

    from cwg.search.backends.postgres import PostgresBackend

    postgres = PostgresBackend()
    rate = None
    with connection.cursor() as cursor:
        if _held(cursor.execute("SELECT count(*) FROM search_entry"), options):
            print(f"indexing {options.documents} documents into PostgreSQL ...", file=sys.stderr)
            cursor.execute("TRUNCATE search_entry")  # earlier runs' dead rows would count as size
            rate = index_all(postgres, vocabulary, options.documents)
            cursor.execute("VACUUM ANALYZE search_entry")
        cursor.execute("SELECT pg_total_relation_size('search_entry')")
        size = cursor.fetchone()[0]
    row = measure("PostgreSQL", postgres, user, mixed, postgres_raw, postgres_naive, options.naive)
    return {**row, "rate": rate, "size": size, "peak": peak_mb()}


def report(rows, options) -> None:
    print(
        f"\n{options.documents} documents, {options.queries} mixed queries as a delegate"
        f" (icontains on the first {options.naive}); times in ms\n"
    )
    header = (
        f"{'engine':<12} {'product p50':>11} {'p95':>7} {'raw p50':>8} {'p95':>7}"
        f" {'p95 x raw':>9} {'icontains p95':>13} {'x faster':>8} {'docs/s':>7} {'index MB':>8}"
        f" {'peak MB':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        product, raw, naive = row["product"], row["raw"], row["naive"]
        faster = naive[1] / row["naive_product"][1]
        rate = "reused" if row["rate"] is None else f"{row['rate']:.0f}"
        print(
            f"{row['engine']:<12} {product[0]:>11.1f} {product[1]:>7.1f} {raw[0]:>8.1f}"
            f" {raw[1]:>7.1f} {product[1] / raw[1]:>8.2f}x {naive[1]:>13.1f} {faster:>7.0f}x"
            f" {rate:>7} {row['size'] / 2**20:>8.0f} {row['peak']:>7.0f}"
        )
    print("\ngoals: p95 <= 50 ms, <= 2x the raw engine, >= 20x faster than icontains")
    print(
        f"load average (1, 5, 15 min) of the machine ({os.cpu_count()} cores):"
        f" {options.load_before} at the start, {os.getloadavg()} at the end"
    )
    print("median hits per query:", ", ".join(f"{r['engine']} {r['hits']:.0f}" for r in rows))
    print("\np95 product / raw by the documents a query matches (queries in the band):")
    for row in rows:
        bands = ", ".join(
            f"{label} {row['by_hits'][label][0][1]:.1f} / {row['by_hits'][label][1][1]:.1f} ms"
            f" ({row['band_sizes'][label]})"
            for label in HIT_BANDS
            if label in row["by_hits"]
        )
        print(f"  {row['engine']}: {bands}")
    print("\nslowest queries, product / raw ms (documents matched):")
    for row in rows:
        print(f"  {row['engine']}:")
        for product_ms, raw_ms, total, text in row["slowest"]:
            print(f"    {product_ms:7.1f} / {raw_ms:7.1f} ({total:>6}) {text}")


if __name__ == "__main__":
    main()
