"""Geneva time in each language's own format on pages; ISO 8601 with offset in exports."""

import csv
import datetime as dt
import io
import re
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from cwg import dates
from documents.models import Document
from followup.services.record_package import bag_info
from tests.documents.factories import DocumentFactory
from tests.meetings.factories import MeetingFactory

WINTER = dt.datetime(2026, 1, 15, 13, 5, 7, 123456, tzinfo=dt.UTC)  # 14:05:07 in Geneva (CET)
SUMMER = dt.datetime(2026, 7, 15, 22, 30, 9, 987654, tzinfo=dt.UTC)  # 00:30 next day (CEST)

FORMATS = {
    "en": ("15 January 2026, 14:05", "16 July 2026", "15/01/2026"),
    "ar": ("15 يناير 2026، 14:05", "16 يوليو 2026", "15/01/2026"),
    "fr": ("15 janvier 2026 à 14:05", "16 juillet 2026", "15/01/2026"),
    "es": ("15 de enero de 2026, 14:05", "16 de julio de 2026", "15/01/2026"),
    "ru": ("15 января 2026 г., 14:05", "16 июля 2026 г.", "15.01.2026"),
    "zh-hans": ("2026年1月15日 14:05", "2026年7月16日", "2026-01-15"),
}


@pytest.mark.parametrize("language", FORMATS)
def test_each_language_shows_geneva_time_in_its_own_format(language):
    datetime_text, date_text, short_text = FORMATS[language]
    with translation.override(language):
        assert dates.shown_datetime(WINTER) == datetime_text
        assert dates.shown_date(SUMMER) == date_text  # the Geneva day, not the UTC one
        assert dates.shown_date(WINTER, "SHORT_DATE_FORMAT") == short_text


def test_geneva_whatever_the_server_time_zone(settings):
    settings.TIME_ZONE = "America/New_York"
    with translation.override("en"):
        assert dates.shown_datetime(WINTER) == "15 January 2026, 14:05"
    assert dates.iso_datetime(WINTER) == "2026-01-15T14:05:07+01:00"


def test_iso_datetime_has_the_geneva_offset_of_the_season_and_no_microseconds():
    assert dates.iso_datetime(WINTER) == "2026-01-15T14:05:07+01:00"
    assert dates.iso_datetime(SUMMER) == "2026-07-16T00:30:09+02:00"
    assert dates.iso_date(SUMMER) == "2026-07-16"
    assert dates.iso_date(dt.date(2026, 3, 29)) == "2026-03-29"
    assert dates.iso_datetime(None) == dates.shown_date(None) == ""


def test_the_day_daylight_saving_time_starts():
    # 29 March 2026: clocks go from 02:00 to 03:00 in Geneva (01:00 UTC).
    before = dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC)
    after = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)
    assert dates.iso_datetime(before) == "2026-03-29T01:59:00+01:00"
    assert dates.iso_datetime(after) == "2026-03-29T03:00:00+02:00"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "16 July 2026, 00:30"), ("ar", "16 يوليو 2026، 00:30")],
)
def test_the_template_filters(language, expected):
    template = Template(
        '{% load cwg_dates %}<time datetime="{{ when|iso_datetime }}">{{ when|geneva_datetime }}'
        "</time>|{{ when|geneva_date:'SHORT_DATE_FORMAT' }}|{{ nothing|geneva_datetime }}"
    )
    with translation.override(language):
        html = template.render(Context({"when": SUMMER, "nothing": None}))
    assert html == f'<time datetime="2026-07-16T00:30:09+02:00">{expected}</time>|16/07/2026|'


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "3 January 2026, 23:59"),
        ("fr", "3 janvier 2026 à 23:59"),
        ("ar", "3 يناير 2026، 23:59"),
    ],
)
def test_the_meeting_page_shows_the_deadline_in_the_language_format(
    client, working_group, language, expected
):
    meeting = MeetingFactory(working_group=working_group, number=44)
    client.cookies["django_language"] = language
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert expected in html
    assert 'datetime="2026-01-03T23:59:59+01:00"' in html


@pytest.fixture
def published_at_night(working_group):
    meeting = MeetingFactory(working_group=working_group, number=44)
    return DocumentFactory(
        meeting=meeting,
        number=1,
        status=Document.Status.PUBLISHED,
        access=Document.Access.PUBLIC,
        submitted_at=WINTER,
        published_at=SUMMER,
    )


@pytest.mark.django_db
def test_the_api_gives_iso_times_with_offset_and_no_microseconds(published_at_night):
    url = reverse("document-detail", args=[published_at_night.pk])
    row = APIClient().get(url).json()
    assert row["submitted_at"] == "2026-01-15T14:05:07+01:00"
    assert row["published_at"] == "2026-07-16T00:30:09+02:00"
    meeting = APIClient().get(reverse("meeting-detail", args=[44])).json()
    assert meeting["contribution_deadline"] == "2026-01-03T23:59:59+01:00"


@pytest.mark.django_db
def test_the_csv_date_column_is_the_geneva_day(client, published_at_night):
    response = client.get(reverse("documents:meeting_csv", args=[44]))
    [row] = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert row["published_on"] == "2026-07-16"


def test_bag_info_generated_at_has_the_geneva_offset():
    group = SimpleNamespace(name="Council Working Group", code="CWG-WSIS&SDG")
    meeting = SimpleNamespace(
        working_group=group,
        number=44,
        start_date=dt.date(2026, 1, 20),
        end_date=dt.date(2026, 1, 21),
        __str__=lambda self: "44",
    )
    contents = SimpleNamespace(meeting=meeting, access="public")
    info = bag_info(contents=contents, language="en", by="secretariat", at=SUMMER)
    assert info["Generated-At"] == "2026-07-16T00:30:09+02:00"


NAMED = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"}
NAMED |= {"MONTH_DAY_FORMAT", "YEAR_MONTH_FORMAT", "TIME_FORMAT", "Y-m-d"}  # Y-m-d: ISO, machines


def test_templates_use_named_formats_only():
    from tests.cwg.test_no_style_attributes import ROOT, templates

    own_formats = [
        f"{path.relative_to(ROOT)}: {found}"
        for path in templates()
        for found in re.findall(r"\|date:[\"']([^\"']*)[\"']", path.read_text())
        if found not in NAMED
    ]
    assert not own_formats, "use a named format or |geneva_datetime:\n" + "\n".join(own_formats)
    # The datetimes' ISO form comes from |iso_datetime (Django's "c" keeps microseconds).
    assert not [path for path in templates() if "|date:'c'" in path.read_text()]
