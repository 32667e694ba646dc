"""The 43rd and 44th meetings of CWG-WSIS&SDG with their agendas (titles written for the demo)
and their registration lists (names invented for the demo, officers as in cwg.demo), and a coming
45th meeting whose dates follow the day the demo is loaded (said so on its page), so that a
newcomer can upload a contribution before its deadline."""

import datetime as dt

from django.contrib.auth.models import User
from django.utils import timezone

from cwg.demo import OFFICERS_OF_THE_GROUP, SECTOR_MEMBER_NAME
from cwg.models import WorkingGroup
from meetings.demo_titles import AGENDA_TITLES
from meetings.models import AgendaItem, Meeting
from meetings.services import import_participants

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


# (name, member state ISO code, role, attendance); the officers are added from cwg.demo.
DELEGATES = [
    ("Omar Abdelaziz", "EG", "head", "in person"),
    ("Nour El-Sayed", "EG", "delegate", "remote"),
    ("Faisal Al-Harbi", "SA", "head", "in person"),
    ("Reem Al-Qahtani", "SA", "delegate", "in person"),
    ("Khalid Al-Mansoori", "AE", "head", "remote"),
    ("Paulo Ferreira", "BR", "head", "in person"),
    ("Thandi Mokoena", "ZA", "head", "in person"),
    ("Eric Habimana", "RW", "head", "remote"),
    ("Erik Lindqvist", "SE", "head", "in person"),
    ("Ji-ho Park", "KR", "head", "in person"),
    ("Ananya Rao", "IN", "head", "remote"),
    ("Dmitry Volkov", "RU", "head", "in person"),
    ("Li Wei", "CN", "head", "in person"),
    ("Claire Dubois", "FR", "head", "remote"),
    ("María González", "ES", "head", "remote"),
    ("Kwame Mensah", "GH", "head", "remote"),
]
SECTOR_MEMBERS = [("Youssef Kamal", SECTOR_MEMBER_NAME, "observer", "remote")]
# Who came to which meeting: the 44th was larger (the WSIS+20 outcome had just been adopted).
ABSENT_FROM = {43: {"Claire Dubois", "María González", "Kwame Mensah", "Reem Al-Qahtani"}}


def registration_list(number: int) -> str:
    """The meeting's registration list as the CSV the secretariat would import."""
    absent = ABSENT_FROM.get(number, set())
    lines = ["name,member_state,organization,role,attendance"]
    for name, _role, iso, remote, _username in OFFICERS_OF_THE_GROUP:
        lines.append(f"{name},{iso},,officer,{'remote' if remote else 'in person'}")
    for name, iso, role, attendance in DELEGATES:
        if name not in absent:
            lines.append(f"{name},{iso},,{role},{attendance}")
    for name, organization, role, attendance in SECTOR_MEMBERS:
        lines.append(f'{name},,"{organization}",{role},{attendance}')
    return "\n".join(lines) + "\n"


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
                meeting=meeting,
                number=item_number,
                defaults={
                    "title": title,
                    "title_language": "en",
                    "titles": AGENDA_TITLES.get(title, {}),
                    "order": order,
                },
            )
        meetings.append(meeting)
    secretariat = User.objects.get(username="secretariat")
    for meeting in meetings:
        if meeting.number in MEETINGS and not meeting.participants.exists():  # not the coming one
            import_participants(
                meeting=meeting, csv_text=registration_list(meeting.number), by=secretariat
            )
    return meetings
