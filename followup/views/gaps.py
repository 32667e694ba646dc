"""The gap-analysis pages: the matrix with its summary chart, and the CSV/DOCX downloads."""

from collections import Counter

import pygal
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cwg.opendata import descriptor_response
from followup import opendata
from followup.models import GapAnalysis, GapItem
from followup.permissions import can_manage_gap_analyses, can_see_gap_analyses
from followup.selectors.links import visible_answer_document_ids
from followup.services.gaps import export_gap_items_csv
from followup.services.gaps_docx import export_gap_analysis_docx


def gap_analysis_or_404(
    request: HttpRequest, pk: int, *, allowed=can_see_gap_analyses
) -> GapAnalysis:
    if not allowed(user=request.user):
        raise PermissionDenied
    analysis = GapAnalysis.objects.select_related("action").filter(pk=pk).first()
    if analysis is None:
        raise Http404
    return analysis


def _chart(by_coverage: Counter) -> str:
    chart = pygal.HorizontalBar(height=260, show_legend=False, disable_xml_declaration=True)
    chart.title = _("Requirements by coverage")
    chart.x_labels = [str(label) for _value, label in GapItem.Coverage.choices]
    chart.add(_("Requirements"), [by_coverage[value] for value in GapItem.Coverage.values])
    return chart.render(is_unicode=True)


def gap_matrix(request: HttpRequest, pk: int) -> HttpResponse:
    analysis = gap_analysis_or_404(request, pk)
    items = list(
        analysis.items.select_related(
            "source", "answered_by_action", "answered_by_document__meeting__working_group"
        ).prefetch_related("mandates__resolution")
    )
    readable = visible_answer_document_ids(user=request.user, items=analysis.items.all())
    mandates = sorted(
        {m.resolution for item in items for m in item.mandates.all()},
        key=lambda resolution: (resolution.kind, resolution.number),
    )
    rows = []
    for item in items:
        covering = {m.resolution_id: m.paragraphs or "✓" for m in item.mandates.all()}
        answer = item.answered_by_document if item.answered_by_document_id in readable else None
        rows.append((item, [covering.get(r.pk, "") for r in mandates], answer))
    by_coverage = Counter(item.coverage for item in items)
    by_mandate = Counter(m.resolution_id for item in items for m in item.mandates.all())
    return render(
        request,
        "followup/gap_matrix.html",
        {
            "analysis": analysis,
            "mandates": mandates,
            "rows": rows,
            "coverage_counts": [
                (label, by_coverage[value]) for value, label in GapItem.Coverage.choices
            ],
            "mandate_counts": [(r, by_mandate[r.pk]) for r in mandates],
            "chart": _chart(by_coverage),
            "can_manage": can_manage_gap_analyses(user=request.user),
        },
    )


def gap_csv(request: HttpRequest, pk: int) -> HttpResponse:
    analysis = gap_analysis_or_404(request, pk)
    response = HttpResponse(export_gap_items_csv(analysis=analysis), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="gap-analysis-{analysis.pk}.csv"'
    return response


def gap_datapackage(request: HttpRequest, pk: int) -> HttpResponse:
    analysis = gap_analysis_or_404(request, pk)
    base_url = request.build_absolute_uri("/")
    return descriptor_response(opendata.gap_datapackage(analysis=analysis, base_url=base_url))


def gap_docx(request: HttpRequest, pk: int) -> HttpResponse:
    analysis = gap_analysis_or_404(request, pk)
    language = get_language() or "en"
    response = HttpResponse(
        export_gap_analysis_docx(analysis=analysis, language=language),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="gap-analysis-{analysis.pk}.docx"'
    return response
