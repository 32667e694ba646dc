"""Form fields shared by the apps: choosing WSIS action lines and SDGs (reference data here)."""

from django import forms

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
