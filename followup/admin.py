from django.contrib import admin
from reversion.admin import VersionAdmin

from followup.models import Action, ActionUpdate, GapAnalysis, GapItem, ItemMandate, SentReminder


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    extra = 0
    readonly_fields = ["created_at"]


@admin.register(Action)
class ActionAdmin(VersionAdmin):
    list_display = ["title", "meeting", "owner", "due_date", "status"]
    list_filter = ["meeting", "status"]
    list_select_related = ["meeting__working_group", "owner_user", "owner_group", "owner_officer"]
    search_fields = ["title"]
    inlines = [ActionUpdateInline]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "action", "period", "recipients", "sent_at"]
    list_filter = ["kind"]
    list_select_related = ["action"]


class GapItemInline(admin.StackedInline):
    model = GapItem
    extra = 0


@admin.register(GapAnalysis)
class GapAnalysisAdmin(VersionAdmin):
    list_display = ["title", "action"]
    inlines = [GapItemInline]


class ItemMandateInline(admin.TabularInline):
    model = ItemMandate
    extra = 0


@admin.register(GapItem)
class GapItemAdmin(VersionAdmin):
    list_display = ["__str__", "analysis", "coverage", "status"]
    list_filter = ["analysis", "coverage", "status"]
    list_select_related = ["analysis", "source"]
    inlines = [ItemMandateInline]
