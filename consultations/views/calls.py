"""The secretariat writes a call in the app: texts, dates, questions, and a preview."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations import services
from consultations.exceptions import QuestionsLocked
from consultations.forms import CallForm, QuestionForm, SubmissionForm
from consultations.models import ConsultationCall, Question
from consultations.permissions import can_edit_call, can_edit_questions, can_manage_calls
from cwg.dates import GENEVA  # the group's dates are Geneva's, whatever the server's zone
from cwg.exceptions import DomainError, NotAllowed


def _writable_call(request: HttpRequest, code: str) -> ConsultationCall:
    call = get_object_or_404(ConsultationCall, code=code)
    if not can_edit_call(user=request.user, call=call):
        raise PermissionDenied
    return call


def call_new(request: HttpRequest) -> HttpResponse:
    if not can_manage_calls(user=request.user):
        raise PermissionDenied
    with timezone.override(GENEVA):
        form = CallForm(request.POST or None)
        if form.is_valid():
            try:
                call = services.create_call(
                    by=request.user, code=form.cleaned_data["code"], **form.values()
                )
            except NotAllowed as exc:
                raise PermissionDenied from exc
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The call was written as a draft: add its questions."))
                return redirect("consultations:detail", code=call.code)
        status = 400 if form.errors else 200
        return render(request, "consultations/call_form.html", {"form": form}, status=status)


def call_edit(request: HttpRequest, code: str) -> HttpResponse:
    call = _writable_call(request, code)
    with timezone.override(GENEVA):
        form = CallForm(request.POST or None, call=call)
        if form.is_valid():
            try:
                services.update_call(call=call, by=request.user, **form.values())
            except NotAllowed as exc:
                raise PermissionDenied from exc
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The call was saved."))
                return redirect("consultations:detail", code=call.code)
        status = 400 if form.errors else 200
        context = {"form": form, "call": call}
        return render(request, "consultations/call_form.html", context, status=status)


def _question_page(request: HttpRequest, call: ConsultationCall, question: Question | None):
    if not can_edit_questions(user=request.user, call=call):
        messages.error(request, QuestionsLocked.default_message)
        return redirect("consultations:detail", code=call.code)
    initial = None if question else {"order": call.questions.count() + 1, "required": True}
    form = QuestionForm(request.POST or None, question=question, initial=initial)
    if form.is_valid():
        try:
            services.save_question(call=call, by=request.user, question=question, **form.values())
        except NotAllowed as exc:
            raise PermissionDenied from exc
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The question was saved."))
            return redirect("consultations:detail", code=call.code)
    context = {"form": form, "call": call, "question": question}
    status = 400 if form.errors else 200
    return render(request, "consultations/question_form.html", context, status=status)


def question_new(request: HttpRequest, code: str) -> HttpResponse:
    return _question_page(request, _writable_call(request, code), None)


def question_edit(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    call = _writable_call(request, code)
    return _question_page(request, call, get_object_or_404(call.questions, pk=pk))


@require_POST
def question_remove(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    call = _writable_call(request, code)
    question = get_object_or_404(call.questions, pk=pk)
    try:
        services.remove_question(question=question, by=request.user)
    except NotAllowed as exc:
        raise PermissionDenied from exc
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The question was removed."))
    return redirect("consultations:detail", code=call.code)


def call_preview(request: HttpRequest, code: str) -> HttpResponse:
    """The answer form exactly as respondents will see it, in the page's language; it sends
    nothing."""
    call = get_object_or_404(ConsultationCall, code=code)
    if not can_manage_calls(user=request.user):
        raise PermissionDenied
    form = SubmissionForm(questions=list(call.questions.all()))
    context = {"call": call, "form": form, "accepts_input": True, "preview": True}
    return render(request, "consultations/submit.html", context)
