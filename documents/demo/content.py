"""The demo's documents of the 43rd and 44th meetings: titles and texts written for the demo.

Each entry: (kind, title, sources (ISO codes, or "Secretariat"/"Chair"/"SECTOR"), languages).
"""

DOC, INF = "contribution", "information"

MEETING_43 = [
    (DOC, "Draft agenda of the 43rd meeting", ["Chair"], ["en", "ar"]),
    (
        DOC,
        "ITU contributions to the WSIS+20 review: progress report",
        ["Secretariat"],
        ["en", "ar"],
    ),
    (DOC, "Results of the call for inputs on the WSIS+20 review", ["Secretariat"], ["en"]),
    (
        DOC,
        "Proposals for ITU's input to the WSIS+20 outcome",
        ["EG", "SA", "AE"],
        ["ar", "en"],
    ),
    (
        DOC,
        "Strengthening the action line on information and communication infrastructure",
        ["BR"],
        ["en"],
    ),
    (DOC, "Digital inclusion in the WSIS framework beyond 2025", ["ZA", "RW"], ["en"]),
    (DOC, "Views on the future of the WSIS Forum", ["SE"], ["en"]),
    (
        DOC,
        "Indicators of the information society for the period after 2025",
        ["KR"],
        ["en"],
    ),
    (
        DOC,
        "Linking the WSIS action lines with the Sustainable Development Goals",
        ["IN"],
        ["en"],
    ),
    (
        DOC,
        "Building confidence and security in the use of ICTs: capacity building",
        ["RU"],
        ["en"],
    ),
    (DOC, "Multistakeholder cooperation in the WSIS process", ["SECTOR"], ["en"]),
    (
        DOC,
        "Implementation of Council Resolution 1332: annual report",
        ["Secretariat"],
        ["en"],
    ),
    (
        DOC,
        "Implementation of Council Resolution 1334: annual report",
        ["Secretariat"],
        ["en"],
    ),
    (INF, "List of participants of the 43rd meeting", ["Secretariat"], ["en"]),
    (INF, "Outcomes of the WSIS Forum 2025", ["Secretariat"], ["en"]),
    (INF, "Regional review events on WSIS+20: an overview", ["Secretariat"], ["en", "ar"]),
]

MEETING_44 = [
    (DOC, "Draft agenda of the 44th meeting", ["Chair"], ["en", "ar"]),
    (
        DOC,
        "Outcome of the General Assembly's WSIS+20 review (A/RES/80/173): briefing",
        ["Secretariat"],
        ["en", "ar"],
    ),
    (
        DOC,
        "Proposed structure of the gap analysis for Council 2026",
        ["Secretariat"],
        ["en"],
    ),
    (DOC, "Mapping the WSIS+20 outcome to ITU's current mandates", ["EG"], ["ar", "en"]),
    (DOC, "Priorities for ITU after the WSIS+20 review", ["EG"], ["en"]),
    (
        DOC,
        "Views of Arab States on the follow-up of WSIS+20",
        ["SA", "EG", "AE"],
        ["ar", "en"],
    ),
    (DOC, "Digital transformation in Africa and the WSIS agenda", ["ZA", "RW"], ["en"]),
    (DOC, "Elements for a revision of Council Resolution 1332", ["KR"], ["en"]),
    (DOC, "Updating Resolution 140 after the WSIS+20 review", ["BR"], ["en"]),
    (
        DOC,
        "Data for the WSIS indicators: a sector member's experience",
        ["SECTOR"],
        ["en"],
    ),
    (DOC, "Draft report of the group to Council 2026", ["Chair"], ["en"]),
    (DOC, "Views on the road to 2035", ["CN"], ["en"]),
    (INF, "List of participants of the 44th meeting", ["Secretariat"], ["en"]),
    (INF, "Preparations for the WSIS Forum 2026", ["Secretariat"], ["en"]),
    (INF, "Calendar of WSIS-related events in 2026", ["Secretariat"], ["en"]),
]

