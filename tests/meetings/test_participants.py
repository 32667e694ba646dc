import io

import pytest
import reversion.models

from cwg.exceptions import NotAllowed
from meetings.exceptions import InvalidImport
from meetings.models import Participant
from meetings.selectors import attendance_counts
from meetings.services import import_participants
from tests.cwg.factories import OrganizationFactory, member_state
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

GOOD_AND_BAD = (
    "name,member_state,organization,role,attendance\n"
    "Amina Hassan,EG,,Head of delegation,in person\n"
    "Lars Berg,Sweden,,delegate,remote\n"
    "Nobody,,,delegate,remote\n"
    "Jo Bloggs,Atlantis,,delegate,remote\n"
    "Kim Lee,,Test Org,observer,remote\n"
    "Sam Both,EG,Test Org,delegate,remote\n"
    "Ali Omar,EG,,delegate,teleported\n"
    "Rita Diaz,EG,,king,remote\n"
)


@pytest.fixture
def meeting(working_group):
    member_state("EG")
    member_state("SE")
    OrganizationFactory(name="Test Org")
    return MeetingFactory(working_group=working_group, number=44)


def test_import_keeps_good_rows_and_refuses_bad_ones_with_line_numbers(meeting, people):
    report = import_participants(meeting=meeting, csv_text=GOOD_AND_BAD, by=people["secretariat"])
    assert report.created == 3
    assert [line for line, _reason in report.refused] == [4, 5, 7, 8, 9]
    assert "Atlantis" in dict(report.refused)[5]
    names = set(meeting.participants.values_list("name", flat=True))
    assert names == {"Amina Hassan", "Lars Berg", "Kim Lee"}
    lars = meeting.participants.get(name="Lars Berg")
    assert lars.member_state.iso_code == "SE"
    assert lars.attendance == Participant.Attendance.REMOTE


def test_reimport_does_not_duplicate_and_updates_changes(meeting, people):
    import_participants(meeting=meeting, csv_text=GOOD_AND_BAD, by=people["secretariat"])
    again = import_participants(meeting=meeting, csv_text=GOOD_AND_BAD, by=people["secretariat"])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert meeting.participants.count() == 3
    changed = "name,member_state,role,attendance\n  amina   HASSAN ,eg,head,remote\n"
    report = import_participants(meeting=meeting, csv_text=changed, by=people["secretariat"])
    assert (report.created, report.updated) == (0, 1)
    assert meeting.participants.count() == 3
    assert meeting.participants.get(name_key="amina hassan").attendance == "remote"


def test_import_records_a_revision_by_the_importer(meeting, people):
    import_participants(meeting=meeting, csv_text=GOOD_AND_BAD, by=people["secretariat"])
    revision = reversion.models.Revision.objects.get(comment__contains="registration list")
    assert revision.user == people["secretariat"]


def test_missing_columns_are_refused_as_a_whole(meeting, people):
    with pytest.raises(InvalidImport):
        import_participants(meeting=meeting, csv_text="who,what\nx,y\n", by=people["secretariat"])


@pytest.mark.parametrize("role", ["chair", "vice_chair", "delegate", "sector_member"])
def test_only_the_secretariat_imports(meeting, people, role):
    with pytest.raises(NotAllowed):
        import_participants(meeting=meeting, csv_text=GOOD_AND_BAD, by=people[role])
    assert not meeting.participants.exists()


def test_attendance_counts_in_one_query(meeting, people, django_assert_num_queries):
    import_participants(meeting=meeting, csv_text=GOOD_AND_BAD, by=people["secretariat"])
    with django_assert_num_queries(1):
        counts = attendance_counts(meeting=meeting)
    assert counts == {"in_person": 1, "remote": 2, "member_states": 2, "sector_members": 1}


def _upload(text: str) -> io.BytesIO:
    upload = io.BytesIO(text.encode("utf-8"))
    upload.name = "registrations.csv"
    return upload


def test_import_page_shows_the_refused_lines(meeting, as_role):
    client = as_role("secretariat")
    response = client.post("/meetings/44/participants/import/", {"file": _upload(GOOD_AND_BAD)})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Atlantis" in body
    assert "<td>5</td>" in body


def test_import_page_refuses_a_broken_file_with_a_400(meeting, as_role):
    client = as_role("secretariat")
    response = client.post("/meetings/44/participants/import/", {"file": _upload("a,b\n")})
    assert response.status_code == 400
    assert "missing" in response.content.decode()


@pytest.mark.parametrize("role", ["public", "delegate", "chair"])
def test_import_page_is_for_the_secretariat(meeting, as_role, role):
    response = as_role(role).get("/meetings/44/participants/import/")
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(("role", "status"), [("public", 302), ("delegate", 403), ("chair", 200)])
def test_participant_list_is_for_secretariat_and_officers(meeting, as_role, role, status):
    assert as_role(role).get("/meetings/44/participants/").status_code == status


def test_meeting_page_shows_counts_in_constant_queries(
    meeting, people, as_role, django_assert_max_num_queries
):
    import_participants(meeting=meeting, csv_text=GOOD_AND_BAD, by=people["secretariat"])
    client = as_role("public")
    with django_assert_max_num_queries(6) as few:
        response = client.get("/meetings/44/")
    body = response.content.decode()
    assert "Member states represented" in body
    many = "name,member_state,role,attendance\n" + "".join(
        f"Person {i},SE,delegate,remote\n" for i in range(30)
    )
    import_participants(meeting=meeting, csv_text=many, by=people["secretariat"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/meetings/44/")
