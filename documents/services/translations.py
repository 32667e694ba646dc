"""Translation requests: the secretariat asks for the missing language versions of documents and
moves each one along until it is published. Every change is a reversion revision (history)."""

import datetime as dt
from collections.abc import Iterable

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from cwg.exceptions import NotAllowed
from documents import permissions
from documents.exceptions import TranslationRefused
from documents.models import (
    AWAITING_FILE,
    TRANSLATION_MOVES,
    Document,
    DocumentFile,
    Language,
    TranslationRequest,
)
from documents.services.files import add_file

State = TranslationRequest.State


def _require_manager(by: User) -> None:
    if not permissions.can_manage_translations(user=by):
        raise NotAllowed(_("Only the secretariat manages translations."))


def _require_translatable(document: Document) -> None:
    if document.number is None or document.status == Document.Status.WITHDRAWN:
        raise TranslationRefused(
            _("Only registered documents that are not withdrawn are translated.")
        )


def _current_languages(document: Document) -> set[str]:
    return set(
        document.files.filter(state=DocumentFile.State.CURRENT).values_list("language", flat=True)
    )


def _lock(documents: list[Document]) -> list[Document]:
    """The documents as they are now, locked: two people requesting for the same document wait
    for each other (no duplicate rows), and a document withdrawn meanwhile is seen so."""
    pks = sorted({document.pk for document in documents})
    return list(
        Document.objects.select_for_update(of=("self",))
        .select_related("meeting__working_group")
        .filter(pk__in=pks)
        .order_by("pk")
    )


def _record(by: User, comment: str) -> None:
    reversion.set_user(by)
    reversion.set_comment(comment)


@transaction.atomic
def request_translations(
    *, documents: Iterable[Document], by: User, due: dt.date | None = None
) -> list[TranslationRequest]:
    """One action: every language a document has no file and no request in is requested (a
    language marked not required is asked for again only through its own cell)."""
    _require_manager(by)
    documents = list(documents)
    if not documents:
        raise TranslationRefused(_("Choose at least one document."))
    documents = _lock(documents)
    created = []
    with reversion.create_revision():
        for document in documents:
            _require_translatable(document)
            taken = _current_languages(document) | set(
                document.translation_requests.values_list("language", flat=True)
            )
            for language in Language.values:
                if language in taken:
                    continue
                created.append(
                    TranslationRequest.objects.create(
                        document=document, language=language, due=due, requested_by=by
                    )
                )
        _record(by, "Requested translations: " + _languages_named(created))
    return created


def _languages_named(requests: list[TranslationRequest]) -> str:
    return ", ".join(f"{request.document} {request.language}" for request in requests) or "none"


def _locked(cell: TranslationRequest) -> TranslationRequest:
    return (
        TranslationRequest.objects.select_for_update(of=("self",))
        .select_related("document__meeting__working_group", "file")
        .get(pk=cell.pk)
    )


def _refuse_move(cell: TranslationRequest, to_state: str) -> TranslationRefused:
    if to_state not in State.values:
        return TranslationRefused(_("Choose one of the states of a translation."))
    return TranslationRefused(
        _("A translation that is %(state)s cannot become %(target)s.")
        % {"state": cell.get_state_display().lower(), "target": str(State(to_state).label).lower()}
    )


@transaction.atomic
def advance(*, cell: TranslationRequest, to_state: str, by: User) -> TranslationRequest:
    """Move a cell along TRANSLATION_MOVES; publishing needs the delivered file still current."""
    _require_manager(by)
    cell = _locked(cell)
    if to_state not in State.values or to_state not in TRANSLATION_MOVES[cell.state]:
        if to_state == State.DELIVERED and cell.state in AWAITING_FILE:
            raise TranslationRefused(_("Upload the translated file: that delivers it."))
        raise _refuse_move(cell, to_state)
    _require_translatable(cell.document)
    if to_state == State.PUBLISHED and (
        cell.file is None or cell.file.state != DocumentFile.State.CURRENT
    ):
        raise TranslationRefused(_("The delivered file was removed: upload it again first."))
    if to_state == State.REQUESTED:
        cell.requested_by = by
    with reversion.create_revision():
        previous = cell.state
        cell.state = to_state
        cell.save()
        _record(by, f"Translation {cell.document} {cell.language}: {previous} -> {to_state}")
    return cell


@transaction.atomic
def mark_not_required(*, document: Document, language: str, by: User) -> TranslationRequest:
    """A language nobody needs for this document: requested or not yet, never once delivered."""
    _require_manager(by)
    if language not in Language.values:
        raise TranslationRefused(_("Choose one of the six languages."))
    (document,) = _lock([document])
    _require_translatable(document)
    cell = TranslationRequest.objects.filter(document=document, language=language).first()
    if cell is not None:
        return advance(cell=cell, to_state=State.NOT_REQUIRED, by=by)
    if language in _current_languages(document):
        raise TranslationRefused(_("This language version exists already."))
    with reversion.create_revision():
        cell = TranslationRequest.objects.create(
            document=document, language=language, state=State.NOT_REQUIRED, requested_by=by
        )
        _record(by, f"Translation {document} {language}: not required")
    return cell


@transaction.atomic
def deliver(
    *, cell: TranslationRequest, upload, by: User, original_name: str = ""
) -> TranslationRequest:
    """The translators' file, through the normal upload checks, as that language's version."""
    _require_manager(by)
    cell = _locked(cell)
    _require_translatable(cell.document)
    if cell.state not in AWAITING_FILE:
        raise _refuse_move(cell, State.DELIVERED)
    file = add_file(
        document=cell.document,
        upload=upload,
        language=cell.language,
        by=by,
        original_name=original_name,
    )
    with reversion.create_revision():
        cell.state = State.DELIVERED
        cell.file = file
        cell.save()
        _record(by, f"Translation {cell.document} {cell.language}: delivered {file.original_name}")
    return cell
