"""What is kept of an uploader's file name."""

from cwg.files import safe_original_name


def test_everything_from_a_nul_on_is_dropped():
    assert safe_original_name("a.pdf\x00.exe") == "a.pdf"
    assert safe_original_name("a.pdf\x00.exe", extension=".pdf") == "a.pdf"


def test_a_long_name_keeps_its_extension():
    name = safe_original_name("x" * 300 + ".pdf")
    assert len(name) == 200
    assert name.endswith("x.pdf")


def test_the_name_ends_with_the_extension_of_the_type_found():
    assert safe_original_name("report.exe", extension=".pdf") == "report.exe.pdf"
    assert safe_original_name("notes", extension=".docx") == "notes.docx"
    assert safe_original_name("Report.PDF", extension=".pdf") == "Report.PDF"
    assert safe_original_name("y" * 300 + ".exe", extension=".pdf").endswith("y.pdf")


def test_paths_controls_and_empty_names():
    assert safe_original_name("C:\\Users\\x\\plan.docx") == "plan.docx"
    assert safe_original_name("\u202eevil.pdf") == "evil.pdf"
    assert safe_original_name("\x00.pdf", extension=".pdf") == "file.pdf"
