"""Checking an export as a consumer of the open data would: with frictionless, against the
resource of its datapackage.json (format, encoding, dialect and schema)."""

from frictionless import Resource


def validation_errors(tmp_path, descriptor: dict, resource_name: str, body: bytes) -> list:
    resource = next(item for item in descriptor["resources"] if item["name"] == resource_name)
    local = f"export.{resource['format']}"
    (tmp_path / local).write_bytes(body)
    checked = Resource.from_descriptor({**resource, "path": local}, basepath=str(tmp_path))
    report = checked.validate()
    return [error.message for task in report.tasks for error in task.errors]


def pinned(table) -> list[tuple[str, str]]:
    """An export's columns as the tests pin them per schema version."""
    return [(field.name, field.type) for field in table.fields]
