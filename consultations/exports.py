"""Moderator exports: CSV of every submission, DOCX of the published inputs."""

import csv

from django.utils.translation import gettext as _
from docx import Document as DocxDocument

from consultations import selectors
from consultations.models import ConsultationCall, Submission

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """A cell a spreadsheet will not run as a formula: a leading quote before = + - @ tab CR."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(DANGEROUS_STARTS) else text


def write_csv(*, call: ConsultationCall, out) -> None:
    questions = list(call.questions.all())
    writer = csv.writer(out)
    header = [
        _("Reference"),
        _("Status"),
        _("Submitted at"),
        _("Name"),
        _("E-mail"),
        _("Organization"),
        _("Stakeholder type"),
        _("Country"),
        _("Language"),
        _("Consent to publish"),
        _("Attachments"),
    ] + [question.display_text for question in questions]
    writer.writerow([neutralise(cell) for cell in header])
    for item in selectors.moderation_queue(call=call):
        answers = {
            answer.question_id: answer.text or answer.choice for answer in item.answers.all()
        }
        row = [
            item.reference,
            item.get_status_display(),
            item.submitted_at.isoformat(),
            item.name,
            item.email,
            item.organization,
            item.get_stakeholder_type_display(),
            item.country_label,
            item.language,
            _("yes") if item.consent_to_publish else _("no"),
            "; ".join(attachment.original_name for attachment in item.attachments.all()),
        ] + [answers.get(question.pk, "") for question in questions]
        writer.writerow([neutralise(cell) for cell in row])


def write_docx(*, call: ConsultationCall, out) -> None:
    """The compiled inputs: a statistics table, then published inputs by stakeholder type."""
    stats = selectors.call_statistics(call=call)
    document = DocxDocument()
    document.add_heading(call.display_title, level=0)
    document.add_paragraph(_("Published inputs to the call %(code)s") % {"code": call.code})
    totals = stats["totals"]
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = _("Inputs")
    table.rows[0].cells[1].text = _("Count")
    for label, key in [
        (_("Received"), "received"),
        (_("Accepted"), "accepted"),
        (_("Rejected"), "rejected"),
        (_("Published"), "published"),
        (_("Withdrawn"), "withdrawn"),
        (_("Accepted without consent to publish"), "accepted_without_consent"),
    ]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(label), str(totals[key])
    current_type = None
    for item in selectors.published_inputs(call=call):
        if item.stakeholder_type != current_type:
            current_type = item.stakeholder_type
            document.add_heading(Submission.StakeholderType(current_type).label, level=1)
        title = f"{item.reference}: {item.name}"
        if item.organization:
            title += f" ({item.organization})"
        document.add_heading(title, level=2)
        document.add_paragraph(item.country_label)
        for answer in item.answers.all():
            document.add_paragraph(answer.question.display_text, style="Intense Quote")
            document.add_paragraph(answer.text or answer.choice)
        names = [attachment.original_name for attachment in item.attachments.all()]
        if names:
            document.add_paragraph(
                _("Attachments: %(names)s") % {"names": ", ".join(names)}, style="List Bullet"
            )
    document.save(out)
