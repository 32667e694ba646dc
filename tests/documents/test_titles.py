"""Titles in six languages (issue 14, point 3): the original plus translations, shown in the
page's language with lang and dir when they are in another one."""

import io

import pytest
import reversion
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
from rest_framework.test import APIClient

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.multilingual import language_of_title, shown_in
from cwg.search.engine import search
from documents.services import add_file, set_document_titles
from tests.documents.test_pages import published

pytestmark = pytest.mark.django_db

ARABIC = "رؤى بشأن خطوط العمل"
FRENCH = "Points de vue sur les grandes orientations"


@pytest.fixture
def document(meeting, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (document,) = published(meeting, people, 1, title="Views on action lines")
        return set_document_titles(
            document=document,
            by=people["secretariat"],
            title_language="en",
            titles={"en": document.title, "ar": ARABIC, "fr": FRENCH},
        )


def page(client, url: str, language: str) -> str:
    client.cookies["django_language"] = language
    return client.get(url).content.decode()


def test_the_title_is_in_the_asked_language_else_the_original(document):
    assert document.title_in("fr").text == FRENCH
    arabic = document.title_in("ar")
    assert (arabic.text, arabic.lang, arabic.dir, arabic.is_foreign) == (ARABIC, "ar", "rtl", False)
    russian = document.title_in("ru")  # none in Russian: the original, marked as English
    assert (russian.text, russian.lang, russian.dir, russian.is_foreign) == (
        "Views on action lines 0",
        "en",
        "ltr",
        True,
    )
    assert shown_in("zh-hans", "Hello", "en", {"zh": "你好"}).text == "你好"
    assert document.all_titles == {"ar": ARABIC, "en": "Views on action lines 0", "fr": FRENCH}


def test_a_new_title_is_taken_to_be_in_its_script_or_the_authors_language():
    assert language_of_title("مشروع جدول الأعمال") == "ar"
    assert language_of_title("会议开幕") == "zh"
    assert language_of_title("Открытие собрания") == "ru"
    assert language_of_title("Ordre du jour", written_in="fr") == "fr"
    assert language_of_title("Agenda", written_in="ar") == "en"


def test_pages_show_the_pages_language_with_lang_and_dir_on_another(document, client):
    listing = reverse("documents:meeting_list", args=[document.meeting.number])
    arabic = page(client, listing, "ar")
    assert ARABIC in arabic
    assert "Views on action lines 0" not in arabic
    french = page(client, document.get_absolute_url(), "fr")
    assert f'<h1 dir="auto" data-user-content translate="no">{FRENCH}</h1>' in french
    russian = page(client, document.get_absolute_url(), "ru")
    assert (
        '<h1 dir="auto" data-user-content translate="no">'
        '<span lang="en" dir="ltr">Views on action lines 0</span></h1>' in russian
    )
    english = page(client, document.get_absolute_url(), "en")
    assert '<h1 dir="auto" data-user-content translate="no">Views on action lines 0</h1>' in english


def test_an_agenda_item_and_the_group_name_follow_the_page(meeting, client):
    from tests.meetings.factories import AgendaItemFactory

    AgendaItemFactory(
        meeting=meeting, number="3", title="Any other business", titles={"ar": "ما يستجد"}
    )
    meeting.working_group.names = {"fr": "Groupe de travail du Conseil"}
    meeting.working_group.save()
    meeting_page = reverse("meetings:detail", args=[meeting.number])
    assert "ما يستجد" in page(client, meeting_page, "ar")
    assert '<span lang="en" dir="ltr">Any other business</span>' in page(client, meeting_page, "fr")
    assert "Groupe de travail du Conseil" in page(client, "/", "fr")


def test_the_secretariat_enters_titles_on_the_titles_page(document, as_role):
    url = reverse("documents:titles", args=[document.pk])
    client = as_role("secretariat")
    assert 'lang="ar" dir="rtl"' in client.get(url).content.decode()
    assert url in client.get(document.get_absolute_url()).content.decode()
    posted = {
        "title_language": "en",
        "title_en": document.title,
        "title_ru": "Взгляды",
        "title_ar": "",
    }
    response = client.post(url, posted)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.titles == {"ru": "Взгляды"}  # an emptied language is removed


def test_the_titles_page_refuses_others_and_keeps_bad_input(document, as_role):
    url = reverse("documents:titles", args=[document.pk])
    assert as_role("delegate").get(url).status_code == 403
    assert as_role("chair").post(url, {"title_language": "en"}).status_code == 403
    client = as_role("secretariat")
    response = client.post(url, {"title_language": "es", "title_fr": "Gardé tel quel"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter the title in the language it was first written in." in body
    assert "Gardé tel quel" in body
    document.refresh_from_db()
    assert document.title_language == "en"


def test_setting_titles_is_in_the_history_and_refused_to_others(document, people, as_role):
    versions = reversion.models.Version.objects.get_for_object(document)
    assert versions.first().revision.comment == "Titles in the six languages"
    assert versions.first().revision.user == people["secretariat"]
    history = as_role("secretariat").get(reverse("documents:history", args=[document.pk]))
    assert "Titles in the six languages" in history.content.decode()
    with pytest.raises(NotAllowed):
        set_document_titles(
            document=document, by=people["delegate"], title_language="en", titles={"en": "x"}
        )
    with pytest.raises(InvalidTransition):
        set_document_titles(
            document=document, by=people["secretariat"], title_language="xx", titles={"xx": "x"}
        )


def test_the_api_gives_every_title_and_the_original_language(document):
    body = APIClient().get(reverse("document-detail", args=[document.pk])).json()
    assert body["title_language"] == "en"
    assert body["titles"] == {"ar": ARABIC, "en": "Views on action lines 0", "fr": FRENCH}


def test_search_finds_the_document_by_its_arabic_title(document, people):
    results = search(user=people["public"], text="خطوط العمل", filters={}, per_page=10)
    assert document.pk in [hit.object_id for hit in results.hits]


def test_search_results_show_the_title_in_the_pages_language(document, client):
    """A French reader finds the document by its English words and reads its French title; a
    Russian reader, with no Russian title, reads the original marked as English."""
    url = reverse("search:page") + "?q=action"
    assert FRENCH in page(client, url, "fr")
    russian = page(client, url, "ru")
    assert '<span lang="en" dir="ltr">Views on <mark>action</mark> lines 0</span>' in russian
    assert '<span lang="en"' not in page(client, url, "en")


def docx_with(*, title: str = "", heading: str = "") -> SimpleUploadedFile:
    word = WordDocument()
    word.core_properties.title = title
    if heading:
        word.add_heading(heading, level=1)
    word.add_paragraph("Le texte de la contribution.")
    buffer = io.BytesIO()
    word.save(buffer)
    return SimpleUploadedFile("version.docx", buffer.getvalue())


def pdf_with(title: str) -> SimpleUploadedFile:
    """One page of text ("Texto del documento") and the title in the PDF's metadata."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    text = DecodedStreamObject()
    text.set_data(b"BT /F1 12 Tf 20 100 Td (Texto del documento) Tj ET")
    page.replace_contents(text)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile("version.pdf", buffer.getvalue())


def test_a_language_versions_file_brings_its_title_when_there_is_none(
    draft, people, django_capture_on_commit_callbacks
):
    delegate = people["delegate"]
    with django_capture_on_commit_callbacks(execute=True):
        add_file(
            document=draft, upload=docx_with(title="Projet de l'Égypte"), language="fr", by=delegate
        )
        add_file(
            document=draft, upload=docx_with(heading="Проект Египта"), language="ru", by=delegate
        )
        add_file(document=draft, upload=docx_with(heading=draft.title), language="ar", by=delegate)
    draft.refresh_from_db()
    assert draft.titles == {"fr": "Projet de l'Égypte", "ru": "Проект Египта"}
    with django_capture_on_commit_callbacks(execute=True):  # French has one: it stays
        add_file(
            document=draft,
            upload=docx_with(title="Autre titre"),
            language="fr",
            by=delegate,
            replace=True,
        )
    draft.refresh_from_db()
    assert draft.titles["fr"] == "Projet de l'Égypte"


def test_a_pdfs_metadata_title_is_taken(draft, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stored = add_file(
            document=draft,
            upload=pdf_with("Proyecto de Egipto"),
            language="es",
            by=people["delegate"],
        )
    stored.refresh_from_db()
    draft.refresh_from_db()
    assert draft.titles.get("es") == "Proyecto de Egipto", stored.extraction_error
