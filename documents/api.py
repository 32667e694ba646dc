"""The documents API under /api/v1/: the same selectors, services and permissions as the pages."""

from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from cwg.api import TAG_PARAMETERS, TagFields, filter_by_tags
from cwg.exceptions import NotAllowed
from cwg.models import MemberState, Organization
from cwg.pagecache import public_page
from documents import permissions, services
from documents.models import CoSponsor, Document, DocumentFile, Language
from documents.pagecache import DOCUMENTS_SCOPE
from meetings.models import Meeting


class DocumentFileSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = DocumentFile
        fields = [
            "id",
            "language",
            "revision",
            "original_name",
            "size",
            "content_type",
            "kind",
            "page_count",
            "extraction_state",
            "extraction_error",
            "uploaded_at",
            "state",
            "download_url",
        ]

    def get_download_url(self, stored: DocumentFile) -> str:
        return reverse("documents:download", args=[stored.pk])


class DocumentSerializer(TagFields, serializers.ModelSerializer):
    meeting = serializers.IntegerField(source="meeting.number")
    symbol = serializers.CharField()
    source = serializers.CharField()
    titles = serializers.DictField(
        source="all_titles",
        child=serializers.CharField(),
        read_only=True,
        help_text="The title in every language it exists in, by language code, the original "
        "(in title_language) included.",
    )
    files = DocumentFileSerializer(many=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "symbol",
            "title",
            "title_language",
            "titles",
            "kind",
            "status",
            "access",
            "meeting",
            "source",
            "is_late",
            "revision",
            "submitted_at",
            "published_at",
            "files",
            "action_lines",
            "sdgs",
        ]


class UploadSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=Language.choices)
    file = serializers.FileField()
    replace = serializers.BooleanField(
        default=False,
        help_text="Confirms that the file replaces the current one of its language and revision "
        "(without it such an upload is refused with 409, naming that file).",
    )


