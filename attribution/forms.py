import json
from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.urls import reverse

from attribution.http import whole_number
from attribution.models import Article, ExportLog, ImportBatch, Publisher, Quote, Speaker
from attribution.selectors.articles import ArticleFilters
from attribution.selectors.export import ExportFilters
from attribution.selectors.insights import Filters as InsightFilters
from attribution.selectors.suggestions import article_label, import_batch_label, speaker_label
from attribution.services.review import Correction


class DeskForm(forms.Form):
    """Labels without Django's trailing colon, so accessible names are exactly the field names."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class Typeahead(forms.Widget):
    """A field searched as you type (static/js/typeahead.js): a text input whose typing asks the suggestions view
    named url_name for a few matches, never a drop-down of every choice. A named (labelled) field submits the
    chosen row's id from a hidden input and shows label(id); otherwise the text is the value, so that without
    JavaScript it is a plain text filter."""

    template_name = "includes/typeahead.html"

    def __init__(
        self, url_name: str, *, label: Callable[[str], str] | None = None, attrs: dict[str, Any] | None = None
    ) -> None:
        super().__init__(attrs)
        self.url_name = url_name
        self.label = label

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        value = "" if value is None else str(value)
        context["widget"].update(
            url=reverse(self.url_name),
            value=value,
            keyed=self.label is not None,
            text=self.label(value) if self.label and value else value,
        )
        return context


def batch_named(value: str) -> str:
    """The label of the import batch whose id a typeahead field holds."""
    number = whole_number(value)
    return import_batch_label(ImportBatch.objects.filter(pk=number).first() if number is not None else None)


def article_named(value: str) -> str:
    number = whole_number(value)
    return article_label(Article.objects.only("id", "title").filter(pk=number).first() if number is not None else None)


def speaker_named(value: str) -> str:
    number = whole_number(value)
    return speaker_label(Speaker.objects.filter(pk=number).first() if number is not None else None)


def publisher_named(value: str) -> str:
    number = whole_number(value)
    entry = Publisher.objects.filter(pk=number).first() if number is not None else None
    return entry.name if entry else ""


def batch_field() -> forms.ModelChoiceField[ImportBatch]:
    return forms.ModelChoiceField(
        queryset=ImportBatch.objects.all(),
        required=False,
        label="Import batch",
        widget=Typeahead("import_batch_suggestions", label=batch_named, attrs={"placeholder": "a file name or #"}),
    )


def publisher_field() -> forms.CharField:
    return forms.CharField(
        required=False, max_length=200, widget=Typeahead("publisher_suggestions", attrs={"placeholder": "any"})
    )


class LoginForm(AuthenticationForm):
    """Django's, refusing a user name longer than any account's before trying it: Django sets the field's
    max_length without a validator, and the attempt was recorded (django-axes) in a column too short for it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        if isinstance(username, forms.CharField) and username.max_length is not None:
            username.validators.append(MaxLengthValidator(username.max_length))


class ArticleForm(DeskForm):
    title = forms.CharField(max_length=500)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}), strip=False)
    url = forms.URLField(label="URL", required=False, max_length=2000, assume_scheme="https")
    publisher = forms.CharField(max_length=200, required=False)
    published_at = forms.DateTimeField(
        label="Published", required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class QuoteEditForm(DeskForm):
    speaker = forms.CharField(label="Speaker", max_length=300, required=False)
    role = forms.CharField(label="Role", max_length=500, required=False)
    outlet = forms.CharField(label="Outlet", max_length=200, required=False)
    kind = forms.ChoiceField(label="Kind", choices=Quote.Kind.choices)
    # The span is changed on the card (by word, or onto words selected in the text), never typed as offsets.
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    new_speaker = forms.BooleanField(label="Add as a new speaker", required=False)
    new_outlet = forms.BooleanField(label="Add as a new outlet", required=False)
    speaker_kind = forms.ChoiceField(label="Speaker is", choices=Speaker.Kind.choices, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, quote: Quote, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "speaker": quote.speaker_text,
                "role": quote.role,
                "outlet": quote.outlet_text,
                "kind": quote.kind,
                "start": quote.start if quote.pk else None,
                "end": quote.end if quote.pk else None,
                "version": quote.version,
                "speaker_kind": quote.speaker.kind if quote.speaker else quote.extracted_speaker_kind,
            },
        )
        super().__init__(*args, **kwargs)
        # Active search: typing asks the registry for names, offered in a list under the form (a new name's
        # entry among them), which the arrow keys reach.
        searches = (("speaker", "speaker_search"), ("role", "role_search"), ("outlet", "outlet_search"))
        for field, url_name in searches:
            self.fields[field].widget.attrs.update(
                {
                    "aria-controls": f"{field}-options-{quote.pk}",
                    "aria-autocomplete": "list",
                    "autocomplete": "off",
                    "hx-get": reverse(url_name),
                    "hx-trigger": "input changed delay:200ms",
                    "hx-target": f"#{field}-options-{quote.pk}",
                    "hx-swap": "innerHTML",
                    # The article's own names are offered too.
                    "hx-vals": json.dumps({"article": quote.article_id}),
                }
            )
        # A speaker's roles are offered as soon as the field is reached, for the speaker the form names, the
        # role the article gives them first.
        self.fields["role"].widget.attrs.update(
            {
                "hx-trigger": "focus, input changed delay:200ms",
                "hx-include": "closest form",
                # The role the form opened with is no filter: reaching the field offers every role.
                "hx-vals": json.dumps({"article": quote.article_id, "shown": quote.role}),
            }
        )

    def correction(self) -> Correction:
        """The cleaned values for the review service, which checks the span and the registry names."""
        data = self.cleaned_data
        return Correction(
            speaker=data["speaker"],
            role=data["role"],
            outlet=data["outlet"],
            kind=data["kind"],
            start=data["start"],
            end=data["end"],
            new_speaker=data["new_speaker"],
            new_outlet=data["new_outlet"],
            speaker_kind=data["speaker_kind"],
        )


