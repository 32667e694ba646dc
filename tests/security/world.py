"""The objects the matrix requests, and the canaries each role must never see.

Each app adds its objects here as they land: one object per access level and workflow state,
whose title and text carry a canary string that names what it is.
"""

from dataclasses import dataclass, field

from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.roles import People


@dataclass
class World:
    people: People
    meeting: object
    # canary text -> the roles that may see it
    canaries: dict[str, set[str]] = field(default_factory=dict)

    def leaks_in(self, response, *, role: str, where: str) -> list[str]:
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        return [
            f"{where}: {role} sees {canary}"
            for canary, allowed in self.canaries.items()
            if role not in allowed and canary in text
        ]


def build_world(people: People) -> World:
    meeting = MeetingFactory(working_group=people.working_group, number=44)
    AgendaItemFactory(meeting=meeting, title="Agenda item visible to everyone")
    return World(people=people, meeting=meeting)
