"""The real services CI provides: PostgreSQL, Redis, and a Celery worker taking tasks."""

import pytest
from celery.backends.redis import RedisBackend
from celery.result import AsyncResult
from django.conf import settings
from django.db import connection
from kombu import Connection

from cwg.tasks import ping


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_database_is_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version_num')::int")
        assert cursor.fetchone()[0] >= 130000


@pytest.mark.redis
def test_the_broker_answers():
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as broker:
        broker.ensure_connection(max_retries=1)
        assert broker.connected


@pytest.mark.worker
def test_a_real_worker_runs_a_task_from_redis(celery_worker_process):
    from cwg.celery import app

    assert app.conf.task_always_eager is False
    # The app may have cached a disabled result backend already: read through our own.
    backend = RedisBackend(app=app, url=settings.CELERY_BROKER_URL)
    sent = ping.delay()
    assert AsyncResult(sent.id, backend=backend, app=app).get(timeout=30) == "pong"
