"""Follow-up's JSON API under /api/v1/ (Django REST framework, over the same services)."""

from django.db.models import Prefetch
from django.urls import include, path
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.decorators import action as api_action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from followup.models import Action, ActionUpdate, GapAnalysis, GapItem, ItemMandate
from followup.permissions import ActionApiPermission, GapAnalysisApiPermission, actions_visible_to
from followup.selectors.actions import tagged
from followup.selectors.links import visible_answer_document_ids, visible_documents_prefetch
from followup.services import (
    add_action_update,
    cancel_action,
    complete_action,
    reopen_action,
    start_action,
)


class ActionUpdateSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True)

    class Meta:
        model = ActionUpdate
        fields = ["id", "author", "text", "created_at"]


class LinkedDocumentSerializer(serializers.Serializer):
    """Only documents the reader may open ever reach this serializer."""

    id = serializers.IntegerField()
    symbol = serializers.CharField()
    title = serializers.CharField()


class ActionSerializer(serializers.ModelSerializer):
    meeting = serializers.IntegerField(source="meeting.number", read_only=True)
    agenda_item = serializers.CharField(
        source="agenda_item.number", read_only=True, allow_null=True, default=None
    )
    owner = serializers.SerializerMethodField()
    is_overdue = serializers.BooleanField(read_only=True)
    updates = ActionUpdateSerializer(many=True, read_only=True)
    documents = LinkedDocumentSerializer(source="visible_documents", many=True, read_only=True)
    action_lines = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    sdgs = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "meeting",
            "agenda_item",
            "title",
            "description",
            "owner",
            "due_date",
            "status",
            "is_overdue",
            "updates",
            "documents",
            "action_lines",
            "sdgs",
        ]

    def get_owner(self, action: Action) -> str:
        return str(action.owner)


class StepSerializer(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("action_line", str, description="WSIS action line code, e.g. C3"),
            OpenApiParameter("sdg", int, description="SDG number, 1 to 17"),
        ]
    )
)
class ActionViewSet(viewsets.ReadOnlyModelViewSet):
    """Follow-up actions; transitions are POSTs that go through the same services as the pages."""

    serializer_class = ActionSerializer
    permission_classes = [ActionApiPermission]

    def get_queryset(self):
        params = self.request.query_params
        sdg = params.get("sdg", "")
        return (
            tagged(
                actions_visible_to(self.request.user),
                action_line=params.get("action_line", "").strip(),
                sdg=int(sdg) if sdg.isdigit() else None,
            )
            .select_related(
                "meeting__working_group",
                "agenda_item",
                "owner_user",
                "owner_group",
                "owner_officer",
            )
            .prefetch_related(
                Prefetch("updates", queryset=ActionUpdate.objects.select_related("author")),
                visible_documents_prefetch(user=self.request.user),
                "action_lines",
                "sdgs",
            )
            .order_by("due_date", "pk")
        )

    def _step(self, request: Request, service) -> Response:
        step = StepSerializer(data=request.data)
        step.is_valid(raise_exception=True)
        service(self.get_object(), request.user, step.validated_data["text"])
        return Response(self.get_serializer(self.get_queryset().get(pk=self.kwargs["pk"])).data)

    @extend_schema(request=StepSerializer, responses=ActionSerializer)
    @api_action(detail=True, methods=["post"])
    def start(self, request: Request, pk=None) -> Response:
        return self._step(request, lambda a, by, text: start_action(action=a, by=by))

    @extend_schema(request=StepSerializer, responses=ActionSerializer)
    @api_action(detail=True, methods=["post"])
    def progress(self, request: Request, pk=None) -> Response:
        return self._step(
            request, lambda a, by, text: add_action_update(action=a, text=text, by=by)
        )

    @extend_schema(request=StepSerializer, responses=ActionSerializer)
    @api_action(detail=True, methods=["post"])
    def complete(self, request: Request, pk=None) -> Response:
        return self._step(request, lambda a, by, text: complete_action(action=a, note=text, by=by))

    @extend_schema(request=StepSerializer, responses=ActionSerializer)
    @api_action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk=None) -> Response:
        return self._step(request, lambda a, by, text: cancel_action(action=a, reason=text, by=by))

    @extend_schema(request=StepSerializer, responses=ActionSerializer)
    @api_action(detail=True, methods=["post"])
    def reopen(self, request: Request, pk=None) -> Response:
        return self._step(request, lambda a, by, text: reopen_action(action=a, by=by))


class ItemMandateSerializer(serializers.ModelSerializer):
    resolution = serializers.CharField(source="resolution.number", read_only=True)

    class Meta:
        model = ItemMandate
        fields = ["resolution", "paragraphs"]


class GapItemSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.number", read_only=True)
    mandates = ItemMandateSerializer(many=True, read_only=True)
    answered_by_document = serializers.SerializerMethodField()

    @extend_schema_field(LinkedDocumentSerializer(allow_null=True))
    def get_answered_by_document(self, item: GapItem) -> dict | None:
        """None as well when the reader may not open the document (context: readable ids)."""
        if item.answered_by_document_id not in self.context.get("readable_documents", set()):
            return None
        document = item.answered_by_document
        return {"id": document.pk, "symbol": document.symbol, "title": document.title}

    class Meta:
        model = GapItem
        fields = [
            "id",
            "source",
            "paragraph",
            "requirement",
            "mandates",
            "coverage",
            "proposed_response",
            "status",
            "answered_by_action",
            "answered_by_document",
        ]


class GapAnalysisSerializer(serializers.ModelSerializer):
    items = GapItemSerializer(many=True, read_only=True)

    class Meta:
        model = GapAnalysis
        fields = ["id", "title", "action", "items"]


class GapAnalysisViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GapAnalysisSerializer
    permission_classes = [GapAnalysisApiPermission]

    def get_queryset(self):
        return GapAnalysis.objects.order_by("pk").prefetch_related(
            Prefetch(
                "items",
                queryset=GapItem.objects.select_related(
                    "source", "answered_by_document__meeting__working_group"
                ).prefetch_related("mandates__resolution"),
            )
        )

    def get_serializer_context(self) -> dict:
        readable = visible_answer_document_ids(user=self.request.user, items=GapItem.objects.all())
        return {**super().get_serializer_context(), "readable_documents": readable}


router = SimpleRouter()
router.register("actions", ActionViewSet, basename="action")
router.register("gap-analyses", GapAnalysisViewSet, basename="gap-analysis")

urlpatterns = [path("", include(router.urls))]
