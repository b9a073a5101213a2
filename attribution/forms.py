from django import forms

from attribution.models import Article, ExportLog, ImportBatch, Quote
from attribution.services.export import ExportFilters


class DeskForm(forms.Form):
    """Labels without Django's trailing colon, so accessible names are exactly the field names."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


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
    version = forms.IntegerField(widget=forms.HiddenInput)

    @classmethod
    def for_quote(cls, quote: Quote) -> "QuoteEditForm":
        return cls(
            initial={
                "speaker": quote.speaker_text,
                "role": quote.role,
                "outlet": quote.outlet_text,
                "kind": quote.kind,
                "version": quote.version,
            }
        )


class ExportForm(DeskForm):
    status = forms.ChoiceField(
        choices=[("verified", "Verified (confirmed, corrected, added)"), ("all", "All, including pending and rejected")],
        initial="verified",
        required=False,
    )
    date_from = forms.DateField(label="Published from", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="Published to", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    publisher = forms.ChoiceField(required=False)
    import_batch = forms.ModelChoiceField(queryset=ImportBatch.objects.all(), required=False, label="Import batch")
    speaker = forms.CharField(required=False, max_length=300)
    article = forms.ModelChoiceField(queryset=Article.objects.only("id", "title"), required=False)
    format = forms.ChoiceField(choices=ExportLog.Format.choices, initial="csv", required=False)
    bom = forms.BooleanField(label="Byte-order mark for Excel", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        publishers = Article.objects.exclude(publisher="").order_by("publisher").values_list("publisher", flat=True)
        self.fields["publisher"].choices = [("", "Any")] + [(p, p) for p in publishers.distinct()]

    def clean(self):
        data = super().clean()
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
