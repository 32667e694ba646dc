"""The consultations' predicates that views and services share."""

import pytest

from consultations.models import Submission
from consultations.permissions import can_withdraw_submission
from tests.consultations.factories import SubmissionFactory

pytestmark = pytest.mark.django_db
Status = Submission.Status


@pytest.mark.parametrize("status", [Status.RECEIVED, Status.ACCEPTED, Status.REJECTED])
def test_an_input_not_published_can_be_withdrawn(call, status):
    assert can_withdraw_submission(submission=SubmissionFactory(call=call, status=status))


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.WITHDRAWN])
def test_a_published_or_withdrawn_input_cannot_be_withdrawn(call, status):
    assert not can_withdraw_submission(submission=SubmissionFactory(call=call, status=status))
