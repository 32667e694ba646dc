"""The PostgreSQL index table; on other databases the FTS5 backend keeps its own file."""

from django.db import migrations

CREATE = """
CREATE TABLE search_entry (
    id bigserial PRIMARY KEY, kind text NOT NULL, object_id bigint NOT NULL,
    symbol text NOT NULL, title text NOT NULL, body text NOT NULL, filename text,
    principals text[] NOT NULL, facets text[] NOT NULL, document tsvector NOT NULL,
    UNIQUE (kind, object_id));
CREATE INDEX search_entry_document ON search_entry USING gin (document);
CREATE INDEX search_entry_principals ON search_entry USING gin (principals);
CREATE INDEX search_entry_facets ON search_entry USING gin (facets);
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE search_entry")


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(forwards, backwards)]
