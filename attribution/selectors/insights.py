"""How far the extractor can be trusted, read off editors' verdicts: every reviewed quote says, field by field,
whether what the engine found was what the editor kept. A rejected quote is a false positive, a quote an editor
added is a miss; a quote still pending says nothing yet.

Every figure is one aggregate query over the reviewed quotes (the (status, reviewed_at) index finds them), so
the page costs the same whatever share of the archive is still pending."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncWeek

from attribution.models import Quote, ReviewEvent, Speaker

Status = Quote.Status
# Quotes the engine found that an editor kept (as they were or corrected): each field of each is a verdict.
KEPT = Q(status__in=[Status.CONFIRMED, Status.CORRECTED], extracted_start__isnull=False)
FALSE_POSITIVE = Q(status=Status.REJECTED, extracted_start__isnull=False)
MISS = Q(status=Status.ADDED)
# Whether the engine had each field right: the value an editor kept is the one it extracted.
FIELD_RIGHT: dict[str, Q] = {
    "span": Q(start=F("extracted_start"), end=F("extracted_end")),
    "kind": Q(kind=F("extracted_kind")),
    "speaker": Q(speaker_text__iexact=F("extracted_speaker")),
    "role": Q(role__iexact=F("extracted_role")),
    "outlet": Q(outlet_text__iexact=F("extracted_outlet")),
}
FIELDS = tuple(FIELD_RIGHT)
ALL_RIGHT = Q(*FIELD_RIGHT.values())
# Confidence bands of the calibration view: [low, high) each, the last closed.
BANDS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))


@dataclass(frozen=True)
class FieldAccuracy:
    field: str
    checked: int
    right: int

    @property
    def accuracy(self) -> float | None:
        return self.right / self.checked if self.checked else None


@dataclass(frozen=True)
class Accuracy:
    """The verdicts on a set of quotes: per field, and the engine's false positives and misses."""

    fields: tuple[FieldAccuracy, ...]
    # Kept quotes with every field as extracted: the share an editor had nothing to change.
    all_right: FieldAccuracy
    kept: int
    unchanged: int
    false_positives: int
    misses: int

    def as_dict(self) -> dict[str, Any]:
        """Each field's {checked, right, accuracy} under its name, beside the counts."""
        return {
            **{
                entry.field: {"checked": entry.checked, "right": entry.right, "accuracy": entry.accuracy}
                for entry in (*self.fields, self.all_right)
            },
            "kept": self.kept,
            "unchanged": self.unchanged,
            "false_positives": self.false_positives,
            "misses": self.misses,
        }


@dataclass(frozen=True)
class Group:
    """The verdicts on the quotes of one week, batch, publisher or engine version."""

    key: object
    label: str
    accuracy: Accuracy


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    reviewed: int
    unchanged: int

    @property
    def share(self) -> float | None:
        return self.unchanged / self.reviewed if self.reviewed else None


@dataclass(frozen=True)
class Filters:
    batch: int | None = None
    since: date | None = None


@dataclass(frozen=True)
class Counted:
    label: str
    count: int


def reviewed_quotes(filters: Filters = Filters()) -> QuerySet[Quote]:
    """The quotes editors have decided on, within filters (an import batch; reviewed on or after a day)."""
    quotes = Quote.objects.filter(status__in=Quote.REVIEWED_STATUSES)
    if filters.batch is not None:
        quotes = quotes.filter(article__import_batch_id=filters.batch)
    if filters.since is not None:
        quotes = quotes.filter(reviewed_at__date__gte=filters.since)
    return quotes


def _aggregates() -> dict[str, Any]:
    counts: dict[str, Any] = {
        "kept": Count("id", filter=KEPT),
        "unchanged": Count("id", filter=KEPT & Q(status=Status.CONFIRMED)),
        "false_positives": Count("id", filter=FALSE_POSITIVE),
        "misses": Count("id", filter=MISS),
    }
    counts |= {f"{name}_right": Count("id", filter=KEPT & right) for name, right in FIELD_RIGHT.items()}
    counts["all_right"] = Count("id", filter=KEPT & ALL_RIGHT)
    return counts


def _accuracy(row: Mapping[str, Any]) -> Accuracy:
    return Accuracy(
        fields=tuple(FieldAccuracy(name, row["kept"], row[f"{name}_right"]) for name in FIELDS),
        all_right=FieldAccuracy("all_fields", row["kept"], row["all_right"]),
        kept=row["kept"],
        unchanged=row["unchanged"],
        false_positives=row["false_positives"],
        misses=row["misses"],
    )


