"""followup/0006: the language of the follow-up mails moves to cwg.UserPreference, both ways."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("followup", "0005_record_package")]  # cwg 0009, its dependency, stays
AFTER = [("followup", "0006_move_mail_language")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_chosen_language_moves_and_comes_back(django_user_model):
    reader = django_user_model.objects.create(username="reader", email="r@example.invalid")
    apps = migrate(BEFORE)
    apps.get_model("followup", "FollowupPreference").objects.create(
        user_id=reader.pk, language="fr", weekly_digest=True
    )
    apps = migrate(AFTER)
    preference = apps.get_model("cwg", "UserPreference").objects.get(user_id=reader.pk)
    assert (preference.language, preference.last_language) == ("fr", "")
    followup = apps.get_model("followup", "FollowupPreference").objects.get(user_id=reader.pk)
    assert followup.weekly_digest is True
    preference.language = "ar"
    preference.save()
    apps = migrate(BEFORE)
    back = apps.get_model("followup", "FollowupPreference").objects.get(user_id=reader.pk)
    assert back.language == "ar"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # every app back at its latest
