"""The database of record: articles, the quotes extracted from them, and every review decision."""

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower

from attribution.review_actions import ACTIONS, QuoteStatus
from attribution.text import fold_whitespace


class RegistryQuerySet[Entry: models.Model](models.QuerySet[Entry]):
    def matching(self, name: str | None) -> Entry | None:
        """The entry known by this name or alias (whitespace folded, case ignored for the name), if any."""
        name = fold_whitespace(name)
        if not name:
            return None
        return self.filter(Q(name__iexact=name) | Q(aliases__contains=[name])).order_by("pk").first()


class Speaker(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"
        GROUP = "group", "Group"
        ANONYMOUS = "anonymous", "Anonymous"
        UNKNOWN = "unknown", "Unknown"

    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    aliases = models.JSONField(default=list, blank=True)
    # A merged speaker points at the one it was merged into; its row stays for the history.
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RegistryQuerySet.as_manager()

    # Not stored: set for the speaker list, by selectors.registry.speaker_page.
    quote_count: int

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "kind", name="speaker_unique_name_kind"),
        ]
        # The speaker list's order: a page of 50,000 speakers without sorting them all.
        indexes = [models.Index(fields=["name", "id"], name="speaker_name_order")]

    def __str__(self) -> str:
        return self.name

    def canonical(self) -> "Speaker":
        """The speaker this one was (perhaps repeatedly) merged into, or itself."""
        speaker = self
        while speaker.merged_into is not None:
            speaker = speaker.merged_into
        return speaker


class SpeakerMerge(models.Model):
    """An Admin folding one speaker into another: the audit of who merged what and when, with what the merge
    changed (the quotes it moved, the names it gave the target) so that it can be undone."""

    target = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="merges_in")
    source = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="merges_out")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    merged_at = models.DateTimeField(auto_now_add=True, db_index=True)
    moved_quotes = models.JSONField(default=list)  # ids of the quotes that were source's
    added_aliases = models.JSONField(default=list)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(source=F("target")), name="speaker_merge_not_into_itself"),
            # However two Admins race, a speaker is merged into one other at a time.
            models.UniqueConstraint(
                fields=["source"], condition=Q(undone_at__isnull=True), name="speaker_merge_one_live_per_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} into {self.target}{' (undone)' if self.undone_at else ''}"


class Outlet(models.Model):
    name = models.CharField(max_length=200)
    aliases = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RegistryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="outlet_unique_name")]

    def __str__(self) -> str:
        return self.name


class Publisher(models.Model):
    """One outlet that publishes articles, with every form its pages and feeds name it by ("NYTimes", "The New
    York Times", "nytimes.com"): the one name the list's filter and the export use for all of them."""

    name = models.CharField(max_length=200)
    # Other names and the sites (hosts, www. dropped) whose pages are this publisher's.
    aliases = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RegistryQuerySet.as_manager()

    # Not stored: set for the publisher list, by selectors.registry.publisher_page.
    article_count: int

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="publisher_unique_name")]
        indexes = [GinIndex(fields=["aliases"], name="publisher_aliases")]

    def __str__(self) -> str:
        return self.name


