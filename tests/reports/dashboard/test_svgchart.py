from decimal import Decimal

from reports.dashboard.svgchart import BAR, LABEL, bar_chart


def test_bars_scale_to_the_largest_value():
    chart = bar_chart([("A", Decimal("50")), ("B", Decimal("100")), ("C", None)], unit="%")

    widths = [b["width"] for b in chart["bars"]]
    assert widths == [BAR / 2, BAR, 0.0]
    assert [b["text"] for b in chart["bars"]] == ["50,00%", "100,00%", "–"]
    assert chart["bars"][1]["text_x"] == LABEL + BAR + 6


def test_vietnamese_numbers_and_no_division_by_zero():
    chart = bar_chart([("A", Decimal("1234.5")), ("B", Decimal("0"))])

    assert chart["bars"][0]["text"] == "1.234,50"
    assert bar_chart([("A", Decimal(0))])["bars"][0]["width"] == 0.0
