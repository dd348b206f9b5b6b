"""Server-rendered SVG charts (no script, no CDN): horizontal bars, plain or stacked.

Each chart has a <title> and <desc> (what a screen reader announces) and is decorative beyond
that: the page puts the same numbers in a table next to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

ROW = 26
LABEL_WIDTH = 150
BAR_WIDTH = 360
VALUE_WIDTH = 60
WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
# Colour classes in static/tra-dashboard.css: <palette><n>, one per series ("tra-s": blues,
# "tra-r": the ratings very low .. very high, unrated).
SERIES_COUNT = 6


@dataclass(frozen=True)
class Bar:
    label: str
    values: tuple[int, ...]  # one per series (one value: a plain bar)

    @property
    def total(self) -> int:
        return sum(self.values)


def bar_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    bars: Sequence[Bar],
    series: Sequence[str] = (),
    palette: str = "tra-s",
) -> SafeString:
    """Horizontal bars, one row per ``Bar``; several values per bar stack in series order."""
    top = max((b.total for b in bars), default=0) or 1
    legend = ROW if len(series) > 1 else 0
    height = legend + ROW * max(1, len(bars)) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tra-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    if legend:
        x = LABEL_WIDTH
        for index, name in enumerate(series):
            css = f"{palette}{index % SERIES_COUNT}"
            parts.append(f'<rect class="{css}" x="{x}" y="6" width="12" height="12"/>')
            parts.append(f'<text x="{x + 16}" y="16" class="tra-chart-legend">{escape(name)}</text>')
            x += 22 + 8 * len(name)
    if not bars:
        parts.append(f'<text x="{LABEL_WIDTH}" y="{legend + 17}" class="tra-chart-empty">No data yet</text>')
    for row, bar in enumerate(bars):
        y = legend + row * ROW + 4
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 13}" text-anchor="end" class="tra-chart-label">{escape(bar.label)}</text>'
        )
        x = float(LABEL_WIDTH)
        for index, value in enumerate(bar.values):
            if value <= 0:
                continue
            width = BAR_WIDTH * value / top
            css = f"{palette}{index % SERIES_COUNT}"
            name = series[index] if index < len(series) else bar.label
            parts.append(
                f'<rect class="{css}" x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW - 8}">'
                f"<title>{escape(f'{bar.label}, {name}: {value}')}</title></rect>"
            )
            x += width
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 13}" class="tra-chart-value">{bar.total}</text>')
    parts.append("</svg>")
    # Every interpolated text went through escape(); ids are ours (not user input).
    return mark_safe("".join(parts))  # noqa: S308
