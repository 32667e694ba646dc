from django import forms
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from consultations.models import LANGUAGES, ConsultationCall, Question, RejectionReason, Submission
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


def _by_language(form: forms.Form, prefix: str) -> dict[str, str]:
    """The six fields `<prefix>_<language>` as one {language: text} object (empty ones left out)."""
    values = {
        code: (form.cleaned_data.get(f"{prefix}_{code}") or "").strip() for code, _l in LANGUAGES
    }
    return {code: text for code, text in values.items() if text}


def _language_fields(form: forms.Form, prefix: str, label, *, initial: dict, **options) -> None:
    for code, language in LANGUAGES:
        form.fields[f"{prefix}_{code}"] = forms.CharField(
            label=format_lazy("{label} ({language})", label=label, language=language),
            required=False,
            initial=(initial or {}).get(code, ""),
            **options,
        )
        form.fields[f"{prefix}_{code}"].widget.attrs["lang"] = code
        form.fields[f"{prefix}_{code}"].widget.attrs["dir"] = "rtl" if code == "ar" else "ltr"


class GenevaDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class CallForm(forms.Form):
    """A call's texts in the six languages and its dates, read and shown in Geneva time (the
    view activates that time zone)."""

    code = forms.SlugField(
        label=_("Code"),
        max_length=20,
        help_text=_("Prefix of reference numbers, e.g. WSIS20. It cannot change later."),
    )
    audience = forms.ChoiceField(label=_("Audience"), choices=ConsultationCall.Audience.choices)
    opens_at = forms.DateTimeField(label=_("Opens at (Geneva time)"), widget=GenevaDateTimeInput())
    closes_at = forms.DateTimeField(
        label=_("Closes at (Geneva time)"), widget=GenevaDateTimeInput()
    )

    def __init__(self, *args, call: ConsultationCall | None = None, **kwargs) -> None:
        if call is not None:
            kwargs.setdefault(
                "initial",
                {
                    "code": call.code,
                    "audience": call.audience,
                    "opens_at": call.opens_at,
                    "closes_at": call.closes_at,
                },
            )
        super().__init__(*args, **kwargs)
        if call is not None:
            self.fields["code"].disabled = True
        _language_fields(self, "title", _("Title"), initial=call and call.title, max_length=300)
        _language_fields(
            self,
            "description",
            _("Description"),
            initial=call and call.description,
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=5000,
        )

    def language_rows(self) -> list:
        return [
            (language, self[f"title_{code}"], self[f"description_{code}"])
            for code, language in LANGUAGES
        ]

    def values(self) -> dict:
        return {
            "title": _by_language(self, "title"),
            "description": _by_language(self, "description"),
            "audience": self.cleaned_data["audience"],
            "opens_at": self.cleaned_data["opens_at"],
            "closes_at": self.cleaned_data["closes_at"],
        }


class QuestionForm(forms.Form):
    """A question in the six languages; a choice question's options one per line, in the same
    order in every language (no JSON to write)."""

    kind = forms.ChoiceField(label=_("Kind of answer"), choices=Question.Kind.choices)
    required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)
    order = forms.IntegerField(label=_("Order"), min_value=1, max_value=999, initial=1)
    max_length = forms.IntegerField(
        label=_("Length limit (characters, free text only)"),
        min_value=1,
        max_value=20000,
        required=False,
    )

    def __init__(self, *args, question: Question | None = None, **kwargs) -> None:
        self.question = question
        if question is not None:
            kwargs.setdefault(
                "initial",
                {
                    "kind": question.kind,
                    "required": question.required,
                    "order": question.order,
                    "max_length": question.max_length,
                },
            )
        super().__init__(*args, **kwargs)
        options = (
            {
                code: "\n".join(
                    choice.get("label", {}).get(code, "") for choice in question.choices
                )
                for code, _l in LANGUAGES
            }
            if question is not None and question.choices
            else {}
        )
        _language_fields(
            self, "text", _("Question"), initial=question and question.text, max_length=1000
        )
        _language_fields(
            self,
            "options",
            _("Options, one per line"),
            initial=options,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def language_rows(self) -> list:
        return [
            (language, self[f"text_{code}"], self[f"options_{code}"])
            for code, language in LANGUAGES
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        lines = {
            code: [line.strip() for line in (cleaned.get(f"options_{code}") or "").splitlines()]
            for code, _l in LANGUAGES
        }
        lines = {
            code: [line for line in found if line] for code, found in lines.items() if any(found)
        }
        if (
            cleaned.get("kind") != Question.Kind.TEXT
            and len({len(found) for found in lines.values()}) > 1
        ):
            raise forms.ValidationError(
                _("Every language must list the same number of options, in the same order.")
            )
        self.option_lines = lines
        return cleaned

    def choices(self) -> list[dict]:
        """Options as stored: an existing option keeps its value (answers refer to it)."""
        count = max((len(found) for found in self.option_lines.values()), default=0)
        existing = [choice["value"] for choice in (self.question.choices if self.question else [])]
        values = existing[:count] + [f"o{index + 1}" for index in range(len(existing), count)]
        return [
            {
                "value": value,
                "label": {code: found[index] for code, found in self.option_lines.items()},
            }
            for index, value in enumerate(values)
        ]

    def values(self) -> dict:
        return {
            "kind": self.cleaned_data["kind"],
            "text": _by_language(self, "text"),
            "choices": self.choices(),
            "required": self.cleaned_data["required"],
            "order": self.cleaned_data["order"],
            "max_length": self.cleaned_data["max_length"],
        }
