from django.contrib import admin
from reversion.admin import VersionAdmin

from meetings.models import AgendaItem, Meeting, Participant


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(VersionAdmin):
    list_display = ["__str__", "start_date", "end_date", "format", "venue"]
    list_filter = ["working_group", "format"]
    inlines = [AgendaItemInline]


@admin.register(Participant)
class ParticipantAdmin(VersionAdmin):
    list_display = ["name", "meeting", "member_state", "organization", "role", "attendance"]
    list_filter = ["meeting", "role", "attendance"]
    list_select_related = ["meeting__working_group", "member_state", "organization"]
    search_fields = ["name"]
