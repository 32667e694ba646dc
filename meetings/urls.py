from django.urls import path

from meetings import views

app_name = "meetings"
urlpatterns = [
    path("<int:number>/", views.meeting_detail, name="detail"),
    path("<int:number>/participants/", views.participant_list, name="participants"),
    path(
        "<int:number>/participants/import/",
        views.participant_import,
        name="participant_import",
    ),
]
