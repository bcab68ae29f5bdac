"""Three old wards merged into one: their figures read as one by each aggregation rule."""

from decimal import Decimal as D

from core.aggregate import Source, combine


def three(**figures):
    """Ward A, B, C of 2024 with ``figures`` = {field: (a, b, c)}."""
    names = ("Phường A", "Phường B", "Xã C")
    return [Source(unit=name, year=2024, **{k: v[i] for k, v in figures.items()}) for i, name in enumerate(names)]


def test_a_sum_adds():
    result = combine("sum", three(value=(D("1200"), D("800.5"), D("0"))))
    assert result.combinable and result.value == D("2000.5") and result.year == 2024


def test_a_rate_is_pooled_never_a_mean_of_percentages():
    # 900/1000 = 90 %, 5/10 = 50 %, 95/100 = 95 %: the mean is 78.33 %, the pooled rate 1000/1110 = 90.09 %.
    sources = three(value=(D(90), D(50), D(95)), numerator=(D(900), D(5), D(95)),
                    denominator=(D(1000), D(10), D(100)))
    result = combine("rate", sources)
    mean = sum(s.value for s in sources) / 3
    assert round(mean, 2) == D("78.33")
    assert (result.numerator, result.denominator) == (D(1000), D(1110))
    assert round(result.value, 2) == D("90.09") != round(mean, 2)


def test_a_rate_in_per_mille():
    result = combine("rate", three(numerator=(D(3), D(1), D(0)), denominator=(D(1000), D(500), D(500))),
                     unit_of_measure="‰")
    assert result.value == D(2)


def test_a_rate_without_numerators_is_not_averaged():
    result = combine("rate", three(value=(D(90), D(50), D(95)), numerator=(D(900), None, D(95)),
                                   denominator=(D(1000), None, D(100))))
    assert not result.combinable
    assert "Phường B chỉ có tỷ lệ" in result.reason and "trung bình" in result.reason


def test_count_met_counts_the_units_that_met():
    result = combine("count_met", three(met=(True, False, True)))
    assert (result.value, result.denominator) == (D(2), D(3))


def test_count_met_needs_every_unit_evaluated():
    assert "Xã C" in combine("count_met", three(met=(True, False, None))).reason


def test_a_divided_predecessor_is_not_combinable():
    sources = three(value=(D(1), D(2), D(3)))
    sources[2] = Source(unit="Xã C", year=2024, value=D(3), divided=True)
    result = combine("sum", sources)
    assert not result.combinable and result.value is None
    assert result.reason.startswith("Xã C được chia cho nhiều đơn vị mới")


def test_rule_none_missing_figures_and_mixed_years_are_refused_with_the_reason():
    assert "không tổng hợp" in combine("none", three(value=(D(1), D(2), D(3)))).reason
    missing = three(value=(D(1), D(2), D(3)))
    missing[1] = Source(unit="Phường B", missing=True)
    assert combine("sum", missing).reason == "Chưa có số liệu cả năm của Phường B."
    mixed = three(value=(D(1), D(2), D(3)))
    mixed[0] = Source(unit="Phường A", year=2023, value=D(1))
    assert "không cùng năm" in combine("sum", mixed).reason
    assert combine("sum", []).reason


def test_a_long_list_of_units_is_cut_in_the_reason():
    sources = [Source(unit=f"Xã {i}", missing=True) for i in range(8)]
    assert combine("sum", sources).reason == "Chưa có số liệu cả năm của Xã 0, Xã 1, Xã 2, Xã 3, Xã 4 và 3 đơn vị khác."
