import datetime as dt
import threading
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone

from consultations.exceptions import CallClosed
from consultations.models import Submission
from consultations.services import submit_input
from tests.consultations.factories import CallFactory, QuestionFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
SUBMITTERS = 200
WINDOW = 6.0  # 200 inputs take about 2 s on the shared 2-core machine: margin for load
CONNECTIONS = 20  # the shared PostgreSQL allows 100 connections: 20 threads send 10 inputs each


def test_200_inputs_in_the_last_second_are_all_stored_gapless(working_group):
    assert connection.vendor == "postgresql"
    call = CallFactory(working_group=working_group, code="LAST")
    question = QuestionFactory(call=call)
    start = threading.Barrier(CONNECTIONS)
    errors: list[Exception] = []

    def sender(first: int) -> None:
        try:
            start.wait()
            for index in range(first, SUBMITTERS, CONNECTIONS):
                submit_input(
                    call=call,
                    by=AnonymousUser(),
                    name=f"Submitter {index}",
                    email=f"s{index}@example.invalid",
                    stakeholder_type="other",
                    answers={question.pk: f"Input {index}"},
                )
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(CONNECTIONS)]
    call.closes_at = timezone.now() + dt.timedelta(seconds=WINDOW)
    call.save(update_fields=["closes_at"])
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{SUBMITTERS} inputs stored in {time.monotonic() - began:.2f} s")
    assert errors == []
    numbers = sorted(Submission.objects.filter(call=call).values_list("number", flat=True))
    assert numbers == list(range(1, SUBMITTERS + 1))
    references = set(Submission.objects.values_list("reference", flat=True))
    assert len(references) == SUBMITTERS
    late = max(call.closes_at - timezone.now(), dt.timedelta(0)).total_seconds()
    threading.Event().wait(late + 0.05)
    with pytest.raises(CallClosed):
        submit_input(
            call=call,
            by=AnonymousUser(),
            name="Too late",
            email="late@example.invalid",
            stakeholder_type="other",
            answers={question.pk: "Late"},
        )
    assert Submission.objects.filter(call=call).count() == SUBMITTERS
