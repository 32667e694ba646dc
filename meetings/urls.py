from django.urls import path

from meetings import (
    views,
    views_action_edit,
    views_actions,
    views_calendar,
    views_gap_edit,
    views_gaps,
)

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
    path("actions/new/", views_action_edit.action_create, name="action_create"),
    path("actions/<int:pk>/", views_actions.action_detail, name="action"),
    path("actions/<int:pk>/edit/", views_action_edit.action_edit, name="action_edit"),
    path(
        "actions/<int:pk>/documents/",
        views_action_edit.action_link_document,
        name="action_link_document",
    ),
    path(
        "actions/<int:pk>/documents/<int:document>/remove/",
        views_action_edit.action_unlink_document,
        name="action_unlink_document",
    ),
    path(
        "actions/<int:pk>/gap-analysis/",
        views_action_edit.action_start_gap_analysis,
        name="action_start_gap_analysis",
    ),
    path(
        "actions/<int:pk>/<slug:step>/",
        views_actions.action_transition,
        name="action_transition",
    ),
    path("gap-analyses/<int:pk>/", views_gaps.gap_matrix, name="gap_matrix"),
    path("gap-analyses/<int:pk>/import/", views_gap_edit.gap_import, name="gap_import"),
    path("gap-items/<int:pk>/edit/", views_gap_edit.gap_item_edit, name="gap_item_edit"),
    path("gap-analyses/<int:pk>/export.csv", views_gaps.gap_csv, name="gap_csv"),
    path("gap-analyses/<int:pk>/export.docx", views_gaps.gap_docx, name="gap_docx"),
    path("calendar.ics", views_calendar.public_feed, name="public_calendar"),
    path("calendar/", views_calendar.calendar_settings, name="calendar"),
    path("calendar/rotate/", views_calendar.rotate_token, name="rotate_calendar_token"),
    path("calendar/<str:token>.ics", views_calendar.private_feed, name="private_calendar"),
]
