from django.contrib.auth.decorators import login_required, permission_required
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from attribution.services.export import csv_lines, verified_quotes


@login_required
@permission_required("attribution.view_quote", raise_exception=True)
@require_GET
def attributions_csv(request):
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return StreamingHttpResponse(
        csv_lines(verified_quotes()),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="attributions-{stamp}.csv"'},
    )
