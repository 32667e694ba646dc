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
