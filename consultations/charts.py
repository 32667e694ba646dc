"""Server-rendered SVG charts (pygal): readable without JavaScript, labels in the page language,
drawn in the site's typeface and colours (static/css/site.css), each shown with its table."""

import re

import pygal
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pygal.style import Style

# The values of static/css/site.css (:root and body), so a chart looks like the page around it.
SITE_FONT = 'system-ui, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", sans-serif'
SITE_STYLE = Style(
    font_family=SITE_FONT,
    label_font_family=SITE_FONT,
    major_label_font_family=SITE_FONT,
    value_font_family=SITE_FONT,
    title_font_family=SITE_FONT,
    legend_font_family=SITE_FONT,
    tooltip_font_family=SITE_FONT,
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1b1f24",
    foreground_strong="#1b1f24",
    foreground_subtle="#d0d7de",
    colors=("#005a9c", "#59636e"),
    label_font_size=13,
    major_label_font_size=13,
    title_font_size=16,
    value_font_size=12,
)
SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


def _bar_chart(*, title: str, pairs: list[tuple[object, int]]) -> str:
    chart = pygal.HorizontalBar(
        disable_xml_declaration=True,
        js=[],
        show_legend=False,
        truncate_label=-1,
        width=760,
        height=40 + 36 * max(len(pairs), 1),
        title=title,
        style=SITE_STYLE,
    )
    chart.x_labels = [str(label) for label, _count in pairs]
    chart.add(_("Inputs"), [count for _label, count in pairs])
    # pygal always writes a small config <script>; the chart needs no JavaScript (and the CSP
    # would refuse it), so it is removed.
    return SCRIPT.sub("", chart.render(is_unicode=True))


def stakeholder_chart(*, stats: dict) -> str:
    return _bar_chart(
        title=_("Published inputs by stakeholder type"), pairs=stats["by_stakeholder_type"]
    )


def region_chart(*, stats: dict) -> str:
    return _bar_chart(title=_("Published inputs by ITU region"), pairs=stats["by_itu_region"])


TOTALS = [
    ("received", gettext_lazy("Received")),
    ("accepted", gettext_lazy("Accepted")),
    ("rejected", gettext_lazy("Rejected")),
    ("published", gettext_lazy("Published")),
    ("withdrawn", gettext_lazy("Withdrawn")),
    ("accepted_without_consent", gettext_lazy("Accepted without consent to publish")),
]


def total_rows(*, stats: dict) -> list[tuple[str, str, str]]:
    """(key, label, count as shown): a total kept from the public reads "fewer than 3"."""
    return [
        (key, str(label), _("fewer than 3") if stats["totals"][key] is None else str(count))
        for key, label in TOTALS
        for count in [stats["totals"][key]]
    ]
