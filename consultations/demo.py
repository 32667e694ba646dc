"""The consultations part of `manage.py load_demo`: the WSIS+20 call for inputs and an open call.

The WSIS+20 call is history (closed, 97 inputs already moderated). It is replayed through the
services, as the secretariat and the authors lived it: opened, answered at the times the inputs
arrived, moderated in batches with reasons, withdrawn by some authors, closed. So every input
has its moderation decisions and its version history, and the figures come from the rows.
Idempotent: a call that exists is left as it is, so a second load moves and duplicates nothing.
"""

import datetime as dt

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone

from consultations import services
from consultations.models import ConsultationCall, Question, RejectionReason, Submission
from cwg.models import MemberState, WorkingGroup

ST = Submission.StakeholderType
STAKEHOLDERS = [
    ST.GOVERNMENT,
    ST.CIVIL_SOCIETY,
    ST.PRIVATE_SECTOR,
    ST.ACADEMIA,
    ST.TECHNICAL_COMMUNITY,
    ST.INTERNATIONAL_ORGANIZATION,
    ST.OTHER,
]
COUNTRIES = ["EG", "SE", "BR", "ZA", "KR", "RW", "IN", "FR", "MX", "JP", "KE", "AR", None]
LANGUAGES = ["en", "ar", "fr", "es", "ru", "zh-hans"]
FIRST = ["Amina", "Lars", "Beatriz", "Thabo", "Ji-woo", "Aline", "Ravi", "Claire", "Diego", "Yuki"]
LAST = ["Haddad", "Berg", "Souza", "Nkosi", "Park", "Uwase", "Mehta", "Roux", "Luna", "Sato"]
IDEAS = [
    "Community networks should be part of every national broadband plan.",
    "Digital skills training must reach older people and rural women first.",
    "Measure meaningful connectivity, not only subscriptions.",
    "Keep the multistakeholder character of the WSIS Forum after 2025.",
    "Link the WSIS action lines to the SDG targets with shared indicators.",
    "Open data on spectrum use would help small operators plan investments.",
    "Content in local languages, including Arabic and Swahili, needs public support.",
]
# What some authors wrote in their own language (the others wrote in English).
IDEAS_IN = {
    "ar": [
        "ينبغي أن تكون الشبكات المجتمعية جزءاً من كل خطة وطنية للنطاق العريض.",
        "المحتوى باللغة العربية على الإنترنت يحتاج إلى دعم عام مستدام.",
    ],
    "fr": [
        "Mesurer la connectivité significative, et non seulement les abonnements.",
        "Les compétences numériques doivent d'abord atteindre les femmes en milieu rural.",
    ],
    "es": [
        "Vincular las líneas de acción de la CMSI con las metas de los ODS mediante indicadores "
        "comunes.",
        "Los datos abiertos sobre el uso del espectro ayudarían a los pequeños operadores.",
    ],
    "ru": [
        "Сохранить многосторонний характер Форума ВВУИО после 2025 года.",
        "Цифровые навыки нужны прежде всего пожилым людям и сельским жителям.",
    ],
    "zh-hans": [
        "社区网络应纳入每一项国家宽带计划。",
        "应衡量有意义的连通性，而不仅仅是用户数量。",
    ],
}
# The secretariat's short list of reasons, in the six languages (the authors read them).
REASONS = [
    {
        "en": "Advertising unrelated to the call.",
        "ar": "إعلان لا علاقة له بالدعوة.",
        "fr": "Publicité sans rapport avec l'appel.",
        "es": "Publicidad sin relación con la convocatoria.",
        "ru": "Реклама, не связанная с призывом.",
        "zh-hans": "与征集无关的广告。",
    },
    {
        "en": "Duplicate of an earlier input by the same author.",
        "ar": "تكرار لمساهمة سابقة من المؤلف نفسه.",
        "fr": "Doublon d'une contribution antérieure du même auteur.",
        "es": "Duplicado de una contribución anterior del mismo autor.",
        "ru": "Повтор более раннего вклада того же автора.",
        "zh-hans": "与同一作者此前的意见重复。",
    },
    {
        "en": "Does not address the questions of the call.",
        "ar": "لا تتناول أسئلة الدعوة.",
        "fr": "Ne répond pas aux questions de l'appel.",
        "es": "No responde a las preguntas de la convocatoria.",
        "ru": "Не отвечает на вопросы призыва.",
        "zh-hans": "未回答征集中的问题。",
    },
]
# 97 received: 62 published, 14 rejected, 11 accepted without consent, 10 withdrawn.
PLAN = ["published"] * 62 + ["rejected"] * 14 + ["no_consent"] * 11 + ["withdrawn"] * 10


