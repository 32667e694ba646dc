from django.urls import path

from meetings import views

app_name = "meetings"
urlpatterns = [
    path("<int:number>/", views.meeting_detail, name="detail"),
]
