from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods

from attribution.feedback import form_errors
from attribution.forms import ArticleFilterForm, ArticleForm
from attribution.http import HtmxHttpRequest, queue_batch
from attribution.models import Article
from attribution.selectors.articles import article_page
from attribution.selectors.review import article_progress, review_context
from attribution.services.errors import IngestError
from attribution.services.ingest import DuplicateArticle, article_create
from attribution.services.review import article_claim, article_opened


@login_required
@permission_required("attribution.view_article", raise_exception=True)
@require_GET
def article_list(request: HtmxHttpRequest) -> HttpResponse:
    form = ArticleFilterForm(request.GET or None)
    page = article_page(form.filters(), request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "articles/list.html#results" if request.htmx else "articles/list.html"
    return TemplateResponse(request, template, {"page": page, "form": form, "query": query.urlencode()})


@login_required
@permission_required("attribution.change_quote", raise_exception=True)
@require_GET
def next_article(request: HtmxHttpRequest, after: int | None = None) -> HttpResponse:
    """The queue: the next article to review (after the one the editor leaves), in the import batch they
    review if ?batch= says so; the scope goes on with them."""
    batch = queue_batch(request)
    article = article_claim(user=request.user, batch=batch, leaving=after)
    if article is None:
        where = " in this import" if batch else ""
        messages.info(request, f"Nothing {'else ' if after else ''}is waiting for review{where}.")
        return redirect("article_list")
    url = reverse("article_detail", args=[article.pk])
    return redirect(f"{url}?{urlencode({'batch': batch})}" if batch else url)


@login_required
@permission_required("attribution.view_quote", raise_exception=True)
@require_GET
def article_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    if request.user.has_perm("attribution.change_quote"):
        article_opened(article=article, user=request.user)
    return TemplateResponse(request, "articles/detail.html", review_context(article))


@login_required
@permission_required("attribution.add_article", raise_exception=True)
@require_http_methods(["GET", "POST"])
def article_new(request: HtmxHttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = article_create(**form.cleaned_data, imported_by=request.user)
        except DuplicateArticle as exc:
            messages.info(request, f"Already here: {exc.message}")
            return redirect("article_detail", pk=exc.existing.pk)
        except IngestError as exc:
            form_errors(form, exc)
        else:
            found = article_progress(article.pk)["total"]
            messages.success(request, f"Imported with {found} quotes found.")
            return redirect("article_detail", pk=article.pk)
    return TemplateResponse(request, "articles/new.html", {"form": form})
