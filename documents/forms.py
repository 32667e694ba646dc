from django import forms
from django.utils.translation import gettext_lazy as _

from cwg.forms import action_lines_field, sdgs_field
from cwg.models import MemberState, Organization
from documents.models import Document, Language
from documents.permissions import can_name_any_source
from meetings.models import AgendaItem

# No language is assumed: the field starts on this empty choice and must be chosen (issue 22).
LANGUAGE_CHOICES = [("", _("Choose the language")), *Language.choices]


class DocumentDetailsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500)
    agenda_items = forms.ModelMultipleChoiceField(
        label=_("Agenda items"),
        queryset=AgendaItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    access = forms.ChoiceField(
        label=_("Who may read it once published"), choices=Document.Access.choices
    )
    source_states = forms.ModelMultipleChoiceField(
        label=_("Submitted by (member states; several for a joint contribution)"),
        queryset=MemberState.objects.all(),
        required=False,
    )
    source_organizations = forms.ModelMultipleChoiceField(
        label=_("Submitted by (organizations)"),
        queryset=Organization.objects.all(),
        required=False,
    )

    def __init__(self, *args, meeting, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_items"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by(
            "order"
        )
        # A delegation files in its own name only: the source is shown, not chosen. A post that
        # names another party fails as an invalid choice, before the service refuses it too.
        self.names_any_source = can_name_any_source(user=user)
        if not self.names_any_source:
            own = user.delegations.all()
            states = MemberState.objects.filter(delegations__in=own)
            organizations = Organization.objects.filter(delegations__in=own)
            for name, queryset in [
                ("source_states", states),
                ("source_organizations", organizations),
            ]:
                self.fields[name].queryset = queryset
                self.fields[name].widget = forms.MultipleHiddenInput()
                self.fields[name].initial = list(queryset)
            self.filing_as = ", ".join(str(party) for party in [*states, *organizations])


class NewContributionForm(DocumentDetailsForm):
    language = forms.ChoiceField(label=_("Language of the file"), choices=LANGUAGE_CHOICES)
    file = forms.FileField(
        label=_("File (PDF or Word .docx)"),
        help_text=_("Checked before it is stored. Password-protected files cannot be read."),
    )
    proposed_action_lines = action_lines_field(
        _("WSIS action lines it concerns (a proposal: the secretariat confirms)")
    )
    proposed_sdgs = sdgs_field(_("SDGs it concerns (a proposal: the secretariat confirms)"))


class FileForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    file = forms.FileField(label=_("File (PDF or Word .docx)"))


class RegisterForm(forms.Form):
    series = forms.ChoiceField(
        label=_("Series"),
        choices=[
            (Document.Kind.CONTRIBUTION, _("Contribution (main series)")),
            (Document.Kind.INFORMATION, _("Information document (INF series)")),
        ],
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class RemoveFileForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the file removed?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class SummaryForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 20}),
        required=False,
        help_text=_("Start a line with ## for a heading. Leave an empty line between paragraphs."),
    )

    def blocks(self) -> list[dict]:
        """Lines starting with ## are headings; other lines run together until an empty line."""
        blocks: list[dict] = []
        paragraph: list[str] = []

        def close_paragraph() -> None:
            if paragraph:
                blocks.append({"kind": "paragraph", "text": " ".join(paragraph)})
                paragraph.clear()

        for line in self.cleaned_data["body"].replace("\r\n", "\n").split("\n"):
            text = line.strip()
            if text.startswith("##"):
                close_paragraph()
                blocks.append({"kind": "heading", "text": text.lstrip("#").strip()})
            elif text:
                paragraph.append(text)
            else:
                close_paragraph()
        close_paragraph()
        return blocks

    @staticmethod
    def body_from(blocks: list[dict]) -> str:
        return "\n\n".join(
            f"## {block['text']}" if block["kind"] == "heading" else block["text"]
            for block in blocks
        )


class NewSummaryForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
