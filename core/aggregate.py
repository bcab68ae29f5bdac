"""Figures of several units read as one, by the indicator's aggregation rule. Pure: no Django.

Used where the old communes' figures are carried to the commune they became (2025): a sum adds;
a rate is Σ numerators / Σ denominators, never a mean of the percentages (two wards at 90 % of
1,000 and 50 % of 10 people are 89.6 %, not 70 %); "count of units meeting" counts the units that
met their target. Where the rule is "none", a unit was divided between several new ones (its
figure cannot be split), a figure is missing or the figures are of different years, the result
is "not combinable" with the reason in Vietnamese.
"""

from dataclasses import dataclass, field
from decimal import Decimal

SUM, RATE, COUNT_MET, NONE = "sum", "rate", "count_met", "none"
RATE_SCALE = {"%": Decimal(100), "‰": Decimal(1000)}


@dataclass(frozen=True)
class Source:
    """One unit's figure: ``missing`` when it has none; ``met`` whether it met its target (None:
    not evaluated); ``divided`` when the unit was split between several new ones."""

    unit: str
    year: int | None = None
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    met: bool | None = None
    divided: bool = False
    missing: bool = False
    ref: object = None  # the caller's handle on where the figure comes from (e.g. a plan's id)


@dataclass(frozen=True)
class Combined:
    rule: str
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    year: int | None = None
    reason: str = ""
    sources: tuple = field(default_factory=tuple)

    @property
    def combinable(self):
        return not self.reason


def _names(sources, shown=5):
    """"Phường A, Phường B" or, past ``shown`` units, "Phường A, … và 12 đơn vị khác"."""
    names = [s.unit for s in sources]
    if len(names) <= shown:
        return ", ".join(names)
    return ", ".join(names[:shown]) + f" và {len(names) - shown} đơn vị khác"


def _refusal(rule, sources):
    if not sources:
        return "Không có đơn vị cũ nào để lấy số liệu."
    if rule not in (SUM, RATE, COUNT_MET):
        return "Chỉ tiêu này không cộng gộp giữa các đơn vị (cách tổng hợp: không tổng hợp)."
    divided = [s for s in sources if s.divided]
    if divided:
        return (f"{_names(divided)} được chia cho nhiều đơn vị mới: không tách được phần số liệu "
                "thuộc đơn vị này.")
    missing = [s for s in sources if s.missing]
    if missing:
        return f"Chưa có số liệu cả năm của {_names(missing)}."
    years = sorted({s.year for s in sources})
    if len(years) > 1:
        return "Số liệu không cùng năm: " + "; ".join(f"{s.unit} năm {s.year}" for s in sources) + "."
    if rule == SUM and any(s.value is None for s in sources):
        return f"{_names([s for s in sources if s.value is None])} không có số liệu bằng số."
    if rule == RATE:
        partial = [s for s in sources if s.numerator is None or s.denominator is None]
        if partial:
            return (f"{_names(partial)} chỉ có tỷ lệ, không có tử số và mẫu số: không gộp được "
                    "(không lấy trung bình các tỷ lệ).")
        if sum(s.denominator for s in sources) == 0:
            return "Tổng mẫu số bằng 0."
    if rule == COUNT_MET and any(s.met is None for s in sources):
        return f"Chưa đánh giá được {_names([s for s in sources if s.met is None])} đạt hay không."
    return ""


def combine(rule, sources, *, unit_of_measure="%"):
    """The figure of ``sources`` taken together under ``rule`` (sum, rate, count_met, none).

    A rate's value is Σ numerators / Σ denominators × 100 (× 1000 for ‰); a count's value is the
    number of units that met their target, its denominator the number of units.
    """
    sources = tuple(sources)
    reason = _refusal(rule, sources)
    if reason:
        return Combined(rule=rule, reason=reason, sources=sources)
    year = sources[0].year
    if rule == SUM:
        return Combined(rule=rule, value=sum(s.value for s in sources), year=year, sources=sources)
    if rule == RATE:
        numerator = sum(s.numerator for s in sources)
        denominator = sum(s.denominator for s in sources)
        scale = RATE_SCALE.get(unit_of_measure, Decimal(100))
        return Combined(rule=rule, value=numerator * scale / denominator, numerator=numerator,
                        denominator=denominator, year=year, sources=sources)
    met = sum(1 for s in sources if s.met)
    return Combined(rule=rule, value=Decimal(met), numerator=Decimal(met), denominator=Decimal(len(sources)),
                    year=year, sources=sources)
