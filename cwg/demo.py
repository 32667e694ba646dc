"""The working group of the demo: CWG-WSIS&SDG, its mandates, officers and sign-ins."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User

from cwg.member_states import sync_member_states
from cwg.models import MemberState, Officer, Organization, Resolution, WorkingGroup
from cwg.permissions import DELEGATES, OFFICERS, SECRETARIAT
from cwg.services import appoint_officer, enrol_user

GROUP_CODE = "CWG-WSIS&SDG"

RESOLUTIONS = [
    (
        Resolution.Kind.COUNCIL,
        "1332",
        "modified 2024",
        "ITU's role in the implementation of the WSIS outcomes and the 2030 Agenda for "
        "Sustainable Development",
    ),
    (
        Resolution.Kind.COUNCIL,
        "1334",
        "modified 2023",
        "ITU's role in the overall review of the implementation of the WSIS outcomes",
    ),
    (
        Resolution.Kind.PLENIPOTENTIARY,
        "140",
        "Rev. Bucharest, 2022",
        "ITU's role in implementing the outcomes of the WSIS and the 2030 Agenda for Sustainable "
        "Development, as well as in their follow-up and review processes",
    ),
    (
        Resolution.Kind.UN_GENERAL_ASSEMBLY,
        "A/RES/80/173",
        "",
        "Outcome document of the high-level meeting of the General Assembly on the overall review "
        "of the implementation of the outcomes of the World Summit on the Information Society",
    ),
]

MANDATE = (
    "The group coordinates ITU's contribution to the implementation and review of the outcomes "
    "of the World Summit on the Information Society and to the 2030 Agenda for Sustainable "
    "Development, prepares inputs for Council, and follows up the WSIS+20 review."
)

OFFICERS_OF_THE_GROUP = [
    ("Cynthia Lesufi", "chair", "ZA", False, "chair"),
    ("Renata Santoyo", "vice_chair", "BR", False, "vicechair"),
    ("Mina Seonmin Jun", "vice_chair", "KR", False, None),
    ("Janet Umutesi", "vice_chair", "RW", True, None),
    ("Susanna Mattsson", "vice_chair", "SE", False, None),
]
TERM_START = dt.date(2023, 1, 1)


@dataclass(frozen=True)
class DemoSignIn:
    username: str
    password: str
    role: str
    description: str


SIGN_INS = [
    DemoSignIn(
        "secretariat",
        "demo-secretariat-2026",
        SECRETARIAT,
        "Secretariat (registers, publishes, moderates)",
    ),
    DemoSignIn("chair", "demo-chair-2026", OFFICERS, "Chair, Ms Cynthia Lesufi (South Africa)"),
    DemoSignIn(
        "vicechair", "demo-vicechair-2026", OFFICERS, "Vice-chair, Ms Renata Santoyo (Brazil)"
    ),
    DemoSignIn("delegate.eg", "demo-delegate-2026", DELEGATES, "Delegate of Egypt"),
    DemoSignIn("delegate.se", "demo-delegate-2026", DELEGATES, "Delegate of Sweden"),
    DemoSignIn("sector.member", "demo-sector-2026", DELEGATES, "Representative of a sector member"),
]
SECTOR_MEMBER_NAME = "Nile Delta Telecom (demo sector member)"


def load() -> list[DemoSignIn]:
    if not MemberState.objects.exists():  # a flushed database: the data migration's rows are gone
        sync_member_states(MemberState)
    group = _load_group()
    states = {
        s.iso_code: s
        for s in MemberState.objects.filter(iso_code__in=["ZA", "BR", "KR", "RW", "SE", "EG"])
    }
    sector_member, _created = Organization.objects.get_or_create(
        name=SECTOR_MEMBER_NAME,
        defaults={"kind": Organization.Kind.SECTOR_MEMBER, "country": states["EG"]},
    )
    users = _load_sign_ins(states=states, sector_member=sector_member)
    for name, role, iso, remote, username in OFFICERS_OF_THE_GROUP:
        appoint_officer(
            working_group=group,
            name=name,
            role=role,
            member_state=states[iso],
            term_start=TERM_START,
            user=users.get(username),
            attends_remotely=remote,
            form_of_address=Officer.FormOfAddress.MS,  # the demo's officers are all "Ms"
        )
    return SIGN_INS


# The group's name in the other five languages, as ITU's Council documents give it.
GROUP_NAMES = {
    "ar": "فريق العمل التابع للمجلس المعني بالقمة العالمية لمجتمع المعلومات "
    "وأهداف التنمية المستدامة",
    "zh": "理事会信息社会世界峰会和可持续发展目标工作组",
    "fr": "Groupe de travail du Conseil sur le Sommet mondial sur la société de l'information "
    "et les Objectifs de développement durable",
    "ru": "Рабочая группа Совета по Всемирной встрече на высшем уровне по вопросам "
    "информационного общества и Целям в области устойчивого развития",
    "es": "Grupo de Trabajo del Consejo sobre la Cumbre Mundial sobre la Sociedad de la "
    "Información y los Objetivos de Desarrollo Sostenible",
}


def _load_group() -> WorkingGroup:
    group, _created = WorkingGroup.objects.update_or_create(
        code=GROUP_CODE,
        defaults={
            "name": "Council Working Group on the World Summit on the Information Society and "
            "the Sustainable Development Goals",
            "name_language": "en",
            "names": GROUP_NAMES,
            "mandate": MANDATE,
        },
    )
    for kind, number, revision, title in RESOLUTIONS:
        resolution, _created = Resolution.objects.update_or_create(
            kind=kind, number=number, defaults={"title": title, "revision": revision}
        )
        group.mandate_resolutions.add(resolution)
    return group


def _load_sign_ins(*, states, sector_member) -> dict[str, User]:
    parties = {
        "delegate.eg": {"member_state": states["EG"]},
        "delegate.se": {"member_state": states["SE"]},
        "sector.member": {"organization": sector_member},
    }
    names = {"chair": "Cynthia Lesufi", "vicechair": "Renata Santoyo"}
    users = {}
    for sign_in in SIGN_INS:
        users[sign_in.username] = enrol_user(
            username=sign_in.username,
            password=sign_in.password,
            role=sign_in.role,
            full_name=names.get(sign_in.username, ""),
            email=f"{sign_in.username}@demo.invalid",
            is_staff=sign_in.role == SECRETARIAT,
            **parties.get(sign_in.username, {}),
        )
    return users


def the_demo_group() -> WorkingGroup:
    return WorkingGroup.objects.get(code=GROUP_CODE)