class NewDraftSerializer(serializers.Serializer):
    """A new draft: the source is the caller's delegation unless the secretariat names one."""

    meeting = serializers.SlugRelatedField(slug_field="number", queryset=Meeting.objects.all())
    title = serializers.CharField(max_length=500)
    access = serializers.ChoiceField(choices=Document.Access.choices, default="public")
    source_states = serializers.SlugRelatedField(
        slug_field="iso_code", queryset=MemberState.objects.all(), many=True, required=False
    )
    source_organizations = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), many=True, required=False
    )
    cosponsors = serializers.SlugRelatedField(
        slug_field="iso_code",
        queryset=MemberState.objects.all(),
        many=True,
        required=False,
        help_text="Co-sponsoring member states (ISO codes), in the order of the source line.",
    )


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Documents the caller may see; filter with ?meeting=44&kind=contribution&status=published."""

    serializer_class = DocumentSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        documents = (
            Document.objects.visible_to(self.request.user)
            .select_related("meeting__working_group")
            .prefetch_related(
                "source_states",
                "source_organizations",
                Prefetch(
                    "cosponsors",
                    queryset=CoSponsor.objects.select_related("member_state").order_by("order"),
                ),
                Prefetch(
                    "files",
                    queryset=DocumentFile.objects.defer("text").filter(
                        permissions.visible_files_filter(self.request.user)
                    ),
                ),
            )
            .order_by("meeting__number", "kind", "number", "pk")
        )
        query = self.request.query_params
        if query.get("meeting", "").isdigit():
            documents = documents.filter(meeting__number=int(query["meeting"]))
        if query.get("kind") in Document.Kind.values:
            documents = documents.filter(kind=query["kind"])
        if query.get("status") in Document.Status.values:
            documents = documents.filter(status=query["status"])
        return filter_by_tags(documents, query)

    @extend_schema(parameters=TAG_PARAMETERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=NewDraftSerializer, responses={201: DocumentSerializer})
    def create(self, request):
        """Create a draft (its files are added with POST .../files/, then it is submitted)."""
        if not permissions.can_create_contribution(user=request.user):
            raise PermissionDenied(str(NotAllowed.default_message))
        given = NewDraftSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        document = services.create_contribution(
            meeting=data["meeting"],
            by=request.user,
            title=data["title"],
            access=data["access"],
            source_states=data.get("source_states"),
            source_organizations=data.get("source_organizations"),
            cosponsors=data.get("cosponsors"),
        )
        document = self.get_queryset().get(pk=document.pk)
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=DocumentFileSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="files")
    def files(self, request, pk=None):
        document = self.get_object()
        return Response(DocumentFileSerializer(document.files.all(), many=True).data)

    @extend_schema(request=UploadSerializer, responses={201: DocumentFileSerializer})
    @files.mapping.post
    def upload(self, request, pk=None):
        document = self.get_object()
        if not permissions.can_add_file(user=request.user, document=document):
            raise PermissionDenied(str(NotAllowed.default_message))
        upload = UploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        stored = services.add_file(
            document=document,
            upload=upload.validated_data["file"],
            language=upload.validated_data["language"],
            by=request.user,
            original_name=upload.validated_data["file"].name,
            replace=upload.validated_data["replace"],
        )
        return Response(DocumentFileSerializer(stored).data, status=status.HTTP_201_CREATED)


router = SimpleRouter()
router.register("documents", DocumentViewSet, basename="document")
urlpatterns = [
    # The list as anonymous visitors read it, from the cache (POST creates, as the router says).
    path(
        "documents/",
        public_page(lambda: [DOCUMENTS_SCOPE])(
            DocumentViewSet.as_view({"get": "list", "post": "create"})
        ),
        name="document-list",
    ),
    *router.urls,
]


# Comparing revisions (issue 21): the same selectors as the compare page and the download.
class CompareSegmentSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class CompareBlockSerializer(serializers.Serializer):
    kind = serializers.CharField()
    move = serializers.IntegerField(allow_null=True)
    segments = CompareSegmentSerializer(many=True)


class CompareSerializer(serializers.Serializer):
    language = serializers.CharField()
    older_revision = serializers.IntegerField(source="older.revision")
    newer_revision = serializers.IntegerField(source="newer.revision")
    inserted_words = serializers.IntegerField(source="comparison.counts.inserted")
    deleted_words = serializers.IntegerField(source="comparison.counts.deleted")
    moved_words = serializers.IntegerField(source="comparison.counts.moved")
    blocks = CompareBlockSerializer(source="comparison.blocks", many=True)


class DocumentCompareView(APIView):
    """?language=en&from=0&to=1 (default: the latest revision one may open and the one before)."""

    permission_classes = [AllowAny]

    @extend_schema(
        responses=CompareSerializer,
        parameters=[
            OpenApiParameter("language", str, enum=Language.values),
            OpenApiParameter("from", int, description="the older revision"),
            OpenApiParameter("to", int, description="the newer revision"),
        ],
    )
    def get(self, request, pk: int):
        from documents.services import compare

        document = Document.objects.visible_to(request.user).filter(pk=pk).first()
        if document is None:
            raise NotFound
        language = request.query_params.get("language", "en")
        if language not in Language.values:
            raise ValidationError({"language": _("Choose one of: %s.") % ", ".join(Language)})
        pair = compare.default_pair(
            compare.comparable_files(document=document, language=language, user=request.user)
        )
        older, newer = request.query_params.get("from", ""), request.query_params.get("to", "")
        if older or newer:
            if not (older.isdecimal() and newer.isdecimal()):
                raise ValidationError(
                    {"from": [_("Give both revisions as numbers: ?from=0&to=1.")]}
                )
            pair = (int(older), int(newer))
        result = pair and compare.compare_revisions(
            document=document, language=language, older=pair[0], newer=pair[1], user=request.user
        )
        if not result:
            raise NotFound(
                _("There are not two such revisions in this language that you may open.")
            )
        return Response(CompareSerializer(result).data)


urlpatterns += [
    path("documents/<int:pk>/compare/", DocumentCompareView.as_view(), name="document-compare")
]
