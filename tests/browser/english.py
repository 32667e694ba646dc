"""What English interface text is left on a page shown in another language.

The English interface strings are the msgids of every catalogue of the repository. A page in,
say, French should show none of them, except those French writes the same way ("Documents",
"Date", "Total"): a msgid whose translation in the page's language is itself is not counted as
English in that language. Text the interface did not write (titles, names, summaries,
submissions, comments) is marked in the templates with `data-user-content` or `translate="no"`
and is not looked at. Text written in a template but never wrapped for translation is not a
msgid, so sentences are also caught by their English function words.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polib
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
# Documents' symbols are the same in every language: CWG-WSIS&SDG-44/8(Rev.1), C/INF/3.
SYMBOL = re.compile(r"\b[A-Z][\w&+-]*(?:/[\w.-]+)+(?:\s?\((?:Rev|Add|Corr)\.\d+\))*")
LETTERS = re.compile(r"[A-Za-z]")
# Words and names that every language of the site writes as English does.
NEUTRAL = {
    "cwg-wsis&sdg",
    "cwg",
    "wsis",
    "sdg",
    "sdgs",
    "itu",
    "api",
    "csv",
    "json",
    "xlsx",
    "docx",
    "pdf",
    "zip",
    "ical",
    "ics",
    "url",
    "id",
    "ok",
    "un",
    "openapi",
    "wsis+20",
    "rev.",
    "add.",
    "corr.",
}
# Words that mark a sentence as English, none of them a word of French, Spanish or the others.
ENGLISH_WORDS = {
    "the",
    "of",
    "and",
    "with",
    "this",
    "that",
    "is",
    "are",
    "your",
    "you",
    "has",
    "have",
    "been",
    "will",
    "from",
    "which",
    "there",
    "was",
    "were",
    "should",
    "would",
    "what",
    "when",
    "who",
    "not",
    "for",
    "be",
    "can",
    "it",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# Visible text of the page, outside user content, scripts and hidden elements; also the words a
# person reads without them being text nodes: button values, placeholders, labels for assistive
# technology and tooltips.
VISIBLE_TEXT = """() => {
  const skip =
    'script, style, noscript, template, [data-user-content], [translate="no"], code, pre';
  // Text the page says is English (a language's own name in the switcher) is meant as English.
  const marked_english = element => {
    const marked = element.closest('[lang]');
    return marked && marked !== document.documentElement && marked.lang.startsWith('en');
  };
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (!text) continue;
    const element = node.parentElement;
    if (!element || element.closest(skip) || marked_english(element)) continue;
    if (!element.checkVisibility({visibilityProperty: true})
        && !element.closest('.visually-hidden, .sr-only, details')) continue;
    texts.push(text);
  }
  const attributes = ['placeholder', 'aria-label', 'title', 'alt'];
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest(skip) || marked_english(element)) continue;
    for (const name of attributes) {
      const value = (element.getAttribute(name) || '').replace(/\\s+/g, ' ').trim();
      if (value) texts.push(value);
    }
    if (element.matches('input[type=submit], input[type=button]') && element.value) {
      texts.push(element.value.trim());
    }
  }
  return texts;
}"""


@dataclass(frozen=True)
class Msgid:
    text: str
    pattern: re.Pattern
    words: int
    # The longest piece of the msgid without a placeholder: a cheap test before the pattern.
    fragment: str


def catalogues() -> list[Path]:
    return sorted(
        path
        for path in ROOT.glob("**/locale/*/LC_MESSAGES/django.po")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    )


def as_pattern(msgid: str) -> re.Pattern:
    """A msgid as a regular expression, its placeholders standing for any text."""
    parts = PLACEHOLDER.split(" ".join(msgid.split()))
    # One English word around a placeholder ("%(counter)s inputs") would take any English title
    # ending in that word for the msgid: there the placeholder stands for a number or a symbol.
    words = len(WORD.findall(" ".join(parts)))
    placeholder = r".+?" if words >= 2 else r"[^A-Za-z]+?"
    body = placeholder.join(re.escape(part) for part in parts)
    return re.compile(rf"(?<![A-Za-z]){body}(?![A-Za-z])")


def neutral(text: str) -> bool:
    """Too short, or nothing a translator would change: symbols, numbers, codes, our names."""
    literal = " ".join(SYMBOL.sub(" ", PLACEHOLDER.sub(" ", text)).split())
    words = WORD.findall(literal)
    if not words:
        return True
    if all(word.lower() in NEUTRAL for word in words):
        return True
    return len(words) == 1 and (len(words[0]) < 3 or words[0].isupper())


@cache
def english_msgids(language: str) -> tuple[Msgid, ...]:
    """The msgids that are English in `language`: no catalogue of it translates one as itself."""
    same: set[str] = set()
    msgids: set[str] = set()
    for path in catalogues():
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.obsolete:
                continue
            sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
            for source in sources:
                msgids.add(source)
            if path.parts[-3] != to_locale(language):
                continue
            translations = [entry.msgstr] + list(entry.msgstr_plural.values())
            for source in sources:
                if " ".join(source.split()) in {" ".join(t.split()) for t in translations}:
                    same.add(source)
    found = []
    for msgid in sorted(msgids - same):
        if "<" in msgid or neutral(msgid):
            continue
        literal = " ".join(msgid.split())
        fragment = max((" ".join(part.split()) for part in PLACEHOLDER.split(msgid)), key=len)
        found.append(Msgid(literal, as_pattern(msgid), len(WORD.findall(literal)), fragment))
    return tuple(found)


@cache
def english_in(text: str, language: str) -> str | None:
    """The English msgid or sentence `text` is or contains, or None."""
    text = " ".join(text.split())
    if not LETTERS.search(text) or neutral(text):
        return None
    msgids = english_msgids(language)
    for msgid in msgids:
        if msgid.fragment in text and msgid.pattern.fullmatch(text):
            return msgid.text
    for msgid in msgids:
        long_enough = msgid.words >= 2 and len(msgid.text) >= 8
        if long_enough and msgid.fragment in text and msgid.pattern.search(text):
            return msgid.text
    words = [word.lower() for word in WORD.findall(text)]
    if sum(word in ENGLISH_WORDS for word in words) >= 2:
        return text
    return None


def english_left(page, language: str) -> list[str]:
    """Each visible interface text of `page` that is still English, with the msgid it matches."""
    found = []
    for text in dict.fromkeys(page.evaluate(VISIBLE_TEXT)):
        msgid = english_in(text, language)
        if msgid is not None:
            found.append(text if msgid == text else f"{text!r} (msgid {msgid!r})")
    return found
