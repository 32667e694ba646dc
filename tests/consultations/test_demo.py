import io
import zipfile

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from consultations.models import ConsultationCall, Submission
from consultations.selectors import call_statistics

pytestmark = pytest.mark.django_db


def test_demo_call_statistics_come_from_rows(demo, client):
    call = ConsultationCall.objects.get(code="WSIS20")
    totals = call_statistics(call=call, for_moderators=True)["totals"]
    assert totals["received"] == 97
    assert totals["published"] == 62
    assert totals["accepted_without_consent"] == 11
    assert Submission.objects.filter(call=call).count() == 97
    assert len({item.stakeholder_type for item in Submission.objects.filter(call=call)}) == 7
    page = client.get(reverse("consultations:statistics", args=["WSIS20"])).content.decode()
    assert '<td class="received">97</td>' in page
    assert '<td class="published">62</td>' in page


def test_demo_inputs_went_through_moderation_with_history(demo):
    call = ConsultationCall.objects.get(code="WSIS20")
    assert call.status == "closed"
    items = list(Submission.objects.filter(call=call).prefetch_related("decisions__decided_by"))
    steps = {
        "published": ["accepted", "published"],
        "accepted": ["accepted"],
        "rejected": ["rejected"],
        "withdrawn": ["withdrawn"],
    }
    for item in items:
        decisions = list(item.decisions.all())
        assert [decision.to_status for decision in decisions] == steps[item.status]
        assert all(decision.decided_at > item.submitted_at for decision in decisions)
        if item.status != "withdrawn":
            assert {decision.decided_by.username for decision in decisions} == {"secretariat"}
        if item.status == "rejected":
            assert decisions[0].reason
        # the follow-up demo tags some inputs with action lines: a version of its own
        versions = Version.objects.get_for_object(item).exclude(
            revision__comment="Tagged with action lines and SDGs"
        )
        assert versions.count() == 1 + len(decisions)
    assert Version.objects.get_for_object(call).count() == 2  # opened, closed


def test_demo_docx_lists_62_inputs(demo, client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.filter(is_superuser=False, groups__name="Secretariat").first())
    response = client.get(reverse("consultations:export_docx", args=["WSIS20"]))
    assert zipfile.is_zipfile(io.BytesIO(response.content))
    document = docx.Document(io.BytesIO(response.content))
    inputs = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(inputs) == 62
    assert document.tables[0].rows[1].cells[1].text == "97"


def test_second_load_does_not_move_the_open_call(demo):  # rolled back after the test
    open_call = ConsultationCall.objects.get(code="WSISSDG26")
    assert open_call.accepts_input(now=timezone.now())
    call_command("load_demo", stdout=io.StringIO())
    again = ConsultationCall.objects.get(code="WSISSDG26")
    assert again.closes_at == open_call.closes_at
    assert ConsultationCall.objects.count() == 2


@pytest.mark.parametrize("language", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_demo_pages_render_in_every_language(demo, client, language):
    from django.contrib.auth.models import User

    client.force_login(User.objects.filter(groups__name="Secretariat").first())
    for name in ("detail", "published", "statistics", "moderation", "submit"):
        for code in ("WSIS20", "WSISSDG26"):
            response = client.get(
                reverse(f"consultations:{name}", args=[code]), HTTP_ACCEPT_LANGUAGE=language
            )
            assert response.status_code == 200, (name, code)
    assert client.get(reverse("consultations:list")).status_code == 200
