import xml.etree.ElementTree as ET
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from reports.dashboard.svgchart import BAR, LABEL, bar_chart


def test_bars_scale_to_the_largest_value():
    chart = bar_chart([("A", Decimal("50")), ("B", Decimal("100")), ("C", None)], unit="%")

    widths = [b["width"] for b in chart["bars"]]
    assert [float(w) for w in widths] == [BAR / 2, BAR, 0.0]
    assert [b["text"] for b in chart["bars"]] == ["50,00%", "100,00%", "–"]
    assert float(chart["bars"][1]["text_x"]) == LABEL + BAR + 6


def test_vietnamese_numbers_and_no_division_by_zero():
    chart = bar_chart([("A", Decimal("1234.5")), ("B", Decimal("0"))])

    assert chart["bars"][0]["text"] == "1.234,50"
    assert bar_chart([("A", Decimal(0))])["bars"][0]["width"] == "0.0"


def test_rendered_svg_writes_every_number_with_a_dot_in_vietnamese():
    """The chart drew no bars when Django localised width="640,0"; every numeric attribute parses."""
    chart = bar_chart([("Phường A", Decimal("88.33")), ("Phường B", Decimal("1234.5")), ("C", None)],
                      unit="%", reference=Decimal("90"))
    with translation.override("vi"):
        svg = render_to_string("dashboard/_svgchart.html", {"chart": chart, "label": "BHYT"})

    root = ET.fromstring(svg)
    numeric = {"x", "y", "width", "height"}
    checked = 0
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in numeric:
                float(value)
                assert "," not in value
                checked += 1
        if element.tag.endswith("svg"):
            assert [float(v) for v in element.attrib["viewBox"].split()] == [0, 0, 960, 74]
    assert checked >= 3 * 6
    assert root.attrib["width"] == "960.0"
    widths = [float(r.attrib["width"]) for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[1] == BAR and 0 < widths[0] < BAR
