"""Consultations' part of /open-data/: each call's published inputs, with their descriptor."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultations.models import ConsultationCall
from cwg.opendata import DataFile, Dataset, register_datasets


def call_datasets(user) -> list[Dataset]:
    calls = ConsultationCall.objects.visible_to(user).exclude(status=ConsultationCall.Status.DRAFT)
    datasets = []
    for call in calls.order_by("-opens_at"):
        title = f"{call.code}: {call.display_title}"
        datasets += [
            Dataset(
                title=title,
                written_by_people=True,
                description=_("Published inputs to the call, one row per input."),
                descriptor_url=reverse("consultations:datapackage", args=[call.code]),
                files=[
                    DataFile(
                        label="CSV", url=reverse("consultations:published_csv", args=[call.code])
                    )
                ],
            ),
            Dataset(
                title=title,
                written_by_people=True,
                description=_(
                    "The call's statistics: inputs by status, stakeholder type, region, country."
                ),
                descriptor_url=reverse("consultations:statistics_datapackage", args=[call.code]),
                files=[
                    DataFile(
                        label="CSV", url=reverse("consultations:statistics_csv", args=[call.code])
                    )
                ],
            ),
        ]
    return datasets


def connect() -> None:
    register_datasets(
        "consultations", title=gettext_lazy("Consultation inputs"), datasets=call_datasets
    )
