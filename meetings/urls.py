from django.urls import path

from meetings import views, views_actions, views_calendar, views_gaps

app_name = "meetings"
urlpatterns = [
    path("<int:number>/", views.meeting_detail, name="detail"),
    path("<int:number>/participants/", views.participant_list, name="participants"),
    path(
        "<int:number>/participants/import/",
        views.participant_import,
        name="participant_import",
    ),
    path("actions/", views_actions.action_dashboard, name="action_dashboard"),
    path("actions/mine/", views_actions.my_action_list, name="my_actions"),
    path("actions/<int:pk>/", views_actions.action_detail, name="action"),
    path(
        "actions/<int:pk>/<slug:step>/",
        views_actions.action_transition,
        name="action_transition",
    ),
    path("gap-analyses/<int:pk>/", views_gaps.gap_matrix, name="gap_matrix"),
    path("gap-analyses/<int:pk>/export.csv", views_gaps.gap_csv, name="gap_csv"),
    path("gap-analyses/<int:pk>/export.docx", views_gaps.gap_docx, name="gap_docx"),
    path("calendar.ics", views_calendar.public_feed, name="public_calendar"),
    path("calendar/", views_calendar.calendar_settings, name="calendar"),
    path("calendar/rotate/", views_calendar.rotate_token, name="rotate_calendar_token"),
    path("calendar/<str:token>.ics", views_calendar.private_feed, name="private_calendar"),
]
