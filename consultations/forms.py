from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from consultations.models import LANGUAGES, RejectionReason, Submission
from consultations.services import max_attachment_bytes, max_attachments
from cwg.models import MemberState


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); cleaned to a list."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class SubmissionForm(forms.Form):
    """The public answer form: the submitter, then one field per question of the call."""

    CHOOSE_AGAIN = _(
        "Your answers are kept, but files cannot be kept for safety: please choose your "
        "files again before sending."
    )

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail"))
    organization = forms.CharField(label=_("Organization"), max_length=200, required=False)
    stakeholder_type = forms.ChoiceField(
        label=_("Stakeholder type"), choices=Submission.StakeholderType.choices
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=MemberState.objects.all(),
        required=False,
        empty_label=_("International / regional"),
    )
    language = forms.ChoiceField(label=_("Language of your input"), choices=LANGUAGES)
    consent_to_publish = forms.BooleanField(
        label=_("I agree that my input may be published with my name and organization."),
        required=False,
    )
    attachments = MultipleFileField(label=_("Attachments (optional)"), required=False)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, questions=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        page_language = (get_language() or "en").lower()
        if page_language in dict(LANGUAGES):  # the input is most likely in the page's language
            self.fields["language"].initial = page_language
        self.fields["attachments"].help_text = _(
            "Up to %(count)s files, PDF or Word (.docx), %(size)s MB each at most."
        ) % {"count": max_attachments(), "size": max_attachment_bytes() // (1024 * 1024)}
        for question in self.questions:
            name = f"question_{question.pk}"
            if question.kind == question.Kind.CHOICE:
                self.fields[name] = forms.ChoiceField(
                    choices=[("", "---------"), *question.choice_options],
                    required=question.required,
                )
            elif question.kind == question.Kind.MULTIPLE:
                self.fields[name] = forms.MultipleChoiceField(
                    choices=question.choice_options,
                    required=question.required,
                    widget=forms.CheckboxSelectMultiple,
                )
            else:
                self.fields[name] = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 5}),
                    required=question.required,
                    max_length=question.max_length or 20000,
                )
            self.fields[name].label = question.display_text
            self.fields[name].help_text = question.display_help

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.data.get("website"))

    def question_fields(self):
        return [self[f"question_{question.pk}"] for question in self.questions]

    def submitter_fields(self):
        return [
            self[name]
            for name in self.fields
            if not name.startswith("question_") and name != "attachments"
        ]

    def answers(self) -> dict[int, str | list[str]]:
        return {q.pk: self.cleaned_data.get(f"question_{q.pk}") or "" for q in self.questions}


class DecisionForm(forms.Form):
    """A decision on the selected inputs. From the queue it is confirmed on a second page."""

    ACTIONS = [
        ("accept", _("Accept")),
        ("accept_publish", _("Accept and publish")),
        ("publish", _("Publish")),
        ("reject", _("Reject")),
    ]

    action = forms.ChoiceField(choices=ACTIONS)
    standard_reason = forms.ModelChoiceField(
        label=_("Reason for rejecting"),
        queryset=RejectionReason.objects.filter(active=True),
        required=False,
        empty_label=_("(write a reason)"),
    )
    reason = forms.CharField(
        label=_("or write the reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("A reason is required to reject; the author reads it."),
    )
    selected = forms.TypedMultipleChoiceField(
        coerce=int,
        choices=(),
        error_messages={"required": _("Select at least one input first.")},
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, submission_ids=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["selected"].choices = [(pk, pk) for pk in submission_ids]
        self.fields["standard_reason"].label_from_instance = lambda reason: reason.display_text

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("action") == "reject" and not (
            cleaned.get("standard_reason") or (cleaned.get("reason") or "").strip()
        ):
            self.add_error("reason", _("Please give a reason for rejecting an input."))
        return cleaned
