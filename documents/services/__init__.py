from documents.services.cosponsors import answer_cosponsorship, name_cosponsors
from documents.services.files import (
    add_file,
    add_staged_file,
    extract_stored_file,
    queue_extraction,
    remove_file,
    remove_orphan_files,
    requeue_stale_extractions,
    stage_file,
    store_file,
)
from documents.services.history import restore_version
from documents.services.registration import (
    correct_registered_document,
    create_contribution,
    register_secretariat_document,
    update_contribution,
)
from documents.services.summary import create_summary, publish_summary, update_summary
from documents.services.summary import text_version as summary_text_version
from documents.services.tags import propose_tags
from documents.services.titles import set_document_titles
from documents.services.workflow import (
    approve_late_contribution,
    create_document,
    publish_document,
    publish_revision,
    register_document,
    start_revision,
    submit_document,
    update_document,
    withdraw_document,
)

__all__ = [
    "add_file",
    "add_staged_file",
    "answer_cosponsorship",
    "correct_registered_document",
    "approve_late_contribution",
    "create_contribution",
    "create_document",
    "create_summary",
    "extract_stored_file",
    "publish_document",
    "propose_tags",
    "publish_revision",
    "name_cosponsors",
    "publish_summary",
    "queue_extraction",
    "register_document",
    "register_secretariat_document",
    "remove_file",
    "remove_orphan_files",
    "requeue_stale_extractions",
    "restore_version",
    "set_document_titles",
    "stage_file",
    "start_revision",
    "store_file",
    "submit_document",
    "update_contribution",
    "update_document",
    "summary_text_version",
    "update_summary",
    "withdraw_document",
]
