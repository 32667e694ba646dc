from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("meeting/<int:number>/", views.meeting_documents, name="meeting_list"),
    path("meeting/<int:number>/documents.csv", views.meeting_csv, name="meeting_csv"),
    path(
        "meeting/<int:number>/datapackage.json",
        views.meeting_datapackage,
        name="meeting_datapackage",
    ),
    path("meeting/<int:number>/languages/", views.translation_page, name="translations"),
    path(
        "meeting/<int:number>/languages/request/",
        views.request_translations,
        name="translations_request",
    ),
    path("meeting/<int:number>/languages/move/", views.move_translation, name="translations_move"),
    path(
        "meeting/<int:number>/languages/deliver/",
        views.deliver_translation,
        name="translations_deliver",
    ),
    path("meeting/<int:number>/languages.csv", views.translations_csv, name="translations_csv"),
    path(
        "meeting/<int:number>/languages/datapackage.json",
        views.translations_datapackage,
        name="translations_datapackage",
    ),
    path("meeting/<int:number>/new/", views.create_contribution, name="create"),
    path("meeting/<int:number>/summary/new/", views.create_summary, name="summary_new"),
    path("queue/", views.registration_queue, name="queue"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/edit/", views.edit_document, name="edit"),
    path("<int:pk>/files/new/", views.add_file, name="add_file"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    *[
        path(f"<int:pk>/{action}/", views.transition, {"action": action}, name=action)
        for action in views.TRANSITIONS
    ],
    path("<int:pk>/history/", views.history, name="history"),
    path("<int:pk>/cosponsorship/", views.cosponsorship, name="cosponsorship"),
    path("<int:pk>/correct/", views.correct, name="correct"),
    path("<int:pk>/titles/", views.titles, name="titles"),
    path("<int:pk>/preview/", views.preview, name="preview"),
    path("<int:pk>/history/<int:version_id>/restore/", views.restore, name="restore"),
    path("<int:pk>/summary/", views.edit_summary, name="summary_edit"),
    path("<int:pk>/summary/publish/", views.publish_summary, name="summary_publish"),
    path("files/<int:pk>/download/", views.download, name="download"),
    path("files/<int:pk>/remove/", views.remove_file, name="remove_file"),
    path("symbol/<path:symbol>/", views.by_symbol, name="by_symbol"),
    path("<int:pk>/compare/", views.compare, name="compare"),
    path("<int:pk>/compare/docx/", views.compare_docx, name="compare_docx"),
]
