from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from attribution.forms import LoginForm
from attribution.review_actions import ACTIONS, ADD, EDIT, NEXT_ARTICLE, REDO_MINE, UNDO_MINE
from attribution.views import (
    articles,
    export,
    health,
    imports,
    insights,
    publishers,
    quotes,
    registry,
    speakers,
    statements,
    suggestions,
)

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="article_list", permanent=False)),
    path("login/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("healthz", health.healthz, name="healthz"),
    path("articles/", articles.article_list, name="article_list"),
    path("articles/new/", articles.article_new, name="article_new"),
    path("articles/next/", articles.next_article, name="next_article"),
    path("articles/<int:after>/next/", articles.next_article, name=NEXT_ARTICLE.url_name),
    path("articles/<int:pk>/", articles.article_detail, name="article_detail"),
    path("quotes/<int:pk>/", quotes.card, name="quote_card"),
    *(
        path(f"quotes/<int:pk>/{action}/", quotes.act, {"action": action}, name=ACTIONS[action].url_name)
        for action in quotes.SERVICES
    ),
    path("quotes/<int:pk>/edit/", quotes.edit, name=EDIT.url_name),
    path("quotes/<int:pk>/correct/", quotes.correct, name="quote_correct"),
    path("quotes/<int:pk>/nudge/", quotes.nudge, name="quote_nudge"),
    path("quotes/<int:pk>/span/", quotes.respan, name="quote_span"),
    path("quotes/<int:pk>/history/", quotes.history, name="quote_history"),
    path("articles/<int:pk>/confirm-remaining/", quotes.confirm_remaining, name="article_confirm_remaining"),
    path("articles/<int:pk>/quotes/new/", quotes.add, name=ADD.url_name),
    path("articles/<int:pk>/undo/", quotes.undo_mine, name=UNDO_MINE.url_name),
    path("articles/<int:pk>/redo/", quotes.redo_mine, name=REDO_MINE.url_name),
    path("speakers/", speakers.speaker_list, name="speaker_list"),
    path("speakers/<int:pk>/", speakers.speaker_detail, name="speaker_detail"),
    path("speakers/<int:pk>/merge/", speakers.speaker_merge_view, name="speaker_merge"),
    path("speakers/merges/<int:pk>/undo/", speakers.speaker_merge_undo_view, name="speaker_merge_undo"),
    path("publishers/", publishers.publisher_list, name="publisher_list"),
    path("publishers/<int:pk>/", publishers.publisher_detail, name="publisher_detail"),
    path("publishers/<int:pk>/merge/", publishers.publisher_merge_view, name="publisher_merge"),
    path("speakers/search/", registry.speaker_search, name="speaker_search"),
    path("outlets/search/", registry.outlet_search, name="outlet_search"),
    path("roles/search/", registry.role_search, name="role_search"),
    path("suggest/publishers/", suggestions.publishers, name="publisher_suggestions"),
    path("suggest/articles/", suggestions.articles, name="article_suggestions"),
    path("suggest/publisher-entries/", suggestions.publisher_entries, name="publisher_entry_suggestions"),
    path("suggest/import-batches/", suggestions.import_batches, name="import_batch_suggestions"),
    path("suggest/speaker-names/", suggestions.speaker_names, name="speaker_name_suggestions"),
    path("suggest/speakers/", suggestions.speakers, name="speaker_suggestions_keyed"),
    path("imports/", imports.import_list, name="import_list"),
    path("imports/new", imports.import_new, name="import_new"),
    path("imports/<int:pk>/", imports.import_detail, name="import_detail"),
    path("imports/<int:pk>/errors.csv", imports.import_errors_csv, name="import_errors_csv"),
    path("imports/<int:pk>/retry/", imports.import_retry, name="import_retry"),
    path("statements/conflicts/", statements.conflicts, name="statement_conflicts"),
    path("insights/", insights.insights, name="insights"),
    path("insights/<slug:figure>.csv", insights.insights_csv, name="insights_csv"),
    path("export/", export.export_page, name="export"),
    path("export/download", export.download, name="export_download"),
    path("export/attributions.csv", export.attributions_csv, name="export_csv"),
    path("admin/", admin.site.urls),
]
