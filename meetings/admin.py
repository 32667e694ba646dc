from django.contrib import admin
from reversion.admin import VersionAdmin

from meetings.models import AgendaItem, Meeting


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(VersionAdmin):
    list_display = ["__str__", "start_date", "end_date", "format", "venue"]
    list_filter = ["working_group", "format"]
    inlines = [AgendaItemInline]
