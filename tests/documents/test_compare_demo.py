"""The demo's Rev.0 and Rev.1 of 44/3 compare as the demo promises: a few words, one move."""

import pytest

from documents.demo.revisions import attach_revisions
from documents.services import publish_document
from documents.services.compare import compare_revisions

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "inserted", "deleted"),
    [
        ("en", ["and", "the", "General", "Secretariat", "six", "and", "to", "review"], ["four"]),
        ("ar", ["والأمانة", "العامة", "ستة", "وإلى", "استعراض"], ["أربعة"]),
    ],
)
def test_the_demo_revisions_differ_in_a_few_words_and_one_move(
    registered, people, django_capture_on_commit_callbacks, language, inserted, deleted
):
    secretariat = people["secretariat"]
    with django_capture_on_commit_callbacks(execute=True):
        document = publish_document(document=registered, by=secretariat)
        document = attach_revisions(document=document, by=secretariat)
    assert attach_revisions(document=document, by=secretariat).revision == 1  # idempotent
    result = compare_revisions(
        document=document, language=language, older=0, newer=1, user=people["public"]
    )
    counts = result.comparison.counts
    assert counts.inserted_words[: len(inserted)] == inserted
    assert counts.deleted_words == deleted
    assert {block.move for block in result.comparison.blocks if block.move} == {1, 2, 3}


def test_the_command_prints_the_counts_and_writes_the_docx(
    registered, people, django_capture_on_commit_callbacks, tmp_path
):
    from io import StringIO

    from django.core.management import CommandError, call_command
    from docx import Document as WordDocument

    secretariat = people["secretariat"]
    with django_capture_on_commit_callbacks(execute=True):
        document = publish_document(document=registered, by=secretariat)
        document = attach_revisions(document=document, by=secretariat)
    out, target = StringIO(), tmp_path / "changes.docx"
    symbol = document.symbol
    call_command(
        "compare_revisions", symbol, "--from", "0", "--to", "1", "--docx", str(target), stdout=out
    )
    assert "inserted 15, deleted 1, moved 19 words" in out.getvalue()
    assert WordDocument(str(target)).paragraphs
    with pytest.raises(CommandError, match="no fr file for revision 0"):
        call_command("compare_revisions", symbol, "--from", "0", "--to", "1", "--language", "fr")
    with pytest.raises(CommandError, match="Not a document symbol"):
        call_command("compare_revisions", "44-3", "--from", "0", "--to", "1")
