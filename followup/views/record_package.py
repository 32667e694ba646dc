"""The meeting's record package: its page (with the build's progress), the request, the download.

Which package a person gets is record_package_access_for (members or public); the language of
its index is the page's.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwg.files.downloads import stored_file_response
from followup.models import RecordPackage
from followup.permissions import record_package_access_for
from followup.selectors.record_package import meeting_fingerprint, record_package_for
from followup.services.record_package import request_record_package
from meetings.models import Meeting

BUILDING = {RecordPackage.State.PENDING, RecordPackage.State.BUILDING}


def _meeting(number: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("working_group"), number=number)


def _package(request: HttpRequest, meeting: Meeting) -> tuple[str, RecordPackage | None, bool]:
    """(access, the package row if any, whether it is built from the meeting as it is now)."""
    access = record_package_access_for(user=request.user)
    package = record_package_for(meeting=meeting, access=access, language=get_language())
    fresh = (
        package is not None
        and package.state == RecordPackage.State.READY
        and package.fingerprint == meeting_fingerprint(meeting=meeting)
    )
    return access, package, fresh


def record_package(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting(number)
    access, package, fresh = _package(request, meeting)
    building = package is not None and package.state in BUILDING
    return render(
        request,
        "followup/record_package.html",
        {
            "meeting": meeting,
            "access": access,
            "package": package,
            "fresh": fresh,
            "building": building,
            "failed": package is not None and package.state == RecordPackage.State.FAILED,
        },
    )


@require_POST
def record_package_build(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting(number)
    package = request_record_package(
        meeting=meeting,
        access=record_package_access_for(user=request.user),
        language=get_language(),
        by=request.user,
    )
    if package.state != RecordPackage.State.READY:
        messages.info(request, _("The package is being built: this page shows how far it is."))
    return redirect("followup:record_package", number=meeting.number)


def record_package_download(request: HttpRequest, number: int) -> HttpResponse:
    meeting = _meeting(number)
    access, package, fresh = _package(request, meeting)
    if not fresh:
        messages.info(request, _("Build the package first: the meeting changed since the last."))
        return redirect("followup:record_package", number=meeting.number)
    name = f"{meeting}-record-package-{access}.zip"
    return stored_file_response(package.file, filename=name, content_type="application/zip")
