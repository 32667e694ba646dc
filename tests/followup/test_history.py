"""Follow-up histories read in the reader's language: the services store English comments."""

import pytest
from django.utils import translation

from followup.selectors.history import readable_comment


@pytest.mark.parametrize(
    ("stored", "language", "read"),
    [
        ("Created", "fr", "Création"),
        ("Completed", "es", "Finalización"),
        ("Linked a document", "ru", "Привязан документ"),
        (
            "Edited: due date, owner, tags",
            "fr",
            "Modification : date d'échéance, responsable, étiquettes",
        ),
        ("Edited: mandates", "ar", "تعديل: الولايات"),
        ("Something nobody wrote a rule for", "fr", "Something nobody wrote a rule for"),
    ],
)
def test_comments_read_in_the_readers_language(stored, language, read):
    with translation.override(language):
        assert readable_comment(stored) == read
