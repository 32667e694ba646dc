"""The 43rd and 44th meetings of CWG-WSIS&SDG with their agendas (titles written for the demo)."""

import datetime as dt

from django.contrib.auth.models import Group, User
from django.utils import timezone

from cwg.models import Officer, WorkingGroup
from cwg.permissions import SECRETARIAT
from meetings.demo_gaps import load_gap_analysis
from meetings.models import AgendaItem, Meeting
from meetings.services import complete_action, create_action

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
}


def load(*, working_group: WorkingGroup) -> list[Meeting]:
    meetings = []
    for number, (start, end) in MEETINGS.items():
        meeting, _created = Meeting.objects.update_or_create(
            working_group=working_group,
            number=number,
            defaults={
                "start_date": start,
                "end_date": end,
                "venue": "ITU headquarters, Geneva",
                "format": Meeting.Format.HYBRID,
            },
        )
        for order, (item_number, title) in enumerate(AGENDAS[number], start=1):
            AgendaItem.objects.update_or_create(
                meeting=meeting, number=item_number, defaults={"title": title, "order": order}
            )
        meetings.append(meeting)
    _load_actions(meetings={m.number: m for m in meetings})
    load_gap_analysis()
    return meetings


# (meeting, agenda item, title, owner, days from today to the due date, done?)
# Owners: "secretariat" is the Secretariat group, "officer:<name>" an officer, else a username.
ACTIONS = [
    (43, "3", "Compile the ITU inputs to the WSIS+20 review (demo)", "secretariat", -40, True),
    (43, "4", "Summarise the results of the call for inputs (demo)", "secretariat", -20, True),
    (
        43,
        "5",
        "Report on Resolutions 1332 and 1334 to Council (demo)",
        "officer:Cynthia Lesufi",
        -6,
        False,
    ),
    (43, "6", "Circulate a draft timeline for the next meetings (demo)", "vicechair", -2, False),
    (44, "3", "Brief members on the outcome of A/RES/80/173 (demo)", "chair", 0, False),
    (44, "4", "Prepare the gap analysis for Council 2026 (demo)", "secretariat", 30, False),
    (44, "5", "Update the WSIS action lines and SDGs matrix (demo)", "secretariat", 14, False),
    (44, "6", "Propose dates for the 45th meeting (demo)", "officer:Renata Santoyo", 5, False),
]


def _owner(key: str) -> dict:
    if key == "secretariat":
        return {"owner_group": Group.objects.get(name=SECRETARIAT)}
    if key.startswith("officer:"):
        return {"owner_officer": Officer.objects.filter(name=key.split(":", 1)[1]).first()}
    return {"owner_user": User.objects.get(username=key)}


def _load_actions(*, meetings: dict[int, Meeting]) -> None:
    secretariat = User.objects.filter(username="secretariat").first()
    if secretariat is None:
        return
    today = timezone.localdate()
    for number, item, title, owner, days, done in ACTIONS:
        meeting = meetings[number]
        if meeting.actions.filter(title=title).exists():
            continue
        action = create_action(
            meeting=meeting,
            agenda_item=meeting.agenda_items.get(number=item),
            title=title,
            description="Demo data.",
            due_date=today + dt.timedelta(days=days),
            by=secretariat,
            **_owner(owner),
        )
        if done:
            complete_action(action=action, note="Completed (demo data).", by=secretariat)
