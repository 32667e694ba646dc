"""Settings are read from the environment: each case runs in a fresh interpreter."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'],"
    " 'name': str(settings.DATABASES['default']['NAME']),"
    " 'host': settings.DATABASES['default'].get('HOST'),"
    " 'eager': settings.CELERY_TASK_ALWAYS_EAGER, 'tz': settings.TIME_ZONE,"
    " 'media': str(settings.MEDIA_ROOT), 'es': settings.ELASTICSEARCH_URL}))"
)
BASE_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "DJANGO_SETTINGS_MODULE": "cwg.settings",
    "HOME": os.environ.get("HOME", str(ROOT)),
}


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_with(**env: str) -> dict:
    result = run_python(PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_embedded_default_is_sqlite_under_var_with_eager_tasks():
    values = settings_with(DEBUG="1")
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(ROOT / "var" / "cwg.sqlite3")
    assert values["eager"] is True
    assert values["media"] == str(ROOT / "var" / "media")
    assert values["tz"] == "Europe/Zurich"
    assert values["es"] == ""


def test_database_and_broker_urls_are_parsed():
    values = settings_with(
        DEBUG="1",
        DATABASE_URL="postgres://cwg:secret@db.example:5433/cwg_prod",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        ELASTICSEARCH_URL="http://127.0.0.1:9200",
        MEDIA_ROOT="/srv/cwg/media",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["name"], values["host"]) == ("cwg_prod", "db.example")
    assert values["eager"] is False
    assert values["es"] == "http://127.0.0.1:9200"
    assert values["media"] == "/srv/cwg/media"


def test_missing_secret_key_is_refused_when_debug_is_off():
    result = run_python(PRINT_SETTINGS, DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_pass_check_deploy(tmp_path):
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **BASE_ENV,
            "DEBUG": "0",
            "SECRET_KEY": "k3y-" + "x9Yq2!pL7#vR4@mT8$wZ1^nB6&cD0*eF5" * 2,
            "ALLOWED_HOSTS": "cwg.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'cwg.sqlite3'}",  # the checks open it
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_env_example_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "cwg" / "settings.py").read_text()
    read = set(re.findall(r"""env(?:\.\w+)?\(\s*["']([A-Z_]+)["']""", settings_source))
    listed = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert read, "the pattern found no variable: the test would prove nothing"
    assert read - listed == set()


def test_every_periodic_task_names_a_registered_task():
    from django.conf import settings

    from cwg.celery import app

    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert len(scheduled) == len(settings.CELERY_BEAT_SCHEDULE) >= 5
    assert scheduled - set(app.tasks) == set()