class ImportBatch(models.Model):
    """One import of a file: who, when, what it held and what became of each row."""

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting for a worker"
        STORING = "storing", "Storing articles"
        STORED = "stored", "Stored"
        FAILED = "failed", "Stopped"

    source_name = models.CharField(max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Counters and state are written with update() as each chunk commits, so updated_at is set by hand there.
    updated_at = models.DateTimeField(auto_now=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    # An uploaded file waits here for the worker that stores its rows, and is deleted once they are stored.
    upload = models.FileField(upload_to="imports/%Y/%m/%d/", blank=True)
    publisher = models.CharField(max_length=200, blank=True, help_text="for rows that name none")
    extract = models.BooleanField(default=True)
    # Why the file as a whole could not be stored (a row's own problem is a SkippedRow).
    message = models.TextField(blank=True)
    # Rows read so far: the position a resumed import starts from.
    rows = models.PositiveIntegerField(default=0)
    fraction_read = models.FloatField(default=0.0, help_text="how much of the file is read, 0 to 1")
    created_count = models.PositiveIntegerField(default=0)
    duplicate_count = models.PositiveIntegerField(default=0)
    failed_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return f"{self.source_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def in_progress(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.STORING)


class SkippedRow(models.Model):
    """A row of an import that did not become an article, and why."""

    class Kind(models.TextChoices):
        ERROR = "error", "Error"
        DUPLICATE = "duplicate", "Duplicate"

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="skipped_rows")
    position = models.PositiveIntegerField(help_text="the row's place in the file, from 1")
    where = models.CharField(max_length=1000, help_text='e.g. "feed.jsonl line 3"')
    kind = models.CharField(max_length=10, choices=Kind.choices)
    message = models.TextField()
    duplicate_of = models.ForeignKey("Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["batch", "position"]
        constraints = [models.UniqueConstraint(fields=["batch", "position"], name="skipped_row_unique_position")]

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# Publication dates the database takes. The ingest service refuses dates before the first and more than a day
# ahead (a CHECK cannot read the clock); the second keeps every stored date readable: 9999-12-31 in a zone west of
# UTC is year 10000, which Python's datetime (hence every page, the admin and the export) cannot represent.
PUBLISHED_AT_EARLIEST = datetime(1800, 1, 1, tzinfo=UTC)
PUBLISHED_AT_BEFORE = datetime(9999, 1, 1, tzinfo=UTC)


class Article(models.Model):
    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    title = models.CharField(max_length=500)
    # Offsets of every quote refer to this exact text; it is never rewritten after import.
    body = models.TextField()
    url = models.URLField(max_length=2000, blank=True)
    # What two addresses of one page share (webpages.urls.identity): http and https, www., a trailing slash and
    # tracking parameters aside, so the same page saved twice is one article.
    url_key = models.CharField(max_length=2000, blank=True, editable=False)
    # The registry's name for the publisher (Publisher.name), kept on the row for the list's filter and index.
    publisher = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The publisher's own identifier (CMS id, wire slug), kept so a row can be traced back to its source.
    external_id = models.CharField(max_length=200, blank=True, db_index=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Indexed with the list's order below.
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles", db_index=False
    )
    extraction_status = models.CharField(
        max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    extraction_error = models.TextField(blank=True)
    # Who is who, as the engine read the article: [{"name", "kind", "role", "mentions": [[start, end], ...]}],
    # what the desk offers an editor to pick a speaker or an outlet from, with the role the text gives.
    entities = models.JSONField(default=list, blank=True, editable=False)
    # What reading a web page left out as not the article's: [{"text", "reason"}], shown on its import's page.
    dropped = models.JSONField(default=list, blank=True, editable=False)
    # What the list's search reads: the title and every quote's text as one document, which the database keeps
    # (triggers of migration 0017). One index read per article, where matching titles and quotes apart meant
    # finding every matching quote's article (58,000 quotes for "ferry", 190 ms) before listing the newest 50.
    search = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Not stored: set for the article list, by selectors.articles.with_progress.
    quote_count: int
    reviewed_count: int

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["url_key"], condition=~Q(url_key=""), name="article_unique_url_key"),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True)
                | Q(published_at__gte=PUBLISHED_AT_EARLIEST, published_at__lt=PUBLISHED_AT_BEFORE),
                name="article_published_at_plausible",
                violation_error_message="The publication date must be from 1800 to 9998.",
            ),
        ]
        indexes = [
            # The article list's filters, each in the list's order (newest first), so a page is the first rows of
            # an index and its count reads the index alone: at 100,000 articles a publisher's or an import's page
            # sorted thousands of rows without them.
            models.Index(fields=["publisher", "created_at", "id"], name="article_publisher_order"),
            models.Index(fields=["import_batch", "created_at", "id"], name="article_batch_order"),
            models.Index(fields=["published_at"], name="article_published_at"),
            GinIndex(fields=["search"], name="article_search"),
            # The review queue walks articles oldest first and stops at the first with work left: 12-15 ms a
            # request on the BBC corpus sorting every article without it, 0.35 ms with it.
            models.Index(fields=["created_at", "id"], name="article_queue_order"),
            # An import's page lists the pages reading dropped something from: a few of its articles, found
            # without reading the rest (an import of 11,000 articles took 40 ms more without it).
            models.Index(fields=["import_batch", "id"], condition=~Q(dropped=[]), name="article_cleaned_pages"),
        ]

    def __str__(self) -> str:
        return self.title


# A quote whose confidence is below this puts its article in the list's "low confidence" filter.
LOW_CONFIDENCE = 0.5