# The agenda items each document was presented under (information documents are for reference
# and sit under none). A document may sit under several items.
AGENDA_ITEMS = {
    (43, "Draft agenda of the 43rd meeting"): ["2"],
    (43, "ITU contributions to the WSIS+20 review: progress report"): ["3"],
    (43, "Results of the call for inputs on the WSIS+20 review"): ["4"],
    (43, "Proposals for ITU's input to the WSIS+20 outcome"): ["3"],
    (43, "Strengthening the action line on information and communication infrastructure"): ["3"],
    (43, "Digital inclusion in the WSIS framework beyond 2025"): ["3"],
    (43, "Views on the future of the WSIS Forum"): ["3", "6"],
    (43, "Indicators of the information society for the period after 2025"): ["3"],
    (43, "Linking the WSIS action lines with the Sustainable Development Goals"): ["5"],
    (43, "Building confidence and security in the use of ICTs: capacity building"): ["5"],
    (43, "Multistakeholder cooperation in the WSIS process"): ["3"],
    (43, "Implementation of Council Resolution 1332: annual report"): ["5"],
    (43, "Implementation of Council Resolution 1334: annual report"): ["5"],
    (44, "Draft agenda of the 44th meeting"): ["2"],
    (44, "Outcome of the General Assembly's WSIS+20 review (A/RES/80/173): briefing"): ["3"],
    (44, "Proposed structure of the gap analysis for Council 2026"): ["4"],
    (44, "Mapping the WSIS+20 outcome to ITU's current mandates"): ["3", "4"],
    (44, "Priorities for ITU after the WSIS+20 review"): ["3"],
    (44, "Views of Arab States on the follow-up of WSIS+20"): ["3"],
    (44, "Digital transformation in Africa and the WSIS agenda"): ["5"],
    (44, "Elements for a revision of Council Resolution 1332"): ["4"],
    (44, "Updating Resolution 140 after the WSIS+20 review"): ["4"],
    (44, "Data for the WSIS indicators: a sector member's experience"): ["5"],
    (44, "Draft report of the group to Council 2026"): ["4"],
    (44, "Views on the road to 2035"): ["3"],
}

# The late contribution, approved by the secretariat; and the document that got a revision.
LATE = (44, "Mapping the WSIS+20 outcome to ITU's current mandates")
# Egypt's contribution co-sponsored by Sweden, which confirmed: the source line "Egypt, Sweden".
COSPONSORED = {(44, "Priorities for ITU after the WSIS+20 review"): ["SE"]}
REVISED = (44, "Proposed structure of the gap analysis for Council 2026")

BODY = {
    "en": [
        "This document is demonstration data written for the CWG-WSIS&SDG system.",
        "It sets out the views of its authors on the item named in its title and proposes "
        "that the group take them into account in its work.",
    ],
    "ar": [
        "هذه الوثيقة بيانات تجريبية أُعدّت لعرض نظام فريق العمل.",
        "وتعرض آراء مقدّميها بشأن البند المذكور في عنوانها، وتقترح أن يأخذها الفريق في الحسبان.",
    ],
}

SUMMARY_TITLE = "Summary of the 44th meeting by the Chair"
SUMMARY_BLOCKS = [
    {"kind": "heading", "text": "Opening of the meeting"},
    {
        "kind": "paragraph",
        "text": "The Chair opened the meeting, held in hybrid format, and "
        "welcomed the delegates present in Geneva and online. (Demonstration text.)",
    },
    {"kind": "heading", "text": "Outcome of the WSIS+20 review"},
    {
        "kind": "paragraph",
        "text": "The secretariat presented the outcome document adopted by "
        "the General Assembly; delegates discussed its consequences for ITU.",
    },
    {"kind": "heading", "text": "Gap analysis for Council 2026"},
    {
        "kind": "paragraph",
        "text": "The group agreed that the secretariat would prepare a gap "
        "analysis mapping the outcome document against Council Resolutions 1332 and 1334 and "
        "Resolution 140, for consideration by Council 2026.",
    },
]
