"""A document's title in the six languages: the secretariat's entries, and the title a language
version's file carries when that language has none yet."""

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from cwg.exceptions import InvalidTransition, NotAllowed
from cwg.multilingual import clean_translations
from documents import permissions
from documents.models import Document, Language

TITLE_MAX_LENGTH = Document._meta.get_field("title").max_length


@transaction.atomic
def set_document_titles(
    *, document: Document, by: User, title_language: str, titles: dict[str, str]
) -> Document:
    """Set the language the title was first written in and the title in each language: the
    one in title_language becomes the title, the others its translations (empty ones removed)."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_edit_titles(user=by, document=document):
        raise NotAllowed(_("Only the secretariat enters a document's titles."))
    if title_language not in Language.values:
        raise InvalidTransition(_("Choose one of the six languages for the original title."))
    texts = clean_translations(titles)
    if any(len(text) > TITLE_MAX_LENGTH for text in texts.values()):
        raise InvalidTransition(_("A title is at most 500 characters long."))
    original = texts.pop(title_language, "")
    if not original:
        raise InvalidTransition(_("Enter the title in the language it was first written in."))
    with reversion.create_revision():
        document.title = original
        document.title_language = title_language
        document.titles = texts
        document.save(update_fields=["title", "title_language", "titles", "updated_at"])
        reversion.set_user(by)
        reversion.set_comment("Titles in the six languages")
    return document


def take_title_from_file(*, document: Document, language: str, title: str) -> bool:
    """A language version's file names its title: keep it when that language has none yet.
    Called inside the upload's transaction; returns whether the title was taken."""
    title = " ".join((title or "").split())[:TITLE_MAX_LENGTH]
    if not title or language not in Language.values:
        return False
    if language == document.title_language or document.titles.get(language):
        return False
    if title in document.all_titles.values():
        return False  # the original's heading kept in a translated file is no translation
    document.titles = {**document.titles, language: title}
    document.save(update_fields=["titles", "updated_at"])
    return True
