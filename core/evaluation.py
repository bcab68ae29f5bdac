"""Percent of target and status of a result against a Target. Pure: no Django import.

Decisions (the seeds show the arithmetic: 261/200 -> 130,5%; 88%/85% -> 103,53%):

* The result amount: ``value``, or for a percentage target (unit % or ‰) ``numerator /
  denominator`` as a rate (09/10 đơn -> 90%; 1.265/1.159 học sinh -> 109,15% against 100%).
  For a count or an amount the numerator is what was achieved and the denominator only
  restates the plan ("261/200 lao động"), so the numerator is compared with the target.
* Higher is better for at_least, above, exact (a bare "97,5%" means "đạt 97,5%"), range,
  ratio (the result count against the target numerator: "5/5 khóm") and for changes
  (increase_by / decrease_by: the result is the change achieved, "giảm 01 hộ nghèo" -> 1).
  percent = result / target * 100.
* A change of a rate (increase_by / decrease_by in "%" or "‰": "Giảm tỷ lệ hộ nghèo" 0,5 điểm %)
  given last year's rate as ``baseline``: the result is the rate reached and the change achieved
  is baseline - result (a cut) or result - baseline (a rise), judged as above (1,7% -> 1,2% is a
  cut of 0,5 points: 100%). Without a baseline the figure typed is the change itself, as for
  counts. A baseline outside 0-100% (0-1000‰) is not a rate and is not used.
* Limits (below, at_most) are inverted: percent = target / result * 100 (None when the result
  is 0). A limit that is kept is "met", never "exceeded"; "dưới 11,44%" with 11,44 is not kept
  (strictly below), nor is "trên 95%" with 95 (strictly above).
* A range is met inside [min, max], exceeded above max, otherwise judged against min.
* A ratio typed for a target without a figure ("Hòa giải thành" 3/3) is judged against its
  own whole: 3/3 is met (100%), 2/3 is not reached.
* Status: reached and percent > 100 -> exceeded; reached -> met; not reached: in an interim
  period -> in_progress, in the final period percent >= 90 -> near, else not_met.
  No result -> no_data. Qualitative targets take a person's judgement, else no_data.
* A ratio typed against a rate ("09/10 đơn" against "trên 95%") is shown as its own percent
  (90,0%, as the seed states it), not as a percent of the target; its status is still judged
  against the target.
* percent is rounded half up to 2 decimals; statuses use the exact comparison.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from core.phrases import Target
from core.vnformat import RATE_UNITS, parse_number, to_decimal, two_digit_count

STATUS_LABELS = {
    "exceeded": "Vượt",
    "met": "Đạt",
    "near": "Đạt trên 90%",
    "not_met": "Không đạt",
    "in_progress": "Đang thực hiện",
    "no_data": "Chưa có kết quả",
}
JUDGEMENTS = ("met", "not_met", "exceeded")
HUNDRED = Decimal(100)
NEAR = Decimal(90)


@dataclass(frozen=True)
class Evaluation:
    percent: Decimal | None
    status: str

    @property
    def label(self):
        return STATUS_LABELS[self.status]


def _round(value):
    return None if value is None else value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def result_amount(target, *, value=None, numerator=None, denominator=None):
    """The number the target is judged on, or None when there is no result."""
    value, numerator, denominator = map(to_decimal, (value, numerator, denominator))
    if value is not None:
        return value
    if numerator is None:
        return None
    if target.unit in RATE_UNITS and target.kind != "ratio" and denominator:
        scale = Decimal(1000) if target.unit == "‰" else HUNDRED
        return numerator / denominator * scale
    return numerator


def rate_change(target, result, baseline):
    """The change of a rate from ``baseline`` to ``result`` in the target's direction (a cut is
    positive), or None when the target is not a change of a rate or the baseline is not a rate."""
    baseline = to_decimal(baseline)
    if target.kind not in ("increase_by", "decrease_by") or target.unit not in RATE_UNITS or baseline is None:
        return None
    if not 0 <= baseline <= (Decimal(1000) if target.unit == "‰" else HUNDRED):
        return None
    return baseline - result if target.kind == "decrease_by" else result - baseline


def evaluate(target, *, value=None, numerator=None, denominator=None, final, judgement="", baseline=None):
    """Percent of target and status code (see STATUS_LABELS) for one result; ``baseline`` is last
    year's figure, used for a change of a rate."""
    if target.kind == "qualitative" or target.value is None:
        if judgement in JUDGEMENTS:
            return Evaluation(None, judgement)
        numerator, denominator = to_decimal(numerator), to_decimal(denominator)
        if numerator is not None and denominator:
            return _judge(Target("ratio", value=denominator, denominator=denominator), numerator, final)
        return Evaluation(None, "no_data")
    result = result_amount(target, value=value, numerator=numerator, denominator=denominator)
    if result is None:
        return Evaluation(None, "no_data")
    change = rate_change(target, result, baseline)
    if change is not None:
        result = change
    outcome = _judge(target, result, final)
    own_rate = (value is None and numerator is not None and change is None and target.unit == "%"
                and target.kind not in ("ratio", "increase_by", "decrease_by"))
    if own_rate:
        return Evaluation(_round(to_decimal(result)), outcome.status)
    return outcome


