"""Statistics that name no author: breakdowns count published inputs only; the public sees no
total of one or two (issue 20, item 8; L3: a withdrawn input showed "Andorra 1")."""

import io

import docx
import pytest
from django.urls import reverse

from consultations.selectors import call_statistics
from tests.consultations.factories import SubmissionFactory
from tests.cwg.factories import member_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def inputs(call):
    """Four published from Egypt; one each received, rejected and withdrawn from Andorra,
    Sweden and Brazil; an accepted one from Rwanda."""
    for number in range(1, 5):
        SubmissionFactory(call=call, number=number, status="published", country=member_state("EG"))
    for number, status, iso in [
        (5, "withdrawn", "AD"),
        (6, "rejected", "SE"),
        (7, "received", "BR"),
        (8, "accepted", "RW"),
    ]:
        SubmissionFactory(
            call=call,
            number=number,
            status=status,
            country=member_state(iso),
            stakeholder_type="academia",
        )
    return call


def test_breakdowns_count_published_inputs_only(inputs):
    for for_moderators in (False, True):
        stats = call_statistics(call=inputs, for_moderators=for_moderators)
        assert [name for name, _count in stats["by_country"]] == ["Egypt"]
        assert dict(stats["by_stakeholder_type"])["Academia"] == 0
        assert sum(count for _label, count in stats["by_itu_region"]) == 4


def test_the_public_sees_no_total_of_one_or_two(inputs, client, as_role):
    public = call_statistics(call=inputs, for_moderators=False)["totals"]
    assert public == {
        "received": 8,
        "accepted": 5,
        "rejected": None,
        "published": 4,
        "withdrawn": None,
        "accepted_without_consent": 0,
    }
    exact = call_statistics(call=inputs, for_moderators=True)["totals"]
    assert (exact["rejected"], exact["withdrawn"]) == (1, 1)
    url = reverse("consultations:statistics", args=[inputs.code])
    page = client.get(url).content.decode()
    assert "Andorra" not in page
    assert "Sweden" not in page
    assert "Egypt" in page
    assert '<td class="rejected">fewer than 3</td>' in page
    assert '<td class="withdrawn">fewer than 3</td>' in page
    moderator_page = as_role("secretariat").get(url).content.decode()
    assert '<td class="rejected">1</td>' in moderator_page
    assert "Andorra" not in moderator_page


def test_the_arabic_page_says_fewer_than_three(inputs, client):
    url = reverse("consultations:statistics", args=[inputs.code])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<td class="rejected">أقل من 3</td>' in page


def test_api_gives_the_public_null_and_moderators_the_count(inputs, client, as_role):
    url = f"/api/v1/consultations/{inputs.pk}/"
    assert client.get(url).json()["statistics"]["withdrawn"] is None
    assert as_role("secretariat").get(url).json()["statistics"]["withdrawn"] == 1


def test_the_compiled_inputs_carry_the_publics_statistics(inputs, as_role):
    response = as_role("secretariat").get(reverse("consultations:export_docx", args=[inputs.code]))
    word = docx.Document(io.BytesIO(response.content))
    rows = {row.cells[0].text: row.cells[1].text for row in word.tables[0].rows}
    assert rows["Withdrawn"] == "fewer than 3"
    assert rows["Published"] == "4"
    assert "Andorra" not in "\n".join(p.text for p in word.paragraphs)
