from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from attribution.forms import ExportForm
from attribution.http import HtmxHttpRequest
from attribution.selectors.export import ExportFilters, quotes_for_export
from attribution.services.export import export_start

export_permission = permission_required("attribution.view_quote", raise_exception=True)
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


@login_required
@export_permission
@require_GET
def export_page(request: HtmxHttpRequest) -> HttpResponse:
    """The filter form; as an htmx request, just the count of rows the filters select."""
    form = ExportForm(request.GET or None)
    count = quotes_for_export(form.filters()).count() if form.is_valid() else None
    if not request.GET:
        count = quotes_for_export(ExportFilters()).count()
    template = "export/page.html#export-count" if request.htmx else "export/page.html"
    everywhere = request.GET.copy()
    everywhere.pop("article", None)
    context = {
        "form": form,
        "count": count,
        "article": form.cleaned_data.get("article") if form.is_valid() else None,
        "every_article": everywhere.urlencode(),
    }
    return TemplateResponse(request, template, context)


def _stream(request: HtmxHttpRequest, filters: ExportFilters, format: str, bom: bool) -> StreamingHttpResponse:
    _, lines = export_start(user=request.user, filters=filters, format=format, bom=bom)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return StreamingHttpResponse(
        lines,
        content_type=CONTENT_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="attributions-{stamp}.{format}"'},
    )


@login_required
@export_permission
@require_GET
def download(request: HtmxHttpRequest) -> HttpResponseBase:
    form = ExportForm(request.GET)
    if not form.is_valid():
        return TemplateResponse(request, "export/page.html", {"form": form, "count": None}, status=400)
    return _stream(
        request, form.filters(), form.cleaned_data.get("format") or "csv", bool(form.cleaned_data.get("bom"))
    )


@login_required
@export_permission
@require_GET
def attributions_csv(request: HtmxHttpRequest) -> StreamingHttpResponse:
    """Every verified attribution as CSV: a stable link for newsroom scripts."""
    return _stream(request, ExportFilters(), "csv", bom=False)
