"""Highlighted snippets computed from the ORIGINAL text and the normalised token offsets."""

from django.utils.html import escape

from cwg.search.normalize import prefix_form, tokens
from cwg.search.query import Query

WINDOW = 24  # tokens shown around the first match


def snippet(text: str, query: Query) -> str:
    exact, prefixes = query.highlight_forms()
    found = tokens(text)

    def hit(token) -> bool:
        if token.text in exact:
            return True
        if prefixes and not token.symbol:
            return prefix_form(text[token.start : token.end]).startswith(prefixes)
        return False

    marks = [index for index, token in enumerate(found) if hit(token)]
    if not found:
        return ""
    first = marks[0] if marks else 0
    low, high = max(0, first - WINDOW // 3), min(len(found), first + WINDOW)
    start, end = found[low].start, found[high - 1].end
    parts, cursor = [], start
    for token in found[low:high]:
        if hit(token):
            parts.append(escape(text[cursor : token.start]))
            parts.append(f"<mark>{escape(text[token.start : token.end])}</mark>")
            cursor = token.end
    parts.append(escape(text[cursor:end]))
    prefix = "… " if low else ""
    suffix = " …" if high < len(found) else ""
    return prefix + "".join(parts).strip() + suffix
