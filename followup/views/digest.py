"""/my/digest/: what is new for the signed-in person's delegation, and their mail choices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from cwg.models import UserPreference
from followup.forms import ActionUpdateForm, DigestPreferenceForm
from followup.models import FollowupPreference
from followup.permissions import can_report_progress
from followup.selectors.digest import delegation_digest
from followup.services.digest import set_digest_preference


@login_required
def my_digest(request: HttpRequest) -> HttpResponse:
    user = request.user
    preference = FollowupPreference.objects.filter(user=user).first()
    chosen = UserPreference.objects.filter(user=user).first()
    initial = {
        "weekly_digest": preference.weekly_digest if preference else False,
        "language": chosen.language if chosen and chosen.language else request.LANGUAGE_CODE,
    }
    form = DigestPreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        set_digest_preference(user=user, **form.cleaned_data)
        messages.success(request, _("Your mail choices are saved."))
        return redirect("my:digest")
    digest = delegation_digest(user=user, today=timezone.localdate())
    reportable = {
        item.action.pk
        for item in digest.actions
        if can_report_progress(user=user, action=item.action)
    }
    return render(
        request,
        "followup/my_digest.html",
        {
            "digest": digest,
            "form": form,
            "reportable": reportable,
            "update_form": ActionUpdateForm(),
        },
        status=400 if form.is_bound else 200,
    )
