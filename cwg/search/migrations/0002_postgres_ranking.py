"""A narrow ranking vector beside the full one, so that ranking never reads TOAST.

``ranking`` keeps the title's lexemes and the 128 most frequent others, three positions each
(ts_rank weighs the n-th occurrence by 1/n², so later ones barely count); a trigger derives
it from ``document``. The row keeps ``ranking``, ``principals`` and ``facets`` inline
(STORAGE MAIN) and sends title, body and the full vector out of line from 128 bytes on
(toast_tuple_target), so the rows a search visits are small. The full vector gets a larger
statistics target: the planner then estimates a word's matches well enough to choose the
GIN index.
"""

from django.db import migrations

CREATE = r"""
CREATE FUNCTION search_ranking_vector(document tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(
        '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':' || array_to_string(
            ARRAY(SELECT p::text || w FROM unnest(positions[1:3], weights[1:3]) AS x(p, w)), ','),
        ' '), '')::tsvector
    FROM (SELECT lexeme, positions, weights FROM unnest(document)
          ORDER BY 'A' = ANY(weights) DESC, cardinality(positions) DESC, lexeme LIMIT 128) kept
$$;
CREATE FUNCTION search_entry_ranking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.ranking := search_ranking_vector(NEW.document);
    RETURN NEW;
END
$$;
ALTER TABLE search_entry ADD COLUMN ranking tsvector NOT NULL DEFAULT '';
ALTER TABLE search_entry ALTER COLUMN ranking SET STORAGE MAIN;
ALTER TABLE search_entry ALTER COLUMN principals SET STORAGE MAIN;
ALTER TABLE search_entry ALTER COLUMN facets SET STORAGE MAIN;
ALTER TABLE search_entry ALTER COLUMN document SET STATISTICS 1000;
ALTER TABLE search_entry SET (toast_tuple_target = 128);
CREATE TRIGGER search_entry_ranking BEFORE INSERT OR UPDATE OF document ON search_entry
    FOR EACH ROW EXECUTE FUNCTION search_entry_ranking();
UPDATE search_entry SET document = document;
"""

DROP = """
DROP TRIGGER search_entry_ranking ON search_entry;
DROP FUNCTION search_entry_ranking();
ALTER TABLE search_entry DROP COLUMN ranking;
DROP FUNCTION search_ranking_vector(tsvector);
ALTER TABLE search_entry RESET (toast_tuple_target);
ALTER TABLE search_entry ALTER COLUMN document SET STATISTICS -1;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_postgres_index")]
    operations = [migrations.RunPython(forwards, backwards)]