def accuracy(quotes: QuerySet[Quote]) -> Accuracy:
    return _accuracy(quotes.aggregate(**_aggregates()))


# What the per-group views group by, and how each group is named.
GROUPINGS: dict[str, Any] = {
    "week": TruncWeek("reviewed_at"),
    "batch": F("article__import_batch_id"),
    "publisher": F("article__publisher"),
    "engine_version": F("engine_version"),
}


def _label(grouping: str, key: object) -> str:
    if grouping == "week":
        return f"week of {key:%Y-%m-%d}" if isinstance(key, datetime) else "not dated"
    if grouping == "batch":
        return f"import #{key}" if key is not None else "added one by one"
    if grouping == "engine_version":
        return str(key) or "before versions were recorded"
    return str(key) or "no publisher"


def accuracy_by(quotes: QuerySet[Quote], grouping: str) -> list[Group]:
    """The verdicts per week (reviewed in it), import batch, publisher or engine version, in that order."""
    rows = quotes.annotate(group=GROUPINGS[grouping]).values("group").annotate(**_aggregates()).order_by("group")
    return [Group(row["group"], _label(grouping, row["group"]), _accuracy(row)) for row in rows]


def calibration(quotes: QuerySet[Quote]) -> list[Band]:
    """For each confidence band, how many of the engine's quotes editors decided on and how many of those they
    accepted unchanged (confirmed as found): what "low confidence" has meant."""
    found = quotes.filter(extracted_start__isnull=False, confidence__isnull=False)
    counts: dict[str, Any] = {}
    for index, (low, high) in enumerate(BANDS):
        band = Q(confidence__gte=low) & (Q(confidence__lte=high) if high == 1.0 else Q(confidence__lt=high))
        counts[f"reviewed_{index}"] = Count("id", filter=band)
        counts[f"unchanged_{index}"] = Count("id", filter=band & Q(status=Status.CONFIRMED))
    row = found.aggregate(**counts)
    return [Band(low, high, row[f"reviewed_{i}"], row[f"unchanged_{i}"]) for i, (low, high) in enumerate(BANDS)]


def decisions_by_week(filters: Filters = Filters()) -> list[Mapping[str, Any]]:
    """Editors' decisions (every review event but undos) per week and per editor, and per week and import batch:
    how review has progressed."""
    events = ReviewEvent.objects.exclude(action="undo")
    if filters.batch is not None:
        events = events.filter(article__import_batch_id=filters.batch)
    if filters.since is not None:
        events = events.filter(created_at__date__gte=filters.since)
    rows = (
        events.annotate(week=TruncWeek("created_at"))
        .values("week", "user__username", "article__import_batch_id")
        .annotate(decisions=Count("id"))
        .order_by("week", "user__username", "article__import_batch_id")
    )
    return list(rows)


def _counted(rows: Iterable[Mapping[str, Any]], name: str) -> list[Counted]:
    return [Counted(str(row[name] or "—"), row["n"]) for row in rows]


def top_speakers(quotes: QuerySet[Quote], limit: int = 10) -> list[Counted]:
    verified = quotes.filter(status__in=Quote.VERIFIED_STATUSES).exclude(speaker_text="")
    rows = verified.values("speaker_text").annotate(n=Count("id")).order_by("-n", "speaker_text")[:limit]
    return _counted(rows, "speaker_text")


def top_outlets(quotes: QuerySet[Quote], limit: int = 10) -> list[Counted]:
    verified = quotes.filter(status__in=Quote.VERIFIED_STATUSES).exclude(outlet_text="")
    rows = verified.values("outlet_text").annotate(n=Count("id")).order_by("-n", "outlet_text")[:limit]
    return _counted(rows, "outlet_text")


def speaker_kinds(quotes: QuerySet[Quote]) -> list[Counted]:
    """Verified quotes by the kind of their speaker (the registry's, as editors settled it)."""
    rows = (
        quotes.filter(status__in=Quote.VERIFIED_STATUSES)
        .values("speaker__kind")
        .annotate(n=Count("id"))
        .order_by("-n", "speaker__kind")
    )
    labels = dict(Speaker.Kind.choices)
    return [Counted(labels.get(row["speaker__kind"], "no speaker"), row["n"]) for row in rows]
