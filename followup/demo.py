"""Demo follow-up: actions of the 43rd and 44th meetings, and the gap analysis for Council 2026
(paraphrased demo requirements, not quotations)."""

import datetime as dt

from django.contrib.auth.models import Group, User
from django.utils import timezone

from consultations.models import Submission
from cwg.models import ActionLine, Officer, SustainableDevelopmentGoal, WorkingGroup
from cwg.permissions import SECRETARIAT
from documents.models import Document
from followup.models import Action, GapAnalysis, GapItem
from followup.services import complete_action, create_action
from followup.services.gap_items import edit_gap_item
from followup.services.gaps import mandates_text, save_gap_rows
from followup.services.tags import set_tags
from meetings.models import Meeting


def load(*, working_group: WorkingGroup) -> None:
    meetings = Meeting.objects.filter(working_group=working_group)
    _load_actions(meetings={m.number: m for m in meetings})
    load_gap_analysis()
    load_tags()


# Tags of the demo (action line codes, SDG numbers): C6, C8, C9 and C10 are left untagged, so
# the heat map shows lines the group has not touched.
DOCUMENT_TAGS = {
    "Strengthening the action line on information and communication infrastructure": (
        ["C2"],
        [9],
    ),
    "Digital inclusion in the WSIS framework beyond 2025": (["C3", "C4"], [10]),
    "Indicators of the information society for the period after 2025": (["C3"], [17]),
    "Linking the WSIS action lines with the Sustainable Development Goals": (["C1", "C11"], [17]),
    "Building confidence and security in the use of ICTs: capacity building": (
        ["C5", "C4"],
        [16],
    ),
    "Multistakeholder cooperation in the WSIS process": (["C1", "C11"], [17]),
    "Mapping the WSIS+20 outcome to ITU's current mandates": (["C1"], [17]),
    "Digital transformation in Africa and the WSIS agenda": (["C2", "C7"], [9]),
    "Data for the WSIS indicators: a sector member's experience": (["C3"], [17]),
}
ACTION_TAGS = {
    "Report on Resolutions 1332 and 1334 to Council (demo)": (["C1"], [17]),
    "Update the WSIS action lines and SDGs matrix (demo)": (["C1", "C11"], [17]),
    "Prepare the gap analysis for Council 2026 (demo)": (["C1", "C11"], [16, 17]),
    "Brief members on the outcome of A/RES/80/173 (demo)": (["C11"], [17]),
}
GAP_ITEM_TAGS = {
    "Measure connectivity and digital inclusion": (["C2", "C3"], [9, 10]),
    "Strengthen capacity building for developing countries": (["C4"], [4]),
    "Promote confidence and security in the use of ICTs": (["C5"], [16]),
    "Support meaningful and affordable connectivity": (["C2"], [9]),
    "Foster digital skills and literacy": (["C4"], [4]),
    "Consider environmental aspects of ICTs": (["C7"], [13]),
    "Address the gender digital divide": (["C4"], [5]),
}
# Published inputs of the demo call, in reference order, tagged in turn.
INPUT_TAGS = [(["C3"], [4]), (["C2"], [9]), (["C4", "C7"], [4]), (["C1"], [16])]


def _tag(target, codes: list[str], numbers: list[int], *, by: User) -> None:
    set_tags(
        target=target,
        action_lines=ActionLine.objects.filter(code__in=codes),
        sdgs=SustainableDevelopmentGoal.objects.filter(number__in=numbers),
        by=by,
    )


def load_tags() -> None:
    """Idempotent: set_tags changes nothing (and records nothing) when the tags are there."""
    secretariat = User.objects.filter(username="secretariat").first()
    if secretariat is None:
        return
    for title, (codes, numbers) in DOCUMENT_TAGS.items():
        for document in Document.objects.filter(title=title):
            _tag(document, codes, numbers, by=secretariat)
    for title, (codes, numbers) in ACTION_TAGS.items():
        for action in Action.objects.filter(title=title):
            _tag(action, codes, numbers, by=secretariat)
    for theme, (codes, numbers) in GAP_ITEM_TAGS.items():
        for item in GapItem.objects.filter(requirement=f"Demo data: {theme.lower()}."):
            _tag(item, codes, numbers, by=secretariat)
    published = Submission.objects.published().order_by("call", "number")
    for submission, (codes, numbers) in zip(published, INPUT_TAGS * 4, strict=False):
        _tag(submission, codes, numbers, by=secretariat)


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


TITLE = "Gap analysis of current mandates for Council 2026 (demo data)"
COVERAGE = ["covered", "partial", "gap", "covered", "partial"]
THEMES = [
    "Keep the WSIS action lines aligned with the SDGs",
    "Report regularly on ITU's WSIS implementation",
    "Support multistakeholder cooperation on digital development",
    "Measure connectivity and digital inclusion",
    "Strengthen capacity building for developing countries",
    "Promote confidence and security in the use of ICTs",
    "Contribute to the annual WSIS Forum",
    "Coordinate with other UN entities on WSIS follow-up",
    "Address the gender digital divide",
    "Support meaningful and affordable connectivity",
    "Follow emerging technologies in WSIS implementation",
    "Contribute to the Internet Governance Forum discussions",
    "Share data on ICT indicators with the UN system",
    "Support least developed countries in digital transformation",
    "Consider environmental aspects of ICTs",
    "Foster digital skills and literacy",
    "Prepare inputs for the next overall review",
    "Encourage inclusive participation of all stakeholders",
    "Align ITU's strategic plan with the outcome of the review",
    "Track resources needed for WSIS follow-up",
]
MANDATES = ["1332: 1; 140: 2", "1334: 3", "", "1332: 4; 1334: 1", "140: 5"]


def load_gap_analysis() -> None:
    action = Action.objects.filter(title__startswith="Prepare the gap analysis").first()
    secretariat = User.objects.filter(username="secretariat").first()
    if action is None or secretariat is None:
        return
    analysis, _created = GapAnalysis.objects.get_or_create(action=action, defaults={"title": TITLE})
    rows = []
    for number, theme in enumerate(THEMES):
        coverage = COVERAGE[number % len(COVERAGE)]
        mandates = "" if coverage == "gap" else MANDATES[number % len(MANDATES)] or "1332: 2"
        rows.append(
            (
                number + 2,
                {
                    "source": "A/RES/80/173",
                    "paragraph": f"para. {number + 5}",
                    "requirement": f"Demo data: {theme.lower()}.",
                    "mandates": mandates,
                    "coverage": coverage,
                    "proposed_response": ""
                    if coverage == "covered"
                    else "Demo data: propose an update of the mandate to Council.",
                },
            )
        )
    save_gap_rows(analysis=analysis, rows=rows, by=secretariat)
    _answer_with_actions(analysis=analysis, by=secretariat)


# requirement theme -> the demo action that answers it
ANSWERS = {
    "Report regularly on ITU's WSIS implementation": "Report on Resolutions 1332 and 1334",
    "Prepare inputs for the next overall review": "Compile the ITU inputs to the WSIS+20 review",
}


def _answer_with_actions(*, analysis: GapAnalysis, by: User) -> None:
    for theme, action_title in ANSWERS.items():
        item = analysis.items.filter(requirement=f"Demo data: {theme.lower()}.").first()
        answer = Action.objects.filter(title__startswith=action_title).first()
        if item is None or answer is None:
            continue
        edit_gap_item(
            item=item,
            by=by,
            requirement=item.requirement,
            coverage=item.coverage,
            mandates=mandates_text(item),
            status=item.status,
            proposed_response=item.proposed_response,
            owner=item.owner,
            answered_by_action=answer,
        )
