from meetings.services.actions import (
    add_action_update,
    cancel_action,
    complete_action,
    create_action,
    edit_action,
    reopen_action,
    start_action,
)
from meetings.services.gap_items import edit_gap_item, start_gap_analysis
from meetings.services.links import link_document_to_action, unlink_document_from_action
from meetings.services.participants import ImportReport, import_participants

__all__ = [
    "ImportReport",
    "add_action_update",
    "cancel_action",
    "complete_action",
    "create_action",
    "edit_action",
    "edit_gap_item",
    "import_participants",
    "link_document_to_action",
    "reopen_action",
    "start_action",
    "start_gap_analysis",
    "unlink_document_from_action",
]
