"""The follow-up models, moved out of meetings: their tables stay (db_table), only the state moves.

The content types move from app_label "meetings" to "followup", so the auth permissions, the
guardian object permissions and the reversion versions that point at them keep their objects;
the versions' serialized data names its model, which is renamed the same way.
"""

import json

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = ["action", "actionupdate", "sentreminder", "gapanalysis", "gapitem", "itemmandate"]


def _move_content_types(apps, schema_editor, *, source: str, target: str) -> None:
    content_type_model = apps.get_model("contenttypes", "ContentType")
    version_model = apps.get_model("reversion", "Version")
    db = schema_editor.connection.alias
    for name in MOVED_MODELS:
        old = content_type_model.objects.using(db).filter(app_label=source, model=name).first()
        if old is None:
            continue  # a new database: the content types are created after migrate
        # one made by an earlier half-run migrate would block the rename; it has no rows yet
        content_type_model.objects.using(db).filter(app_label=target, model=name).delete()
        old.app_label = target
        old.save(update_fields=["app_label"])
        for version in version_model.objects.using(db).filter(content_type=old, format="json"):
            rows = json.loads(version.serialized_data)
            for row in rows:
                row["model"] = f"{target}.{name}"
            version.serialized_data = json.dumps(rows)
            version.save(update_fields=["serialized_data"])
    content_type_model.objects.clear_cache()


def move_to_followup(apps, schema_editor) -> None:
    _move_content_types(apps, schema_editor, source="meetings", target="followup")


