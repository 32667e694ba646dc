import datetime as dt
import time
from concurrent.futures import ThreadPoolExecutor

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
CONNECTIONS = 20  # the shared PostgreSQL allows 100 connections; the web server would queue too


def test_200_inputs_in_the_last_second_are_all_stored_gapless(working_group):
    assert connection.vendor == "postgresql"
    call = CallFactory(working_group=working_group, code="LAST")
    question = QuestionFactory(call=call)
    call.closes_at = timezone.now() + dt.timedelta(seconds=1)
    call.save(update_fields=["closes_at"])

    def one(index_and_arrival) -> str:
        index, arrived_at = index_and_arrival
        try:
            return submit_input(
                call=call,
                by=AnonymousUser(),
                name=f"Submitter {index}",
                email=f"s{index}@example.invalid",
                stakeholder_type="other",
                answers={question.pk: f"Input {index}"},
                arrived_at=arrived_at,
            ).reference
        finally:
            connection.close()

    began = time.monotonic()
    arrivals = [(index, timezone.now()) for index in range(SUBMITTERS)]
    assert all(arrival < call.closes_at for _index, arrival in arrivals)
    with ThreadPoolExecutor(max_workers=CONNECTIONS) as pool:
        references = list(pool.map(one, arrivals))
    print(f"{SUBMITTERS} inputs stored in {time.monotonic() - began:.2f} s")

    assert len(set(references)) == SUBMITTERS
    numbers = sorted(Submission.objects.filter(call=call).values_list("number", flat=True))
    assert numbers == list(range(1, SUBMITTERS + 1))
    time.sleep(max((call.closes_at - timezone.now()).total_seconds(), 0) + 0.01)
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


def test_an_arrival_claimed_in_the_future_counts_as_now(working_group, people):
    call = CallFactory(working_group=working_group, code="FUTURE")
    question = QuestionFactory(call=call)
    item = submit_input(
        call=call,
        by=people["public"],
        name="N",
        email="n@example.invalid",
        stakeholder_type="other",
        answers={question.pk: "x"},
        arrived_at=timezone.now() + dt.timedelta(days=30),
    )
    assert item.submitted_at <= timezone.now()
