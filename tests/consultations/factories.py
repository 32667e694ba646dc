import datetime as dt

import factory
from django.utils import timezone

from consultations.models import Answer, ConsultationCall, Question, Submission
from tests.cwg.factories import WorkingGroupFactory, member_state


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationCall

    working_group = factory.SubFactory(WorkingGroupFactory)
    code = factory.Sequence(lambda n: f"CALL{n}")
    title = factory.LazyFunction(lambda: {"en": "Call for inputs", "ar": "دعوة لتقديم المساهمات"})
    description = factory.LazyFunction(lambda: {"en": "Tell us what you think."})
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    status = ConsultationCall.Status.OPEN


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    call = factory.SubFactory(CallFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = factory.LazyFunction(lambda: {"en": "What should change?", "ar": "ما الذي يجب تغييره؟"})


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A stored input, built directly: for reads. Writes under test go through the services."""

    class Meta:
        model = Submission

    call = factory.SubFactory(CallFactory)
    number = factory.Sequence(lambda n: n + 1)
    reference = factory.LazyAttribute(lambda s: f"{s.call.code}-{s.number:04d}")
    name = factory.Sequence(lambda n: f"Submitter {n}")
    email = factory.LazyAttribute(lambda s: f"submitter{s.number}@example.invalid")
    stakeholder_type = Submission.StakeholderType.CIVIL_SOCIETY
    consent_to_publish = True


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    submission = factory.SubFactory(SubmissionFactory)
    question = factory.SubFactory(QuestionFactory)
    text = factory.Sequence(lambda n: f"Answer text {n}")


def form_data(call, **extra) -> dict:
    """What the public form posts for `call`: an Arabic answer from a civil-society author."""
    question = call.questions.first()
    data = {
        "name": "Layla Mansour",
        "email": "layla@example.invalid",
        "organization": "Open Net Lab",
        "stakeholder_type": "civil_society",
        "country": member_state("EG").pk,
        "language": "ar",
        "consent_to_publish": "on",
        f"question_{question.pk}": "نريد شبكات أوسع في الأرياف.",
    }
    data.update(extra)
    return data
