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
    assert first["meetings.Meeting"] == 2
    assert first["documents.Document"] == 32


def test_demo_documents_match_the_two_meetings(demo):
    from documents.models import Document

    documents = Document.objects.all()
    main_series = documents.exclude(kind=Document.Kind.INFORMATION)
    assert main_series.count() == 26
    assert documents.filter(kind=Document.Kind.INFORMATION).count() == 6
    assert documents.filter(kind=Document.Kind.SUMMARY, status="published").count() == 1
    assert documents.filter(is_late=True, late_approved_at__isnull=False).count() == 1
    assert documents.filter(revision=1).count() == 1
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


def test_the_demo_has_a_cosponsored_contribution(demo):
    from documents.models import Document

    document = Document.objects.prefetch_related("source_states", "cosponsors__member_state").get(
        title="Priorities for ITU after the WSIS+20 review"
    )
    assert document.source == "Egypt, Sweden"
