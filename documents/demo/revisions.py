"""Rev.0 and Rev.1 of CWG-WSIS&SDG-44/3 in English and Arabic, so "Compare revisions" has
something real to show: a few sentences changed and one paragraph moved. Written for the demo.
"""

import io

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument

from documents.models import Document
from documents.services import add_file, publish_revision, start_revision

TITLE = {
    "en": "Proposed structure of the gap analysis for Council 2026",
    "ar": "الهيكل المقترح لتحليل الثغرات لدورة المجلس لعام 2026",
}

TEXT = {
    "en": {
        "purpose_heading": "1 Purpose",
        "purpose": "This contribution proposes how the group could structure its gap analysis "
        "before the 2026 session of the Council.",
        "method_heading": "2 Method",
        "method": "Each requirement of the outcome document is compared with the mandates of ITU "
        "and with the activities of the three Sectors.",
        "coverage": "A requirement is covered when an activity answers it, partly covered when an "
        "activity answers part of it, and a gap when nothing answers it.",
        "sources_heading": "3 Sources",
        "sources": "The analysis uses the resolutions of the Plenipotentiary Conference and the "
        "reports of the WSIS Forum.",
        "timetable_heading": "4 Timetable",
        "timetable": "The secretariat prepares a first table for the next meeting.",
        "comments": "Delegations send their comments within four weeks.",
        "proposal_heading": "5 Proposal",
        "proposal": "The group is invited to agree on this structure.",
    },
    "ar": {
        "purpose_heading": "1 الغرض",
        "purpose": "تقترح هذه المساهمة طريقة لهيكلة تحليل الثغرات الذي يعده الفريق قبل دورة "
        "المجلس لعام 2026.",
        "method_heading": "2 المنهجية",
        "method": "تقارن كل مطالبة من مطالبات الوثيقة الختامية بولايات الاتحاد وبأنشطة قطاعاته "
        "الثلاثة.",
        "coverage": "تعتبر المطالبة مغطاة إذا استجاب لها نشاط، ومغطاة جزئيا إذا استجاب نشاط لجزء "
        "منها، وثغرة إذا لم يستجب لها أي نشاط.",
        "sources_heading": "3 المصادر",
        "sources": "يستند التحليل إلى قرارات مؤتمر المندوبين المفوضين وتقارير منتدى القمة "
        "العالمية.",
        "timetable_heading": "4 الجدول الزمني",
        "timetable": "تعد الأمانة جدولا أوليا للاجتماع القادم.",
        "comments": "ترسل الوفود تعليقاتها في غضون أربعة أسابيع.",
        "proposal_heading": "5 الاقتراح",
        "proposal": "الفريق مدعو إلى الموافقة على هذا الهيكل.",
    },
}

# Rev.1: two sentences reworded, one lengthened, and the timetable moved before the sources.
CHANGED_IN_REVISION_1 = {
    "en": {
        "method": TEXT["en"]["method"].replace("Sectors.", "Sectors and the General Secretariat."),
        "comments": "Delegations send their comments within six weeks.",
        "proposal": "The group is invited to agree on this structure and to review the first "
        "table at its next meeting.",
    },
    "ar": {
        "method": TEXT["ar"]["method"].replace("الثلاثة.", "الثلاثة والأمانة العامة."),
        "comments": "ترسل الوفود تعليقاتها في غضون ستة أسابيع.",
        "proposal": "الفريق مدعو إلى الموافقة على هذا الهيكل وإلى استعراض الجدول الأولي في "
        "اجتماعه القادم.",
    },
}
ORDER_0 = list(TEXT["en"])
ORDER_1 = [
    *ORDER_0[:5],
    "timetable_heading",
    "timetable",
    "comments",
    "sources_heading",
    "sources",
    *ORDER_0[-2:],
]
REVISION_0 = {language: [TEXT[language][key] for key in ORDER_0] for language in TEXT}
REVISION_1 = {
    language: [{**TEXT[language], **CHANGED_IN_REVISION_1[language]}[key] for key in ORDER_1]
    for language in TEXT
}


def docx_bytes(language: str, revision: int) -> bytes:
    """The revision as a Word file: numbered lines are headings, the rest paragraphs."""
    paragraphs = (REVISION_1 if revision else REVISION_0)[language]
    word = WordDocument()
    word.add_heading(TITLE[language], level=1)
    for text in paragraphs:
        if text[:1].isdigit():
            word.add_heading(text, level=2)
        else:
            word.add_paragraph(text)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _upload(language: str, revision: int) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        f"gap-analysis-structure-rev{revision}-{language}.docx", docx_bytes(language, revision)
    )


def attach_revisions(*, document: Document, by: User) -> Document:
    """Give a published Rev.0 document these Rev.0 files, start Rev.1, add its files, publish it.

    Called instead of the plain start_revision of the demo's revised document. Idempotent: a
    document already past Rev.0 is left as it is.
    """
    if document.revision:
        return document
    for language in REVISION_0:  # they replace the placeholder file the document was filed with
        add_file(
            document=document,
            upload=_upload(language, 0),
            language=language,
            by=by,
            replace=True,
        )
    document = start_revision(document=document, by=by)
    for language in REVISION_1:
        add_file(document=document, upload=_upload(language, 1), language=language, by=by)
    return publish_revision(document=document, by=by)
