"""File safety and text extraction: checks before storing, extraction in a sandboxed child."""

from cwg.files.checks import InspectedFile, inspect_upload
from cwg.files.downloads import stored_file_response
from cwg.files.exceptions import ExtractionFailed, UploadRefused
from cwg.files.extraction import ExtractedText, extract_text
from cwg.files.names import content_disposition, safe_download_name, safe_original_name

__all__ = [
    "ExtractedText",
    "ExtractionFailed",
    "InspectedFile",
    "UploadRefused",
    "content_disposition",
    "extract_text",
    "inspect_upload",
    "safe_download_name",
    "safe_original_name",
    "stored_file_response",
]
