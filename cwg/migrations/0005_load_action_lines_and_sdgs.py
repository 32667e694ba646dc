from django.db import migrations

from cwg.action_lines import sync_action_lines


def load(apps, schema_editor):
    sync_action_lines(apps.get_model("cwg", "ActionLine"), apps.get_model("cwg", "SustainableDevelopmentGoal"))


def unload(apps, schema_editor):
    apps.get_model("cwg", "ActionLine").objects.all().delete()
    apps.get_model("cwg", "SustainableDevelopmentGoal").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("cwg", "0004_action_lines_and_sdgs")]

    operations = [migrations.RunPython(load, unload)]
