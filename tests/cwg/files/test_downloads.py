"""A stored file is served with safe headers; one missing from storage answers 410, not 500."""

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cwg.files.downloads import stored_file_response


class StoredName:
    """What a FileField gives the view: a name in the default storage that opens."""

    def __init__(self, name: str) -> None:
        self.name = name

    def open(self, mode: str):
        return default_storage.open(self.name, mode)


def test_a_stored_file_is_served_as_an_attachment():
    name = default_storage.save("documents/aa/bb/x.pdf", ContentFile(b"%PDF-1.4 bytes"))
    response = stored_file_response(
        StoredName(name), filename="CWG-44_1_AR.pdf", content_type="application/pdf"
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 bytes"
    assert response["Content-Disposition"].startswith('attachment; filename="CWG-44_1_AR.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_missing_from_storage_is_gone_with_a_message_and_logged(caplog):
    with caplog.at_level(logging.ERROR, logger="cwg.files.downloads"):
        response = stored_file_response(
            StoredName("documents/00/00/missing.pdf"),
            filename="missing.pdf",
            content_type="application/pdf",
        )
    assert response.status_code == 410
    assert "missing from storage" in response.content.decode()
    assert "documents/00/00/missing.pdf" in caplog.text
