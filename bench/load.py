"""Load benchmark: gunicorn + PostgreSQL on 127.0.0.1, driven by locust (headless, bounded).

    .venv/bin/pip install -c requirements.lock -e ".[bench]"   # locust, once
    SECRET_KEY=x .venv/bin/python bench/load.py [--users 50] [--duration 300] [--quick]
        [--threads 4] [--cache-url redis://127.0.0.1:6379/1] [--broker-url URL | --eager]
        [--no-page-cache]

Three runs against one server, with anonymous visitors' pages served from a shared Redis cache
as in production (cwg/pagecache.py; the cache's database is emptied first) and, as in production,
a Celery worker beside it for text extraction, indexing and mail (--eager runs them inside the
web requests, as a deployment without a broker does): the realistic mix at
--users paced users for --duration (goals: p95 <= 100 ms, no error); then, with no think time so
the server is saturated, the mix and the bare view (the ceiling) at --users (goal: the mix's
throughput >= 0.2x the ceiling's, in the same run). Prints one table, with the machine's load
average around each run: the figures mean little without it on a shared machine.
Only 127.0.0.1 is ever contacted.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
MIX = ["Visitor", "Delegate"]  # readers and uploaders, 5 to 1
HOST = "http://127.0.0.1:8765"  # --port changes it


# The demo's meetings are in the past by now, and delegates may not file for a past meeting:
# the delegates of the mix file for a meeting two months ahead (locustfile.OPEN_MEETING).
OPEN_MEETING = """
import datetime as dt
from django.utils import timezone
from cwg.models import WorkingGroup
from meetings.models import Meeting
start = timezone.localdate() + dt.timedelta(days=60)
Meeting.objects.get_or_create(number=45, defaults={
    "working_group": WorkingGroup.objects.get(), "venue": "Geneva",
    "start_date": start, "end_date": start + dt.timedelta(days=1)})
"""


# The files an anonymous visitor may download (an earlier revision's file is not offered): the
# visitors of the mix download these (locustfile.DOWNLOADS).
DOWNLOADABLE = """
from django.contrib.auth.models import AnonymousUser
from documents.models import DocumentFile
from documents.selectors import file_for_download
print(",".join(str(pk) for pk in DocumentFile.objects.order_by("pk").values_list("pk", flat=True)
      if file_for_download(user=AnonymousUser(), pk=pk)))
