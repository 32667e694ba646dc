from django.db import migrations

from cwg.member_states import sync_member_states


def load_member_states(apps, schema_editor):
    sync_member_states(apps.get_model("cwg", "MemberState"))


def unload_member_states(apps, schema_editor):
    apps.get_model("cwg", "MemberState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("cwg", "0002_role_groups")]

    operations = [migrations.RunPython(load_member_states, unload_member_states)]
