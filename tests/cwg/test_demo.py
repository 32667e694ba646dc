import io

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from cwg.demo import SIGN_INS
from cwg.models import Officer

pytestmark = pytest.mark.django_db
DEMO_APPS = {"auth", "cwg", "meetings", "documents", "consultations", "followup"}


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in DEMO_APPS
    }


def test_load_demo_twice_gives_identical_rows(demo):
    first = row_counts()
    call_command("load_demo", stdout=io.StringIO())
    assert row_counts() == first
    assert first["cwg.Officer"] == 5
    assert first["meetings.Meeting"] == 3
    assert first["documents.Document"] == 35


def test_demo_documents_match_the_two_meetings(demo):
    from documents.models import Document

    documents = Document.objects.filter(meeting__number__in=[43, 44])
    main_series = documents.exclude(kind=Document.Kind.INFORMATION)
    assert main_series.count() == 26
    assert documents.filter(kind=Document.Kind.INFORMATION).count() == 6
    assert documents.filter(kind=Document.Kind.SUMMARY, status="published").count() == 1
    assert documents.filter(is_late=True, late_approved_at__isnull=False).count() == 1
    revised = documents.get(revision=1)
    assert revised.symbol == "CWG-WSIS&SDG-44/3(Rev.1)"
    assert list(revised.revisions.values_list("number", flat=True)) == [0, 1]
    assert not revised.revisions.filter(published_at__isnull=True).exists()
    assert documents.filter(files__language="ar").distinct().count() >= 5


def test_load_demo_prints_working_sign_ins(demo):
    printed = demo.output
    for sign_in in SIGN_INS:
        assert f"{sign_in.username}" in printed
        assert sign_in.password in printed
        request = RequestFactory().post("/accounts/login/")
        assert authenticate(request, username=sign_in.username, password=sign_in.password)


def test_demo_officers_match_the_group(demo):
    officers = {
        o.name: (o.role, o.member_state.iso_code, o.attends_remotely)
        for o in Officer.objects.select_related("member_state")
    }
    assert officers == {
        "Cynthia Lesufi": ("chair", "ZA", False),
        "Renata Santoyo": ("vice_chair", "BR", False),
        "Mina Seonmin Jun": ("vice_chair", "KR", False),
        "Janet Umutesi": ("vice_chair", "RW", True),
        "Susanna Mattsson": ("vice_chair", "SE", False),
    }


def test_load_demo_sends_no_mail_and_ends_with_the_sign_ins(demo, settings):
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    assert demo.mail_sent == 0
    assert demo.output.rstrip().endswith("(Representative of a sector member)")


def test_the_coming_meeting_takes_contributions_on_time(demo):
    """Issue 13: a coming 45th meeting, dated from the day the demo is loaded and said so, with a
    delegate's unsubmitted draft, a withdrawn document and a revision being prepared."""
    from django.utils import timezone

    from documents.models import Document
    from meetings.models import Meeting

    meeting = Meeting.objects.get(number=45)
    assert meeting.demo_dates
    assert meeting.contribution_deadline > timezone.now()
    documents = Document.objects.filter(meeting=meeting)
    draft = documents.get(status="draft")
    assert draft.owner_state.iso_code == "EG"
    withdrawn = documents.get(status="withdrawn")
    assert withdrawn.symbol == "CWG-WSIS&SDG-45/1"
    assert withdrawn.withdrawn_reason
    agenda = documents.get(status="published")
    assert agenda.revision == 0
    assert agenda.revisions.get(published_at__isnull=True).number == 1


def test_demo_documents_sit_under_their_agenda_items(demo, client):
    from documents.models import Document
    from meetings.models import AgendaItem

    discussed = Document.objects.filter(kind=Document.Kind.CONTRIBUTION)
    assert not discussed.filter(agenda_items__isnull=True).exists()
    assert not Document.objects.filter(kind="information", agenda_items__isnull=False).exists()
    gaps = AgendaItem.objects.get(meeting__number=44, number="4")
    page = client.get(f"/documents/meeting/44/?agenda_item={gaps.pk}").content.decode()
    assert "Mapping the WSIS+20 outcome to ITU&#x27;s current mandates" in page
    assert "Views on the road to 2035" not in page  # under item 3 only


def test_demo_meetings_have_their_registration_lists(demo):
    from meetings.models import Meeting
    from meetings.selectors import attendance_counts

    for number in (43, 44):
        counts = attendance_counts(meeting=Meeting.objects.get(number=number))
        assert counts["in_person"] > 0
        assert counts["remote"] > 0
        assert counts["member_states"] >= 10
        assert counts["sector_members"] == 1


def test_the_demo_has_a_cosponsored_contribution(demo):
    from documents.models import Document

    document = Document.objects.prefetch_related("source_states", "cosponsors__member_state").get(
        title="Priorities for ITU after the WSIS+20 review"
    )
    assert document.source == "Egypt, Sweden"


def test_the_arabic_and_french_meeting_pages_show_arabic_and_french_titles(demo, client):
    """Issue 14, point 3: the demo's documents, agenda items and group have their titles in
    the page's language, the ones without keeping their English original marked lang="en"."""
    client.cookies["django_language"] = "ar"
    arabic = client.get("/meetings/44/").content.decode()
    assert "مشروع جدول أعمال الاجتماع الرابع والأربعين" in arabic  # document
    assert "اعتماد جدول الأعمال" in arabic  # agenda item
    assert "Draft agenda of the 44th meeting" not in arabic
    client.cookies["django_language"] = "fr"
    french = client.get("/meetings/44/").content.decode()
    assert "Projet d&#x27;ordre du jour de la 44e réunion" in french
    assert "Adoption de l&#x27;ordre du jour" in french
    client.cookies["django_language"] = "zh-hans"
    assert "理事会信息社会世界峰会和可持续发展目标工作组" in client.get("/").content.decode()


def test_the_wsis20_call_has_its_title_and_description_in_six_languages(demo):
    from consultations.models import ConsultationCall

    call = ConsultationCall.objects.get(code="WSIS20")
    languages = {"ar", "zh-hans", "en", "fr", "ru", "es"}
    assert set(call.title) == languages
    assert set(call.description) == languages


def test_the_coming_meeting_has_translations_under_way(demo):
    from documents.models import TranslationRequest

    requests = TranslationRequest.objects.filter(document__meeting__number=45)
    assert sorted(requests.values_list("language", flat=True)) == ["es", "fr", "ru", "zh"]
    assert requests.get(language="fr").state == TranslationRequest.State.IN_TRANSLATION
