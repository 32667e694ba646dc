"""Comparing two revisions or languages of a document, on the page and as tracked changes."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from cwg.files import safe_download_name
from documents.models import Document, Language
from documents.views.common import document_or_404

FOLD_AFTER = 3  # a run of more unchanged paragraphs than this folds away, keeping one each side


def _compare_choice(request: HttpRequest, document: Document):
    """(language, older, newer, languages, revisions) from the query, or the defaults."""
    from documents.services import compare

    languages = compare.languages_to_compare(document=document, user=request.user)
    asked = request.GET.get("language", "").strip()
    page_language = (request.LANGUAGE_CODE or "en")[:2]
    if asked in Language.values:
        language = asked
    elif page_language in languages:
        language = page_language
    else:
        language = "en" if "en" in languages else (languages[0] if languages else "en")
    files = compare.comparable_files(document=document, language=language, user=request.user)
    pair = compare.default_pair(files)
    older_text, newer_text = request.GET.get("from", ""), request.GET.get("to", "")
    if older_text.isdecimal() and newer_text.isdecimal():
        pair = (int(older_text), int(newer_text))
    elif older_text or newer_text:
        pair = None
    return language, pair, languages, sorted(files)


def _comparison_or_404(request: HttpRequest, pk: int):
    from documents.services import compare

    document = document_or_404(request, pk)
    language, pair, languages, revisions = _compare_choice(request, document)
    result = None
    if pair is not None:
        result = compare.compare_revisions(
            document=document, language=language, older=pair[0], newer=pair[1], user=request.user
        )
    return document, language, pair, languages, revisions, result


def _folded(blocks) -> list[dict]:
    """Blocks for the template: long unchanged runs become one foldable group."""
    rows, run = [], []

    def flush(last: bool) -> None:
        if len(run) > FOLD_AFTER:
            head = [] if not rows else run[:1]
            tail = [] if last else run[-1:]
            hidden = run[len(head) : len(run) - len(tail)]
            rows.extend({"block": block} for block in head)
            rows.append({"folded": hidden})
            rows.extend({"block": block} for block in tail)
        else:
            rows.extend({"block": block} for block in run)
        run.clear()

    for block in blocks:
        if block.kind == "equal":
            run.append(block)
            continue
        flush(last=False)
        rows.append({"block": block})
    flush(last=True)
    return rows


def compare(request: HttpRequest, pk: int) -> HttpResponse:
    document, language, pair, languages, revisions, result = _comparison_or_404(request, pk)
    asked = "from" in request.GET or "to" in request.GET
    if pair is not None and result is None and (asked or len(revisions) >= 2):
        raise Http404  # a revision that does not exist, or that this viewer may not open
    view = "side" if request.GET.get("view") == "side" else "inline"
    context = {
        "document": document,
        "language": language,
        "language_name": Language(language).label,
        "languages": [(code, Language(code).label) for code in languages],
        "revisions": revisions,
        "pair": pair,
        "result": result,
        "rows": _folded(result.comparison.blocks) if result else [],
        "view": view,
        "rtl": language == "ar",
    }
    return render(request, "documents/compare.html", context)


def compare_docx(request: HttpRequest, pk: int) -> HttpResponse:
    from documents.services import compare as compare_service

    document, language, pair, languages, revisions, result = _comparison_or_404(request, pk)
    if result is None:
        raise Http404
    data = compare_service.tracked_changes_docx(result, author=str(COMPARE_AUTHOR))
    base = (document.symbol or f"draft-{document.pk}").split("(Rev.")[0]
    name = safe_download_name(
        symbol=f"{base}(Rev.{pair[0]}-Rev.{pair[1]})", language=language, extension=".docx"
    )
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


COMPARE_AUTHOR = "Secretariat"  # the author Word shows on each change; a role, not a person
