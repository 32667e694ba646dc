from meetings.services.actions import (
    add_action_update,
    cancel_action,
    complete_action,
    create_action,
    reopen_action,
    start_action,
)
from meetings.services.participants import ImportReport, import_participants

__all__ = [
    "ImportReport",
    "add_action_update",
    "cancel_action",
    "complete_action",
    "create_action",
    "import_participants",
    "reopen_action",
    "start_action",
]
