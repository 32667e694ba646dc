"""`migrate` on a database made by the code before follow-up left meetings keeps every row.

tests/fixtures/wave1_demo.sqlite3.gz was built by commit a33948e (migrate, load_demo, then one
action linked to a document, two guardian object permissions and a sent reminder);
wave1_demo_row_counts.json holds its row count per table. The migration runs in a subprocess
against a copy, so pytest's own test database is untouched.
"""

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MOVED = ["action", "actionupdate", "gapanalysis", "gapitem", "itemmandate", "sentreminder"]

# Run inside the migrated database by `manage.py shell`; prints one JSON line.
CHECKS = """
import json, sqlite3
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from guardian.models import UserObjectPermission
from reversion.models import Version
from followup.models import Action, GapItem

db = sqlite3.connect(settings.DATABASES["default"]["NAME"])
tables = [r[0] for r in db.execute(
    "select name from sqlite_master where type='table' and name not like 'sqlite_%'")]
action = Action.objects.order_by("pk").first()
item = GapItem.objects.order_by("pk").first()
print(json.dumps({
    "counts": {t: db.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables},
    "action_title": action.title,
    "action_documents": list(action.documents.values_list("pk", flat=True)),
    "action_reminders": action.reminders.count(),
    "item_mandates": item.mandates.count(),
    "action_versions": [v.object.pk for v in Version.objects.get_for_object(action)],
    "item_versions": [v.object.pk for v in Version.objects.get_for_object(item)],
    "versions_of_moved": Version.objects.filter(
        content_type__app_label="followup").count(),
    "labels": sorted(set(ContentType.objects.filter(model__in=MOVED_MODELS).values_list(
        "app_label", flat=True))),
    "perm_apps": sorted({p.permission.content_type.app_label + "." + p.permission.codename
                         for p in UserObjectPermission.objects.select_related(
                             "permission__content_type")}),
    "perm_objects": [str(p.content_object) for p in UserObjectPermission.objects.order_by("pk")],
    "chair_may_change": User.objects.get(username="chair").has_perm(
        "followup.change_action", action),
}))
""".replace("MOVED_MODELS", repr(MOVED))


def _manage(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_migrate_from_wave1_keeps_every_row_and_points_history_at_followup(tmp_path):
    database = tmp_path / "wave1.sqlite3"
    with gzip.open(FIXTURES / "wave1_demo.sqlite3.gz") as packed, database.open("wb") as out:
        shutil.copyfileobj(packed, out)
    before = json.loads((FIXTURES / "wave1_demo_row_counts.json").read_text())
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "1",
        "SECRET_KEY": "migration-test",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SEARCH_SQLITE_PATH": str(tmp_path / "search.sqlite3"),
    }

    _manage("migrate", "--noinput", env=env)
    found = json.loads(_manage("shell", "-c", CHECKS, env=env).strip().splitlines()[-1])

    after = found["counts"]
    # the new migrations are recorded; new models bring their content types and permissions,
    # which the role groups are granted
    grown = {
        "django_migrations",
        "django_content_type",
        "auth_permission",
        "auth_group_permissions",
    }
    for table, rows in before.items():
        if table not in grown:
            assert after.get(table) == rows, table
    assert after["django_migrations"] > before["django_migrations"]
    assert found["action_title"].endswith("(demo)")
    assert found["action_documents"] == [1]
    assert found["action_reminders"] == 1
    assert found["item_mandates"] >= 1
    assert found["action_versions"]
    assert set(found["action_versions"]) == {1}
    assert found["item_versions"]
    assert found["versions_of_moved"] > 0
    assert found["labels"] == ["followup"]
    assert found["perm_apps"] == ["followup.change_action", "followup.view_gapitem"]
    assert all(found["perm_objects"])
    assert found["chair_may_change"] is True
