import datetime as dt

import factory

from followup.models import Action
from tests.cwg.factories import UserFactory
from tests.meetings.factories import MeetingFactory


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Follow-up action {n}")
    owner_user = factory.SubFactory(UserFactory)
    due_date = dt.date(2026, 3, 1)
