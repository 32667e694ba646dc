"""What apps hand to the engine, and what the engine hands back.

An app plugs in with a small adapter that turns its objects into IndexEntry values (one per
object) with the principals allowed to read them; the engine never imports app models.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class IndexEntry:
    kind: str  # "document", "submission", "summary", ...
    object_id: int
    title: str
    texts: dict[str, str]  # language code -> original body text, kept for snippets
    principals: frozenset[str]  # e.g. {"public"}, {"members"}, {"secretariat", "user:12"}
    symbol: str = ""
    filename: str | None = None
    facets: dict[str, str | tuple[str, ...]] = field(default_factory=dict)  # meeting, sdg, ...
    keywords: str = ""  # matched with the title's weight but never shown, e.g. the source

    @property
    def heading(self) -> str:
        """What is indexed with the title's weight: symbol, title and keywords."""
        return " ".join(part for part in (self.symbol, self.title, self.keywords) if part)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.texts))

    @property
    def body(self) -> str:
        return "\n".join(self.texts[language] for language in self.languages)


def tag_facets(tagged) -> dict[str, tuple[str, ...]]:
    """The action_line and sdg facets of an object with the tag fields of cwg.models (their
    rows prefetched): codes and numbers, which the facet labels turn into titles."""
    return {
        "action_line": tuple(line.code for line in tagged.action_lines.all()),
        "sdg": tuple(str(goal.number) for goal in tagged.sdgs.all()),
    }


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    symbol: str
    title: str
    filename: str | None
    score: float
    snippet: str  # safe HTML: escaped text with <mark> around the original matched words

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.object_id,
            "symbol": self.symbol,
            "title": self.title,
            "filename": self.filename,
            "score": round(self.score, 6),
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    message: str = ""
    degraded: bool = False
    # More than ``total`` documents match: the engine stopped counting at its limit, and the
    # hits and facet counts come from the first ``total`` matches it found.
    more: bool = False
