"""This app's JSON API under /api/v1/ (Django REST framework, over the same services)."""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from consultations import selectors
from consultations.models import (
    Answer,
    ConsultationCall,
    Question,
    Submission,
    SubmissionAttachment,
)
from consultations.permissions import ReadsModeration, can_read_moderation
from cwg.api import TAG_PARAMETERS, TagFields, filter_by_tags


class QuestionSerializer(TagFields, serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = [
            "id",
            "order",
            "text",
            "help",
            "required",
            "kind",
            "choices",
            "action_lines",
            "sdgs",
        ]


class CallSerializer(serializers.ModelSerializer):
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = ConsultationCall
        fields = [
            "id",
            "code",
            "title",
            "description",
            "opens_at",
            "closes_at",
            "audience",
            "status",
            "questions",
        ]


class StatisticsSerializer(serializers.Serializer):
    """Totals; null where the public is not told a count of 1 or 2 (moderators see it)."""

    received = serializers.IntegerField(allow_null=True)
    accepted = serializers.IntegerField(allow_null=True)
    rejected = serializers.IntegerField(allow_null=True)
    published = serializers.IntegerField()
    withdrawn = serializers.IntegerField(allow_null=True)
    accepted_without_consent = serializers.IntegerField(allow_null=True)


class CallDetailSerializer(CallSerializer):
    statistics = serializers.SerializerMethodField()

    class Meta(CallSerializer.Meta):
        fields = [*CallSerializer.Meta.fields, "statistics"]

    @extend_schema(responses=StatisticsSerializer)
    def get_statistics(self, call) -> dict:
        user = self.context["request"].user
        return selectors.call_statistics(call=call, for_moderators=can_read_moderation(user=user))[
            "totals"
        ]


class AnswerSerializer(serializers.ModelSerializer):
    choice_labels = serializers.SerializerMethodField(
        help_text="The labels of the chosen options in the request's language (choice keeps "
        "the stored codes, for programs)."
    )

    class Meta:
        model = Answer
        fields = ["question", "text", "choice", "choice_labels"]

    def get_choice_labels(self, answer) -> list[str]:
        return answer.question.labels_of(answer.choice) if answer.choice else []


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = SubmissionAttachment
        fields = ["id", "original_name", "size", "content_type", "sha256", "url"]

    def get_url(self, attachment) -> str:
        return reverse(
            "consultations:attachment",
            kwargs={"code": self.context["call_code"], "pk": attachment.pk},
        )


class SubmissionSerializer(TagFields, serializers.ModelSerializer):
    answers = AnswerSerializer(many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)
    country = serializers.SlugRelatedField(slug_field="iso_code", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    stakeholder_type_label = serializers.CharField(
        source="get_stakeholder_type_display", read_only=True
    )

    class Meta:
        model = Submission
        fields = [
            "id",
            "reference",
            "status",
            "status_label",
            "submitted_at",
            "name",
            "email",
            "organization",
            "stakeholder_type",
            "stakeholder_type_label",
            "country",
            "language",
            "consent_to_publish",
            "answers",
            "attachments",
            "action_lines",
            "sdgs",
        ]


def _calls(request):
    return ConsultationCall.objects.visible_to(request.user).prefetch_related(
        "questions__action_lines", "questions__sdgs"
    )


class CallList(generics.ListAPIView):
    serializer_class = CallSerializer

    def get_queryset(self):
        return _calls(self.request).order_by("-opens_at")


class CallDetail(generics.RetrieveAPIView):
    serializer_class = CallDetailSerializer

    def get_queryset(self):
        return _calls(self.request)


class SubmissionList(generics.ListAPIView):
    """Every input of a call, whatever its status: moderators only."""

    serializer_class = SubmissionSerializer
    permission_classes = [ReadsModeration]

    @extend_schema(parameters=TAG_PARAMETERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.call = get_object_or_404(_calls(self.request), pk=self.kwargs["pk"])
        return filter_by_tags(selectors.moderation_queue(call=self.call), self.request.query_params)

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        call = getattr(self, "call", None)
        context["call_code"] = call.code if call else ""
        return context


urlpatterns = [
    path("consultations/", CallList.as_view(), name="consultations-api-list"),
    path("consultations/<int:pk>/", CallDetail.as_view(), name="consultations-api-detail"),
    path(
        "consultations/<int:pk>/submissions/",
        SubmissionList.as_view(),
        name="consultations-api-submissions",
    ),
]