class QuoteAddForm(QuoteEditForm):
    """A missed quote: the same fields as an edit, its span taken from the editor's selection (shown as its
    words, not as offsets)."""

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        super().__init__(*args, quote=Quote(kind=Quote.Kind.DIRECT, pk=0, article=article), **kwargs)
        del self.fields["version"]


# The dates a filter on publication takes: a day past the last would overflow the calendar (9999-12-31 was a 500).
FIRST_DATE, LAST_DATE = date(1800, 1, 1), date(9998, 12, 31)


def published_date(label: str) -> forms.DateField:
    message = f"Choose a date from {FIRST_DATE:%d %B %Y} to {LAST_DATE:%d %B %Y}."
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[MinValueValidator(FIRST_DATE, message), MaxValueValidator(LAST_DATE, message)],
    )


class ArticleFilterForm(DeskForm):
    q = forms.CharField(label="Search", required=False, max_length=200)
    review = forms.ChoiceField(
        label="Review",
        required=False,
        choices=[("", "Any"), ("pending", "Quotes left to review"), ("done", "Fully reviewed")],
    )
    publisher = publisher_field()
    date_from = published_date("Published from")
    date_to = published_date("Published to")
    import_batch = batch_field()
    low_confidence = forms.BooleanField(label="Has low-confidence quotes", required=False)

    def filters(self) -> ArticleFilters:
        if not self.is_valid():
            return ArticleFilters()
        data = self.cleaned_data
        return ArticleFilters(
            search=data["q"].strip(),
            review=data["review"],
            publisher=data["publisher"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            import_batch=data["import_batch"].pk if data["import_batch"] else None,
            low_confidence=data["low_confidence"],
        )


class ImportUploadForm(DeskForm):
    file = forms.FileField(label="File", help_text="JSONL, CSV, .txt, .html, or a ZIP of .txt and .html files")
    publisher = forms.CharField(required=False, max_length=200, help_text="for rows that name none")

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        size = upload.size or 0
        if size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {size / 2**20:.1f} MB; the limit is {settings.IMPORT_MAX_BYTES / 2**20:.0f} MB."
            )
        return upload


class ExportForm(DeskForm):
    status = forms.ChoiceField(
        choices=[
            ("verified", "Verified (confirmed, corrected, added)"),
            ("all", "All, including pending and rejected"),
        ],
        initial="verified",
        required=False,
    )
    date_from = published_date("Published from")
    date_to = published_date("Published to")
    publisher = publisher_field()
    import_batch = batch_field()
    speaker = forms.CharField(
        required=False,
        max_length=300,
        widget=Typeahead("speaker_name_suggestions", attrs={"placeholder": "any"}),
    )
    # One article's quotes (also set from its page), found by words of its title or quotes as the list's search is.
    article = forms.ModelChoiceField(
        queryset=Article.objects.only("id", "title"),
        required=False,
        widget=Typeahead("article_suggestions", label=article_named, attrs={"placeholder": "words, or #"}),
    )
    format = forms.ChoiceField(choices=ExportLog.Format.choices, initial="csv", required=False)
    bom = forms.BooleanField(label="Byte-order mark for Excel", required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError("The start date is after the end date.")
        return data

    def filters(self) -> ExportFilters:
        data = self.cleaned_data
        return ExportFilters(
            status=data.get("status") or "verified",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            publisher=data.get("publisher") or "",
            import_batch=data["import_batch"].pk if data.get("import_batch") else None,
            speaker=(data.get("speaker") or "").strip(),
            article=data["article"].pk if data.get("article") else None,
        )


def merge_source[Entry: (Speaker, Publisher)](
    model: type[Entry], what: str, suggestions: str, label: Callable[[str], str], placeholder: str
) -> forms.ModelChoiceField[Entry]:
    """The registry entry (a what) to merge into the one whose page this is, searched as you type."""
    return forms.ModelChoiceField(
        queryset=model.objects.all(),
        widget=Typeahead(suggestions, label=label, attrs={"placeholder": placeholder}),
        error_messages={
            "required": f"Choose the {what} to merge.",
            "invalid_choice": f"“%(value)s” is not a {what} in the registry: choose one from the list.",
        },
    )


class SpeakerMergeForm(DeskForm):
    """Which speaker to merge into the one whose page this is, and whether the Admin has confirmed it."""

    source = merge_source(Speaker, "speaker", "speaker_suggestions_keyed", speaker_named, "a name or alias")
    confirm = forms.BooleanField(required=False)


class InsightsFilterForm(DeskForm):
    import_batch = batch_field()
    since = published_date("Reviewed since")

    def filters(self) -> InsightFilters:
        if not self.is_valid():
            return InsightFilters()
        batch = self.cleaned_data["import_batch"]
        return InsightFilters(batch=batch.pk if batch else None, since=self.cleaned_data["since"])


class PublisherMergeForm(DeskForm):
    """Which publisher to merge into the one whose page this is, and whether the Editor has confirmed it."""

    source = merge_source(Publisher, "publisher", "publisher_entry_suggestions", publisher_named, "a name or site")
    confirm = forms.BooleanField(required=False)
