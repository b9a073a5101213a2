"""The speaker registry: its list, a speaker's quotes, merging two entries that are one person and undoing that."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from attribution.feedback import message_error
from attribution.forms import SpeakerMergeForm
from attribution.http import HtmxHttpRequest
from attribution.models import Speaker, SpeakerMerge
from attribution.selectors.merges import merges_to_undo, quotes_linked_to
from attribution.selectors.registry import (
    speaker_page,
    speaker_quotes,
    speakers_merged_into,
)
from attribution.services.speakers import (
    MergeError,
    names_taken,
    speaker_merge,
    speaker_merge_check,
    speaker_merge_undo,
)

# Merges change the registry for every editor: Admins only.
merge_required = permission_required("attribution.add_speakermerge", raise_exception=True)


@login_required
@permission_required("attribution.view_speaker", raise_exception=True)
@require_GET
def speaker_list(request: HtmxHttpRequest) -> HttpResponse:
    search = request.GET.get("q", "")
    page = speaker_page(search, request.GET.get("page"))
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
        "merge_form": SpeakerMergeForm(),
        "merges": merges_to_undo(speaker),
    }
    return TemplateResponse(request, "speakers/detail.html", context)


def _confirm_merge(request: HtmxHttpRequest, target: Speaker, source: Speaker) -> HttpResponse:
    """What the merge would change, for the Admin to confirm or cancel."""
    context = {
        "target": target,
        "source": source,
        "quotes": quotes_linked_to(source),
        "names": names_taken(target=target, source=source),
    }
    return TemplateResponse(request, "speakers/merge_confirm.html", context)


@login_required
@merge_required
@require_http_methods(["GET", "POST"])
def speaker_merge_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Merge ?source= into this speaker: first the confirmation page, then, posted from it with confirm, the
    merge. A refusal or a bad parameter is a message on the speaker's page."""
    target = get_object_or_404(Speaker, pk=pk)
    form = SpeakerMergeForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        for error in form["source"].errors:
            messages.error(request, str(error))
        return redirect("speaker_detail", pk=target.pk)
    source = form.cleaned_data["source"]
    try:
        if request.method == "GET" or not form.cleaned_data["confirm"]:
            speaker_merge_check(target=target, source=source)
            return _confirm_merge(request, target, source)
        speaker_merge(target=target, source=source, user=request.user)
    except MergeError as error:
        message_error(request, error)
    else:
        messages.success(
            request, f"{source.name} merged into {target.name}; their quotes are now {target.name}'s. Undo is below."
        )
    return redirect("speaker_detail", pk=target.pk)


@login_required
@merge_required
@require_POST
def speaker_merge_undo_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    merge = get_object_or_404(SpeakerMerge.objects.select_related("source", "target"), pk=pk)
    try:
        speaker_merge_undo(merge=merge, user=request.user)
    except MergeError as error:
        message_error(request, error)
    else:
        messages.success(request, f"Merge undone: {merge.source.name} is a speaker of its own again, with its quotes.")
    return redirect("speaker_detail", pk=merge.target_id)