def load(*, working_group: WorkingGroup) -> None:
    with transaction.atomic():
        _wsis20_call(working_group)
        _open_call(working_group)


def _questions(call: ConsultationCall) -> list[Question]:
    texts = [
        (
            {
                "en": "What should the WSIS process achieve by 2035?",
                "ar": "ما الذي ينبغي أن تحققه عملية القمة العالمية لمجتمع المعلومات بحلول 2035؟",
                "fr": "Que devrait accomplir le processus du SMSI d'ici 2035 ?",
            },
            "text",
        ),
        (
            {
                "en": "Which action line matters most to you?",
                "ar": "ما خط العمل الأهم بالنسبة إليك؟",
            },
            "choice",
        ),
    ]
    choices = [
        {"value": "c2", "label": {"en": "C2 Infrastructure", "ar": "ج2 البنية التحتية"}},
        {"value": "c4", "label": {"en": "C4 Capacity building", "ar": "ج4 بناء القدرات"}},
        {"value": "c5", "label": {"en": "C5 Confidence and security", "ar": "ج5 الثقة والأمن"}},
    ]
    return [
        Question.objects.create(
            call=call,
            order=order,
            text=text,
            kind=kind,
            required=kind == "text",
            choices=choices if kind == "choice" else [],
        )
        for order, (text, kind) in enumerate(texts, start=1)
    ]


# The WSIS+20 call in the six languages (the keys are the site's language codes).
WSIS20_TITLE = {
    "en": "Call for inputs on the WSIS+20 review",
    "ar": "دعوة لتقديم المساهمات بشأن استعراض القمة العالمية لمجتمع المعلومات+20",
    "fr": "Appel à contributions sur l'examen SMSI+20",
    "es": "Convocatoria de aportaciones sobre el examen de la CMSI+20",
    "ru": "Призыв к представлению материалов для обзора ВВУИО+20",
    "zh-hans": "关于信息社会世界峰会+20审查的意见征集",
}
WSIS20_DESCRIPTION = {
    "en": "Launched under Council Resolution 1332: your views on the WSIS process "
    "beyond 2025, summarised by the chair for the General Assembly's review.",
    "ar": "أُطلقت بموجب قرار المجلس 1332: آراؤكم في عملية القمة بعد عام 2025، "
    "تلخصها الرئيسة لاستعراض الجمعية العامة.",
    "fr": "Lancé en application de la Résolution 1332 du Conseil: vos points de vue sur le "
    "processus du SMSI au-delà de 2025, résumés par la présidente pour l'examen de "
    "l'Assemblée générale.",
    "es": "Convocada en virtud de la Resolución 1332 del Consejo: sus opiniones sobre el "
    "proceso de la CMSI después de 2025, resumidas por la presidenta para el examen de la "
    "Asamblea General.",
    "ru": "Объявлен в соответствии с Резолюцией 1332 Совета: ваши мнения о процессе ВВУИО "
    "после 2025 года, обобщенные председателем для обзора Генеральной Ассамблеей.",
    "zh-hans": "根据理事会第1332号决议发起：征集各方对2025年后信息社会世界峰会进程的意见，"
    "由主席汇总后提交联合国大会审查。",
}


