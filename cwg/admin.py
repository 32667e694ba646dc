from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from cwg import outbox
from cwg.models import (
    Delegation,
    MemberState,
    Officer,
    Organization,
    OutboxMessage,
    Resolution,
    WorkingGroup,
)


@admin.register(WorkingGroup)
class WorkingGroupAdmin(VersionAdmin):
    list_display = ["code", "name", "contribution_days_before", "posting_days_before"]
    filter_horizontal = ["mandate_resolutions"]

    def has_add_permission(self, request) -> bool:
        # One installation serves one group; its meetings are numbered without a group.
        return super().has_add_permission(request) and not WorkingGroup.objects.exists()


@admin.register(Resolution)
class ResolutionAdmin(VersionAdmin):
    list_display = ["__str__", "kind", "number", "title"]
    list_filter = ["kind"]
    search_fields = ["number", "title"]


@admin.register(MemberState)
class MemberStateAdmin(VersionAdmin):
    list_display = ["iso_code", "name_en", "name_ar", "itu_region", "development_region"]
    list_filter = ["itu_region", "development_region"]
    search_fields = ["iso_code", "name_en", "name_fr", "name_es", "name_ar", "name_ru", "name_zh"]


@admin.register(Organization)
class OrganizationAdmin(VersionAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["country"]


@admin.register(Officer)
class OfficerAdmin(VersionAdmin):
    list_display = ["name", "role", "member_state", "term_start", "term_end", "attends_remotely"]
    list_filter = ["working_group", "role"]
    autocomplete_fields = ["member_state", "user"]


@admin.register(Delegation)
class DelegationAdmin(VersionAdmin):
    list_display = ["user", "member_state", "organization"]
    autocomplete_fields = ["user", "member_state", "organization"]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Side effects waiting, done or given up (cwg.outbox): read here, sent again by action."""

    list_display = ["handler", "state", "attempts", "created_at", "available_at", "done_at"]
    list_filter = ["state", "handler"]
    ordering = ["-created_at", "-pk"]  # the newest first: what is waiting now
    readonly_fields = [field.name for field in OutboxMessage._meta.fields]
    actions = ["send_again"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Send the selected messages again now"), permissions=["view"])
    def send_again(self, request, queryset) -> None:
        count = outbox.send_again(list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d message was sent again.", "%(count)d messages were sent again.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
