import contextlib
import io
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import translation

from tests.services import missing, why_unavailable

SERVICE_MARKERS = ("postgres", "redis", "worker", "browser", "sweep")
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# Tests write nothing into the checkout: hypothesis keeps its examples outside it.
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "cwg-tests" / "hypothesis")
)
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only


def pytest_sessionfinish(session):
    """The embedded default's settings create var/ when they load: a run that put nothing in it
    takes it away again (rmdir removes an empty directory only)."""
    with contextlib.suppress(OSError):
        (ROOT / "var").rmdir()


def pytest_runtest_setup(item):
    for marker in SERVICE_MARKERS:
        if item.get_closest_marker(marker):
            reason = why_unavailable(marker)
            if reason:
                missing(reason)


@pytest.fixture(autouse=True)
def _celery_eager_unless_worker(request, settings):
    """Tasks run in-process in tests, except those that drive a real worker."""
    from celery._state import _set_task_join_will_block

    from cwg.celery import app

    eager = request.node.get_closest_marker("worker") is None
    app.conf.task_always_eager = eager
    # Celery keeps "inside a task" in a process-wide flag that eager tasks set and restore; two
    # live-server threads running eager tasks at once can leave it set, and every later
    # result.get() in this process would then refuse. Each test starts from a clear flag.
    _set_task_join_will_block(False)
    settings.CELERY_TASK_ALWAYS_EAGER = eager
    yield
    app.conf.task_always_eager = True


@pytest.fixture(autouse=True)
def _test_settings(request, settings, tmp_path):
    """Production settings, less what needs a deployment: HTTPS and collected static files."""
    from django.core.cache import cache

    from cwg.search.engine import reset

    # The database is rolled back after each test; the cache (public pages, rate limits) too.
    cache.clear()
    # Anonymous pages come from the cache only in the modules that test it (PAGE_CACHE = True):
    # elsewhere a test reads each response's context, which a page from the cache has not.
    if not getattr(request.module, "PAGE_CACHE", False):
        settings.PUBLIC_PAGE_CACHE_SECONDS = 0

    if "module_db" not in request.fixturenames:  # else the module's data has its own
        settings.MEDIA_ROOT = tmp_path / "media"
        settings.SEARCH_SQLITE_PATH = tmp_path / "search.sqlite3"
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    yield
    reset()
    # A request leaves its language active in the thread (LocaleMiddleware does not undo it);
    # the next test starts in the default language, as a fresh process would.
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_search_index_after_committed_tests(request, django_db_blocker):
    """Django's flush empties model tables only: the PostgreSQL index table is ours to empty."""
    yield
    marker = request.node.get_closest_marker("django_db")
    committed = "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if committed:
        from django.db import connection

        with django_db_blocker.unblock():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("DELETE FROM search_entry")


@pytest.fixture
def celery_worker_process(transactional_db, settings):
    yield from _worker(settings)


@pytest.fixture
def second_celery_worker(transactional_db, settings):
    """Another worker on the same queue, e.g. after the first was killed."""
    from cwg.celery import app

    queue = app.conf.task_default_queue
    yield from _worker(settings, queue=queue)


def _worker(settings, queue: str | None = None):
    """A real Celery worker in its own process, on the test database and a private queue.

    The queue and node name are private to this test, so workers of other runs on the same
    Redis never take its tasks, and the readiness ping only counts this worker.
    """
    from django.db import connection

    from cwg.celery import app

    queue = queue or f"test-{uuid.uuid4().hex[:12]}"
    node = f"{uuid.uuid4().hex[:8]}-{queue}@{socket.gethostname()}"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CELERY_RESULT_BACKEND": settings.CELERY_BROKER_URL,
    }
    app.conf.task_default_queue = queue
    process = subprocess.Popen(  # noqa: S603 - fixed command line, our own worker
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cwg",
            "worker",
            "-Q",
            queue,
            "-c",
            "1",
            "-n",
            node,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group: a test can kill it whole
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5, destination=[node]):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("the Celery worker did not start")
    yield process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    app.conf.task_default_queue = settings.CELERY_TASK_DEFAULT_QUEUE


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker, tmp_path_factory):
    """A transaction open for a whole module, rolled back after its last test.

    For data built once and only read by the module's tests (the demo, the permission
    matrix's world): each test runs inside it in its own savepoint, rolled back as usual, so
    a test that writes leaves the next test the data as built. Media files and the SQLite
    search index go to a directory of the module's (a test that runs its on-commit indexing
    would leave its entries there). Not for tests that need committed data (transactional_db,
    live_server): theirs is another connection or a flush.
    """
    from django.db import transaction
    from django.test.utils import override_settings

    from cwg.celery import app

    scratch = tmp_path_factory.mktemp("module")
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=scratch / "media",
            SEARCH_SQLITE_PATH=scratch / "search.sqlite3",
            PASSWORD_HASHERS=FAST_PASSWORD_HASHERS,
            CELERY_TASK_ALWAYS_EAGER=True,
        ),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)
    app.conf.task_always_eager = eager


@pytest.fixture(scope="module")
def module_people(module_db):
    """The people of every role, enrolled once for a module's shared data (see module_db).

    A module that uses them overrides `people` to return them: the function-scoped fixture
    would enrol the same usernames again.
    """
    from tests.cwg.factories import WorkingGroupFactory
    from tests.roles import make_people

    return make_people(WorkingGroupFactory())


@dataclass(frozen=True)
class LoadedDemo:
    output: str  # what load_demo printed
    mail_sent: int  # messages that reached the outbox while it ran


@pytest.fixture(scope="module")
def demo(module_db):
    """The demo, loaded once for the tests of a module that only read it (190 s saved)."""
    from django.core import mail
    from django.core.management import call_command

    output = io.StringIO()
    sent_before = len(mail.outbox)
    call_command("load_demo", stdout=output)
    return LoadedDemo(output=output.getvalue(), mail_sent=len(mail.outbox) - sent_before)


@pytest.fixture
def working_group(db):
    from tests.cwg.factories import WorkingGroupFactory

    return WorkingGroupFactory()


@pytest.fixture
def people(working_group):
    from tests.roles import make_people

    return make_people(working_group)


@pytest.fixture
def as_role(client, people):
    """as_role("chair") returns the test client signed in as that role (or signed out)."""

    def sign_in(role: str):
        client.logout()
        if role != "public":
            client.force_login(people[role])
        return client

    return sign_in