def move_to_meetings(apps, schema_editor) -> None:
    _move_content_types(apps, schema_editor, source="followup", target="meetings")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('cwg', '0003_member_states'),
        ('documents', '0002_extraction_delayed'),
        ('meetings', '0007_document_links'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='Action',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('title', models.CharField(max_length=300, verbose_name='title')),
                    ('description', models.TextField(blank=True, verbose_name='description')),
                    ('due_date', models.DateField(verbose_name='due date')),
                    ('status', models.CharField(choices=[('open', 'Open'), ('in_progress', 'In progress'), ('done', 'Done'), ('cancelled', 'Cancelled')], default='open', max_length=20, verbose_name='status')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('updated_at', models.DateTimeField(auto_now=True)),
                    ('agenda_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='actions', to='meetings.agendaitem', verbose_name='agenda item')),
                    ('documents', models.ManyToManyField(blank=True, db_table='meetings_action_documents', help_text='Documents that answer or record this action; shown only to their readers.', related_name='follow_up_actions', to='documents.document', verbose_name='documents')),
                    ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='actions', to='meetings.meeting')),
                    ('owner_group', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='owned_actions', to='auth.group', verbose_name='owner (group)')),
                    ('owner_officer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='owned_actions', to='cwg.officer', verbose_name='owner (officer)')),
                    ('owner_user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='owned_actions', to=settings.AUTH_USER_MODEL, verbose_name='owner (person)')),
                ],
                options={
                    'verbose_name': 'action',
                    'verbose_name_plural': 'actions',
                    'db_table': 'meetings_action',
                    'ordering': ['due_date', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='ActionUpdate',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('text', models.TextField(verbose_name='progress')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='written at')),
                    ('action', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='updates', to='followup.action')),
                    ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='action_updates', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'progress update',
                    'verbose_name_plural': 'progress updates',
                    'db_table': 'meetings_actionupdate',
                    'ordering': ['created_at', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='GapAnalysis',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('title', models.CharField(max_length=300, verbose_name='title')),
                    ('action', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='gap_analysis', to='followup.action')),
                ],
                options={
                    'verbose_name': 'gap analysis',
                    'verbose_name_plural': 'gap analyses',
                    'db_table': 'meetings_gapanalysis',
                },
            ),
            migrations.CreateModel(
                name='GapItem',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('paragraph', models.CharField(max_length=40, verbose_name='paragraph')),
                    ('requirement', models.TextField(verbose_name='requirement')),
                    ('coverage', models.CharField(choices=[('covered', 'Covered'), ('partial', 'Partial'), ('gap', 'Gap')], max_length=10, verbose_name='coverage')),
                    ('proposed_response', models.TextField(blank=True, verbose_name='proposed response')),
                    ('status', models.CharField(choices=[('open', 'Open'), ('in_progress', 'In progress'), ('done', 'Done')], default='open', max_length=20, verbose_name='status')),
                    ('order', models.PositiveIntegerField(default=0, verbose_name='order')),
                    ('analysis', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='followup.gapanalysis')),
                    ('answered_by_action', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='answered_gap_items', to='followup.action', verbose_name='answered by action')),
                    ('answered_by_document', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='answered_gap_items', to='documents.document', verbose_name='answered by document')),
                    ('owner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='gap_items', to=settings.AUTH_USER_MODEL, verbose_name='owner')),
                    ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='gap_items_sourced', to='cwg.resolution')),
                ],
                options={
                    'verbose_name': 'gap item',
                    'verbose_name_plural': 'gap items',
                    'db_table': 'meetings_gapitem',
                    'ordering': ['analysis', 'order', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='ItemMandate',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('paragraphs', models.CharField(blank=True, max_length=100, verbose_name='paragraphs')),
                    ('item', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='mandates', to='followup.gapitem')),
                    ('resolution', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='gap_item_mandates', to='cwg.resolution')),
                ],
                options={
                    'verbose_name': 'covering mandate',
                    'verbose_name_plural': 'covering mandates',
                    'db_table': 'meetings_itemmandate',
                    'ordering': ['item', 'resolution'],
                },
            ),
            migrations.CreateModel(
                name='SentReminder',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('kind', models.CharField(choices=[('before_due', 'Reminder before the due date'), ('overdue', 'Overdue reminder'), ('digest', 'Weekly digest')], max_length=20, verbose_name='kind')),
                    ('period', models.DateField(help_text="The due date reminded of, or the Monday of the digest's week.", verbose_name='period')),
                    ('recipients', models.TextField(blank=True, verbose_name='recipients')),
                    ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='sent at')),
                    ('action', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='followup.action')),
                ],
                options={
                    'verbose_name': 'sent reminder',
                    'verbose_name_plural': 'sent reminders',
                    'db_table': 'meetings_sentreminder',
                },
            ),
            migrations.AddConstraint(
                model_name='action',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('owner_group__isnull', True), ('owner_officer__isnull', True), ('owner_user__isnull', False)), models.Q(('owner_group__isnull', False), ('owner_officer__isnull', True), ('owner_user__isnull', True)), models.Q(('owner_group__isnull', True), ('owner_officer__isnull', False), ('owner_user__isnull', True)), _connector='OR'), name='action_has_exactly_one_owner', violation_error_message='An action has exactly one owner: a person, a group or an officer.'),
            ),
            migrations.AddConstraint(
                model_name='gapitem',
                constraint=models.UniqueConstraint(fields=('analysis', 'source', 'paragraph'), name='gap_item_unique_paragraph'),
            ),
            migrations.AddConstraint(
                model_name='itemmandate',
                constraint=models.UniqueConstraint(fields=('item', 'resolution'), name='item_mandate_unique'),
            ),
            migrations.AddConstraint(
                model_name='sentreminder',
                constraint=models.UniqueConstraint(condition=models.Q(('action__isnull', False)), fields=('action', 'kind', 'period'), name='reminder_once_per_action_kind_period'),
            ),
            migrations.AddConstraint(
                model_name='sentreminder',
                constraint=models.UniqueConstraint(condition=models.Q(('action__isnull', True)), fields=('kind', 'period'), name='digest_once_per_period'),
            ),
            ],
        ),
        migrations.RunPython(move_to_followup, move_to_meetings),
    ]
