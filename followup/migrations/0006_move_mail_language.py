"""The language of a person's mails moves to cwg.UserPreference: it is chosen once, for all."""

from django.db import migrations


def forwards(apps, schema_editor):
    FollowupPreference = apps.get_model("followup", "FollowupPreference")
    UserPreference = apps.get_model("cwg", "UserPreference")
    for user_id, language in FollowupPreference.objects.values_list("user_id", "language"):
        UserPreference.objects.update_or_create(user_id=user_id, defaults={"language": language})


def backwards(apps, schema_editor):
    FollowupPreference = apps.get_model("followup", "FollowupPreference")
    UserPreference = apps.get_model("cwg", "UserPreference")
    chosen = UserPreference.objects.exclude(language="").values_list("user_id", "language")
    for user_id, language in chosen:
        FollowupPreference.objects.filter(user_id=user_id).update(language=language)


class Migration(migrations.Migration):

    dependencies = [
        ("cwg", "0010_user_preference"),
        ("followup", "0005_record_package"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="followuppreference", name="language"),
    ]
