from django import forms

from attribution.models import Quote


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
