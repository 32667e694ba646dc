"""The 43rd and 44th meetings of CWG-WSIS&SDG with their agendas (titles written for the demo),
and a coming 45th meeting whose dates follow the day the demo is loaded (said so on its page), so
that a newcomer can upload a contribution before its deadline."""

import datetime as dt

from django.utils import timezone

from cwg.models import WorkingGroup
from meetings.models import AgendaItem, Meeting

MEETINGS = {
    43: (dt.date(2025, 9, 9), dt.date(2025, 9, 10)),
    44: (dt.date(2026, 1, 15), dt.date(2026, 1, 16)),
}

AGENDAS = {
    43: [
        ("1", "Opening of the meeting"),
        ("2", "Adoption of the agenda"),
        ("3", "ITU contribution to the WSIS+20 review"),
        ("4", "Results of the call for inputs on the WSIS+20 review"),
        ("5", "Implementation of Council Resolutions 1332 and 1334"),
        ("6", "Any other business"),
    ],
    44: [
        ("1", "Opening of the meeting"),
        ("2", "Adoption of the agenda"),
        ("3", "Outcome of the General Assembly's WSIS+20 review (A/RES/80/173)"),
        ("4", "Gap analysis of current mandates for Council 2026"),
        ("5", "WSIS action lines and the SDGs: reports of ITU"),
        ("6", "Dates of the next meeting and any other business"),
    ],
    45: [
        ("1", "Opening of the meeting"),
        ("2", "Adoption of the agenda"),
        ("3", "Follow-up of the WSIS+20 outcome (A/RES/80/173)"),
        ("4", "Gap analysis of current mandates: draft for Council 2026"),
        ("5", "Any other business"),
    ],
}
COMING_IN_DAYS = 40  # contributions are due 12 days before the opening: four weeks to write one


def _dates() -> dict[int, tuple[dt.date, dt.date, bool]]:
    coming = timezone.localdate() + dt.timedelta(days=COMING_IN_DAYS)
    dates = {number: (start, end, False) for number, (start, end) in MEETINGS.items()}
    return dates | {45: (coming, coming + dt.timedelta(days=1), True)}


def load(*, working_group: WorkingGroup) -> list[Meeting]:
    meetings = []
    for number, (start, end, demo_dates) in _dates().items():
        meeting, _created = Meeting.objects.update_or_create(
            working_group=working_group,
            number=number,
            defaults={
                "start_date": start,
                "end_date": end,
                "venue": "ITU headquarters, Geneva",
                "format": Meeting.Format.HYBRID,
                "demo_dates": demo_dates,
            },
        )
        for order, (item_number, title) in enumerate(AGENDAS[number], start=1):
            AgendaItem.objects.update_or_create(
                meeting=meeting, number=item_number, defaults={"title": title, "order": order}
            )
        meetings.append(meeting)
    return meetings
