"""The layers hold: no import and no model reference goes up (cwg < meetings < ... < followup).

Imports are checked by import-linter (`make lint`, contracts in pyproject.toml); model references
by string ("documents.Document") escape it, so relations are checked here from the app registry.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["cwg", "meetings", "documents", "consultations", "followup"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _layer(app_label: str) -> int | None:
    module = apps.get_app_config(app_label).module.__name__.split(".")[0]
    return LAYERS.index(module) if module in LAYERS else None


def test_no_model_refers_to_a_model_of_a_higher_layer():
    upward = []
    for model in apps.get_models(include_auto_created=True):
        own = _layer(model._meta.app_label)
        if own is None:
            continue
        for field in model._meta.get_fields(include_hidden=True):
            if not field.is_relation or field.auto_created or field.related_model is None:
                continue
            target = _layer(field.related_model._meta.app_label)
            if target is not None and target > own:
                upward.append(
                    f"{model._meta.label}.{field.name} -> {field.related_model._meta.label}"
                )
    assert upward == []


def _copy_of_the_code(destination: Path) -> Path:
    for package in LAYERS:
        shutil.copytree(
            ROOT / package,
            destination / package,
            ignore=shutil.ignore_patterns("*.po", "*.mo", "*.html", "*.pyc", "__pycache__"),
        )
    shutil.copy(ROOT / "pyproject.toml", destination / "pyproject.toml")
    return destination


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (our own tool, fixed arguments)
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


@pytest.fixture(scope="module")
def code_copy(tmp_path_factory):
    return _copy_of_the_code(tmp_path_factory.mktemp("layers"))


def test_the_contracts_hold_on_the_code(code_copy):
    result = _lint_imports(code_copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_breaks_the_build(code_copy):
    calendar = code_copy / "meetings" / "selectors.py"
    calendar.write_text(calendar.read_text() + "\nfrom followup.models import Action  # upward\n")
    result = _lint_imports(code_copy)
    assert result.returncode != 0
    assert "meetings is not allowed to import followup" in result.stdout
