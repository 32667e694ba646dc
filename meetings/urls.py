from django.urls import path

from meetings.views import calendar, pages

app_name = "meetings"
urlpatterns = [
    path("<int:number>/", pages.meeting_detail, name="detail"),
    path("<int:number>/participants/", pages.participant_list, name="participants"),
    path(
        "<int:number>/participants/import/",
        pages.participant_import,
        name="participant_import",
    ),
    path("calendar.ics", calendar.public_feed, name="public_calendar"),
    path("calendar/", calendar.calendar_settings, name="calendar"),
    path("calendar/rotate/", calendar.rotate_token, name="rotate_calendar_token"),
    path("calendar/<str:token>.ics", calendar.private_feed, name="private_calendar"),
]
