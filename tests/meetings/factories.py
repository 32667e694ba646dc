import datetime as dt

import factory

from meetings.models import AgendaItem, Meeting
from tests.cwg.factories import WorkingGroupFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        django_get_or_create = ["working_group", "number"]

    working_group = factory.SubFactory(WorkingGroupFactory)
    number = factory.Sequence(lambda n: 100 + n)
    start_date = dt.date(2026, 1, 15)
    end_date = dt.date(2026, 1, 16)
    venue = "Geneva"
    format = Meeting.Format.HYBRID


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    order = factory.Sequence(lambda n: n)
