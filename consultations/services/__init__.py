"""Every state change of consultations: calls, inputs and their moderation."""

from consultations.services.attachments import (
    max_attachment_bytes,
    max_attachments,
    remove_orphan_attachment_files,
)
from consultations.services.calls import archive_call, close_call, open_call
from consultations.services.compilation import register_compiled_inputs
from consultations.services.inputs import (
    submission_from_token,
    submit_input,
    withdraw_link_token,
    withdraw_path,
    withdraw_submission,
)
from consultations.services.moderation import (
    accept_and_publish_submissions,
    accept_submissions,
    publish_submissions,
    reject_submissions,
)
from consultations.services.notices import tell_author_of_decision, tell_author_of_receipt
from consultations.services.writing import (
    create_call,
    remove_question,
    save_question,
    update_call,
)

__all__ = [
    "create_call",
    "remove_question",
    "save_question",
    "update_call",
    "accept_and_publish_submissions",
    "accept_submissions",
    "archive_call",
    "close_call",
    "max_attachment_bytes",
    "max_attachments",
    "open_call",
    "publish_submissions",
    "register_compiled_inputs",
    "reject_submissions",
    "remove_orphan_attachment_files",
    "submission_from_token",
    "tell_author_of_decision",
    "tell_author_of_receipt",
    "submit_input",
    "withdraw_link_token",
    "withdraw_path",
    "withdraw_submission",
]
