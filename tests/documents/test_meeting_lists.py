"""The meeting's documents as delegates reach them (issue 22): one click to a file in their
language, grouped by agenda item, and no language assumed on the upload forms."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from cwg.language_badges import LanguageBadge
from documents.models import Document
from documents.selectors.listing import language_badges
from documents.services import add_file, publish_revision, start_revision, withdraw_document
from tests.documents.factories import docx_upload
from tests.documents.factories import published_document as publish
from tests.meetings.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(meeting):
    return [
        AgendaItemFactory(meeting=meeting, number="3", title="WSIS+20 outcome", order=1),
        AgendaItemFactory(meeting=meeting, number="4", title="Gap analysis", order=2),
    ]


def list_url(meeting, **query) -> str:
    url = reverse("documents:meeting_list", args=[meeting.number])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def titles(rows) -> list[str]:
    return [row.document.title for row in rows]


def test_the_list_groups_documents_by_agenda_item(meeting, people, agenda, client):
    outcome, gaps = agenda
    publish(meeting, people, "Briefing", items=[outcome])
    publish(meeting, people, "Mapping", items=[outcome, gaps])
    publish(meeting, people, "Loose")
    publish(meeting, people, "Events", kind=Document.Kind.INFORMATION, items=[gaps])

    groups = client.get(list_url(meeting)).context["groups"]

    assert [group.item for group in groups.items] == [outcome, gaps]
    assert titles(groups.items[0].rows) == ["Briefing", "Mapping"]
    assert titles(groups.items[1].rows) == ["Mapping"]  # under both of its items
    assert titles(groups.unassigned) == ["Loose"]
    assert titles(groups.information) == ["Events"]  # in its own group, whatever its items


def test_the_list_sorts_by_symbol_on_request(meeting, people, agenda, client):
    publish(meeting, people, "First", items=[agenda[1]])
    publish(meeting, people, "Second", items=[agenda[0]])
    response = client.get(list_url(meeting, order="symbol"))
    assert response.context["groups"] is None
    assert titles(response.context["rows"]) == ["First", "Second"]
    html = response.content.decode()
    assert html.index("CWG-WSIS&amp;SDG-44/1") < html.index("CWG-WSIS&amp;SDG-44/2")


def test_the_agenda_item_filter_keeps_that_items_documents(meeting, people, agenda, client):
    outcome, gaps = agenda
    publish(meeting, people, "Briefing", items=[outcome])
    publish(meeting, people, "Mapping", items=[outcome, gaps])
    groups = client.get(list_url(meeting, agenda_item=gaps.pk)).context["groups"]
    assert [group.item for group in groups.items] == [gaps]
    assert titles(groups.items[0].rows) == ["Mapping"]
    assert not groups.unassigned


def test_each_badge_downloads_that_languages_current_file(meeting, people, client):
    document = publish(meeting, people, "Two languages", languages=("en", "ar"))
    start_revision(document=document, by=people["secretariat"])
    revised = add_file(
        document=document,
        upload=docx_upload("Revised English text"),
        language="en",
        by=people["secretariat"],
    )
    publish_revision(document=document, by=people["secretariat"])  # a draft until published
    [row] = client.get(list_url(meeting)).context["rows"]
    badges = {badge.code: badge for badge in row.badges}
    assert badges["en"].url == reverse("documents:download", args=[revised.pk])
    assert [badge.code for badge in row.badges] == ["en", "ar"]  # the page's language first
    assert badges["en"].page_language
    assert not badges["ar"].page_language

    response = client.get(badges["en"].url)
    assert response["Content-Disposition"].startswith(
        'attachment; filename="CWG-WSIS&SDG-44_1_Rev.1_E.docx"'
    )
    assert b"".join(response.streaming_content) == revised.file.open("rb").read()


def test_the_arabic_page_puts_the_arabic_badge_first(meeting, people, client):
    publish(meeting, people, "Two languages", languages=("en", "ar"))
    client.cookies["django_language"] = "ar"
    response = client.get(list_url(meeting))
    [row] = response.context["rows"]
    assert [badge.code for badge in row.badges] == ["ar", "en"]
    html = response.content.decode()
    assert 'class="language page-language"' in html
    assert html.index('hreflang="ar"') < html.index('hreflang="en"')


def test_members_only_files_are_linked_for_members_not_the_public(meeting, people, as_role, client):
    members = publish(meeting, people, "For members", access=Document.Access.MEMBERS)
    link = reverse("documents:download", args=[members.files.get().pk])
    public_html = client.get(list_url(meeting)).content.decode()
    assert "For members" not in public_html
    assert link not in public_html
    assert client.get(link).status_code == 404
    delegate = as_role("delegate")
    assert link in delegate.get(list_url(meeting)).content.decode()
    assert delegate.get(link).status_code == 200


def test_a_withdrawn_documents_badges_are_not_links_except_for_the_secretariat(
    meeting, people, as_role
):
    document = publish(meeting, people, "Withdrawn one")
    withdraw_document(document=document, by=people["secretariat"], reason="Merged into /2.")
    link = reverse("documents:download", args=[document.files.get().pk])
    public_html = as_role("public").get(list_url(meeting)).content.decode()
    assert "Withdrawn one" in public_html
    assert link not in public_html
    assert link in as_role("secretariat").get(list_url(meeting)).content.decode()


def test_a_requested_language_shows_as_requested_not_as_a_link(meeting, people):
    document = publish(meeting, people, "English only")
    document = Document.objects.prefetch_related("files").get(pk=document.pk)
    badges = language_badges(
        document, page_language="fr", downloadable=True, requested=frozenset({"fr"})
    )
    assert [(badge.code, bool(badge.url), badge.requested) for badge in badges] == [
        ("fr", False, True),
        ("en", True, False),
    ]
    html = render_to_string("cwg/_language_badges.html", {"badges": badges})
    assert "requested" in html
    assert html.count("<a ") == 1


def test_the_badge_template_links_only_what_is_offered():
    html = render_to_string(
        "cwg/_language_badges.html",
        {
            "badges": [
                LanguageBadge(code="en", label="English", url="/f/1/", page_language=True),
                LanguageBadge(code="ar", label="Arabic"),
            ]
        },
    )
    assert 'href="/f/1/"' in html
    assert html.count("href=") == 1
    assert ">AR<" in html


def test_the_grouped_list_stays_in_constant_queries(
    meeting, people, agenda, client, django_assert_max_num_queries
):
    for i in range(2):
        publish(meeting, people, f"Early {i}", languages=("en", "ar"), items=agenda[:1])
    with django_assert_max_num_queries(13) as few:  # 13th: the languages coming, for all rows
        client.get(list_url(meeting))
    for i in range(6):
        publish(meeting, people, f"Later {i}", languages=("en", "fr"), items=agenda)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(list_url(meeting))
    html = response.content.decode()
    assert html.count("/download/") == 2 * 2 + 6 * 2 * 2  # the later ones under both items


def test_language_fields_start_empty_and_must_be_chosen(meeting, people, agenda, as_role):
    client = as_role("delegate")
    url = reverse("documents:create", args=[meeting.number])
    page = client.get(url).content.decode()
    assert '<option value="" selected>' in page
    for item in agenda:  # the meeting's agenda items are proposed, several may be ticked
        assert f'value="{item.pk}"' in page
        assert 'type="checkbox"' in page
    form = {"title": "Kept title", "access": "public", "agenda_items": [agenda[0].pk]}
    response = client.post(url, {**form, "file": docx_upload("text")})
    assert response.status_code == 400
    assert response.context["form"].errors["language"]
    assert 'value="Kept title"' in response.content.decode()
    assert not Document.objects.exists()


def test_search_results_link_each_language_to_its_current_file(meeting, people, client):
    from cwg.search.indexing import refresh

    offered = publish(meeting, people, "Broadband briefing", languages=("en", "ar"))
    withdrawn = publish(meeting, people, "Broadband withdrawn")
    withdraw_document(document=withdrawn, by=people["secretariat"], reason="Merged.")
    refresh("document", [offered.pk, withdrawn.pk])
    client.cookies["django_language"] = "ar"
    html = client.get(reverse("search:page"), {"q": "broadband"}).content.decode()
    arabic, english = offered.files.get(language="ar"), offered.files.get(language="en")
    assert reverse("documents:download", args=[arabic.pk]) in html
    assert reverse("documents:download", args=[english.pk]) in html
    assert html.index('hreflang="ar"') < html.index('hreflang="en"')  # the page's language first
    assert withdrawn.get_absolute_url() in html  # found, its file no longer offered
    assert reverse("documents:download", args=[withdrawn.files.get().pk]) not in html


def test_statuses_are_tags_with_words_not_colour_alone(meeting, people, as_role):
    published = publish(meeting, people, "Published one")
    withdrawn = publish(meeting, people, "Withdrawn one")
    withdraw_document(document=withdrawn, by=people["secretariat"], reason="Merged.")
    listing = as_role("public").get(list_url(meeting)).content.decode()
    assert '<span class="tag published">Published</span>' in listing
    assert '<span class="tag withdrawn">Withdrawn on' in listing
    page = as_role("public").get(published.get_absolute_url()).content.decode()
    assert '<span class="tag published">Published</span>' in page
