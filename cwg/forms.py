"""Form fields shared by the apps: choosing WSIS action lines and SDGs (reference data here)."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from cwg.models import ActionLine, SustainableDevelopmentGoal


def _checkboxes(label, queryset) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label, queryset=queryset, required=False, widget=forms.CheckboxSelectMultiple
    )


def action_lines_field(label) -> forms.ModelMultipleChoiceField:
    return _checkboxes(label, ActionLine.objects.all())


def sdgs_field(label) -> forms.ModelMultipleChoiceField:
    return _checkboxes(label, SustainableDevelopmentGoal.objects.all())


def tag_filters(query) -> dict:
    """?action_line=C5&sdg=9 of a list page, cleaned: a value that means nothing is dropped."""
    action_line = query.get("action_line", "").strip().upper()
    sdg = query.get("sdg", "").strip()
    return {
        "action_line": action_line if len(action_line) <= 4 else "",
        "sdg": int(sdg) if sdg.isdecimal() and int(sdg) <= 17 else None,
    }


class SignInForm(AuthenticationForm):
    """Django's sign-in form, holding the username to its length on the server too.

    AuthenticationForm sets the length only as an HTML attribute, so a longer name reached
    authenticate() and django-axes, whose record of the failed attempt (255 characters) then
    failed on PostgreSQL with a 500. A name no account can have is refused by the form instead.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class MailLanguageForm(forms.Form):
    """/account/language/: the language of a person's mails."""

    language = forms.ChoiceField(
        label=_("Language of my mails"),
        required=False,
        help_text=_("The notices about documents, consultations and actions come in it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        last_used = ("", _("The language I last used on this site"))
        self.fields["language"].choices = [last_used, *settings.LANGUAGES]