def _judge(target, result, final):
    goal = target.value

    if target.kind in ("below", "at_most"):
        percent = goal / result * HUNDRED if result else None
        reached = result < goal if target.kind == "below" else result <= goal
        if reached:
            return Evaluation(_round(percent), "met")
        return _not_reached(percent, final)

    percent = result / goal * HUNDRED if goal else None
    if target.kind == "range":
        top = target.value_max if target.value_max is not None else goal
        if goal <= result <= top:
            return Evaluation(_round(percent), "met")
        if result > top:
            return Evaluation(_round(percent), "exceeded")
        return _not_reached(percent, final)
    reached = result > goal if target.kind == "above" else result >= goal
    if not reached:
        return _not_reached(percent, final)
    exceeded = percent is not None and percent > HUNDRED
    return Evaluation(_round(percent), "exceeded" if exceeded else "met")


def _not_reached(percent, final):
    if not final:
        return Evaluation(_round(percent), "in_progress")
    if percent is not None and percent >= NEAR:
        return Evaluation(_round(percent), "near")
    return Evaluation(_round(percent), "not_met")


# --- the official's typed evaluation ------------------------------------------------------------

# Weakest first: a parent shown "as its children say" takes the weakest of their statuses.
STATUS_ORDER = ("no_data", "not_met", "in_progress", "near", "met", "exceeded")
_PERCENT_AFTER_DAT = re.compile(r"đạt\D{0,40}?(\d[\d.,]*)\s*%")
_NOT_REACHED = ("không đạt", "chưa đạt", "chưa hoàn thành", "không hoàn thành")


@dataclass(frozen=True)
class Official:
    """What the official's typed evaluation says: a status code and the percent it states."""

    status: str
    percent: Decimal | None = None


def official_status(words, *, final):
    """Read the evaluation an official typed ("Đạt chỉ tiêu KH", "đạt 226,22%", "Đang tiếp tục thực
    hiện", "không đạt") as an :class:`Official`, or None when the words say no status.

    "vượt" -> exceeded; "đạt X%" -> exceeded above 100, met at 100, near from 90, else not
    reached; "đạt trên 90%" -> near; "không/chưa đạt", "chưa hoàn thành" -> not reached;
    "đang (tiếp tục) thực hiện" -> in_progress; "chưa có kết quả" (or any other "chưa ...") ->
    no_data; a bare "đạt" / "hoàn thành" -> met. Not reached is not_met in the final period and
    in_progress before it.
    """
    text = " ".join((words or "").lower().split())
    if not text:
        return None
    match = _PERCENT_AFTER_DAT.search(text)
    percent = parse_number(match.group(1)) if match else None
    if percent is not None and percent < 0:
        percent = None
    behind = "not_met" if final else "in_progress"
    if any(phrase in text for phrase in _NOT_REACHED):
        return Official(behind, percent)
    if "đang" in text and "thực hiện" in text:
        return Official("in_progress", percent)
    if text.startswith("chưa") or "chưa có kết quả" in text:
        return Official("no_data", None)
    if "vượt" in text:
        return Official("exceeded", percent)
    if re.search(r"đạt\s+(trên|từ|hơn)\s+90\s*%", text):
        return Official("near", None)
    if percent is not None:
        if percent > HUNDRED:
            return Official("exceeded", percent)
        if percent == HUNDRED:
            return Official("met", percent)
        return Official("near" if percent >= NEAR else behind, percent)
    if text.startswith(("đạt", "hoàn thành")) or " đạt" in text:
        return Official("met", None)
    return None


def roll_up(statuses):
    """The status of a parent without a result of its own, as its sub-items say: the weakest of
    them ("Chưa có kết quả" when any has none), "no_data" when there is none."""
    statuses = [s for s in statuses if s in STATUS_ORDER]
    if not statuses:
        return "no_data"
    return min(statuses, key=STATUS_ORDER.index)


_SUMMARY_GROUPS = [
    ("exceeded", "vượt 100%"),
    ("met", "đạt 100%"),
    ("near", "đạt trên 90%"),
    ("not_met", "không đạt"),
    ("in_progress", "đang thực hiện"),
    ("no_data", "chưa có kết quả"),
]


def summary_sentence(counts, total, *, subject="chỉ tiêu kinh tế - xã hội", year=2023):
    """The annual summary sentence, as Nhơn Hưng's plan writes it (no final full stop):

    "Kết quả thực hiện 22 chỉ tiêu kinh tế - xã hội năm 2023 có 06 chỉ tiêu vượt 100%, có 14 chỉ
    tiêu đạt 100%, 01 chỉ tiêu đạt trên 90%, 01 chỉ tiêu không đạt". Zero groups are left out;
    "có" opens the first two groups, as in the seed.
    """
    opening = f"Kết quả thực hiện {two_digit_count(total)} {subject} năm {year}"
    parts = []
    for status, words in _SUMMARY_GROUPS:
        count = counts.get(status, 0)
        if count:
            lead = "có " if len(parts) < 2 else ""
            parts.append(f"{lead}{two_digit_count(count)} chỉ tiêu {words}")
    if not parts:
        return f"{opening} chưa có kết quả"
    return f"{opening} " + ", ".join(parts)
