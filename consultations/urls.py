from django.urls import path

from consultations import views

app_name = "consultations"
urlpatterns = [
    path("", views.call_list, name="list"),
    path("<slug:code>/", views.call_detail, name="detail"),
    path("<slug:code>/status/<slug:action>/", views.change_call, name="change"),
    path("<slug:code>/answer/", views.submit, name="submit"),
    path("<slug:code>/received/<str:token>/", views.received, name="received"),
    path("<slug:code>/inputs/", views.published_inputs, name="published"),
    path("<slug:code>/statistics/", views.statistics, name="statistics"),
    path("<slug:code>/moderation/", views.moderation, name="moderation"),
    path("<slug:code>/export.csv", views.export_csv, name="export_csv"),
    path("<slug:code>/inputs.docx", views.export_docx, name="export_docx"),
    path("<slug:code>/inputs/register/", views.register_compilation, name="register_compilation"),
    path("<slug:code>/attachments/<int:pk>/", views.attachment, name="attachment"),
    path("mine/<str:token>/", views.own_submission, name="own"),
    path("mine/<str:token>/attachments/<int:pk>/", views.own_attachment, name="own_attachment"),
]
