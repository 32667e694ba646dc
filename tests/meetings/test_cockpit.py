"""The meeting page as the cockpit (issue 16, item 1): the agenda with each item's documents,
the information documents, the chair's summary, attendance, and the secretariat's countdowns."""

import datetime as dt

import pytest
from django.utils import timezone

from documents.models import Document
from documents.services import withdraw_document
from meetings.services import import_participants
from tests.cwg.factories import OrganizationFactory
from tests.documents.factories import published_document
from tests.meetings.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(working_group):
    """Opens in 19 days: contributions are due in 7, documents are posted in 12."""
    start = timezone.localdate() + dt.timedelta(days=19)
    return MeetingFactory(working_group=working_group, number=44, start_date=start, end_date=start)


@pytest.fixture
def agenda(meeting):
    return [
        AgendaItemFactory(meeting=meeting, number="3", title="WSIS+20 outcome", order=1),
        AgendaItemFactory(meeting=meeting, number="4", title="Gap analysis", order=2),
    ]


def sections_of(html: str) -> list[str]:
    """The page cut at its headings: each piece starts with a heading's text."""
    return html.split("<h")


def piece_with(html: str, heading: str) -> str:
    return next(piece for piece in sections_of(html) if heading in piece.split("</h")[0])


def test_each_agenda_item_lists_its_documents(meeting, people, agenda, client):
    outcome, gaps = agenda
    published_document(meeting, people, "Briefing on the outcome", items=[outcome])
    withdrawn = published_document(meeting, people, "Withdrawn mapping", items=[gaps])
    withdraw_document(document=withdrawn, by=people["secretariat"], reason="Merged.")
    published_document(meeting, people, "Events of 2026", kind=Document.Kind.INFORMATION)

    html = client.get(meeting.get_absolute_url()).content.decode()

    assert "Briefing on the outcome" in piece_with(html, "WSIS+20 outcome")
    gap_piece = piece_with(html, "Gap analysis")
    assert "Withdrawn mapping" in gap_piece
    assert "Withdrawn on" in gap_piece  # marked, still listed
    assert "Events of 2026" in piece_with(html, "Information documents")
    assert "not been published yet" in piece_with(html, "Chair's summary")
    assert "/download/" in piece_with(html, "WSIS+20 outcome")  # one click to the file


def test_the_chairs_summary_has_its_own_section(meeting, people, client):
    from documents.services import create_summary, publish_summary, update_summary

    summary = create_summary(
        meeting=meeting, title="Summary by the Chair", language="en", by=people["chair"]
    )
    blocks = [{"kind": "paragraph", "text": "The Chair opened the meeting."}]
    update_summary(document=summary, title=summary.title, blocks=blocks, by=people["chair"])
    publish_summary(document=summary, by=people["chair"])
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Summary by the Chair" in piece_with(html, "Chair's summary")


def test_members_only_documents_show_to_members_only(meeting, people, agenda, as_role):
    document = published_document(
        meeting, people, "Members' paper", items=agenda[:1], access=Document.Access.MEMBERS
    )
    link = f"/documents/files/{document.files.get().pk}/download/"
    public = as_role("public").get(meeting.get_absolute_url()).content.decode()
    assert "Members&#x27; paper" not in public
    assert link not in public
    delegate = as_role("delegate").get(meeting.get_absolute_url()).content.decode()
    assert link in delegate


def test_attendance_counts_member_states_and_sector_members(meeting, people, client):
    sector_member = OrganizationFactory(name="Telecom A", kind="sector_member")
    csv_text = (
        "name,member_state,organization,role,attendance\n"
        "Ana,BR,,head,in person\n"
        "Bo,SE,,delegate,remote\n"
        "Cy,SE,,delegate,in person\n"
        f"Di,,{sector_member.name},observer,remote\n"
    )
    import_participants(meeting=meeting, csv_text=csv_text, by=people["secretariat"])
    attendance = client.get(meeting.get_absolute_url()).context["attendance"]
    assert attendance == {"in_person": 2, "remote": 2, "member_states": 2, "sector_members": 1}


def test_the_secretariat_sees_countdowns_to_the_deadlines(meeting, as_role):
    secretariat = as_role("secretariat").get(meeting.get_absolute_url()).content.decode()
    assert "7 days left" in secretariat
    assert "12 days left" in secretariat
    public = as_role("public").get(meeting.get_absolute_url()).content.decode()
    assert "days left" not in public
    assert "Contributions due" in public  # the dates themselves are for everyone


def test_a_past_deadline_says_how_long_ago(working_group, as_role):
    past = MeetingFactory(working_group=working_group, number=43)  # January 2026
    html = as_role("secretariat").get(past.get_absolute_url()).content.decode()
    assert "days ago" in html


@pytest.mark.parametrize("role", ["public", "delegate", "secretariat"])
def test_the_cockpit_stays_in_constant_queries(
    role, meeting, people, agenda, as_role, django_assert_max_num_queries
):
    client = as_role(role)
    published_document(meeting, people, "First", languages=("en", "ar"), items=agenda[:1])
    # 16: the page, its agenda, the documents with their files, sources and co-sponsors, the
    # languages coming.
    with django_assert_max_num_queries(16) as few:
        client.get(meeting.get_absolute_url())
    for i in range(5):
        published_document(meeting, people, f"More {i}", languages=("en", "fr"), items=agenda)
    published_document(meeting, people, "Info", kind=Document.Kind.INFORMATION)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(meeting.get_absolute_url()).content.decode()
    assert html.count("/download/") == 2 + 5 * 2 * 2 + 1
