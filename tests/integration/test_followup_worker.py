"""The reminder beat tasks through a real Celery worker: fired twice, each mail goes out once."""

import datetime as dt

import pytest
from celery.backends.redis import RedisBackend
from celery.result import AsyncResult
from django.conf import settings
from django.utils import timezone

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _results(app, *sent) -> list:
    # The app may have cached a disabled result backend already: read through our own.
    backend = RedisBackend(app=app, url=settings.CELERY_BROKER_URL)
    return [AsyncResult(s.id, backend=backend, app=app).get(timeout=60) for s in sent]


def test_beat_tasks_fired_twice_send_each_mail_once(celery_worker_process, people):
    from cwg.celery import app
    from followup.models import SentReminder
    from followup.tasks import send_action_reminders, send_weekly_digest
    from tests.followup.factories import ActionFactory
    from tests.meetings.factories import MeetingFactory

    for role in ("chair", "secretariat"):
        people[role].email = f"{role}@example.invalid"
        people[role].save(update_fields=["email"])
    meeting = MeetingFactory(working_group=people.working_group, number=44)
    today = timezone.localdate()
    ActionFactory(meeting=meeting, owner_user=people["chair"], due_date=today + dt.timedelta(1))
    ActionFactory(meeting=meeting, owner_user=people["chair"], due_date=today - dt.timedelta(1))

    assert _results(app, send_action_reminders.delay(), send_action_reminders.delay()) == [2, 0]
    assert _results(app, send_weekly_digest.delay(), send_weekly_digest.delay()) == [True, False]
    kinds = sorted(SentReminder.objects.values_list("kind", flat=True))
    assert kinds == ["before_due", "digest", "overdue"]


def test_the_delegation_digest_fired_twice_mails_each_person_once(celery_worker_process, people):
    from cwg.celery import app
    from followup.models import FollowupPreference, SentDigest
    from followup.tasks import send_delegation_digests
    from tests.followup.factories import ActionFactory
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory(working_group=people.working_group, number=44)
    today = timezone.localdate()
    for role in ("delegate", "other_delegate"):
        people[role].email = f"{role}@example.invalid"
        people[role].save(update_fields=["email"])
        FollowupPreference.objects.create(user=people[role], weekly_digest=True)
    # Egypt owes an overdue action; Sweden has nothing new: no mail for Sweden.
    ActionFactory(meeting=meeting, owner_user=people["delegate"], due_date=today - dt.timedelta(1))

    first, second = _results(app, send_delegation_digests.delay(), send_delegation_digests.delay())
    assert sorted([first, second]) == [0, 1]
    assert list(SentDigest.objects.values_list("user__username", flat=True)) == ["delegate.eg"]


def test_a_real_worker_builds_the_record_package_and_reports_its_progress(
    celery_worker_process, people
):
    import time

    from followup.models import RecordPackage
    from followup.services.record_package import request_record_package, validate_zipped_bag
    from tests.security.world import build_world

    world = build_world(people)
    package = request_record_package(
        meeting=world.meeting, access="members", language="ar", by=people["delegate"]
    )
    seen = set()
    deadline = time.monotonic() + 60
    while package.state != RecordPackage.State.READY and time.monotonic() < deadline:
        time.sleep(0.05)
        package.refresh_from_db()
        seen.add((package.state, package.progress))
    assert package.state == RecordPackage.State.READY, seen
    assert package.progress == 100
    assert package.step == RecordPackage.Step.DONE
    with package.file.open("rb") as handle:
        path = f"{settings.MEDIA_ROOT}/check.zip"
        with open(path, "wb") as out:
            out.write(handle.read())
    assert validate_zipped_bag(path).info["Index-Language"] == "ar"
    # Asked again with nothing changed: the built package, no second build.
    again = request_record_package(
        meeting=world.meeting, access="members", language="ar", by=people["secretariat"]
    )
    assert (again.state, again.file.name) == (RecordPackage.State.READY, package.file.name)
