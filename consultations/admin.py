from django.contrib import admin
from reversion.admin import VersionAdmin

from consultations.models import (
    Answer,
    ConsultationCall,
    ModerationDecision,
    Question,
    RejectionReason,
    Submission,
    SubmissionAttachment,
)
from consultations.permissions import can_edit_call, can_edit_questions


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 1

    def has_add_permission(self, request, obj=None) -> bool:
        return can_edit_questions(user=request.user, call=obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return can_edit_questions(user=request.user, call=obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return can_edit_questions(user=request.user, call=obj)


@admin.register(ConsultationCall)
class ConsultationCallAdmin(VersionAdmin):
    """The secretariat writes a call here (a new one is a draft); it opens, closes and archives
    it from the call's page, through the services."""

    list_display = ["code", "status", "audience", "opens_at", "closes_at"]
    list_filter = ["status", "audience"]
    readonly_fields = ["status", "last_number"]
    inlines = [QuestionInline]

    def has_add_permission(self, request) -> bool:
        return can_edit_call(user=request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return can_edit_call(user=request.user, call=obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


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


@admin.register(RejectionReason)
class RejectionReasonAdmin(VersionAdmin):
    """The short list of reasons offered in the moderation queue, kept by the secretariat."""

    list_display = ["__str__", "order", "active"]
    list_editable = ["order", "active"]

    def has_module_permission(self, request) -> bool:
        return can_edit_call(user=request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return can_edit_call(user=request.user)

    def has_add_permission(self, request) -> bool:
        return can_edit_call(user=request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return can_edit_call(user=request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return can_edit_call(user=request.user)
