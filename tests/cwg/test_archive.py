"""Data safety: export_archive -> an empty database -> import_archive gives the same record;
verify_storage finds a changed or missing stored file."""

import io
import json
import os
import stat

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command, execute_from_command_line

from consultations.models import ModerationDecision, Submission, SubmissionAttachment
from consultations.services import reject_submissions
from cwg.archive import ArchiveError, export_archive, import_archive, verify_storage
from cwg.archive.rows import serialize_rows
from cwg.archive.storage import sha256_of
from documents.models import Document, DocumentFile
from documents.services import create_document, publish_summary, update_summary
from tests.security.world import build_world


def stored_files() -> dict[str, str]:
    """Every stored file of every kind: contributions and consultation attachments."""
    found = {}
    for row in [*DocumentFile.objects.all(), *SubmissionAttachment.objects.all()]:
        with default_storage.open(row.file.name, "rb") as handle:
            found[row.file.name] = sha256_of(handle)
    return found


@pytest.fixture
def record(people):
    world = build_world(people)
    summary = world.documents["summary"]
    update_summary(
        document=summary,
        title="Summary of the 44th meeting",
        blocks=[{"kind": "paragraph", "text": "ملخص الاجتماع"}],
        by=people["secretariat"],
    )
    publish_summary(document=summary, by=people["chair"])
    received = Submission.objects.filter(status=Submission.Status.RECEIVED).first()
    reject_submissions(ids=[received.pk], by=people["secretariat"], reason="Off topic")
    return world


@pytest.mark.django_db(transaction=True)
def test_an_export_round_trips_into_an_empty_database(record, tmp_path, settings, people):
    rows_before = list(serialize_rows())
    files_before = stored_files()
    archive = tmp_path / "archive"

    call_command("export_archive", str(archive), stdout=io.StringIO())

    manifest = json.loads((archive / "manifest.json").read_text(encoding="utf-8"))
    file_rows = DocumentFile.objects.count() + SubmissionAttachment.objects.count()
    assert SubmissionAttachment.objects.exists()
    assert len(manifest["files"]) == file_rows
    attachment = SubmissionAttachment.objects.select_related("submission").first()
    assert any(
        entry["path"].startswith(f"consultations/{attachment.submission.reference}/")
        for entry in manifest["files"]
    )
    published = Document.objects.get(pk=record.documents["public"].pk)
    folder = archive / "documents" / published.symbol.replace("/", "-") / "en"
    assert [p.name for p in folder.iterdir()][0].endswith("-contribution.docx")
    for entry in manifest["files"]:
        with (archive / entry["path"]).open("rb") as handle:
            assert sha256_of(handle) == entry["sha256"] == files_before[entry["stored_name"]]
    labels = {row["model"] for row in manifest["rows"]}
    assert {
        "documents.document",
        "documents.documentfile",
        "consultations.submission",
        "consultations.answer",
        "consultations.moderationdecision",
        "reversion.version",
        "reversion.revision",
    } <= labels
    assert "cwg.outboxmessage" not in labels  # a restored copy never mails again

    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    assert not Document.objects.exists()

    settings.SEARCH_SQLITE_PATH = tmp_path / "search.sqlite3"
    output = io.StringIO()
    call_command("import_archive", str(archive), stdout=output)  # and rebuilds the search index
    assert f"Imported {len(rows_before)} rows and {file_rows} files" in output.getvalue()

    rows_after = list(serialize_rows())
    for before, after in zip(rows_before, rows_after, strict=True):
        assert (after["model"], after["pk"]) == (before["model"], before["pk"])
        assert {k: v for k, v in after["fields"].items() if v != before["fields"][k]} == {}
    assert stored_files() == files_before
    assert verify_storage().ok
    assert ModerationDecision.objects.filter(to_status="rejected", reason="Off topic").exists()
    # The database goes on from where the record ended: sequences follow the loaded keys.
    document = create_document(meeting=record.meeting, title="After", by=people["delegate"])
    assert document.pk > published.pk


@pytest.mark.django_db(transaction=True)
def test_an_import_refuses_a_database_that_is_not_empty(record, tmp_path):
    export_archive(path=tmp_path / "archive")
    with pytest.raises(ArchiveError, match="not empty"):
        import_archive(path=tmp_path / "archive")


