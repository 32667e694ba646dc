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
