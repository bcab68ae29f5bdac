"""A horizontal bar chart as plain geometry for a server-rendered SVG. Pure: no Django import.

The template draws what ``bar_chart`` returns, every coordinate already a string with a dot
(Django would print a float as "640,0" in Vietnamese, which no SVG reader accepts); nothing runs in the browser, so the chart prints.
"""

from decimal import Decimal

from core.vnformat import format_number

ROW = 22          # px per bar
LABEL = 230       # px for the unit names
BAR = 640         # px of the longest bar
VALUE = 90        # px for the figure after the bar


def svg_number(value):
    """An SVG attribute value: a dot as decimal mark whatever the locale ("640.0", never "640,0").
    A string, so Django's localisation of floats in templates cannot touch it."""
    return f"{float(value):.1f}"


def _short(name, limit=34):
    return name if len(name) <= limit else name[: limit - 1] + "…"


def bar_chart(items, *, unit="", reference=None):
    """``items``: [(label, value or None)] in display order. Returns the SVG's size and one dict per bar
    (y, width, label, text); bars without a value are listed with no bar."""
    values = [Decimal(v) for _, v in items if v is not None]
    top = max(values + ([Decimal(reference)] if reference is not None else []), default=Decimal(0))
    scale = (Decimal(BAR) / top) if top > 0 else Decimal(0)
    bars = []
    for i, (name, value) in enumerate(items):
        width = float(max(Decimal(value), Decimal(0)) * scale) if value is not None else 0.0
        # Two decimals for every bar, so a sorted column of figures lines up ("95,40%", "100,00%").
        text = (format_number(Decimal(value), 2) + (unit if unit == "%" else "") if value is not None else "–")
        bars.append({"y": svg_number(i * ROW + 4), "text_y": svg_number(i * ROW + 16), "width": svg_number(width),
                     "label": _short(name), "full_label": name, "text": text,
                     "text_x": svg_number(LABEL + round(width, 1) + 6)})
    ref_x = svg_number(LABEL + float(Decimal(reference) * scale)) if reference is not None and top > 0 else None
    return {"width": svg_number(LABEL + BAR + VALUE), "height": svg_number(len(items) * ROW + 8), "bars": bars,
            "label_x": svg_number(LABEL - 6), "bar_x": svg_number(LABEL), "bar_height": svg_number(ROW - 6),
            "reference_x": ref_x}
