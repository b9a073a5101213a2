"""The figures of the insights page: each a table (shown beside its chart and downloadable as CSV) built from
the insights selectors, and its chart."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.utils.safestring import SafeString

from attribution.charts import Bar, Series, bar_chart, count, line_chart
from attribution.selectors.insights import (
    FIELDS,
    Accuracy,
    Filters,
    Group,
    accuracy,
    accuracy_by,
    calibration,
    decisions_by_week,
    reviewed_quotes,
    speaker_kinds,
    top_outlets,
    top_speakers,
)

# The most lines a chart of review progress draws (the busiest editors or batches); the table has every one.
MOST_LINES = 8
# The groups (batches, publishers, versions) the page shows, those with most verdicts, and the weeks of review
# progress it lists: an archive has hundreds of batches and years of weeks, all in the CSV.
MOST_GROUPS = 20
RECENT_WEEKS = 12


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    chart: SafeString | None = None
    note: str = ""
    # The rows the page shows where they are too many to read (the CSV has them all).
    page_rows: list[tuple[Any, ...]] | None = None

    @property
    def shown(self) -> list[tuple[Any, ...]]:
        return self.rows if self.page_rows is None else self.page_rows


class Reads:
    """The aggregates the figures share, each read once for the page: the verdicts over every reviewed quote
    and the decisions per week feed two figures each."""

    def __init__(self, filters: Filters) -> None:
        self.filters = filters
        self.quotes = reviewed_quotes(filters)

    @cached_property
    def overall(self) -> Accuracy:
        return accuracy(self.quotes)

    @cached_property
    def decisions(self) -> list[Mapping[str, Any]]:
        return decisions_by_week(self.filters)


def _share(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}%"


def _verdicts(checked: int) -> str:
    return f"({checked:,} verdict{'s' * (checked != 1)})"


def fields_figure(reads: Reads) -> Figure:
    found = reads.overall
    entries = (*found.fields, found.all_right)
    return Figure(
        "fields",
        "Accuracy per field",
        ("field", "checked", "right", "accuracy"),
        [(entry.field, entry.checked, entry.right, _share(entry.accuracy)) for entry in entries],
        bar_chart(
            "Share of kept quotes whose field the engine had right",
            [Bar(entry.field.replace("_", " "), entry.accuracy, _verdicts(entry.checked)) for entry in entries],
            maximum=1.0,
        ),
        note="Of the extracted quotes editors kept (confirmed or corrected): how often each value was kept as found.",
    )


def outcomes_figure(reads: Reads) -> Figure:
    found = reads.overall
    rows = [
        ("kept as found", found.unchanged),
        ("kept, corrected", found.kept - found.unchanged),
        ("false positives (rejected)", found.false_positives),
        ("misses (added by editors)", found.misses),
    ]
    return Figure(
        "outcomes",
        "Misses and false positives",
        ("outcome", "quotes"),
        rows,
        bar_chart("Reviewed quotes by outcome", [Bar(label, value) for label, value in rows], shown=count),
    )


def _group_rows(groups: list[Group]) -> list[tuple[Any, ...]]:
    return [
        (
            group.label,
            group.accuracy.kept,
            *(_share(entry.accuracy) for entry in group.accuracy.fields),
            _share(group.accuracy.all_right.accuracy),
            group.accuracy.false_positives,
            group.accuracy.misses,
        )
        for group in groups
    ]


GROUP_COLUMNS = ("group", "checked", *FIELDS, "all fields", "false positives", "misses")


def _grouped(key: str, title: str, grouping: str) -> Callable[[Reads], Figure]:
    """The verdicts per group, those with most verdicts first; the page shows MOST_GROUPS of them."""

    def figure(reads: Reads) -> Figure:
        groups = sorted(accuracy_by(reads.quotes, grouping), key=lambda group: -group.accuracy.kept)
        top = groups[:MOST_GROUPS]
        bars = [Bar(g.label, g.accuracy.all_right.accuracy, _verdicts(g.accuracy.kept)) for g in top]
        chart = bar_chart(f"Kept quotes with every field right, per {grouping}", bars, maximum=1.0)
        rows = _group_rows(groups)
        note = (
            f"The {MOST_GROUPS} with most verdicts of {len(groups):,}; the CSV has them all."
            if len(groups) > len(top)
            else ""
        )
        columns = (grouping.replace("_", " "), *GROUP_COLUMNS[1:])
        return Figure(key, title, columns, rows, chart, note, page_rows=rows[: len(top)])

    return figure


def weekly_figure(reads: Reads) -> Figure:
    groups = accuracy_by(reads.quotes, "week")
    steps = [group.label.removeprefix("week of ") for group in groups]
    series = [
        Series(name, [group.accuracy.fields[index].accuracy for group in groups]) for index, name in enumerate(FIELDS)
    ]
    return Figure(
        "weekly",
        "Accuracy over time (week reviewed)",
        ("week", *GROUP_COLUMNS[1:]),
        _group_rows(groups),
        line_chart("Accuracy per field, week by week", steps, series, maximum=1.0) if groups else None,
    )


def calibration_figure(reads: Reads) -> Figure:
    bands = calibration(reads.quotes)
    rows = [(f"{band.low:.1f} to {band.high:.1f}", band.reviewed, band.unchanged, _share(band.share)) for band in bands]
    return Figure(
        "calibration",
        "Calibration: accepted unchanged, per confidence band",
        ("confidence", "reviewed", "accepted unchanged", "share"),
        rows,
        bar_chart(
            "Share of each confidence band editors accepted unchanged",
            [Bar(row[0], band.share, _verdicts(band.reviewed)) for row, band in zip(rows, bands, strict=True)],
            maximum=1.0,
        ),
        note="The engine's confidence in a quote against what editors did with it: a well-calibrated band of "
        "0.8 to 1.0 is mostly accepted as found, one of 0.0 to 0.2 mostly corrected or rejected.",
    )


def _progress(key: str, title: str, column: str, who: str, label: Callable[[Any], str]) -> Callable[[Reads], Figure]:
    """Decisions per week for each value of who (an editor, an import batch), named by label; the page's table
    has the last RECENT_WEEKS weeks."""

    def figure(reads: Reads) -> Figure:
        totals: dict[str, dict[Any, int]] = {}
        for row in reads.decisions:
            per_week = totals.setdefault(label(row[who]), {})
            per_week[row["week"]] = per_week.get(row["week"], 0) + row["decisions"]
        weeks = sorted({week for per_week in totals.values() for week in per_week})
        table = [
            (f"{week:%Y-%m-%d}", name, totals[name][week]) for week in weeks for name in totals if week in totals[name]
        ]
        busiest = sorted(totals, key=lambda name: -sum(totals[name].values()))[:MOST_LINES]
        series = [Series(name, [float(totals[name].get(week, 0)) for week in weeks]) for name in busiest]
        steps = [f"{week:%Y-%m-%d}" for week in weeks]
        chart = line_chart(f"Decisions per week, per {column}", steps, series, shown=count) if weeks else None
        recent = {f"{week:%Y-%m-%d}" for week in weeks[-RECENT_WEEKS:]}
        shown = [row for row in table if row[0] in recent]
        note = f"The table: the last {RECENT_WEEKS} weeks; the CSV has every week." if len(shown) < len(table) else ""
        return Figure(key, title, ("week", column, "decisions"), table, chart, note, page_rows=shown)

    return figure


def _ranked(key: str, title: str, ranked: Callable[..., Any], what: str) -> Callable[[Reads], Figure]:
    def figure(reads: Reads) -> Figure:
        rows = ranked(reads.quotes)
        chart = bar_chart(title, [Bar(row.label, row.count) for row in rows], shown=count) if rows else None
        return Figure(key, title, (what, "verified quotes"), [(row.label, row.count) for row in rows], chart)

    return figure


FIGURES: dict[str, Callable[[Reads], Figure]] = {
    "fields": fields_figure,
    "outcomes": outcomes_figure,
    "weekly": weekly_figure,
    "batches": _grouped("batches", "Per import batch", "batch"),
    "publishers": _grouped("publishers", "Per publisher", "publisher"),
    "versions": _grouped("versions", "Per engine version", "engine_version"),
    "calibration": calibration_figure,
    "editors": _progress(
        "editors", "Review progress per editor", "editor", "user__username", lambda name: name or "a removed user"
    ),
    "batch-progress": _progress(
        "batch-progress",
        "Review progress per import batch",
        "import batch",
        "article__import_batch_id",
        lambda batch: f"import #{batch}" if batch is not None else "added one by one",
    ),
    "speakers": _ranked("speakers", "Top speakers", top_speakers, "speaker"),
    "outlets": _ranked("outlets", "Top outlets", top_outlets, "outlet"),
    "kinds": _ranked("kinds", "Speaker kinds", speaker_kinds, "kind"),
}


def figures(filters: Filters) -> list[Figure]:
    reads = Reads(filters)
    return [build(reads) for build in FIGURES.values()]
