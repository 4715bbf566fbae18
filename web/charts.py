"""Charts drawn on the server as SVG: no script, no CDN, the same in every browser and in a
PDF. Each chart is an image with a title for screen readers (`labelled_by`, the id of the
visible heading); the page puts the same figures in a table beside it.

Colours pass WCAG's 3:1 for graphics against white; labels and values are text in the
page's own colour, so they pass 4.5:1.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

TEXT = "#0b0c0c"
GRID = "#b1b4b6"
SERIES_COLOURS = ("#1d70b8", "#00703c", "#912b88", "#b58800")
FONT = 'font-family="Arial, sans-serif" font-size="17"'


def bar_chart(labelled_by: str, bars: Sequence[tuple[str, int]], *, width: int = 560) -> Markup:
    """Horizontal bars, one a row, label on the left and the value at the bar's end:
    a funnel reads top to bottom."""
    label_width, row, pad = 250, 34, 8
    plot = width - label_width - 60
    top = max((value for _, value in bars), default=0) or 1
    height = len(bars) * row + pad
    parts = [_open(labelled_by, width, height)]
    for i, (label, value) in enumerate(bars):
        y = pad + i * row
        length = round(plot * value / top)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 21}" text-anchor="end" fill="{TEXT}" {FONT}>'
            f"{escape(label)}</text>"
            f'<rect x="{label_width}" y="{y + 2}" width="{length}" height="{row - 10}" '
            f'fill="{SERIES_COLOURS[0]}"/>'
            f'<text x="{label_width + length + 6}" y="{y + 21}" fill="{TEXT}" {FONT}>'
            f"{value}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def column_chart(
    labelled_by: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    width: int = 600,
) -> Markup:
    """Grouped columns: one group a category (a month), one column a series, a legend
    on top. Values are not written on the columns (the table beside has them)."""
    left, bottom, top_pad, height = 44, 40, 36, 260
    plot_w, plot_h = width - left - 10, height - bottom - top_pad
    highest = max((v for _, values in series for v in values), default=0)
    top = _nice_ceiling(highest)
    group = plot_w / max(1, len(categories))
    column = max(2.0, (group - 6) / max(1, len(series)))
    parts = [_open(labelled_by, width, height)]
    x = left
    for i, (name, _) in enumerate(series):  # the legend, each entry as wide as its name
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        parts.append(
            f'<rect x="{x}" y="6" width="16" height="16" fill="{colour}"/>'
            f'<text x="{x + 22}" y="20" fill="{TEXT}" {FONT}>{escape(name)}</text>'
        )
        x += 22 + round(len(name) * 9.5) + 20
    for tick in range(5):  # the scale
        value = top * tick / 4
        y = top_pad + plot_h - plot_h * tick / 4
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y + 5:.1f}" text-anchor="end" fill="{TEXT}" {FONT}>'
            f"{value:g}</text>"
        )
    for c, category in enumerate(categories):
        x0 = left + c * group + 3
        for s, (_, values) in enumerate(series):
            value = values[c]
            h = plot_h * value / top
            parts.append(
                f'<rect x="{x0 + s * column:.1f}" y="{top_pad + plot_h - h:.1f}" '
                f'width="{column - 1:.1f}" height="{h:.1f}" '
                f'fill="{SERIES_COLOURS[s % len(SERIES_COLOURS)]}"/>'
            )
        parts.append(
            f'<text x="{x0 + group / 2 - 3:.1f}" y="{height - bottom + 18}" text-anchor="middle" '
            f'fill="{TEXT}" {FONT}>{escape(category)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _open(labelled_by: str, width: int, height: int) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" role="img"'
        f' aria-labelledby="{escape(labelled_by)}" viewBox="0 0 {width} {height}"'
        ' width="100%" preserveAspectRatio="xMinYMin meet">'
    )


def _nice_ceiling(value: int) -> int:
    """A round top for a scale of 4 ticks, each 1, 2 or 5 times a power of ten:
    0 → 4, 7 → 8, 37 → 40, 230 → 400."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if step * 4 >= value:
                return step * 4
        magnitude *= 10
