"""What the product publishes as open data: a small registry that apps fill in.

cwg knows no app (it is the bottom layer): each app registers a function that lists the datasets
a given user may see, with their Data Package descriptor and licence, and /open-data/ shows them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

# Every dataset the product publishes is under this licence unless it says otherwise.
DEFAULT_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


@dataclass(frozen=True)
class DataFile:
    label: str
    url: str


@dataclass(frozen=True)
class Dataset:
    title: str
    description: str
    descriptor_url: str  # its datapackage.json
    files: list[DataFile] = field(default_factory=list)
    licence: dict = field(default_factory=lambda: dict(DEFAULT_LICENCE))


@dataclass(frozen=True)
class Source:
    title: object  # a lazy translatable title of the kind of data (e.g. "Consultation inputs")
    datasets: Callable[[object], list[Dataset]]  # user -> what that user may download


_sources: dict[str, Source] = {}


def register_datasets(key: str, *, title, datasets: Callable[[object], list[Dataset]]) -> None:
    """Called from an app's ready(); registering the same key again replaces it."""
    _sources[key] = Source(title=title, datasets=datasets)


def published_datasets(user) -> list[tuple[str, list[Dataset]]]:
    """Each registered kind of data, in registration order, with the datasets the user sees."""
    return [(str(source.title), source.datasets(user)) for source in _sources.values()]
