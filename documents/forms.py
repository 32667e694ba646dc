from django import forms
from django.contrib.auth.models import Group
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from cwg.forms import action_lines_field, sdgs_field
from cwg.models import MemberState, Organization
from cwg.permissions import group_label
from documents.models import Document, Language
from documents.permissions import can_name_any_source
from meetings.models import AgendaItem

# No language is assumed: the field starts on this empty choice and must be chosen (issue 22).
LANGUAGE_CHOICES = [("", _("Choose the language")), *Language.choices]


class UserContentCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose labels are what people wrote (agenda items' titles), marked as such."""

    option_template_name = "documents/widgets/user_content_option.html"


class OrderedSelects(forms.SelectMultiple):
    """Several plain selects under one name, filled in order: the order is the one kept (a
    multiple select would send its options in list order, not in the order they were chosen)."""

    def __init__(self, attrs=None, rows: int = 3):
        super().__init__(attrs)
        self.rows = rows

    def render(self, name, value, attrs=None, renderer=None):
        chosen = [str(item) for item in (value or []) if item not in ("", None)]
        options = [(str(key), str(label)) for key, label in self.choices if str(key)]
        base_id = (attrs or {}).get("id") or f"id_{name}"
        selects = []
        for index in range(max(self.rows, len(chosen) + 2)):
            current = chosen[index] if index < len(chosen) else ""
            choices = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((key, " selected" if key == current else "", label) for key, label in options),
            )
            selects.append(
                format_html(
                    '<li><select name="{}" id="{}" aria-label="{}"><option value="">—</option>'
                    "{}</select></li>",
                    name,
                    base_id if index == 0 else f"{base_id}_{index}",
                    _("Co-sponsor %(number)s") % {"number": index + 1},
                    choices,
                )
            )
        return mark_safe('<ol class="ordered-choices">' + "".join(selects) + "</ol>")  # noqa: S308 (parts escaped by format_html)

    def value_from_datadict(self, data, files, name):
        return [value for value in data.getlist(name) if value]


class OrderedStatesField(forms.ModelMultipleChoiceField):
    """Member states in the order given, each once."""

    def clean(self, value):
        states = {str(state.pk): state for state in super().clean(value)}
        return [states[key] for key in dict.fromkeys(str(item) for item in value or [])]


class MeetingDocumentForm(forms.Form):
    """Title, agenda items (of the document's meeting) and access: what every details form has."""

    title = forms.CharField(label=_("Title"), max_length=500)
    agenda_items = forms.ModelMultipleChoiceField(
        label=_("Agenda items"),
        queryset=AgendaItem.objects.none(),
        required=False,
        widget=UserContentCheckboxes,
    )
    access = forms.ChoiceField(
        label=_("Who may read it once published"), choices=Document.Access.choices
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_items"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by(
            "order"
        )


class DocumentDetailsForm(MeetingDocumentForm):
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
    cosponsors = OrderedStatesField(
        label=_("Co-sponsoring member states"),
        help_text=_(
            "In the order the source line lists them. Their delegates see the document once it "
            "is submitted and confirm or decline; only those who confirm are listed as sources."
        ),
        queryset=MemberState.objects.all(),
        required=False,
        widget=OrderedSelects,
    )

    def __init__(self, *args, meeting, user, cosponsors: bool = True, **kwargs):
        super().__init__(*args, meeting=meeting, **kwargs)
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
            self.fields["cosponsors"].queryset = MemberState.objects.exclude(pk__in=states)
            cosponsors = cosponsors and states.exists()
        if not cosponsors:
            del self.fields["cosponsors"]


class CorrectionForm(MeetingDocumentForm):
    """What the secretariat may correct after registration, and why."""

    series = forms.ChoiceField(label=_("Series"), choices=[])
    restricted_to = forms.ModelMultipleChoiceField(
        label=_("Restricted to (when access is restricted)"),
        queryset=Group.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=_("Why is it corrected? (kept in its history)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    field_order = ["title", "series", "agenda_items", "access", "restricted_to", "reason"]

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, meeting=meeting, **kwargs)
        self.fields["restricted_to"].label_from_instance = group_label
        self.fields["series"].choices = RegisterForm.base_fields["series"].choices


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


class CosponsorshipForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your member state's answer"),
        choices=[("confirm", _("We co-sponsor it")), ("decline", _("We decline"))],
        widget=forms.RadioSelect,
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


class TitlesForm(forms.Form):
    """The language the title was first written in, and the title in each of the six."""

    title_language = forms.ChoiceField(
        label=_("Language the title was first written in"), choices=Language.choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in Language.choices:
            self.fields[f"title_{code}"] = forms.CharField(
                label=label,
                required=False,
                max_length=500,
                widget=forms.TextInput(
                    attrs={"lang": code, "dir": "rtl" if code == "ar" else "ltr"}
                ),
            )

    @staticmethod
    def initial_for(document: Document) -> dict:
        titles = document.all_titles
        initial = {f"title_{code}": titles.get(code, "") for code in Language.values}
        return {"title_language": document.title_language, **initial}

    def clean(self):
        cleaned = super().clean()
        language = cleaned.get("title_language")
        if language and not (cleaned.get(f"title_{language}") or "").strip():
            self.add_error(
                f"title_{language}",
                _("Enter the title in the language it was first written in."),
            )
        return cleaned

    def titles(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"title_{code}") or "" for code in Language.values}
