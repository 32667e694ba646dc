"""GET /api/v1/search/: the results page as JSON, with the same permissions and facets."""

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cwg.search.backends import FACETS
from cwg.search.forms import MAX_PAGE
from cwg.search.pages import result_page

MAX_PER_PAGE = 100


class SearchText(serializers.CharField):
    """NUL characters are dropped, not refused: no person types them, and no engine can."""

    def to_internal_value(self, data):
        return super().to_internal_value(data).replace("\x00", "")


class SearchParameters(serializers.Serializer):
    q = SearchText(allow_blank=False, trim_whitespace=True)
    page = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, default=1)
    per_page = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_PER_PAGE, default=20
    )
    kind = SearchText(required=False, max_length=100)
    meeting = SearchText(required=False, max_length=100)
    language = SearchText(required=False, max_length=100)
    status = SearchText(required=False, max_length=100)
    year = SearchText(required=False, max_length=100)
    action_line = SearchText(required=False, max_length=100, help_text="e.g. C5")
    sdg = SearchText(required=False, max_length=100, help_text="the goal's number, e.g. 9")

    def validate_q(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError(_("Type at least one word to search for."))
        return value


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField()
    id = serializers.IntegerField()
    symbol = serializers.CharField()
    title = serializers.CharField()
    filename = serializers.CharField(allow_null=True)
    score = serializers.FloatField()
    snippet = serializers.CharField(help_text="HTML: escaped text with <mark> around matches.")
    url = serializers.CharField()
    meeting = serializers.IntegerField(allow_null=True)
    languages = serializers.ListField(child=serializers.CharField())


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class SearchResultsSerializer(serializers.Serializer):
    total = serializers.IntegerField(
        help_text="Readable matches, counted exactly up to 1,000; see more."
    )
    more = serializers.BooleanField(
        help_text="More documents match than total: counting stopped there, and facet counts"
        " are then at least what they say."
    )
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = SearchHitSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))
    message = serializers.CharField(allow_blank=True)
    degraded = serializers.BooleanField()


class SearchView(APIView):
    """Full-text search over what the caller may read; facets narrow the query."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[SearchParameters],
        responses=SearchResultsSerializer,
        operation_id="search",
    )
    def get(self, request):
        parameters = SearchParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        data = parameters.validated_data
        page = result_page(
            user=request.user,
            query=data["q"],
            filters={name: data[name] for name in FACETS if data.get(name)},
            page=data["page"],
            per_page=data["per_page"],
        )
        return Response(
            {
                "total": page.total,
                "more": page.more,
                "page": page.page,
                "pages": page.pages,
                "results": [result.as_dict() for result in page.results],
                "facets": {
                    name: [
                        {"value": facet.value, "label": facet.label, "count": facet.count}
                        for facet in values
                    ]
                    for name, values in page.facets.items()
                },
                "message": page.message,
                "degraded": page.degraded,
            }
        )


urlpatterns = [path("search/", SearchView.as_view(), name="search-api")]
