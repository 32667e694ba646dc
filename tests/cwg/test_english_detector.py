"""The language crawl's reading of English (tests/browser/english.py), without a browser."""

import pytest

from tests.browser.english import english_in


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        ("Documents of meeting 44", "fr", "Documents of meeting %(number)s"),
        ("Start a revision", "es", "Start a revision"),
        ("Download", "zh-hans", "Download"),
        ("Your file is not there", "ru", "Your file is not there"),  # never wrapped: a sentence
        ("3 inputs", "fr", "%(counter)s inputs"),
    ],
)
def test_english_interface_text_is_found(text, language, english):
    assert english_in(text, language) == english


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Documents", "fr"),  # French writes it the same way
        ("Télécharger", "fr"),
        ("CWG-WSIS&SDG-44/8(Rev.1)", "fr"),  # a symbol
        ("WSIS", "ru"),
        ("Call for inputs", "es"),  # a title ending in a word of a msgid with a placeholder
        ("Revisiones y archivos", "es"),
        ("2026-12-02", "ar"),
    ],
)
def test_translations_symbols_and_names_are_not_english(text, language):
    assert english_in(text, language) is None
