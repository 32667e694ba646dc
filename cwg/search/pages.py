"""What the results page and the API show: each hit with its link, facets with their labels."""

from dataclasses import dataclass, field
from math import ceil
from urllib.parse import urlencode

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from cwg.language_badges import LanguageBadge, in_badge_order, page_language_of
from cwg.search.backends import FACETS
from cwg.search.engine import search
from cwg.search.entries import Hit, Results
from cwg.search.query import Query, parse
from cwg.search.registry import SOURCES, facet_label, facet_labels
from cwg.search.snippets import highlighted

FACET_TITLES = {
    "kind": gettext_lazy("Kind"),
    "meeting": gettext_lazy("Meeting"),
    "language": gettext_lazy("Language"),
    "status": gettext_lazy("Status"),
    "year": gettext_lazy("Year"),
    "action_line": gettext_lazy("WSIS action line"),
    "sdg": gettext_lazy("SDG"),
}


@dataclass(frozen=True)
class Result:
    hit: Hit
    url: str
    meeting: int | None
    languages: list[str]
    kind_label: str
    title_html: str  # the title escaped, with the matched words marked
    downloads: dict[str, str] = field(default_factory=dict)  # language -> its current file

    @property
    def badges(self) -> list[LanguageBadge]:
        """The languages, the page's first, each a link to its file when one is offered."""
        page_language = page_language_of(get_language())
        return [
            LanguageBadge(
                code=code,
                label=facet_label("language", code),
                url=self.downloads.get(code, ""),
                page_language=code == page_language,
            )
            for code in in_badge_order(self.languages, page_language=page_language)
        ]

    def as_dict(self) -> dict:
        return {
            **self.hit.as_dict(),
            "url": self.url,
            "meeting": self.meeting,
            "languages": self.languages,
        }


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    active: bool
    url: str  # the query with this value chosen, or dropped if it was chosen


@dataclass
class ResultPage:
    query: str
    total: int
    page: int
    pages: int
    results: list[Result] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    filters: dict[str, str] = field(default_factory=dict)
    message: str = ""
    degraded: bool = False
    more: bool = False  # more than ``total`` match: counting stopped at the engine's limit

    @property
    def facet_groups(self) -> list[tuple[str, str, list[FacetValue]]]:
        return [(name, FACET_TITLES[name], values) for name, values in self.facets.items()]

    def page_url(self, number: int) -> str:
        return _query_string(self.query, self.filters, page=number)

    @property
    def previous_url(self) -> str:
        return self.page_url(self.page - 1) if self.page > 1 else ""

    @property
    def next_url(self) -> str:
        return self.page_url(self.page + 1) if self.page < self.pages else ""


def _query_string(query: str, filters: dict[str, str], page: int = 1) -> str:
    params = {"q": query, **filters}
    if page > 1:
        params["page"] = page
    return "?" + urlencode(params)


def _facet_values(name, counts, query, filters) -> list[FacetValue]:
    labels = facet_labels(name)
    values = []
    for value, count in counts.items():
        active = filters.get(name) == value
        chosen = {key: kept for key, kept in filters.items() if key != name}
        if not active:
            chosen[name] = value
        values.append(
            FacetValue(value, labels.get(value, value), count, active, _query_string(query, chosen))
        )
    return values


def _title_html(hit: Hit, details: dict, query: Query) -> str:
    """The title with the matched words marked: in the page's language where the source
    offers one, marked with its own lang and dir when it falls back to another language."""
    shown = details.get("title")
    if shown is None:
        return highlighted(hit.title, query)
    marked = mark_safe(highlighted(shown.text, query))  # noqa: S308 - highlighted() escapes
    if shown.is_foreign:
        return format_html('<span lang="{}" dir="{}">{}</span>', shown.lang, shown.dir, marked)
    return marked


def _results(hits: list[Hit], query: Query) -> list[Result]:
    described: dict[tuple[str, int], dict] = {}
    for kind in {hit.kind for hit in hits} & set(SOURCES):  # a kind no app registers: skipped
        ids = [hit.object_id for hit in hits if hit.kind == kind]
        for pk, details in SOURCES[kind].describe(ids).items():
            described[(kind, pk)] = details
    results = []
    for hit in hits:
        details = described.get((hit.kind, hit.object_id))
        if details is None:  # deleted since it was indexed, or of an unknown kind
            continue
        results.append(
            Result(
                hit=hit,
                url=details["url"],
                meeting=details["meeting"],
                languages=details["languages"],
                kind_label=facet_label("kind", details["kind"]),
                title_html=_title_html(hit, details, query),
                downloads=details.get("downloads", {}),
            )
        )
    return results


def result_page(*, user, query: str, filters: dict[str, str], page: int, per_page: int = 20):
    results: Results = search(user=user, text=query, filters=filters, page=page, per_page=per_page)
    pages = max(1, ceil(results.total / per_page))
    message = results.message
    if results.total and page > pages:
        message = _("There are only %(pages)d pages of results.") % {"pages": pages}
    return ResultPage(
        query=query,
        total=results.total,
        page=page,
        pages=pages,
        results=_results(results.hits, parse(query)),
        facets={
            name: _facet_values(name, results.facets[name], query, filters)
            for name in FACETS
            if name in results.facets
        },
        filters=filters,
        message=message,
        degraded=results.degraded,
        more=results.more,
    )
