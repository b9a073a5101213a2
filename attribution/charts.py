"""Small charts drawn on the server as SVG, so a page needs no charting script and prints as it shows. Each is
described for screen readers by its title; the numbers are in the table beside it."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# The desk's palette (static/css/desk.css), one colour per series.
COLOURS = ("#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7b83", "#57606a")
LABEL_WIDTH = 190
BAR_HEIGHT = 18
BAR_GAP = 6
PLOT_WIDTH = 360
LINE_HEIGHT = 200


def percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def count(value: float) -> str:
    return f"{value:,.0f}"


# Drawn for a row with nothing to measure yet.
NO_VALUE = "\u2013"


def _svg_open(title: str, width: int, height: int) -> str:
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f"<title>{escape(title)}</title>"
    )


def _shortened(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "\u2026"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    note: str = ""  # shown after the value: how many verdicts stand behind it


def bar_chart(
    title: str, bars: Sequence[Bar], *, maximum: float | None = None, shown: Callable[[float], str] = percent
) -> SafeString:
    """Horizontal bars, one per row, labelled, each with its value (and note) at its end; a row with no value
    (nothing to measure yet) is drawn as a dash."""
    top = maximum if maximum is not None else max((bar.value or 0.0 for bar in bars), default=0.0) or 1.0
    height = len(bars) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    width = LABEL_WIDTH + PLOT_WIDTH + 140
    parts = [_svg_open(title, width, height)]
    for index, bar in enumerate(bars):
        y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP)
        middle = y + BAR_HEIGHT * 0.72
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle:.1f}" text-anchor="end">{escape(_shortened(bar.label))}</text>'
        )
        length = 0.0 if bar.value is None else PLOT_WIDTH * min(bar.value / top, 1.0)
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="{COLOURS[0]}"></rect>'
        )
        value = NO_VALUE if bar.value is None else shown(bar.value)
        note = f" {escape(bar.note)}" if bar.note else ""
        parts.append(f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{middle:.1f}">{value}{note}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every label and note is escaped above


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


def line_chart(
    title: str,
    steps: Sequence[str],
    series: Sequence[Series],
    *,
    maximum: float | None = None,
    shown: Callable[[float], str] = percent,
) -> SafeString:
    """One line per series over steps (weeks), a gap where a series has no value, with a legend; the first
    and last step are labelled on the axis."""
    values = [value for line in series for value in line.values if value is not None]
    top = maximum if maximum is not None else max(values, default=0.0) or 1.0
    left, bottom, plot_height = 50, LINE_HEIGHT - 30, LINE_HEIGHT - 50
    width = left + PLOT_WIDTH + 200
    step_width = PLOT_WIDTH / max(len(steps) - 1, 1)

    def point(index: int, value: float) -> tuple[float, float]:
        return left + index * step_width, bottom - plot_height * min(value / top, 1.0)

    parts = [
        _svg_open(title, width, LINE_HEIGHT),
        f'<line x1="{left}" y1="{bottom}" x2="{left + PLOT_WIDTH}" y2="{bottom}" stroke="#8c959f"></line>',
        f'<text x="{left - 6}" y="{bottom - plot_height + 4}" text-anchor="end">{shown(top)}</text>',
        f'<text x="{left - 6}" y="{bottom + 4}" text-anchor="end">{shown(0)}</text>',
    ]
    if steps:
        parts.append(f'<text x="{left}" y="{bottom + 18}">{escape(steps[0])}</text>')
        if len(steps) > 1:
            parts.append(
                f'<text x="{left + PLOT_WIDTH}" y="{bottom + 18}" text-anchor="end">{escape(steps[-1])}</text>'
            )
    for number, line in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        runs: list[list[tuple[float, float]]] = [[]]
        for index, value in enumerate(line.values):
            if value is None:
                runs.append([])
            else:
                runs[-1].append(point(index, value))
        for run in filter(None, runs):
            if len(run) == 1:
                x, y = run[0]
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"></circle>')
            else:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"></polyline>')
        legend_y = 14 + number * 16
        parts.append(
            f'<rect x="{left + PLOT_WIDTH + 16}" y="{legend_y - 9}" width="10" height="10" fill="{colour}"></rect>'
            f'<text x="{left + PLOT_WIDTH + 32}" y="{legend_y}">{escape(_shortened(line.name, 22))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every label is escaped above
