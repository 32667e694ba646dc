"""{% load multilingual %}: a title or a name in the page's language, with lang and dir.

{{ document|title_html }}, {{ item|title_html }} and {{ group|name_html }} give the text in the
page's language (else the original), in a <span lang dir> when it is in another language;
title_text and name_text give the words alone, for <title>, <option> and attributes.
"""

from functools import partial

from django import template

register = template.Library()


def as_html(obj, *, method: str):
    """obj.title_in(None) (or name_in): the active language's text, marked up; "" for no obj."""
    return getattr(obj, method)(None).as_html() if hasattr(obj, method) else ""


def as_text(obj, *, method: str) -> str:
    return getattr(obj, method)(None).text if hasattr(obj, method) else ""


for kind, method in (("title", "title_in"), ("name", "name_in")):
    register.filter(f"{kind}_html", partial(as_html, method=method))
    register.filter(f"{kind}_text", partial(as_text, method=method))
