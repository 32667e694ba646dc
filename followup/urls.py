"""Mounted under /meetings/ by cwg/urls.py: the follow-up pages kept their addresses."""

from django.urls import path

from followup.views import (
    action_edit,
    actions,
    digest,
    gap_edit,
    gaps,
    heatmap,
    record_package,
    tags,
)

app_name = "followup"
urlpatterns = [
    path("actions/", actions.action_dashboard, name="action_dashboard"),
    path("actions/mine/", actions.my_action_list, name="my_actions"),
    path("actions/export.csv", actions.actions_csv, name="actions_csv"),
    path("actions/datapackage.json", actions.actions_datapackage, name="actions_datapackage"),
    path("actions/new/", action_edit.action_create, name="action_create"),
    path("actions/<int:pk>/", actions.action_detail, name="action"),
    path("actions/<int:pk>/edit/", action_edit.action_edit, name="action_edit"),
    path(
        "actions/<int:pk>/documents/",
        action_edit.action_link_document,
        name="action_link_document",
    ),
    path(
        "actions/<int:pk>/documents/<int:document>/remove/",
        action_edit.action_unlink_document,
        name="action_unlink_document",
    ),
    path(
        "actions/<int:pk>/gap-analysis/",
        action_edit.action_start_gap_analysis,
        name="action_start_gap_analysis",
    ),
    path(
        "actions/<int:pk>/<slug:step>/",
        actions.action_transition,
        name="action_transition",
    ),
    path("heat-map/", heatmap.heat_map, name="heat_map"),
    path("heat-map.csv", heatmap.heat_map_csv, name="heat_map_csv"),
    path(
        "heat-map/datapackage.json",
        heatmap.heat_map_datapackage,
        name="heat_map_datapackage",
    ),
    path(
        "heat-map/<str:code>/<slug:kind>/<str:key>/",
        heatmap.heat_map_cell,
        name="heat_map_cell",
    ),
    path("tags/<slug:kind>/<int:pk>/", tags.tag, name="tag"),
    path("<int:number>/record-package/", record_package.record_package, name="record_package"),
    path(
        "<int:number>/record-package/build/",
        record_package.record_package_build,
        name="record_package_build",
    ),
    path(
        "<int:number>/record-package/download/",
        record_package.record_package_download,
        name="record_package_download",
    ),
    path("gap-analyses/<int:pk>/", gaps.gap_matrix, name="gap_matrix"),
    path("gap-analyses/<int:pk>/import/", gap_edit.gap_import, name="gap_import"),
    path("gap-items/<int:pk>/edit/", gap_edit.gap_item_edit, name="gap_item_edit"),
    path("gap-analyses/<int:pk>/export.csv", gaps.gap_csv, name="gap_csv"),
    path(
        "gap-analyses/<int:pk>/datapackage.json",
        gaps.gap_datapackage,
        name="gap_datapackage",
    ),
    path("gap-analyses/<int:pk>/export.docx", gaps.gap_docx, name="gap_docx"),
]

# Mounted under /my/ by cwg/urls.py (namespace "my"): pages about the signed-in person.
personal_urlpatterns = [path("digest/", digest.my_digest, name="digest")]
