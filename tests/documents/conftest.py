import datetime as dt

import pytest
from django.utils import timezone

from documents.services import add_file, create_document, register_document, submit_document
from tests.documents.factories import docx_upload
from tests.meetings.factories import MeetingFactory


@pytest.fixture
def meeting(working_group):
    """A meeting whose contribution deadline is a week away."""
    start = timezone.localdate() + dt.timedelta(days=19)
    return MeetingFactory(working_group=working_group, number=44, start_date=start, end_date=start)


@pytest.fixture
def draft(meeting, people):
    document = create_document(meeting=meeting, title="Draft of Egypt", by=people["delegate"])
    add_file(
        document=document,
        upload=docx_upload("Egypt's draft text."),
        language="en",
        by=people["delegate"],
    )
    return document


@pytest.fixture
def submitted(draft, people):
    return submit_document(document=draft, by=people["delegate"])


@pytest.fixture
def registered(submitted, people):
    return register_document(document=submitted, by=people["secretariat"])
