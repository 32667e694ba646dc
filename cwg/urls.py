from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from cwg import views
from cwg.api import reference_urlpatterns
from cwg.forms import SignInForm
from followup.urls import personal_urlpatterns
from meetings.views import home

app_urls = (
    [
        path("", home.home, name="home"),
        path("healthz/", views.healthz, name="healthz"),
        path("favicon.ico", views.favicon, name="favicon"),
        path("open-data/", views.open_data, name="open_data"),
        path("accessibility/", views.accessibility, name="accessibility"),
        path("privacy/", views.privacy, name="privacy"),
        path("language/<str:code>/", views.switch_language, name="switch_language"),
        path("account/language/", views.mail_language, name="mail_language"),
    ],
    "cwg",
)

urlpatterns = [
    path("", include(app_urls)),
    path("meetings/", include("meetings.urls")),
    path("meetings/", include("followup.urls")),
    path("my/", include((personal_urlpatterns, "my"))),
    path("documents/", include("documents.urls")),
    path("consultations/", include("consultations.urls")),
    path("search/", include("cwg.search.urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=SignInForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include(reference_urlpatterns)),
    path("api/v1/", include("meetings.api")),
    path("api/v1/", include("followup.api")),
    path("api/v1/", include("documents.api")),
    path("api/v1/", include("consultations.api")),
    path("api/v1/", include("cwg.search.api")),
    path("api/", include("cwg.api")),
    path("admin/", admin.site.urls),
]

handler400 = "cwg.views.bad_request"
handler403 = "cwg.views.permission_denied"
handler404 = "cwg.views.page_not_found"
handler500 = "cwg.views.server_error"
