"""The extraction fork server: `python -m cwg.files.forkserver`.

Started once by sandbox.py, it imports the parsers (pypdf, pypdfium2, python-docx, lxml) and,
for each job read from stdin as a JSON line, forks a child that limits its own CPU time and
address space with setrlimit, parses one file (or has Tesseract read its scanned pages, in the
child's own process group) and writes the result as JSON to the path the job names. The
server waits for the child up to the job's wall-clock limit, kills it past that, and answers one
JSON line on stdout. Forking a warm, single-threaded process costs a few milliseconds, against
~0.4 s for a fresh interpreter, and works under Celery's daemonic pool workers, where
multiprocessing refuses to start children.
"""

import contextlib
import json
import logging
import os
import resource
import select
import signal
import sys
import time
import traceback
from pathlib import Path

# Preloaded once here, so each forked child starts with the parsers already imported.
import docx  # noqa: E402, F401, I001 - imported for its side effect: warm children
import pypdf  # noqa: E402, F401
import pypdfium2  # noqa: E402, F401
from docx.table import Table  # noqa: E402, F401

from cwg.files import ocr, parsers, pdf_actions  # noqa: F401 - pdf_actions: warm children


def _address_space_in_use() -> int:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[0])
    return pages * resource.getpagesize()


def _run_child(job: dict) -> None:
    # Its own process group: a wall-clock kill also stops the Tesseract it may have started.
    os.setpgid(0, 0)
    cpu = int(job["cpu"])
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    budget = _address_space_in_use() + int(job["memory"])
    resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
    path = Path(job["path"])
    try:
        if job["job"] == "inspect_pdf":
            result = {"ok": True, **parsers.inspect_pdf(path)}
        elif job["job"] == "ocr":
            recognised = ocr.recognise_pages(path, pages=job["pages"], seconds=job["ocr_seconds"])
            result = {"ok": True, **recognised}
        else:
            kind = job["kind"]
            if kind == "pdf":
                parsed = parsers.parse_pdf(
                    path, max_pages=job["max_pages"], max_characters=job["max_characters"]
                )
            elif kind == "docx":
                parsed = parsers.parse_docx(path, max_characters=job["max_characters"])
            else:
                parsed = parsers.parse_txt(path, max_characters=job["max_characters"])
            result = {
                "ok": True,
                "text": parsed.text,
                "page_count": parsed.page_count,
                "truncated": parsed.truncated,
                "textless_pages": parsed.textless_pages,
                "page_texts": parsed.page_texts,
                "title": parsed.title,
            }
    except parsers.ParseRefused as exc:
        result = {"ok": False, "reason": str(exc)}
    except MemoryError:
        result = {"ok": False, "reason": "memory"}
    except Exception as exc:  # noqa: BLE001 - every parser error becomes a stored reason
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" ({last[0].name})" if last else ""
        result = {"ok": False, "reason": f"{type(exc).__name__}: {str(exc)[:300]}{where}"}
    Path(job["result"]).write_text(json.dumps(result), encoding="utf-8")


def _kill_group(pid: int) -> None:
    """The child and whatever it started (Tesseract): they share the child's process group."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        os.kill(pid, signal.SIGKILL)


def _wait(pid: int, wall: float) -> tuple[int | None, bool, int]:
    """(exit status, timed out, peak memory in kB). Kills the child past the wall-clock limit."""
    deadline = time.monotonic() + wall
    pidfd = os.pidfd_open(pid) if hasattr(os, "pidfd_open") else None
    try:
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                return status, False, usage.ru_maxrss
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                _kill_group(pid)
                _pid, _status, usage = os.wait4(pid, 0)
                return None, True, usage.ru_maxrss
            if pidfd is not None:
                select.select([pidfd], [], [], remaining)
            else:
                time.sleep(min(0.005, remaining))
    finally:
        if pidfd is not None:
            os.close(pidfd)


def serve() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # pypdf warns on stderr about fonts it can still read; the outcome is what counts here.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    print("ready", flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid:
            # Also here: the group must exist before _wait may kill it. The child may have done
            # it first, or be gone already.
            with contextlib.suppress(PermissionError, ProcessLookupError):
                os.setpgid(pid, pid)
        if pid == 0:
            try:
                _run_child(job)
            finally:
                os._exit(0)
        status, timed_out, max_rss_kb = _wait(pid, float(job["wall"]))
        answer = {"timed_out": timed_out, "signal": None, "exit": None, "max_rss_kb": max_rss_kb}
        if status is not None:
            if os.WIFSIGNALED(status):
                answer["signal"] = os.WTERMSIG(status)
            else:
                answer["exit"] = os.WEXITSTATUS(status)
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    serve()
