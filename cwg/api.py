"""The JSON API's shared parts: one handler turns domain errors into answers; the schema."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from cwg.exceptions import DomainError


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response({"code": exc.code, "detail": str(exc.message)}, status=exc.http_status)
    return drf_exception_handler(exc, context)


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("schema/docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
]
