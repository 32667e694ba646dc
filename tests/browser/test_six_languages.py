"""A signed-in delegate goes through the six languages on the pages a delegate works with.

On the demo: the meeting, a document, the upload form, a consultation, the follow-up and the
search. The delegate changes language with the switcher in the page, as a person would; each
page then says it is in that language and shows no English interface text outside user content.
"""

import io

import pytest
from django.core.management import call_command

from documents.models import Document
from tests.browser.conftest import sign_in
from tests.browser.english import english_left

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "ar", "es", "fr", "ru", "zh-hans")


@pytest.mark.timeout(300)
def test_a_delegate_reads_every_working_page_in_six_languages(page):
    call_command("load_demo", stdout=io.StringIO())
    document = Document.objects.filter(
        meeting__number=44, status=Document.Status.PUBLISHED, access=Document.Access.PUBLIC
    ).first()
    pages = {
        "meeting": "/meetings/44/",
        "document": f"/documents/{document.pk}/",
        "upload": "/documents/meeting/45/new/",
        "consultation": "/consultations/WSIS20/",
        "follow-up": "/meetings/actions/mine/",
        "record": "/meetings/44/record-package/",
        "digest": "/my/digest/",
        "search": "/search/?q=WSIS",
    }
    sign_in(page, "delegate.eg", "demo-delegate-2026")
    english: list[str] = []
    for language in LANGUAGES:
        page.goto(pages["meeting"])
        page.click(f".language-switcher a[hreflang={language}]")
        page.wait_for_selector(f"html[lang={language}]")
        for name, path in pages.items():
            response = page.goto(path)
            assert response.status == 200, f"{name} {path} in {language}: {response.status}"
            assert page.get_attribute("html", "lang") == language
            assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
            if language == "en":
                # The same reading finds the English page English: the check can see the page.
                assert english_left(page, "fr"), f"{name}: no English found on the English page"
            else:
                left = english_left(page, language)
                english += [f"{name} {path} [{language}]: {text}" for text in left]
        assert page.locator(".account").count() == 1, "signed out on the way"
    assert not english, f"{len(english)} English texts left:\n" + "\n".join(english)
