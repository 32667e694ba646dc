"""The follow-up forms: filters, actions, progress, document links and gap-analysis items."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cwg.files.checks import inspect_upload
from cwg.files.exceptions import UploadRefused
from cwg.forms import action_lines_field, sdgs_field
from cwg.models import ActionLine, SustainableDevelopmentGoal
from followup.selectors.action_form import meeting_label
from meetings.forms import MAX_CSV_BYTES

ZIP_MAGIC = b"PK\x03\x04"


class ActionFilterForm(forms.Form):
    meeting = forms.TypedChoiceField(
        label=_("Meeting"), required=False, coerce=int, empty_value=None
    )
    owner = forms.ChoiceField(label=_("Owner"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    action_line = forms.ChoiceField(label=_("WSIS action line"), required=False)
    sdg = forms.TypedChoiceField(label=_("SDG"), required=False, coerce=int, empty_value=None)
    group_by = forms.ChoiceField(
        label=_("Group by"),
        required=False,
        choices=[("owner", _("Owner")), ("meeting", _("Meeting"))],
    )

    def __init__(self, *args, meeting_numbers, owner_choices, status_choices, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["meeting"].choices = everything + [(n, n) for n in meeting_numbers]
        self.fields["owner"].choices = everything + list(owner_choices)
        self.fields["status"].choices = [("", _("Open or in progress"))] + list(status_choices)
        self.fields["action_line"].choices = everything + [
            (line.code, str(line)) for line in ActionLine.objects.all()
        ]
        self.fields["sdg"].choices = everything + [
            (goal.number, str(goal)) for goal in SustainableDevelopmentGoal.objects.all()
        ]


class DigestPreferenceForm(forms.Form):
    weekly_digest = forms.BooleanField(
        label=_("Send me this digest by mail every week"),
        required=False,
        help_text=_("Only in a week when something is new for you."),
    )
    language = forms.ChoiceField(label=_("Language of my mails"), choices=settings.LANGUAGES)


class ActionUpdateForm(forms.Form):
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))


class ActionNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


def _read_upload(upload, *, limit: int = MAX_CSV_BYTES) -> bytes:
    if upload.size > limit:
        raise forms.ValidationError(_("The file is too large (2 MB at most)."))
    return upload.read()


class TagFields(forms.Form):
    """The secretariat's tags: WSIS action lines and SDGs (reference data in cwg), shown after
    the subclass's own fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields([name for name in self.fields if name not in TAG_FIELDS])

    action_lines = action_lines_field(_("WSIS action lines"))
    sdgs = sdgs_field(_("Sustainable Development Goals"))


TAG_FIELDS = ("action_lines", "sdgs")


class TagForm(TagFields):
    """The tagging page of a document, a question or an input: its tags only."""


class ActionForm(TagFields):
    """Choices come from action_form_choices(); the owner is one key: user:1, group:2, officer:3."""

    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    meeting = forms.TypedChoiceField(label=_("Meeting"), coerce=int)
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"), required=False, coerce=int, empty_value=None
    )
    owner = forms.ChoiceField(label=_("Owner"))
    due_date = forms.DateField(
        label=_("Due date"),
        # a date input takes ISO dates whatever the page's language
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.fields["meeting"].choices = [("", "—")] + [
            (m.pk, meeting_label(m)) for m in choices.meetings.values()
        ]
        self.fields["agenda_item"].choices = [("", _("None"))] + [
            (label, [(item.pk, str(item)) for item in items])
            for label, items in choices.agenda_by_meeting()
        ]
        self.fields["owner"].choices = [("", "—")] + [
            (label, options) for label, options in choices.owner_groups() if options
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        owner_kind, _sep, owner_pk = data["owner"].partition(":")
        return {
            "title": data["title"],
            "description": data["description"],
            "meeting": self.choices.meetings[data["meeting"]],
            "agenda_item": self.choices.agenda_items.get(data["agenda_item"]),
            "due_date": data["due_date"],
            "action_lines": data["action_lines"],
            "sdgs": data["sdgs"],
            **self.choices.owner_arguments(owner_kind, int(owner_pk)),
        }


class LinkDocumentForm(forms.Form):
    symbol = forms.CharField(
        label=_("Document symbol"),
        max_length=80,
        help_text=_("For example CWG-WSIS&SDG-44/7 or CWG-WSIS&SDG-44/INF/3."),
        widget=forms.TextInput(attrs={"list": "linkable-symbols"}),
    )


class GapAnalysisStartForm(forms.Form):
    title = forms.CharField(label=_("Title of the gap analysis"), max_length=300)


class GapImportForm(forms.Form):
    file = forms.FileField(
        label=_("Gap-analysis items (CSV or DOCX)"),
        help_text=_(
            "CSV columns: source, paragraph, requirement, mandates, coverage, proposed_response."
            " A DOCX file needs a table with these six columns, its first row the header."
        ),
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        content = _read_upload(upload)
        if content.startswith(ZIP_MAGIC):
            try:  # the documents app's checks: a bounded zip, no DTD, no macros
                inspect_upload(upload, max_bytes=MAX_CSV_BYTES)
            except UploadRefused as exc:
                raise forms.ValidationError(exc.message) from exc
        return content


class GapItemForm(TagFields):
    requirement = forms.CharField(label=_("Requirement"), widget=forms.Textarea(attrs={"rows": 3}))
    mandates = forms.CharField(
        label=_("Covering mandates"),
        required=False,
        help_text=_("Resolution numbers with paragraphs, for example: 1332: 3, 5; 140: 2"),
    )
    coverage = forms.ChoiceField(label=_("Coverage"))
    proposed_response = forms.CharField(
        label=_("Proposed response"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = forms.TypedChoiceField(label=_("Owner"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"))
    answered_by_action = forms.TypedChoiceField(
        label=_("Answered by action"), required=False, coerce=int, empty_value=None
    )
    answered_by_document = forms.CharField(
        label=_("Answered by document (symbol)"),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"list": "linkable-symbols"}),
    )

    def __init__(self, *args, coverage_choices, status_choices, users, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coverage"].choices = coverage_choices
        self.fields["status"].choices = status_choices
        self.fields["owner"].choices = [("", _("Nobody yet"))] + users
        self.fields["answered_by_action"].choices = [("", _("None"))] + actions
