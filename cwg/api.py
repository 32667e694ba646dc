"""The JSON API's shared parts: one handler turns domain errors into answers; the schema."""

from django.urls import include, path
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import exception_handler as drf_exception_handler

from cwg.dates import iso_datetime
from cwg.exceptions import DomainError
from cwg.models import ActionLine, SustainableDevelopmentGoal


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response({"code": exc.code, "detail": str(exc.message)}, status=exc.http_status)
    return drf_exception_handler(exc, context)


class GenevaDateTimeField(serializers.DateTimeField):
    """A time as the API gives it: ISO 8601 in Geneva time with its offset, whole seconds
    (2026-12-02T14:30:00+01:00). CwgConfig.ready maps every model DateTimeField to it."""

    def to_representation(self, value):
        return iso_datetime(value) or None


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


TITLES = ["title_ar", "title_zh", "title_en", "title_fr", "title_ru", "title_es"]


class SdgSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True)

    class Meta:
        model = SustainableDevelopmentGoal
        fields = ["number", "code", *TITLES]


class TagFields(serializers.Serializer):
    """Mixed into the serializer of a tagged row: action-line codes and SDG numbers, as the
    reference lists below name them."""

    action_lines = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    sdgs = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)


TAG_PARAMETERS = [
    OpenApiParameter("action_line", str, description="WSIS action line code, e.g. C3"),
    OpenApiParameter("sdg", int, description="SDG number, 1 to 17"),
]


def filter_by_tags(queryset, query_params):
    """Rows tagged with ?action_line= (code) and/or ?sdg= (number); meaningless values filter
    nothing. The tags are prefetched for TagFields."""
    action_line = query_params.get("action_line", "").strip()
    sdg = query_params.get("sdg", "").strip()
    if action_line:
        queryset = queryset.filter(action_lines__code__iexact=action_line)
    if sdg.isdecimal():
        queryset = queryset.filter(sdgs__number=int(sdg))
    return queryset.prefetch_related("action_lines", "sdgs")


class ActionLineSerializer(serializers.ModelSerializer):
    sdgs = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta:
        model = ActionLine
        fields = ["code", *TITLES, "sdgs"]


class ActionLineViewSet(viewsets.ReadOnlyModelViewSet):
    """The WSIS action lines C1 to C11, with the SDGs the WSIS-SDG matrix links them to."""

    serializer_class = ActionLineSerializer
    permission_classes = [AllowAny]  # public reference data
    queryset = ActionLine.objects.prefetch_related("sdgs")
    lookup_field = "code"


class SdgViewSet(viewsets.ReadOnlyModelViewSet):
    """The 17 Sustainable Development Goals."""

    serializer_class = SdgSerializer
    permission_classes = [AllowAny]  # public reference data
    queryset = SustainableDevelopmentGoal.objects.all()
    lookup_field = "number"


reference_router = SimpleRouter()
reference_router.register("action-lines", ActionLineViewSet, basename="action-line")
reference_router.register("sdgs", SdgViewSet, basename="sdg")
# Mounted under /api/v1/ by cwg/urls.py.
reference_urlpatterns = [path("", include(reference_router.urls))]
