from django.db import migrations

from cwg.member_states import sync_member_states


def load_itu_names(apps, schema_editor):
    """Replace CLDR's English, French and Spanish names by ITU's ("Korea (Rep. of)")."""
    sync_member_states(apps.get_model("cwg", "MemberState"))


class Migration(migrations.Migration):
    dependencies = [("cwg", "0007_officer_form_of_address")]

    operations = [migrations.RunPython(load_itu_names, migrations.RunPython.noop)]
