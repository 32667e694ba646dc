from django.urls import path

from consultations.views import calls, exports, moderation, public

app_name = "consultations"
urlpatterns = [
    path("", public.call_list, name="list"),
    path("new/", calls.call_new, name="call_new"),
    path("<slug:code>/", public.call_detail, name="detail"),
    path("<slug:code>/status/<slug:action>/", public.change_call, name="change"),
    path("<slug:code>/answer/", public.submit, name="submit"),
    path("<slug:code>/edit/", calls.call_edit, name="call_edit"),
    path("<slug:code>/preview/", calls.call_preview, name="call_preview"),
    path("<slug:code>/questions/new/", calls.question_new, name="question_new"),
    path("<slug:code>/questions/<int:pk>/", calls.question_edit, name="question_edit"),
    path("<slug:code>/questions/<int:pk>/remove/", calls.question_remove, name="question_remove"),
    path("<slug:code>/received/<str:token>/", public.received, name="received"),
    path("<slug:code>/inputs/", public.published_inputs, name="published"),
    path("<slug:code>/statistics/", public.statistics, name="statistics"),
    path("<slug:code>/moderation/", moderation.moderation, name="moderation"),
    path(
        "<slug:code>/moderation/<str:reference>/",
        moderation.moderation_input,
        name="moderation_input",
    ),
    path("<slug:code>/export.csv", exports.export_csv, name="export_csv"),
    path("<slug:code>/export.xlsx", exports.export_xlsx, name="export_xlsx"),
    path("<slug:code>/export.json", exports.export_json, name="export_json"),
    path("<slug:code>/published.csv", exports.published_csv, name="published_csv"),
    path("<slug:code>/datapackage.json", exports.datapackage, name="datapackage"),
    path("<slug:code>/statistics.csv", exports.statistics_csv, name="statistics_csv"),
    path(
        "<slug:code>/statistics/datapackage.json",
        exports.statistics_datapackage,
        name="statistics_datapackage",
    ),
    path("<slug:code>/inputs.docx", exports.export_docx, name="export_docx"),
    path(
        "<slug:code>/inputs/register/",
        moderation.register_compilation,
        name="register_compilation",
    ),
    path("<slug:code>/attachments/<int:pk>/", public.attachment, name="attachment"),
    path("mine/<str:token>/", public.own_submission, name="own"),
    path("mine/<str:token>/attachments/<int:pk>/", public.own_attachment, name="own_attachment"),
]
