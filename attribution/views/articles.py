from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from attribution.forms import ArticleForm
from attribution.models import Article
from attribution.selectors import articles_with_progress, review_context
from attribution.services.ingest import DuplicateArticle, IngestError, article_create


@login_required
def article_list(request):
    page = Paginator(articles_with_progress(), 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "articles/list.html", {"page": page})


@login_required
@permission_required("attribution.view_quote", raise_exception=True)
def article_detail(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    return TemplateResponse(request, "articles/detail.html", review_context(article))


@login_required
@permission_required("attribution.add_article", raise_exception=True)
@require_http_methods(["GET", "POST"])
def article_new(request):
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = article_create(**form.cleaned_data, imported_by=request.user)
        except DuplicateArticle as exc:
            messages.info(request, f"Already here: {exc.message}")
            return redirect("article_detail", pk=exc.existing.pk)
        except IngestError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, f"Imported with {article.quotes.count()} quotes found.")
            return redirect("article_detail", pk=article.pk)
    return TemplateResponse(request, "articles/new.html", {"form": form})
