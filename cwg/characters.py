"""Characters that XML 1.0 and PostgreSQL refuse: cleaned where text enters, and again where
it leaves.

XML 1.0 allows tab, line feed and carriage return, U+0020-U+D7FF, U+E000-U+FFFD and the planes
above; PostgreSQL refuses NUL in text. Everything else (the C0 controls, NUL, lone surrogates,
U+FFFE, U+FFFF) made DOCX and XLSX writers, the database or the UTF-8 encoder fail with a 500.

Text enters through one door: ``CleanCharactersMiddleware`` cleans every query parameter,
form field and cookie before any view sees it, and answers 400 to a path that holds such a
character; the API's parsers clean what they read from JSON, forms and multipart bodies. Rows
written before this existed may still hold such characters, so every writer (DOCX, XLSX, CSV,
JSON, iCalendar, mail) passes its text through ``clean_text`` or ``one_line`` as well.
"""

import re
from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, QueryDict
from rest_framework import parsers

REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")


def clean_text(text: str) -> str:
    """The text without the characters XML 1.0 and PostgreSQL refuse; tabs and newlines kept."""
    return REFUSED.sub("", text)


def one_line(text: str) -> str:
    """Cleaned, on one line: for mail subjects and other headers."""
    return LINE_BREAKS.sub(" ", clean_text(text)).strip()


def clean_data(value):
    """Every string in parsed JSON (keys included), cleaned; other values as they are."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_data(key): clean_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_data(item) for item in value]
    return value


def clean_query_dict(query: QueryDict) -> QueryDict:
    """The same QueryDict when nothing needs cleaning, else an immutable cleaned copy."""
    if not any(
        REFUSED.search(key) or any(REFUSED.search(value) for value in values)
        for key, values in query.lists()
    ):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        cleaned.setlist(clean_text(key), [clean_text(value) for value in values])
    cleaned._mutable = False
    return cleaned


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class CleanCharactersMiddleware:
    """Before sessions, CSRF and every view: the one place where request text is cleaned."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if REFUSED.search(request.path_info):
            # A path names something; a name with a control character names nothing here.
            raise BadRequest("control character in the path")
        request.GET = clean_query_dict(request.GET)
        request.COOKIES = {
            clean_text(name): clean_text(value) for name, value in request.COOKIES.items()
        }
        if request.method == "POST" and request.content_type in FORM_TYPES:
            request.POST = clean_query_dict(request.POST)
        return self.get_response(request)


class CleanJSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return clean_data(super().parse(stream, media_type, parser_context))


class CleanFormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return clean_query_dict(super().parse(stream, media_type, parser_context))


class CleanMultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        return parsers.DataAndFiles(clean_query_dict(parsed.data), parsed.files)
