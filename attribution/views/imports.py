import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from attribution.forms import ImportUploadForm
from attribution.models import Article, ImportBatch, SkippedRow
from attribution.services.errors import IngestError
from attribution.services.imports import batch_retry, import_upload

import_required = permission_required("attribution.add_article", raise_exception=True)
# The batch page lists this many bad rows, and as many duplicates; the errors CSV has every bad row.
ROWS_SHOWN = 200


def upload_queue(form: ImportUploadForm, user) -> ImportBatch | None:
    """Hand a valid upload form's file to the import service (for this page and the admin's): the queued
    batch, or None with the reason on the form."""
    try:
        return import_upload(
            upload=form.cleaned_data["file"], imported_by=user, publisher=form.cleaned_data["publisher"]
        )
    except IngestError as exc:
        form.add_error("file", exc.message)
        return None


def batch_progress(batch: ImportBatch) -> dict:
    counts = batch.articles.aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(extraction_status=Article.ExtractionStatus.DONE)),
        failed=Count("id", filter=Q(extraction_status=Article.ExtractionStatus.FAILED)),
    )
    counts["finished"] = counts["done"] + counts["failed"]
    counts["pending"] = counts["total"] - counts["finished"]
    # The page keeps polling while rows are being stored or quotes extracted.
    counts["live"] = batch.in_progress or (batch.extract and counts["pending"] > 0)
    return counts


@login_required
@import_required
@require_http_methods(["GET", "POST"])
def import_new(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and (batch := upload_queue(form, request.user)):
        return redirect("import_detail", pk=batch.pk)
    return TemplateResponse(request, "imports/new.html", {"form": form, "limit_mb": settings.IMPORT_MAX_BYTES // 2**20})


@login_required
@import_required
@require_GET
def import_list(request):
    page = Paginator(ImportBatch.objects.select_related("created_by"), 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "imports/list.html", {"page": page})


@login_required
@import_required
@require_GET
def import_detail(request, pk: int):
    batch = get_object_or_404(ImportBatch, pk=pk)
    template = "imports/detail.html#progress" if request.htmx else "imports/detail.html"
    skipped = batch.skipped_rows.select_related("duplicate_of")
    context = {
        "batch": batch,
        "progress": batch_progress(batch),
        "errors": skipped.filter(kind=SkippedRow.Kind.ERROR)[:ROWS_SHOWN],
        "duplicates": skipped.filter(kind=SkippedRow.Kind.DUPLICATE)[:ROWS_SHOWN],
        "rows_shown": ROWS_SHOWN,
    }
    return TemplateResponse(request, template, context)


@login_required
@import_required
@require_GET
def import_errors_csv(request, pk: int):
    batch = get_object_or_404(ImportBatch, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{batch.pk}-errors.csv"'
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow(["where", "message"])
    for row in batch.skipped_rows.filter(kind=SkippedRow.Kind.ERROR).iterator():
        writer.writerow([row.where, row.message])
    for article in batch.articles.filter(extraction_status=Article.ExtractionStatus.FAILED).only(
        "title", "extraction_error"
    ):
        writer.writerow([f"extraction of {article.title!r}", article.extraction_error])
    return response


@login_required
@import_required
@require_POST
def import_retry(request, pk: int):
    batch = get_object_or_404(ImportBatch, pk=pk)
    resumed, count = batch_retry(batch=batch)
    if resumed:
        messages.info(request, "The rest of the file is queued to be stored.")
    if count:
        messages.info(request, f"{count} failed article(s) queued for extraction again.")
    return redirect("import_detail", pk=batch.pk)
