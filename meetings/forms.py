from django import forms
from django.utils.translation import gettext_lazy as _

MAX_CSV_BYTES = 2 * 1024 * 1024


class ParticipantImportForm(forms.Form):
    file = forms.FileField(
        label=_("Registration list (CSV)"),
        help_text=_(
            "Columns: name, member_state (ISO code or name) or organization, role, attendance."
        ),
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is too large (2 MB at most)."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("The file must be UTF-8 encoded CSV.")) from exc


class ActionFilterForm(forms.Form):
    meeting = forms.TypedChoiceField(
        label=_("Meeting"), required=False, coerce=int, empty_value=None
    )
    owner = forms.ChoiceField(label=_("Owner"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
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


class ActionUpdateForm(forms.Form):
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))


class ActionNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
