from django.shortcuts import render
from django.utils.translation import gettext as _

from cwg.pagecache import SEARCH_SCOPE, public_page
from cwg.search.forms import SearchForm
from cwg.search.pages import result_page


@public_page(lambda: [SEARCH_SCOPE])
def search_page(request):
    form = SearchForm(request.GET)
    context = {"form": form, "page": None}
    if not form.is_valid():
        context["error"] = _("Check the search options: %(errors)s") % {
            "errors": " ".join(str(error) for errors in form.errors.values() for error in errors)
        }
        return render(request, "search/results.html", context, status=400)
    query = form.cleaned_data["q"]
    if query:
        context["page"] = result_page(
            user=request.user,
            query=query,
            filters=form.filters,
            page=form.cleaned_data["page"] or 1,
        )
    return render(request, "search/results.html", context)
