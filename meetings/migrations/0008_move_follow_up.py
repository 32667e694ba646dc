"""Action, ActionUpdate, SentReminder and the gap analysis now live in followup.

State only: the tables keep their names (followup sets db_table) and their rows; this runs
after followup's 0001 has taken the models over.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0007_document_links"),
        ("followup", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="action",
                    name="agenda_item",
                ),
                migrations.RemoveField(
                    model_name="action",
                    name="documents",
                ),
                migrations.RemoveField(
                    model_name="action",
                    name="meeting",
                ),
                migrations.RemoveField(
                    model_name="action",
                    name="owner_group",
                ),
                migrations.RemoveField(
                    model_name="action",
                    name="owner_officer",
                ),
                migrations.RemoveField(
                    model_name="action",
                    name="owner_user",
                ),
                migrations.RemoveField(
                    model_name="gapanalysis",
                    name="action",
                ),
                migrations.RemoveField(
                    model_name="actionupdate",
                    name="action",
                ),
                migrations.RemoveField(
                    model_name="gapitem",
                    name="answered_by_action",
                ),
                migrations.RemoveField(
                    model_name="actionupdate",
                    name="author",
                ),
                migrations.RemoveField(
                    model_name="gapitem",
                    name="analysis",
                ),
                migrations.RemoveField(
                    model_name="gapitem",
                    name="answered_by_document",
                ),
                migrations.RemoveField(
                    model_name="gapitem",
                    name="owner",
                ),
                migrations.RemoveField(
                    model_name="gapitem",
                    name="source",
                ),
                migrations.RemoveField(
                    model_name="itemmandate",
                    name="item",
                ),
                migrations.RemoveField(
                    model_name="itemmandate",
                    name="resolution",
                ),
                migrations.DeleteModel(
                    name="SentReminder",
                ),
                migrations.DeleteModel(
                    name="Action",
                ),
                migrations.DeleteModel(
                    name="ActionUpdate",
                ),
                migrations.DeleteModel(
                    name="GapAnalysis",
                ),
                migrations.DeleteModel(
                    name="GapItem",
                ),
                migrations.DeleteModel(
                    name="ItemMandate",
                ),
            ],
        ),
    ]
