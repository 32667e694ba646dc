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


ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "additionalProperties": True,
}
ERRORS_BY_METHOD = {
    "get": ["400", "401", "403", "404"],
    "post": ["400", "401", "403", "404", "409", "413", "415", "422"],
}


def document_error_responses(result, generator, request, public):
    """Every operation may answer these errors with {"detail", "code"}: say so in the schema."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            for code in ERRORS_BY_METHOD.get(method, ["400", "401", "403", "404"]):
                operation["responses"].setdefault(
                    code,
                    {
                        "description": "Error",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return result


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("schema/docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
]
