"""Kinds of stored files: each app says which rows point at bytes in storage, and where they go.

An app registers its kinds in its own ``archive.py`` (found by autodiscovery), e.g.
documents/archive.py::

    register_stored_files(StoredFiles(model="documents.DocumentFile", archive_path=path_for))

so this package knows no app; a new kind (consultation attachments, say) is one more call.
"""

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils.module_loading import autodiscover_modules

UNSAFE_IN_PATH = re.compile(r"[\\/:*?\"<>|]")


@dataclass(frozen=True)
class StoredFiles:
    model: str  # "app_label.ModelName"
    archive_path: Callable[[models.Model], str]  # where a row's file goes inside an archive
    file_field: str = "file"
    sha256_field: str = "sha256"
    select_related: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.model.lower()

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def rows(self) -> Iterator[models.Model]:
        queryset = self.model_class().objects.exclude(**{self.file_field: ""}).order_by("pk")
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        return queryset.iterator(chunk_size=500)

    def stored_name(self, row: models.Model) -> str:
        return getattr(row, self.file_field).name

    def sha256(self, row: models.Model) -> str:
        return getattr(row, self.sha256_field)


_KINDS: dict[str, StoredFiles] = {}


def register_stored_files(kind: StoredFiles) -> None:
    _KINDS[kind.label] = kind


@functools.cache
def _discover() -> None:
    autodiscover_modules("archive")


def stored_file_kinds() -> list[StoredFiles]:
    _discover()
    return list(_KINDS.values())


def path_part(text: str) -> str:
    """One folder or file name: "CWG-WSIS&SDG-44/7(Rev.1)" -> "CWG-WSIS&SDG-44-7(Rev.1)".

    No separator, control or bidi character, and never "." or "..".
    """
    visible = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cc", "Cf"})
    cleaned = UNSAFE_IN_PATH.sub("-", visible).strip(" .")
    return cleaned[:150] or "unnamed"
