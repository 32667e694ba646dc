"""Each pair of neighbouring words as a lexeme of its own, so a phrase is an exact index match.

A phrase (``'a' <-> 'b'``) needs positions, which the GIN index does not keep: every row
holding both words was read back from TOAST and its full vector checked, hundreds of
milliseconds when the words are common and the phrase rare. The trigger now adds to
``document`` one lexeme per pair of words at neighbouring positions, without positions and
starting with a space (no typed word or prefix starts with one, so word and prefix searches
never meet them); a two-word phrase is then that one lexeme, and a longer one needs its pairs
before any row is checked (backends/postgres.py). ``ranking`` keeps words only.
"""

from django.db import migrations

CREATE = r"""
CREATE FUNCTION search_phrase_pairs(document tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH word AS (
        SELECT lexeme, unnest(positions) AS position FROM unnest(document)
        WHERE positions IS NOT NULL)
    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT ' ' || a.lexeme || ' ' || b.lexeme)), '')
    FROM word a JOIN word b ON b.position = a.position + 1
$$;
CREATE OR REPLACE FUNCTION search_ranking_vector(document tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(
        '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':' || array_to_string(
            ARRAY(SELECT p::text || w FROM unnest(positions[1:3], weights[1:3]) AS x(p, w)), ','),
        ' '), '')::tsvector
    FROM (SELECT lexeme, positions, weights FROM unnest(document) WHERE positions IS NOT NULL
          ORDER BY 'A' = ANY(weights) DESC, cardinality(positions) DESC, lexeme LIMIT 128) kept
$$;
CREATE OR REPLACE FUNCTION search_entry_ranking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.document := NEW.document || search_phrase_pairs(NEW.document);
    NEW.ranking := search_ranking_vector(NEW.document);
    RETURN NEW;
END
$$;
UPDATE search_entry SET document = document;
"""

DROP = r"""
CREATE OR REPLACE FUNCTION search_entry_ranking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.ranking := search_ranking_vector(NEW.document);
    RETURN NEW;
END
$$;
DROP FUNCTION search_phrase_pairs(tsvector);
UPDATE search_entry SET document = ts_delete(
    document, ARRAY(SELECT lexeme FROM unnest(document) WHERE positions IS NULL));
"""


def on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_ranking")]
    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