@pytest.mark.django_db(transaction=True)
def test_a_damaged_archive_is_refused_before_any_row_is_written(record, tmp_path, settings):
    archive = tmp_path / "archive"
    export_archive(path=archive)
    manifest = json.loads((archive / "manifest.json").read_text(encoding="utf-8"))
    (archive / manifest["files"][0]["path"]).write_bytes(b"changed")
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    with pytest.raises(ArchiveError, match="sha256 differs from the manifest"):
        import_archive(path=archive)
    assert not Document.objects.exists()
    assert not (tmp_path / "restored-media").exists()


@pytest.mark.django_db
def test_an_export_refuses_a_folder_in_use(tmp_path):
    (tmp_path / "something").write_text("x")
    with pytest.raises(ArchiveError, match="not empty"):
        export_archive(path=tmp_path)


def run_verify_storage(capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_status:
        execute_from_command_line(["manage.py", "verify_storage"])
    captured = capsys.readouterr()
    return exit_status.value.code, captured.out + captured.err


@pytest.mark.django_db
def test_verify_storage_passes_when_every_file_matches(record, capsys):
    call_command("verify_storage")
    assert "match their rows" in capsys.readouterr().out


@pytest.mark.django_db
def test_verify_storage_names_a_changed_and_a_missing_file(record, capsys):
    changed, removed = DocumentFile.objects.order_by("pk")[:2]
    with open(changed.file.path, "ab") as handle:
        handle.write(b"tampered")
    default_storage.delete(removed.file.name)

    code, output = run_verify_storage(capsys)

    assert code == 1
    assert f"changed: documents.documentfile {changed.pk} {changed.file.name}" in output
    assert f"missing: documents.documentfile {removed.pk} {removed.file.name}" in output
    assert "1 missing and 1 changed" in output


@pytest.mark.django_db
def test_an_archive_is_readable_by_its_owner_only(record, tmp_path):
    """It holds password hashes and link tokens: 0700 folders, 0600 files, whatever the umask."""
    archive = tmp_path / "archive"
    previous = os.umask(0o002)
    try:
        export_archive(path=archive)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o700
    written = list(archive.rglob("*"))
    assert any(path.name == "manifest.json" for path in written)
    for path in written:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def run_repair(capsys, archive) -> tuple[int, str]:
    try:
        execute_from_command_line(["manage.py", "verify_storage", "--repair-from", str(archive)])
    except SystemExit as exit_status:
        code = exit_status.code
    else:
        code = 0
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.django_db
def test_verify_storage_repairs_a_changed_and_a_missing_file_from_an_archive(record, tmp_path):
    archive = tmp_path / "archive"
    export_archive(path=archive)
    before = stored_files()
    changed, removed = DocumentFile.objects.order_by("pk")[:2]
    with open(changed.file.path, "ab") as handle:
        handle.write(b"tampered")
    default_storage.delete(removed.file.name)

    out = io.StringIO()
    call_command("verify_storage", "--repair-from", str(archive), stdout=out)  # keeps the db
    output = out.getvalue()

    assert f"repaired: documents.documentfile {changed.pk} {changed.file.name}" in output
    assert f"repaired: documents.documentfile {removed.pk} {removed.file.name}" in output
    assert "(2 repaired from" in output
    assert stored_files() == before
    assert verify_storage().ok


@pytest.mark.django_db
def test_repair_takes_nothing_the_archive_cannot_prove(record, tmp_path, capsys):
    archive = tmp_path / "archive"
    export_archive(path=archive)
    manifest = json.loads((archive / "manifest.json").read_text(encoding="utf-8"))
    damaged_in_archive, missing = DocumentFile.objects.order_by("pk")[:2]
    for entry in manifest["files"]:
        if entry["stored_name"] == damaged_in_archive.file.name:
            (archive / entry["path"]).write_bytes(b"also damaged")
    default_storage.delete(damaged_in_archive.file.name)
    default_storage.delete(missing.file.name)
    late = DocumentFile.objects.order_by("pk").last()
    with open(late.file.path, "ab") as handle:
        handle.write(b"x")
    DocumentFile.objects.filter(pk=late.pk).update(sha256="0" * 64)  # a row newer than the archive

    code, output = run_repair(capsys, archive)

    assert code == 1
    assert f"missing: documents.documentfile {damaged_in_archive.pk}" in output
    assert f"repaired: documents.documentfile {missing.pk}" in output
    assert f"changed: documents.documentfile {late.pk}" in output
    assert not default_storage.exists(damaged_in_archive.file.name)


@pytest.mark.django_db
def test_repair_from_a_folder_that_is_not_an_archive(record, tmp_path, capsys):
    code, output = run_repair(capsys, tmp_path)
    assert code == 1
    assert "is not a finished archive" in output
