"""A document's languages as the lists show them: one badge a language, the page's first.

The documents lists, the meeting page and the search results all show the same badges (the
template is templates/cwg/_language_badges.html); each app says which files exist and which
of them this person may download.
"""

from dataclasses import dataclass

# The six languages of the United Nations, in the order of their letters: A C E F R S.
UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@dataclass(frozen=True)
class LanguageBadge:
    code: str
    label: str
    url: str = ""  # the current file's download; empty when it is not offered to this person
    file_format: str = ""
    requested: bool = False  # asked for and not delivered yet: shown, never linked
    page_language: bool = False


def page_language_of(language_code: str | None) -> str:
    """The documents' language of a page's language: "zh-hans" is "zh"."""
    code = (language_code or "en").split("-")[0]
    return code if code in UN_LANGUAGES else "en"


def in_badge_order(codes, *, page_language: str) -> list[str]:
    """The page's language first, then the others in the order of their letters."""
    ordered = [code for code in UN_LANGUAGES if code in set(codes)]
    return sorted(ordered, key=lambda code: code != page_language)  # sorted() is stable