"""


def recreate_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *args: str) -> str:
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout


def wait_until_up(deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{HOST}/healthz/", timeout=1) as response:  # noqa: S310 (our own server on loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def run_locust(
    user_classes: list[str] | str, users: int, seconds: int, out: Path, *, saturate: bool = False
) -> list[dict]:
    user_classes = [user_classes] if isinstance(user_classes, str) else user_classes
    prefix = out / f"{user_classes[0]}-{users}-{'saturated' if saturate else 'paced'}"
    subprocess.run(  # noqa: S603 - our own locust on our own locustfile
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--host",
            HOST,
            "-u",
            str(users),
            "-r",
            str(max(1, users // 5)),
            "-t",
            f"{seconds}s",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
            *user_classes,
        ],
        cwd=ROOT,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "SATURATE": "1" if saturate else "0"},
    )
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--threads", type=int, default=4, help="per worker (gunicorn.conf.py; 1: one at a time)"
    )
    parser.add_argument("--quick", action="store_true", help="30-second runs")
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/cwg_load",
        help="dropped and created again: never bench/search.py's cwg_bench, whose index took long",
    )
    parser.add_argument(
        "--cache-url", default=os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/1")
    )
    parser.add_argument(
        "--broker-url",
        default=os.environ.get("CELERY_BROKER_URL", ""),
        help="Celery's broker, with a worker beside the server as in production (default: the"
        " cache's Redis); --eager runs the tasks inside the web requests instead",
    )
    parser.add_argument("--eager", action="store_true", help="no worker: tasks in the requests")
    parser.add_argument("--no-page-cache", action="store_true", help="render every page")
    parser.add_argument("--port", type=int, default=8765)
    options = parser.parse_args()
    duration = 30 if options.quick else options.duration
    global HOST  # one server per run, named once
    HOST = f"http://127.0.0.1:{options.port}"
    out = Path(tempfile.mkdtemp(prefix="cwg-load-"))
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "DATABASE_URL": options.database_url,
        "STATIC_ROOT": str(out / "static"),
        "MEDIA_ROOT": str(out / "media"),
        "AXES_FAILURE_LIMIT": "1000000",  # locust signs in many times from one address
        "CONSULTATION_SUBMIT_RATE": "1000000/h",  # every simulated person has one address
        "EMAIL_URL": "dummymail://",  # receipts and notices are built, not printed
        "CACHE_URL": options.cache_url,  # shared by the workers, as in production
        "PUBLIC_PAGE_CACHE_SECONDS": "0" if options.no_page_cache else "300",
        "GUNICORN_THREADS": str(options.threads),
    }
    if options.eager:
        env.pop("CELERY_BROKER_URL", None)
    else:  # text extraction, indexing and mail leave the request, as in production
        env["CELERY_BROKER_URL"] = options.broker_url or options.cache_url
    recreate_database(options.database_url)
    redis.Redis.from_url(options.cache_url).flushdb()  # no page or rate count of an earlier run
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_demo")
    manage(env, "shell", "-c", OPEN_MEETING)
    os.environ["DOWNLOADS"] = manage(env, "shell", "-c", DOWNLOADABLE).strip().splitlines()[-1]
    worker = None
    if not options.eager:
        worker = subprocess.Popen(  # noqa: S603 - our own Celery worker
            [sys.executable, "-m", "celery", "-A", "cwg", "worker", "--concurrency", "1"]
            + ["--loglevel", "WARNING", "--without-mingle", "--without-gossip"],
            cwd=ROOT,
            env=env,
        )
    server = subprocess.Popen(  # noqa: S603 - our own server on loopback
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cwg.wsgi",
            "-b",
            f"127.0.0.1:{options.port}",
            "-w",
            str(options.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    burst = max(30, duration // 5)
    try:
        wait_until_up(time.monotonic() + 60)
        plan = [
            ("mix, paced", MIX, duration, False),
            ("mix, saturated", MIX, burst, True),
            ("ceiling", "Ceiling", burst, True),
        ]
        runs = []
        for label, users, seconds, saturate in plan:
            before = load_average()
            rows = run_locust(users, options.users, seconds, out, saturate=saturate)
            runs.append((label, rows, f"{before} -> {load_average()}"))
    finally:
        for process in (server, worker):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
    print_table(runs, options)


def print_table(runs, options) -> None:
    print(
        f"\n{'run':<14} {'page':<24} {'requests':>9} {'errors':>7} {'req/s':>8} "
        f"{'p50 ms':>7} {'p95 ms':>7}"
    )
    totals = {}
    for label, rows, _load in runs:
        for row in rows:
            print(
                f"{label:<14} {row['Name']:<24} {row['Request Count']:>9} "
                f"{row['Failure Count']:>7} {float(row['Requests/s']):>8.1f} "
                f"{row['50%']:>7} {row['95%']:>7}"
            )
            if row["Name"] == "Aggregated":
                totals[label] = row
    cores = os.cpu_count()
    print(f"\nload average (1, 5, 15 min) of the machine ({cores} cores), before -> after:")
    for label, _rows, load in runs:
        print(f"  {label:<14} {load}")
    mix = float(totals["mix, saturated"]["Requests/s"])
    ceiling = float(totals["ceiling"]["Requests/s"])
    print(
        f"\nthroughput of the mix at {options.users} users: {mix:.1f} req/s = "
        f"{mix / ceiling:.2f}x the bare-view ceiling ({ceiling:.1f} req/s) (goal >= 0.2x)"
    )
    errors = sum(int(totals[label]["Failure Count"]) for label in ("mix, paced", "mix, saturated"))
    print(f"errors in the mix: {errors} (goal 0)")
    print(
        f"p95 of the mix at {options.users} paced users: "
        f"{totals['mix, paced']['95%']} ms (goal <= 100 ms); "
        f"page cache {'off' if options.no_page_cache else 'on'}; "
        f"tasks {'in the requests' if options.eager else 'in a Celery worker'}; "
        f"gunicorn {options.workers} workers x {options.threads} threads"
    )


if __name__ == "__main__":
    main()
