"""Bulk imports: uploading a file, the batches, a batch's live progress, its errors, retrying it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from attribution.csv_writer import csv_lines
from attribution.http import HtmxHttpRequest
from attribution.models import ImportBatch, SkippedRow
from attribution.selectors.imports import (
    ROWS_SHOWN,
    batch_errors,
    batch_progress,
    batches,
    cleaned_pages,
    skipped_rows_shown,
)
from attribution.services.imports import batch_retry
from attribution.uploads import upload_form_queue

import_required = permission_required("attribution.add_article", raise_exception=True)


@login_required
@import_required
@require_http_methods(["GET", "POST"])
def import_new(request: HtmxHttpRequest) -> HttpResponse:
    form, batch = upload_form_queue(request)
    if batch:
        return redirect("import_detail", pk=batch.pk)
    return TemplateResponse(request, "imports/new.html", {"form": form, "limit_mb": settings.IMPORT_MAX_BYTES // 2**20})


@login_required
@import_required
@require_GET
def import_list(request: HtmxHttpRequest) -> HttpResponse:
    page = Paginator(batches(), 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "imports/list.html", {"page": page})


@login_required
@import_required
@require_GET
def import_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk)
    template = "imports/detail.html#progress" if request.htmx else "imports/detail.html"
    cleaned = cleaned_pages(batch)
    context = {
        "batch": batch,
        "progress": batch_progress(batch),
        "errors": skipped_rows_shown(batch, SkippedRow.Kind.ERROR),
        "duplicates": skipped_rows_shown(batch, SkippedRow.Kind.DUPLICATE),
        "cleaned": cleaned[:ROWS_SHOWN],
        "cleaned_count": cleaned.count(),
        "rows_shown": ROWS_SHOWN,
    }
    return TemplateResponse(request, template, context)


@login_required
@import_required
@require_GET
def import_errors_csv(request: HtmxHttpRequest, pk: int) -> StreamingHttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk)
    return StreamingHttpResponse(
        csv_lines(["where", "message"], batch_errors(batch)),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="import-{batch.pk}-errors.csv"'},
    )


@login_required
@import_required
@require_POST
def import_retry(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk)
    resumed, count = batch_retry(batch=batch)
    if resumed:
        messages.info(request, "The rest of the file is queued to be stored.")
    if count:
        messages.info(request, f"{count} failed article(s) queued for extraction again.")
    return redirect("import_detail", pk=batch.pk)
