"""This app's JSON API under /api/v1/ (Django REST framework, over the same services)."""

from django.urls import include, path
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.routers import SimpleRouter

from cwg.api import GenevaDateTimeField
from meetings.models import AgendaItem, Meeting


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["id", "number", "title", "order"]


class MeetingSerializer(serializers.ModelSerializer):
    working_group = serializers.CharField(source="working_group.code")
    contribution_deadline = GenevaDateTimeField(read_only=True)
    agenda_items = AgendaItemSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "working_group",
            "number",
            "start_date",
            "end_date",
            "venue",
            "format",
            "contribution_deadline",
            "agenda_items",
        ]


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """Meetings are public: their dates, format, deadline and agenda."""

    serializer_class = MeetingSerializer
    permission_classes = [AllowAny]
    lookup_field = "number"
    queryset = (
        Meeting.objects.select_related("working_group")
        .prefetch_related("agenda_items")
        .order_by("-start_date")
    )


router = SimpleRouter()
router.register("meetings", MeetingViewSet, basename="meeting")

urlpatterns = [path("", include(router.urls))]
