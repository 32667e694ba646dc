"""Summaries were stored HTML-escaped (nh3 turned & into &amp;): store the text as typed."""

from django.db import migrations

ESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))  # &amp; last: "&amp;lt;" stays "&lt;"


def unescaped(blocks):
    if not isinstance(blocks, list):
        return blocks
    fixed = []
    for block in blocks:
        text = block.get("text", "")
        for escaped, character in ESCAPES:
            text = text.replace(escaped, character)
        fixed.append(block | {"text": text})
    return fixed


def unescape(apps, schema_editor):
    for name in ("Document", "DocumentRevision"):
        model = apps.get_model("documents", name)
        for row in model.objects.only("pk", "summary_body").iterator():
            if not row.summary_body:
                continue
            body = unescaped(row.summary_body)
            if body != row.summary_body:
                model.objects.filter(pk=row.pk).update(summary_body=body)


class Migration(migrations.Migration):
    dependencies = [("documents", "0008_cosponsors")]

    operations = [migrations.RunPython(unescape, migrations.RunPython.noop)]
