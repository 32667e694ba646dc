"""Upload-to-extracted time through the product against pypdf / python-docx called directly.

    SECRET_KEY=x .venv/bin/python bench/pipeline.py [--repeat 3]

For each file of ../shared/testdata that is accepted, the product path is what an upload costs
before its text is stored: the checks (type by content, bounded zip, PDF page count in the
sandbox, SHA-256) and the extraction in the sandbox's child process. The direct path is the
library call alone, in this process. Prints a table, the overall ratio (goal <= 1.3x) and the
peak memory of the child that extracts the largest PDF.
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
from cwg.files.exceptions import UploadRefused  # noqa: E402
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
    options = parser.parse_args()
    files = sorted(p for p in TESTDATA.glob("*/*") if p.suffix in {".pdf", ".docx"})
    product(files[0])  # start the fork server once, as a running worker has it started
    print(f"{'file':<38} {'direct ms':>10} {'product ms':>11} {'ratio':>6}")
    totals = {"direct": 0.0, "product": 0.0}
    ratios = []
    for path in files:
        try:
            product_time = best_of(product, path, options.repeat)
        except UploadRefused as refusal:
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


if __name__ == "__main__":
    main()
