"""Geometry of the small server-rendered charts (inline SVG, no JavaScript).

Coordinates are returned as strings with a decimal point: a template would localise a float
to "12,5", which SVG cannot read.
"""

from dataclasses import dataclass


def _f(value: float) -> str:
    return f"{value:.2f}"


@dataclass(frozen=True)
class Segment:
    key: str
    value: int
    x: str
    width: str
    share: float  # percent of the bar


def stacked(parts: list[tuple[str, int]]) -> list[Segment]:
    """Segments of one 100 % bar, in a 0–100 wide coordinate space."""
    total = sum(value for _, value in parts)
    segments, x = [], 0.0
    for key, value in parts:
        share = 100 * value / total if total else 0.0
        segments.append(Segment(key, value, _f(x), _f(share), round(share, 1)))
        x += share
    return segments


@dataclass(frozen=True)
class Column:
    label: str
    display: str
    x: str
    y: str
    width: str
    height: str
    label_x: str
    value_y: str


@dataclass(frozen=True)
class Columns:
    width: int
    height: int
    baseline: str
    label_y: str
    columns: list[Column]


def columns(
    points: list[tuple[str, float, str]], *, width: int = 320, height: int = 180
) -> Columns:
    """Vertical bars, one per (label, value, display text), scaled to the largest value."""
    top, bottom = 22, 28  # room for the value above a bar and the label below it
    plot = height - top - bottom
    largest = max((value for _, value, _ in points), default=0) or 1
    slot = width / max(len(points), 1)
    bar = min(slot * 0.6, 64)
    out = []
    for n, (label, value, display) in enumerate(points):
        h = plot * value / largest
        x = n * slot + (slot - bar) / 2
        y = top + plot - h
        out.append(Column(label, display, _f(x), _f(y), _f(bar), _f(h), _f(x + bar / 2), _f(y - 6)))
    return Columns(width, height, _f(top + plot), _f(height - 8), out)
