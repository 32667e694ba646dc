import datetime as dt
import re
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from consultations.exceptions import CallClosed
from consultations.models import Submission
from consultations.services import submit_input
from tests.consultations.factories import CallFactory, QuestionFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
SUBMITTERS = 200
CONNECTIONS = 20  # the shared PostgreSQL allows 100 connections; the web server would queue too
WINDOW_SECONDS = 90  # the posts take a few seconds on the shared machine; all must land before
REFERENCE = re.compile(r'<strong class="reference">([^<]+)</strong>')


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


def _form_session(url: str) -> tuple[str, str]:
    """GET the form as a browser would: its CSRF cookie and the token in the page."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our live server
        page = response.read().decode()
        cookies = response.headers.get_all("Set-Cookie") or []
    cookie = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return cookie, token


def _post_form(url: str, session: tuple[str, str], fields: dict) -> tuple[int, str]:
    cookie, token = session
    data = urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
    request = urllib.request.Request(url, data=data, headers={"Cookie": cookie})  # noqa: S310 (our own server on loopback)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - live server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def test_200_inputs_over_http_before_closing_against_a_live_server(
    live_server, working_group, settings
):
    """The whole path (form, CSRF, rate limit, view, service) under 200 concurrent posts.

    Over HTTP the server's clock at the service decides, so the window is the few seconds the
    posts take on the shared test machine; then one more post after closing is refused.
    """
    settings.CONSULTATION_SUBMIT_RATE = "10000/m"  # all come from 127.0.0.1
    call = CallFactory(working_group=working_group, code="LIVE")
    question = QuestionFactory(call=call)
    url = live_server.url + reverse("consultations:submit", args=[call.code])
    sessions = [_form_session(url) for _ in range(SUBMITTERS + 1)]
    call.closes_at = timezone.now() + dt.timedelta(seconds=WINDOW_SECONDS)
    call.save(update_fields=["closes_at"])

    def one(index: int) -> tuple[int, str]:
        fields = {
            "name": f"Submitter {index}",
            "email": f"s{index}@example.invalid",
            "stakeholder_type": "other",
            "language": "en",
            f"question_{question.pk}": f"Input {index}",
        }
        return _post_form(url, sessions[index], fields)

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=CONNECTIONS) as pool:
        answers = list(pool.map(one, range(SUBMITTERS)))
    took = time.monotonic() - began
    print(f"{SUBMITTERS} inputs over HTTP stored in {took:.2f} s")
    assert timezone.now() < call.closes_at, "the machine was too slow for the window"

    assert [status for status, _body in answers] == [200] * SUBMITTERS
    references = {REFERENCE.search(body).group(1) for _status, body in answers}
    assert len(references) == SUBMITTERS
    numbers = sorted(Submission.objects.filter(call=call).values_list("number", flat=True))
    assert numbers == list(range(1, SUBMITTERS + 1))

    call.closes_at = timezone.now()  # close it now rather than wait out the generous window
    call.save(update_fields=["closes_at"])
    status, body = one(SUBMITTERS)
    assert status == 409
    assert "no longer accepts submissions" in body
    assert f"Input {SUBMITTERS}" in body  # the late author's text is still in the form
    assert Submission.objects.filter(call=call).count() == SUBMITTERS
