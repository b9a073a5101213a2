"""The speaker registry: its list, a speaker's quotes, merging two entries that are one person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from attribution.feedback import message_error
from attribution.http import HtmxHttpRequest
from attribution.models import Speaker
from attribution.selectors.registry import (
    speaker_quotes,
    speakers_merged_into,
    speakers_to_merge_into,
    speakers_with_counts,
)
from attribution.services.speakers import MergeError, speaker_merge


@login_required
@permission_required("attribution.view_speaker", raise_exception=True)
@require_GET
def speaker_list(request: HtmxHttpRequest) -> HttpResponse:
    search = request.GET.get("q", "")
    page = Paginator(speakers_with_counts(search), 100).get_page(request.GET.get("page"))
    query = urlencode({"q": search}) if search else ""
    return TemplateResponse(request, "speakers/list.html", {"page": page, "q": search, "query": query})


@login_required
@permission_required("attribution.view_speaker", raise_exception=True)
@require_GET
def speaker_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker, pk=pk)
    if speaker.merged_into_id:
        return redirect("speaker_detail", pk=speaker.canonical().pk)
    context = {
        "speaker": speaker,
        "page": Paginator(speaker_quotes(speaker), 50).get_page(request.GET.get("page")),
        "merged": speakers_merged_into(speaker),
        "others": speakers_to_merge_into(speaker),
    }
    return TemplateResponse(request, "speakers/detail.html", context)


@login_required
@permission_required("attribution.change_speaker", raise_exception=True)
@require_POST
def speaker_merge_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(Speaker, pk=pk)
    source = get_object_or_404(Speaker, pk=request.POST.get("source") or 0)
    try:
        speaker_merge(target=target, source=source)
    except MergeError as error:
        message_error(request, error)
    else:
        messages.success(request, f"{source.name} merged into {target.name}; their quotes are now {target.name}'s.")
    return redirect("speaker_detail", pk=target.pk)