class Statement(models.Model):
    """The same words in quotes of different articles (services/statements.py): one statement, its
    appearances. Flagged when they name different speakers or their wording changed beyond trimming."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    conflict = models.BooleanField(default=False, db_index=True)
    conflict_reason = models.CharField(max_length=500, blank=True)

    # Not stored: set for the conflicts queue, by selectors.statements.conflicts_page.
    appearances: list["Quote"]
    first_report: Any

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return f"Statement {self.pk}{' (conflict)' if self.conflict else ''}"


class Quote(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct"
        INDIRECT = "indirect", "Indirect"
        MIXED = "mixed", "Mixed"

    Status = QuoteStatus

    REVIEWED_STATUSES = (Status.CONFIRMED, Status.CORRECTED, Status.REJECTED, Status.ADDED)
    VERIFIED_STATUSES = (Status.CONFIRMED, Status.CORRECTED, Status.ADDED)

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DIRECT)
    cue = models.CharField(max_length=100, blank=True)
    confidence = models.FloatField(null=True, blank=True)

    # What the engine said, kept apart from what editors decided.
    extracted_speaker = models.CharField(max_length=300, blank=True)
    extracted_speaker_kind = models.CharField(max_length=20, choices=Speaker.Kind.choices, blank=True)
    extracted_role = models.CharField(max_length=500, blank=True)
    extracted_outlet = models.CharField(max_length=200, blank=True)
    # The span and kind as extracted (empty for a quote an editor added: one the engine missed), and the engine
    # version that found it: what the insights compare editors' verdicts with.
    extracted_start = models.PositiveIntegerField(null=True, blank=True)
    extracted_end = models.PositiveIntegerField(null=True, blank=True)
    extracted_kind = models.CharField(max_length=10, choices=Kind.choices, blank=True)
    engine_version = models.CharField(max_length=40, blank=True)
    # Which extracted values the registry gave (services/learning.py: what editors settled before), shown on the
    # card as "from the registry": any of "speaker", "speaker_kind", "role", "outlet".
    learned = models.JSONField(default=list, blank=True)
    # The quote's words as statements are matched on (services/statements.py: folded, six words at least, else
    # empty; their four-word runs are its Shingles) and the statement they were found to belong to.
    words = models.TextField(blank=True, editable=False)
    statement = models.ForeignKey(
        Statement, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes", editable=False
    )

    # The current values: they start as the extraction and only an editor changes them. The registry links
    # (speaker, outlet) are made when an editor confirms or corrects, so unreviewed guesses never enter it.
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.PROTECT, related_name="quotes")
    speaker_text = models.CharField(max_length=300, blank=True)
    role = models.CharField(max_length=500, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="quotes")
    outlet_text = models.CharField(max_length=200, blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    version = models.PositiveIntegerField(default=1)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Not stored: set for display, whether the quote has review events (by the review selectors) and its
    # speaker's colour slot on the page (by highlight.paint).
    has_history: bool
    colour: int
    # Set for the card, by selectors.statements.with_appearances.
    appearances: list["Quote"]
    verified_elsewhere: "Quote | None"

    class Meta:
        ordering = ["article", "start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="quote_span_not_empty"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="quote_unique_span"),
        ]
        indexes = [
            models.Index(fields=["article", "status"]),
            models.Index(fields=["status", "reviewed_at"]),
            # A speaker's page finds the quotes still pending under their names.
            models.Index(Lower("speaker_text"), name="quote_speaker_text_lower"),
            # The articles with a low-confidence quote: a few in a hundred quotes, found without reading the rest.
            models.Index(fields=["article"], condition=Q(confidence__lt=LOW_CONFIDENCE), name="quote_low_confidence"),
        ]

    def __str__(self) -> str:
        return f"{self.speaker_text or 'Unknown'}: {self.text[:60]}"

    @property
    def is_reviewed(self) -> bool:
        return self.status in self.REVIEWED_STATUSES


class Shingle(models.Model):
    """One four-word run of a quote's folded words, hashed (services.statements.shingle_keys), for every quote that
    can be a statement's appearance. Keyed by (key, quote), so the quotes sharing a run are the latest entries of
    one key in the primary key's index: read without touching the table, as many as a match asks for, whatever
    the archive's size."""

    pk = models.CompositePrimaryKey("key", "quote")
    key = models.IntegerField()
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.key} in quote {self.quote_id}"


