from followup.services.actions import (
    add_action_update,
    cancel_action,
    complete_action,
    create_action,
    edit_action,
    reopen_action,
    start_action,
)
from followup.services.gap_items import edit_gap_item, start_gap_analysis
from followup.services.links import link_document_to_action, unlink_document_from_action
from followup.services.reminders import send_due_reminders, send_secretariat_digest

__all__ = [
    "add_action_update",
    "cancel_action",
    "complete_action",
    "create_action",
    "edit_action",
    "edit_gap_item",
    "link_document_to_action",
    "reopen_action",
    "send_due_reminders",
    "send_secretariat_digest",
    "start_action",
    "start_gap_analysis",
    "unlink_document_from_action",
]
