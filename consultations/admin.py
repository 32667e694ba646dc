from django.contrib import admin
from reversion.admin import VersionAdmin

from consultations.models import (
    Answer,
    ConsultationCall,
    ModerationDecision,
    Question,
    Submission,
    SubmissionAttachment,
)


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(ConsultationCall)
class ConsultationCallAdmin(VersionAdmin):
    list_display = ["code", "status", "audience", "opens_at", "closes_at"]
    list_filter = ["status", "audience"]
    readonly_fields = ["last_number"]
    inlines = [QuestionInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    readonly_fields = ["question", "text", "choice"]


class DecisionInline(admin.TabularInline):
    model = ModerationDecision
    extra = 0
    readonly_fields = ["decided_by", "decided_at", "from_status", "to_status", "reason"]


class AttachmentInline(admin.TabularInline):
    model = SubmissionAttachment
    extra = 0
    fields = ["original_name", "size", "content_type", "sha256", "uploaded_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Submission)
class SubmissionAdmin(VersionAdmin):
    """Read in the back office; decisions are taken in the moderation queue (the services)."""

    list_display = ["reference", "status", "stakeholder_type", "country", "language"]
    list_filter = ["status", "stakeholder_type", "language", "call"]
    search_fields = ["reference", "name", "organization"]
    readonly_fields = [
        field.name for field in Submission._meta.fields if field.name != "withdraw_token"
    ]
    exclude = ["withdraw_token"]
    inlines = [AnswerInline, AttachmentInline, DecisionInline]

    def has_add_permission(self, request) -> bool:
        return False