class ReviewEvent(models.Model):
    """Append-only audit trail: one row per editor action on a quote."""

    # Kept when an editor deletes a quote they added: the event then records what was removed.
    quote = models.ForeignKey(Quote, null=True, on_delete=models.SET_NULL, related_name="events")
    article = models.ForeignKey(Article, null=True, on_delete=models.CASCADE, related_name="review_events")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=10, choices=[(action.name, action.done) for action in ACTIONS.values()])
    # On an undo, the event it took back: each event is undone at most once, and an editor's undo and redo
    # walk this chain.
    undoes = models.OneToOneField("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="undone_by")
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        # A deletion's event outlives its quote, and names it in what it recorded.
        return f"{self.get_action_display()} quote {self.quote_id or self.before.get('quote_id')}"

    def changes(self) -> list[tuple[str, object, object]]:
        """(what, before, after) in an editor's words for each reviewed value this action changed."""
        return [
            (HISTORY_LABELS[field], _in_words(field, self.before.get(field)), _in_words(field, value))
            for field, value in self.after.items()
            if field in HISTORY_LABELS and self.before.get(field) != value
        ]


# The audited values as the history names them (the version and the review time are not news to an editor).
HISTORY_LABELS = {
    "status": "status",
    "kind": "kind",
    "speaker_text": "speaker",
    "role": "role",
    "outlet_text": "outlet",
    "start": "start of the span",
    "end": "end of the span",
    "reviewed_by": "reviewer",
    "speaker_kind": "speaker is",
}


def _in_words(field: str, value: object) -> object:
    choices = {"status": Quote.Status, "kind": Quote.Kind, "speaker_kind": Speaker.Kind}.get(field)
    if choices is not None and value in choices.values:
        return choices(value).label
    return value


class ExportLog(models.Model):
    """Every export: who took which attributions out, and how many."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        JSONL = "jsonl", "JSON Lines"

    class Outcome(models.TextChoices):
        STREAMING = "streaming", "Streaming"  # still being sent, or the server died before it could say
        COMPLETE = "complete", "Complete"
        FAILED = "failed", "Failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    format = models.CharField(max_length=5, choices=Format.choices)
    filters = models.JSONField(default=dict)
    row_count = models.PositiveIntegerField()  # the rows the filters selected as the export started
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.STREAMING)
    rows_sent = models.PositiveIntegerField(null=True, blank=True)  # what the client was actually sent
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.row_count} rows as {self.format} on {self.created_at:%Y-%m-%d %H:%M}"


class ExtractionRun(models.Model):
    """One re-extraction of stored articles (all, or an import's) by the engine as it now is: who asked, when,
    with which engine version, and what it changed. Only quotes nobody has touched change; reviewed ones never."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    engine_version = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The last article done (they are done in id order): where a run a worker lost resumes.
    position = models.PositiveBigIntegerField(default=0)
    articles = models.PositiveIntegerField(default=0)
    refreshed = models.PositiveIntegerField(default=0, help_text="untouched quotes given the new values")
    added = models.PositiveIntegerField(default=0, help_text="quotes newly found")
    removed = models.PositiveIntegerField(default=0, help_text="untouched quotes the engine no longer finds")
    failed = models.PositiveIntegerField(default=0, help_text="articles the engine failed on")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        scope = f"import {self.batch_id}" if self.batch_id else "every article"
        return f"Re-extraction of {scope} with {self.engine_version} ({self.created_at:%Y-%m-%d %H:%M})"


class PendingArticle(models.Model):
    """An article with quotes still pending, and how many: the review queue reads these oldest first instead of
    passing over every reviewed article (a scan that grew with the archive). The database keeps them: a trigger
    on quotes (migration 0015) counts every change of status however it is made, so nothing in Django writes
    here, and the row goes when the last pending quote does."""

    article = models.OneToOneField(Article, primary_key=True, on_delete=models.CASCADE, related_name="pending")
    created_at = models.DateTimeField()  # the article's, for the queue's order
    pending = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["created_at", "article"], name="pending_article_queue")]

    def __str__(self) -> str:
        return f"article {self.article_id}: {self.pending} pending"


class ArticleOpen(models.Model):
    """An editor had the article's review page open: the queue steers others elsewhere for a while."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="opens")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "user"], name="article_open_once_per_user")]
        indexes = [models.Index(fields=["opened_at"])]

    def __str__(self) -> str:
        return f"{self.user} opened {self.article_id} at {self.opened_at:%Y-%m-%d %H:%M}"
