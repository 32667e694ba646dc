"""Server-rendered SVG charts (pygal): readable without JavaScript, labels in the page language."""

import re

import pygal
from django.utils.translation import gettext as _


def stakeholder_chart(*, stats: dict) -> str:
    chart = pygal.HorizontalBar(
        disable_xml_declaration=True,
        js=[],
        show_legend=False,
        width=640,
        height=320,
        title=_("Inputs received by stakeholder type"),
    )
    chart.x_labels = [str(label) for label, _count in stats["by_stakeholder_type"]]
    chart.add(_("Inputs"), [count for _label, count in stats["by_stakeholder_type"]])
    # pygal always writes a small config <script>; the chart needs no JavaScript (and the CSP
    # would refuse it), so it is removed.
    return SCRIPT.sub("", chart.render(is_unicode=True))


SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
