"""Version history of a document's details, and restoring an earlier version as a new one."""

import reversion
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _
from reversion.models import Version

from cwg.exceptions import InvalidTransition, NotAllowed, NotFound
from documents import permissions
from documents.models import Document

RESTORABLE_FIELDS = ["title", "access", "source_text"]
RESTORABLE_RELATIONS = ["agenda_items", "source_states", "source_organizations"]


@transaction.atomic
def restore_version(*, document: Document, version_id: int, by: User) -> Document:
    """Copy an earlier version's details onto the document; the workflow state is kept."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_restore_version(user=by, document=document):
        raise NotAllowed(_("You may not change this document."))
    if document.status == Document.Status.WITHDRAWN:
        raise InvalidTransition(_("A withdrawn document cannot be changed."))
    version = Version.objects.get_for_object(document).filter(pk=version_id).first()
    if version is None:
        raise NotFound(_("That version does not exist for this document."))
    fields = version.field_dict
    with reversion.create_revision():
        for name in RESTORABLE_FIELDS:
            setattr(document, name, fields[name])
        document.save(update_fields=[*RESTORABLE_FIELDS, "updated_at"])
        for name in RESTORABLE_RELATIONS:
            getattr(document, name).set(fields.get(name, []))
        reversion.set_user(by)
        reversion.set_comment(f"Restored the details of version {version.pk}")
    return document
