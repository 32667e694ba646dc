"""The secretariat's tagging page for a document, a consultation question or an input."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cwg.exceptions import NotAllowed
from followup.forms import TagForm
from followup.permissions import can_tag
from followup.selectors.tags import taggable_for
from followup.services.tags import set_tags


def tag(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if not can_tag(user=request.user):
        raise PermissionDenied
    taggable = taggable_for(user=request.user, kind=kind, pk=pk)
    if taggable is None:
        raise Http404
    target = taggable.target
    current = {"action_lines": list(target.action_lines.all()), "sdgs": list(target.sdgs.all())}
    proposed = taggable.proposed_action_lines or taggable.proposed_sdgs
    initial = current
    if proposed and not (current["action_lines"] or current["sdgs"]):
        initial = {"action_lines": taggable.proposed_action_lines, "sdgs": taggable.proposed_sdgs}
    form = TagForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            set_tags(
                target=target,
                by=request.user,
                action_lines=form.cleaned_data["action_lines"],
                sdgs=form.cleaned_data["sdgs"],
            )
        except NotAllowed as error:
            raise PermissionDenied from error
        messages.success(request, _("The tags of %(title)s are saved.") % {"title": taggable.title})
        return redirect(taggable.back_url)
    return render(
        request,
        "followup/tag.html",
        {"form": form, "taggable": taggable, "proposed": proposed},
        status=400 if form.is_bound else 200,
    )
