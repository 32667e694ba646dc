"""Upload-to-extracted time through the product against pypdf / python-docx called directly.

    SECRET_KEY=x .venv/bin/python bench/pipeline.py [--repeat 3]

For each file of ../shared/testdata that is accepted, the product path is what an upload costs
before its text is stored: the checks (type by content, bounded zip, PDF page count in the
sandbox, SHA-256) and the extraction in the sandbox's child process. The direct path is the
library call alone, in this process. Prints a table, the overall ratio (goal <= 1.3x) and the
peak memory of the child that extracts the largest PDF.

Then OCR: an image-only PDF drawn from ../shared/corpus text (Arabic pages, one English page) is
read through the product; prints the seconds per page (script detection, then Tesseract with
that script's languages, on one core), the share of words recovered and the child's peak memory.
Skipped, with the reason, when Tesseract or Pillow's Raqm layout is missing. --ocr-pages 0 skips.

Then comparing revisions: the largest file's extracted text against a copy with 5% of its words
changed (replaced, deleted or inserted, spread through the text): the comparison's seconds (goal
< 2 s, uncached) and their ratio to the file's extraction time. --no-compare skips.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cwg.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django  # noqa: E402 - settings first

django.setup()

import docx  # noqa: E402
import pypdf  # noqa: E402

from cwg.files import extract_text, inspect_upload  # noqa: E402
from cwg.files.exceptions import ExtractionFailed, UploadRefused  # noqa: E402
from cwg.files.limits import current_limits  # noqa: E402
from cwg.files.sandbox import run_job  # noqa: E402

TESTDATA = ROOT.parent / "shared" / "testdata"


def direct(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    document = docx.Document(str(path))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def product(path: Path) -> str:
    data = path.read_bytes()
    inspected = inspect_upload(io.BytesIO(data))
    return extract_text(path, kind=inspected.kind).text


def best_of(function, path: Path, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(path)
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ocr-pages", type=int, default=4, help="Arabic pages to OCR (+1 English)")
    parser.add_argument("--no-compare", action="store_true", help="skip the revisions comparison")
    options = parser.parse_args()
    files = sorted(p for p in TESTDATA.glob("*/*") if p.suffix in {".pdf", ".docx"})
    product(TESTDATA / "pdf" / "minimal-document.pdf")  # start the fork server, as a worker has
    print(f"{'file':<38} {'direct ms':>10} {'product ms':>11} {'ratio':>6}")
    totals = {"direct": 0.0, "product": 0.0}
    ratios = []
    for path in files:
        try:
            product_time = best_of(product, path, options.repeat)
        except (UploadRefused, ExtractionFailed) as refusal:
            print(f"{path.name:<38} refused: {refusal.message}")
            continue
        direct_time = best_of(direct, path, options.repeat)
        totals["direct"] += direct_time
        totals["product"] += product_time
        ratios.append(product_time / direct_time)
        print(
            f"{path.name:<38} {direct_time * 1000:>10.1f} {product_time * 1000:>11.1f} "
            f"{product_time / direct_time:>6.2f}"
        )
    print(
        f"\n{len(ratios)} files: total direct {totals['direct']:.2f} s, product "
        f"{totals['product']:.2f} s, overall ratio {totals['product'] / totals['direct']:.2f}x "
        f"(goal <= 1.3x); median per-file ratio {statistics.median(ratios):.2f}x"
    )
    largest = max((p for p in files if p.suffix == ".pdf"), key=lambda p: p.stat().st_size)
    limits = current_limits()
    result = run_job(
        {
            "job": "extract",
            "path": str(largest),
            "kind": "pdf",
            "cpu": limits.cpu_seconds,
            "memory": limits.memory_bytes,
            "wall": limits.wall_seconds,
            "max_pages": limits.pdf_max_pages,
            "max_characters": limits.max_characters,
        }
    )
    print(
        f"peak memory of the child extracting {largest.name} "
        f"({largest.stat().st_size / 1e6:.1f} MB, {result['page_count']} pages): "
        f"{result['max_rss_kb'] / 1024:.0f} MB resident (limit: "
        f"{limits.memory_bytes / 2**20:.0f} MB above the server's own)"
    )

    if not options.no_compare:
        measure_compare(max(files, key=lambda p: p.stat().st_size), options.repeat)
    if options.ocr_pages:
        measure_ocr(options.ocr_pages)


def with_changed_words(text: str, share: float) -> str:
    """Every n-th word replaced, deleted or given a neighbour in turn, keeping the lines."""
    step, seen, changes = round(1 / share), 0, 0
    lines = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            seen += 1
            if seen % step:
                words.append(word)
                continue
            changes += 1
            kind = changes % 3
            if kind == 1:
                words.append(f"changed{changes}")
            elif kind == 2:
                words += [word, f"added{changes}"]
        lines.append(" ".join(words))
    return "\n".join(lines)


def measure_compare(path: Path, repeat: int) -> None:
    from documents.services.compare import compare_texts, diff

    extraction = best_of(product, path, repeat)
    older = product(path)
    newer = with_changed_words(older, 0.05)
    timings = []
    for _ in range(repeat):
        diff._key.cache_clear()  # cold each time, as for two files never compared before
        started = time.perf_counter()
        comparison = compare_texts(older, newer)
        timings.append(time.perf_counter() - started)
    seconds, counts = min(timings), comparison.counts
    print(
        f"\ncompare revisions of {path.name} ({len(older.split())} words, 5% changed): "
        f"{seconds:.2f} s (goal < 2 s), {seconds / extraction:.2f}x its extraction time "
        f"({extraction:.2f} s); inserted {counts.inserted}, deleted {counts.deleted}, "
        f"moved {counts.moved} words"
    )


def measure_ocr(arabic_pages: int) -> None:
    import tempfile

    from cwg.files.ocr import tesseract_path
    from tests.cwg.files import scans

    reason = scans.why_scans_cannot_be_made() or (
        None if tesseract_path() else "needs Tesseract (apt-get install tesseract-ocr ...)"
    )
    if reason:
        print(f"\nOCR not measured: {reason}")
        return
    # About 330 words fill an A4 page at the size scans.py draws.
    arabic, english = scans.arabic_text(330 * arabic_pages), scans.english_text()
    data = scans.image_only_pdf((arabic, True), (english, False))
    limits = current_limits()
    with tempfile.NamedTemporaryFile(prefix="cwg-bench-", suffix=".pdf") as scan:
        scan.write(data)
        scan.flush()
        pages = len(pypdf.PdfReader(scan.name).pages)
        started = time.perf_counter()
        extracted = extract_text(Path(scan.name), kind="pdf")
        total = time.perf_counter() - started
        result = run_job(
            {
                "job": "ocr",
                "path": scan.name,
                "kind": "pdf",
                "pages": list(range(pages)),
                "cpu": limits.ocr_cpu_seconds,
                "memory": limits.memory_bytes,
                "wall": limits.ocr_wall_seconds,
                "ocr_seconds": limits.ocr_wall_seconds - 15,
                "max_pages": limits.pdf_max_pages,
                "max_characters": limits.max_characters,
            }
        )
    per_page = ", ".join(f"{seconds:.1f}" for seconds in result["seconds"])
    print(
        f"\nOCR of a {pages}-page image-only PDF ({pages - 1} Arabic, 1 English): "
        f"{total:.1f} s upload-to-text, {total / pages:.1f} s per page; per page: {per_page} s; "
        f"words recovered: Arabic {scans.recovered(arabic, extracted.text):.1%}, English "
        f"{scans.recovered(english, extracted.text):.1%}; peak memory of the child "
        f"{result['max_rss_kb'] / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
