"""The publisher registry: its list, an entry's names and sites, and merging two entries that are one outlet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods

from attribution.feedback import message_error
from attribution.forms import PublisherMergeForm
from attribution.http import HtmxHttpRequest
from attribution.models import Publisher
from attribution.selectors.registry import publisher_article_counts, publisher_page
from attribution.services.publishers import PublisherMergeError, publisher_merge

publishers_readable = permission_required("attribution.view_publisher", raise_exception=True)


@login_required
@publishers_readable
@require_GET
def publisher_list(request: HtmxHttpRequest) -> HttpResponse:
    search = request.GET.get("q", "")
    page = publisher_page(search, request.GET.get("page"))
    query = urlencode({"q": search}) if search else ""
    return TemplateResponse(request, "publishers/list.html", {"page": page, "q": search, "query": query})


@login_required
@publishers_readable
@require_GET
def publisher_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    publisher = get_object_or_404(Publisher, pk=pk)
    context = {
        "publisher": publisher,
        "articles": publisher_article_counts([publisher.name]).get(publisher.name, 0),
        "merge_form": PublisherMergeForm(),
    }
    return TemplateResponse(request, "publishers/detail.html", context)


@login_required
@permission_required("attribution.change_publisher", raise_exception=True)
@require_http_methods(["GET", "POST"])
def publisher_merge_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Merge ?source= into this publisher: first what it would change, then, posted with confirm, the merge."""
    target = get_object_or_404(Publisher, pk=pk)
    form = PublisherMergeForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        for error in form["source"].errors:
            messages.error(request, str(error))
        return redirect("publisher_detail", pk=target.pk)
    source = form.cleaned_data["source"]
    if source.pk == target.pk:
        messages.error(request, "A publisher cannot be merged into itself.")
        return redirect("publisher_detail", pk=target.pk)
    if request.method == "GET" or not form.cleaned_data["confirm"]:
        articles = publisher_article_counts([source.name]).get(source.name, 0)
        context = {"target": target, "source": source, "articles": articles}
        return TemplateResponse(request, "publishers/merge_confirm.html", context)
    try:
        renamed = publisher_merge(target=target, source=source)
    except PublisherMergeError as error:
        message_error(request, error)
    else:
        messages.success(
            request, f"{source.name} merged into {target.name}: {renamed} article{'s' * (renamed != 1)} renamed."
        )
    return redirect("publisher_detail", pk=target.pk)
