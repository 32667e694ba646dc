"""Which two files a person may compare, and their comparison (cached until either changes).

The files are chosen through selectors.file_for_download, the function the download uses, so a
comparison never shows a revision its viewer could not download.
"""

from dataclasses import dataclass

from django.core.cache import cache

from documents import selectors
from documents.models import Document, DocumentFile
from documents.services.compare.diff import Comparison, compare_texts
from documents.services.compare.tracked_docx import docx_styles, tracked_docx

ENGINE_VERSION = 1  # bump when the comparison's output changes: old cache entries are ignored
CACHE_SECONDS = 60 * 60 * 24 * 7


@dataclass
class RevisionComparison:
    document: Document
    language: str
    older: DocumentFile
    newer: DocumentFile
    comparison: Comparison


def comparable_files(*, document: Document, language: str, user) -> dict[int, DocumentFile]:
    """revision -> the current file of that revision in this language the user may download."""
    candidates = (
        DocumentFile.objects.filter(
            document=document, language=language, state=DocumentFile.State.CURRENT
        )
        .order_by("-revision", "-uploaded_at", "-pk")
        .values_list("pk", "revision")
    )
    files: dict[int, DocumentFile] = {}
    for pk, revision in candidates:
        if revision in files:
            continue  # an older upload of the same revision was replaced by the newer one
        stored = selectors.file_for_download(user=user, pk=pk)
        if stored is not None:
            files[revision] = stored
    return files


def stored_revision_file(*, document: Document, language: str, revision: int):
    """The current file of one revision, for trusted callers only (the management command)."""
    return (
        DocumentFile.objects.defer("text")
        .filter(
            document=document,
            language=language,
            revision=revision,
            state=DocumentFile.State.CURRENT,
        )
        .order_by("-uploaded_at", "-pk")
        .first()
    )


def languages_to_compare(*, document: Document, user) -> list[str]:
    """Languages with at least two revisions the user may open."""
    pairs = set(DocumentFile.objects.filter(document=document).values_list("language", "revision"))
    languages = sorted({language for language, _ in pairs})
    return [
        language
        for language in languages
        if len(comparable_files(document=document, language=language, user=user)) >= 2
    ]


def default_pair(files: dict[int, DocumentFile]) -> tuple[int, int] | None:
    """The latest revision the user may open against the one before it."""
    revisions = sorted(files)
    return (revisions[-2], revisions[-1]) if len(revisions) >= 2 else None


def _texts(older: DocumentFile, newer: DocumentFile) -> tuple[str, str]:
    texts = dict(DocumentFile.objects.filter(pk__in=[older.pk, newer.pk]).values_list("pk", "text"))
    return texts.get(older.pk, ""), texts.get(newer.pk, "")


def compare_files(*, older: DocumentFile, newer: DocumentFile, language: str) -> Comparison:
    """The comparison of two stored files' extracted text; cached by their contents."""
    key = f"documents:compare:v{ENGINE_VERSION}:{language}:{older.sha256}:{newer.sha256}"
    comparison = cache.get(key)
    if comparison is None:
        comparison = compare_texts(*_texts(older, newer))
        cache.set(key, comparison, CACHE_SECONDS)
    return comparison


def compare_revisions(
    *, document: Document, language: str, older: int, newer: int, user
) -> RevisionComparison | None:
    """None when either revision does not exist in that language or the user may not open it."""
    if older == newer:
        return None
    files = comparable_files(document=document, language=language, user=user)
    if older not in files or newer not in files:
        return None
    return RevisionComparison(
        document=document,
        language=language,
        older=files[older],
        newer=files[newer],
        comparison=compare_files(older=files[older], newer=files[newer], language=language),
    )


def _file_bytes(stored: DocumentFile) -> bytes | None:
    if stored.kind != "docx":
        return None
    with stored.file.open("rb") as handle:
        return handle.read()


def tracked_changes_docx(result: RevisionComparison, *, author: str) -> bytes:
    """The newer revision with the changes from the older marked, dated when it was uploaded."""
    older_styles = newer_styles = None
    if result.older.kind == "docx" and result.newer.kind == "docx":
        older_styles = docx_styles(_file_bytes(result.older))
        newer_styles = docx_styles(_file_bytes(result.newer))
    return tracked_docx(
        result.comparison,
        title=str(result.document),
        language=result.language,
        author=author,
        date=result.newer.uploaded_at,
        older_styles=older_styles,
        newer_styles=newer_styles,
    )
