"""Titles and names in the six languages: the original as written, plus translations.

A document, an agenda item and the working group each keep the text as it was first written
(with the language it was written in) and a dict of translations {language: text} that the
secretariat enters or that a language version's file brings. A page shows the text in its own
language, else the original; when the text shown is not in the page's language, the element
carries its lang and dir so screen readers and the bidi algorithm treat it right.
"""

import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cwg.language_badges import UN_LANGUAGES, page_language_of

RIGHT_TO_LEFT = frozenset({"ar"})

# The six languages a title or a name is written in, by the codes of the documents' languages.
LANGUAGE_CHOICES = [
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]


def direction_of(language: str) -> str:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


@dataclass(frozen=True)
class Shown:
    """A text as a page shows it: the words, their language and their direction."""

    text: str
    lang: str
    dir: str
    page_language: str

    def __str__(self) -> str:
        return self.text

    @property
    def is_foreign(self) -> bool:
        """Written in another language than the page's: the element needs lang and dir."""
        return self.lang != self.page_language

    def as_html(self) -> SafeString:
        if self.is_foreign:
            return format_html('<span lang="{}" dir="{}">{}</span>', self.lang, self.dir, self.text)
        return format_html("{}", self.text)


def clean_translations(translations: dict | None) -> dict[str, str]:
    """Only the six languages, only non-empty texts, stripped, in the order of their letters."""
    translations = translations or {}
    return {
        code: str(translations[code]).strip()
        for code in UN_LANGUAGES
        if str(translations.get(code) or "").strip()
    }


def shown_in(
    language: str | None, original: str, original_language: str, translations: dict | None
) -> Shown:
    """The text in `language` (a page language such as "zh-hans" or a code such as "zh"),
    falling back to the original."""
    page = page_language_of(language or get_language())
    text = (translations or {}).get(page) or ""
    if page == original_language or not text.strip():
        text, lang = original, original_language or "en"
    else:
        lang = page
    return Shown(text=text.strip(), lang=lang, dir=direction_of(lang), page_language=page)


def all_texts(original: str, original_language: str, translations: dict | None) -> dict[str, str]:
    """Every language's text, the original included (for the API and the search index)."""
    texts = clean_translations(translations)
    texts[original_language or "en"] = original
    return {code: texts[code] for code in UN_LANGUAGES if code in texts}


# Scripts that name their language among the six; Latin is English, French or Spanish.
SCRIPT_LANGUAGES = {"ARABIC": "ar", "CJK": "zh", "CYRILLIC": "ru"}


def language_of_title(title: str, *, written_in: str | None = None) -> str:
    """The language a new title is taken to be in: its script's when that names one (Arabic,
    Chinese, Russian), else the language the author writes in (their page's), else English."""
    scripts = Counter(
        next((code for script, code in SCRIPT_LANGUAGES.items() if name.startswith(script)), "")
        for name in (unicodedata.name(character, "") for character in title if character.isalpha())
    )
    script_language, count = scripts.most_common(1)[0] if scripts else ("", 0)
    if script_language and count * 2 > sum(scripts.values()):
        return script_language
    page = page_language_of(written_in or get_language())
    return page if page in {"en", "fr", "es"} else "en"
