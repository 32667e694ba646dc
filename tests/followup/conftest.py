import pytest

from cwg.models import Resolution
from followup.models import GapAnalysis
from tests.followup.factories import ActionFactory
from tests.meetings.factories import MeetingFactory


@pytest.fixture
def analysis(working_group):
    kinds = Resolution.Kind
    for kind, number in [
        (kinds.COUNCIL, "1332"),
        (kinds.COUNCIL, "1334"),
        (kinds.PLENIPOTENTIARY, "140"),
        (kinds.UN_GENERAL_ASSEMBLY, "A/RES/80/173"),
    ]:
        Resolution.objects.get_or_create(kind=kind, number=number, defaults={"title": number})
    action = ActionFactory(meeting=MeetingFactory(working_group=working_group))
    return GapAnalysis.objects.create(action=action, title="Council 2026 (demo)")