def _wsis20_call(working_group: WorkingGroup) -> None:
    if ConsultationCall.objects.filter(code="WSIS20").exists():
        return
    secretariat = User.objects.get(username="secretariat")
    closes_at = dt.datetime(2025, 3, 31, 22, 0, tzinfo=dt.UTC)
    call = ConsultationCall.objects.create(
        working_group=working_group,
        code="WSIS20",
        title=WSIS20_TITLE,
        description=WSIS20_DESCRIPTION,
        opens_at=closes_at - dt.timedelta(days=60),
        closes_at=closes_at,
    )
    main, choice = _questions(call)
    services.open_call(call=call, by=secretariat)
    states = {state.iso_code: state for state in MemberState.objects.filter(iso_code__in=COUNTRIES)}
    inputs = [
        _historic_input(call, number, fate, states, main, choice)
        for number, fate in enumerate(PLAN, start=1)
    ]
    _moderate(inputs, by=secretariat, after=closes_at)
    services.close_call(call=call, by=secretariat)


def _historic_input(call, number, fate, states, main, choice) -> tuple[str, Submission]:
    iso = COUNTRIES[number % len(COUNTRIES)]
    language = LANGUAGES[number % len(LANGUAGES)]
    ideas = IDEAS_IN.get(language, IDEAS)
    submission = services.submit_input(
        call=call,
        by=AnonymousUser(),
        name=f"{FIRST[number % 10]} {LAST[(number * 3) % 10]}",
        email=f"demo.input{number}@example.invalid",
        organization="" if number % 4 == 0 else f"Demo organization {number % 17 + 1}",
        stakeholder_type=STAKEHOLDERS[number % len(STAKEHOLDERS)],
        country=states.get(iso) if iso else None,
        language=language,
        consent_to_publish=fate != "no_consent",
        answers={main.pk: ideas[number % len(ideas)], choice.pk: ["c2", "c4", "c5"][number % 3]},
        arrived_at=call.opens_at + dt.timedelta(hours=13 * number),
    )
    return fate, submission


def _moderate(inputs: list[tuple[str, Submission]], *, by: User, after: dt.datetime) -> None:
    """The decisions in the order the secretariat took them, each batch on its own day."""

    def ids(*fates: str) -> list[int]:
        return [item.pk for fate, item in inputs if fate in fates]

    for fate, item in inputs:
        if fate == "withdrawn":
            services.withdraw_submission(
                token=services.withdraw_link_token(submission=item),
                withdrawn_at=item.submitted_at + dt.timedelta(days=2),
            )
    day = dt.timedelta(days=1)
    services.accept_submissions(ids=ids("published", "no_consent"), by=by, decided_at=after + day)
    for index, reason in enumerate(_rejection_reasons()):
        rejected = [
            item.pk for fate, item in inputs if fate == "rejected" and item.number % 3 == index
        ]
        services.reject_submissions(
            ids=rejected, by=by, standard_reason=reason, decided_at=after + day * (2 + index)
        )
    services.publish_submissions(ids=ids("published"), by=by, decided_at=after + 7 * day)


def _rejection_reasons() -> list[RejectionReason]:
    if not RejectionReason.objects.exists():
        RejectionReason.objects.bulk_create(
            RejectionReason(text=text, order=order) for order, text in enumerate(REASONS, start=1)
        )
    return list(RejectionReason.objects.order_by("order", "pk")[: len(REASONS)])


def _open_call(working_group: WorkingGroup) -> None:
    if ConsultationCall.objects.filter(code="WSISSDG26").exists():
        return
    now = timezone.now().replace(microsecond=0)
    call = ConsultationCall.objects.create(
        working_group=working_group,
        code="WSISSDG26",
        title={
            "en": "Call for inputs: linking WSIS action lines and the SDGs after WSIS+20",
            "ar": "دعوة لتقديم المساهمات: الربط بين خطوط عمل القمة وأهداف التنمية المستدامة",
        },
        description={
            "en": "Open to everyone: tell the group how the renewed WSIS mandate to 2035 should "
            "connect to the 2030 Agenda.",
        },
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=30),
    )
    _questions(call)
    services.open_call(call=call, by=User.objects.get(username="secretariat"))
