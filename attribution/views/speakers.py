from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from attribution.models import Speaker
from attribution.services.speakers import MergeError, speaker_merge


@login_required
@permission_required("attribution.view_speaker", raise_exception=True)
def speaker_list(request):
    speakers = Speaker.objects.filter(merged_into__isnull=True).annotate(quote_count=Count("quotes")).order_by("name")
    page = Paginator(speakers, 100).get_page(request.GET.get("page"))
    return TemplateResponse(request, "speakers/list.html", {"page": page})


@login_required
@permission_required("attribution.view_speaker", raise_exception=True)
def speaker_detail(request, pk: int):
    speaker = get_object_or_404(Speaker, pk=pk)
    if speaker.merged_into_id:
        return redirect("speaker_detail", pk=speaker.canonical().pk)
    quotes = speaker.quotes.select_related("article").defer("article__body").order_by("-article__published_at", "start")
    others = Speaker.objects.filter(merged_into__isnull=True).exclude(pk=speaker.pk).order_by("name")
    return TemplateResponse(
        request,
        "speakers/detail.html",
        {"speaker": speaker, "quotes": quotes, "merged": speaker.merged.order_by("name"), "others": others},
    )


@login_required
@permission_required("attribution.change_speaker", raise_exception=True)
@require_POST
def speaker_merge_view(request, pk: int):
    target = get_object_or_404(Speaker, pk=pk)
    source = get_object_or_404(Speaker, pk=request.POST.get("source") or 0)
    try:
        speaker_merge(target=target, source=source)
    except MergeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{source.name} merged into {target.name}; their quotes are now {target.name}'s.")
    return redirect("speaker_detail", pk=target.pk)
