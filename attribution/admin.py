from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from attribution.models import (
    Article,
    ExportLog,
    ExtractionRun,
    ImportBatch,
    Outlet,
    Publisher,
    Quote,
    ReviewEvent,
    Speaker,
    SpeakerMerge,
)
from attribution.uploads import upload_form_queue


class QuoteInline(admin.TabularInline[Quote, Article]):
    model = Quote
    fields = ("start", "end", "kind", "speaker_text", "role", "outlet_text", "status")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


class ReadOnlyAdmin[M: models.Model](admin.ModelAdmin[M]):
    """Logs are written by the services; here they are only read."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: M | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: M | None = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = ("title", "publisher", "published_at", "extraction_status", "created_at")
    # No filter or drop-down listing every publisher or import batch (300 and 500 at bench/archive.py's scale):
    # publishers are searched, a batch is given by its id.
    list_filter = ("extraction_status",)
    search_fields = ("title", "url", "external_id", "publisher")
    raw_id_fields = ("import_batch",)
    # The URL and the publisher are set through the ingest service (the URL's identity key, the publisher
    # registry) and change through the registry's merges.
    readonly_fields = ("content_hash", "body", "url", "publisher", "imported_by", "created_at", "updated_at")
    inlines = [QuoteInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Articles come in through the ingest service (paste form, import command), which validates,
        # dedupes and extracts; a bare admin insert would skip all three.
        return False


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin[Quote]):
    list_display = ("__str__", "article", "kind", "status", "reviewed_by", "reviewed_at")
    list_filter = ("status", "kind")
    search_fields = ("text", "speaker_text")
    raw_id_fields = ("article", "speaker", "outlet")

    # Review decisions are made on the review desk, where they are versioned and audited; here they are read.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Quote | None = None) -> bool:
        return False


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin[Speaker]):
    list_display = ("name", "kind", "merged_into")
    list_filter = ("kind",)
    search_fields = ("name",)
    # Merges are made on the speaker's page, where they are confirmed, audited and undone.
    readonly_fields = ("merged_into",)


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin[Outlet]):
    search_fields = ("name",)


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin[Publisher]):
    list_display = ("name", "created_at")
    search_fields = ("name",)

    def has_change_permission(self, request: HttpRequest, obj: Publisher | None = None) -> bool:
        # A renamed entry would leave its articles under the old name: merges (the Publishers page) rename both.
        return False


@admin.register(ReviewEvent)
class ReviewEventAdmin(ReadOnlyAdmin[ReviewEvent]):
    list_display = ("created_at", "action", "quote", "user")
    list_filter = ("action",)


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin[ImportBatch]):
    list_display = (
        "source_name",
        "created_by",
        "created_at",
        "state",
        "rows",
        "created_count",
        "duplicate_count",
        "failed_count",
    )
    list_filter = ("state",)
    exclude = ("upload",)  # a file waiting for a worker; it is not served

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("attribution.add_article")

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """Adding a batch is uploading a file, through the same form and service as /imports/new."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form, batch = upload_form_queue(request)
        if batch:
            return redirect("import_detail", pk=batch.pk)
        context = self.admin_site.each_context(request) | {
            "title": "Import articles",
            "opts": self.opts,
            "form": form,
            "form_url": form_url,
        }
        return TemplateResponse(request, "admin/attribution/importbatch/upload.html", context)


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdmin[ExportLog]):
    list_display = ("created_at", "user", "format", "row_count", "rows_sent", "outcome", "filters")
    list_filter = ("format", "outcome")


@admin.register(ExtractionRun)
class ExtractionRunAdmin(ReadOnlyAdmin[ExtractionRun]):
    list_display = ("created_at", "batch", "engine_version", "articles", "refreshed", "added", "removed", "finished_at")
    raw_id_fields = ("batch",)


@admin.register(SpeakerMerge)
class SpeakerMergeAdmin(ReadOnlyAdmin[SpeakerMerge]):
    list_display = ("merged_at", "source", "target", "merged_by", "undone_at", "undone_by")
