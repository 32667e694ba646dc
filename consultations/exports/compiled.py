"""The compiled DOCX of a call's published inputs: statistics first, then inputs by stakeholder
type, every answer as its author read it (labels, never codes)."""

from django.utils.translation import gettext as _
from docx import Document as DocxDocument

from consultations import selectors
from consultations.charts import total_rows
from consultations.models import ConsultationCall, Submission
from cwg.characters import clean_text


def _statistics(document, stats: dict) -> None:
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = _("Inputs")
    table.rows[0].cells[1].text = _("Count")
    for _key, label, count in total_rows(stats=stats):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, count
    document.add_paragraph(_("Published inputs by stakeholder type"), style="Heading 3")
    by_type = document.add_table(rows=0, cols=2)
    for label, count in stats["by_stakeholder_type"]:
        cells = by_type.add_row().cells
        cells[0].text, cells[1].text = str(label), str(count)


def write_docx(*, call: ConsultationCall, out) -> None:
    """Every text through clean_text: an input saved before cleaning may hold a control
    character, which python-docx refuses."""
    # The compilation becomes a public information document: the public's statistics.
    stats = selectors.call_statistics(call=call, for_moderators=False)
    document = DocxDocument()
    document.add_heading(clean_text(call.display_title), level=0)
    document.add_paragraph(_("Published inputs to the call %(code)s") % {"code": call.code})
    _statistics(document, stats)
    current_type = None
    for item in selectors.published_inputs(call=call):
        if item.stakeholder_type != current_type:
            current_type = item.stakeholder_type
            document.add_heading(Submission.StakeholderType(current_type).label, level=1)
        title = f"{item.reference}: {item.name}"
        if item.organization:
            title += f" ({item.organization})"
        document.add_heading(clean_text(title), level=2)
        document.add_paragraph(clean_text(item.country_label))
        for answer in item.answers.all():
            document.add_paragraph(clean_text(answer.question.display_text), style="Intense Quote")
            document.add_paragraph(clean_text(answer.display()))
        names = [attachment.original_name for attachment in item.attachments.all()]
        if names:
            listed = clean_text(", ".join(names))
            document.add_paragraph(
                _("Attachments: %(names)s") % {"names": listed}, style="List Bullet"
            )
    document.save(out)
