"""GET /healthz for load balancers and process managers: no login, no secrets."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from attribution.selectors.health import health


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the database answers (what every request needs), 503 otherwise; the queue's backlog and the
    live workers are reported for monitoring, not judged: a deployment may run its workers elsewhere."""
    found = health()
    return JsonResponse(found, status=200 if found["database"] == "ok" else 503)
