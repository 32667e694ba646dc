from django import forms
from django.utils.translation import gettext_lazy as _

from cwg.search.backends import FACETS

MAX_PAGE = 500


class SearchText(forms.CharField):
    """NUL characters are dropped, not refused: no person types them, and no engine can."""

    def to_python(self, value):
        return super().to_python(value).replace("\x00", "")


class SearchForm(forms.Form):
    q = SearchText(label=_("Search for"), required=False, strip=True)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in FACETS:
            self.fields[name] = SearchText(required=False, max_length=100)

    @property
    def filters(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in FACETS if self.cleaned_data.get(name)}
