"""Evaluation of stored results: joins the pure evaluator with the models."""

import re
from dataclasses import dataclass
from decimal import Decimal

from core.evaluation import STATUS_LABELS, evaluate, official_status
from core.periods import is_final
from core.phrases import money_scale, names_rate, short_meaning
from core.vnformat import RATE_UNITS, format_number


@dataclass(frozen=True)
class Assessment:
    """One row's evaluation. ``status``/``percent`` are what counts: the official's typed
    evaluation when its words say a status (:func:`core.evaluation.official_status`), else the
    computed ones; the computed ones are kept beside them (README "What counts")."""

    result: object
    percent: Decimal | None
    status: str
    computed_status: str = ""
    computed_percent: Decimal | None = None

    @property
    def disagrees(self):
        """The official's words and the computation give different statuses or percents (shown to
        the editor: "đạt 226,22%" typed where 11.800/4.500 is 262,22%)."""
        if not self.computed_status or self.computed_status == "no_data":
            return False
        percents = (self.percent, self.computed_percent)
        return self.status != self.computed_status or (None not in percents and percents[0] != percents[1])

    @property
    def computed_label(self):
        return STATUS_LABELS.get(self.computed_status, "")

    @property
    def label(self):
        if self.result is not None and self.result.evaluation_text:
            return self.result.evaluation_text
        return STATUS_LABELS.get(self.status, "")

    @property
    def result_display(self):
        """The figure in the indicator's unit of measure ("135" under "triệu đồng/ha", "261/200",
        "95%"), or the words when there is no figure; "(ước)" for an estimate."""
        r = self.result
        if r is None:
            return ""
        if r.numerator is not None and r.denominator is not None:
            text = f"{format_number(r.numerator)}/{format_number(r.denominator)}"
        elif r.value is not None:
            text = format_number(shown_in_unit(r.value, r.indicator.unit_of_measure))
            if r.indicator.target_unit in RATE_UNITS:
                text += r.indicator.target_unit
        else:
            text = r.text
        return f"{text} (ước)" if r.is_estimate else text

    @property
    def written_display(self):
        """What the documents print: the words the ward wrote when there are any, else the figure;
        words that do not state the figure follow it ("11.800 (tỷ lệ cây sống đạt 95%)"), so
        neither is lost."""
        r = self.result
        words = (r.text or "").strip() if r is not None else ""
        figure = self.result_display
        if not words:
            return figure
        digits = re.sub(r"\D", "", figure.removesuffix(" (ước)"))
        if not digits or digits in re.sub(r"\D", "", words):
            return words
        return f"{figure} ({words})"


def shown_in_unit(value, unit_of_measure):
    """A stored amount (money in đồng) in the indicator's unit: 135000000 under "triệu đồng/ha" -> 135.
    A figure smaller than one such unit is taken as typed in it already."""
    scale = money_scale(unit_of_measure)
    if scale == 1 or value is None or abs(value) < scale:
        return value
    return Decimal(value) / scale


def pick_result(results):
    """The final figure when there is one, else the estimate."""
    results = list(results)
    finals = [r for r in results if not r.is_estimate]
    return (finals or results or [None])[0]


def target_meaning(indicator):
    """Compact parsed meaning of an indicator's target ("≥ 90%"), shown next to the text as written."""
    return short_meaning(indicator.parsed_target(), f"{indicator.name} {indicator.target_text}")


def rate_baseline(indicator):
    """Last year's rate when ``indicator`` is a change of a rate ("Giảm tỷ lệ hộ nghèo" 0,5 điểm %):
    the result is then the rate reached, judged on its change from this figure. None otherwise."""
    if (indicator.target_kind in ("increase_by", "decrease_by") and indicator.target_unit in RATE_UNITS
            and names_rate(indicator.name, indicator.target_text)):
        return indicator.baseline_value
    return None


def _written(result):
    return result.value is not None or result.numerator is not None or bool((result.text or "").strip())


def assess(indicator, result, period):
    """Percent of target and status of ``indicator`` for ``period`` given its ``result`` (or None):
    the official's typed evaluation when it says one, the computed one kept beside it."""
    final = is_final(period)
    if result is None:
        outcome = evaluate(indicator.parsed_target(), final=final)
        return Assessment(result=None, percent=outcome.percent, status=outcome.status,
                          computed_status=outcome.status, computed_percent=outcome.percent)
    outcome = evaluate(indicator.parsed_target(), value=result.value, numerator=result.numerator,
                       denominator=result.denominator, final=final,
                       judgement=result.judgement, baseline=rate_baseline(indicator))
    status, percent = outcome.status, outcome.percent
    if status == "no_data" and indicator.target_kind == "qualitative" and _written(result):
        status = "in_progress"  # a figure or words for a qualitative target, not judged yet
    official = official_status(result.evaluation_text, final=final)
    if official is not None:
        status = official.status
        percent = official.percent if official.percent is not None else percent
    return Assessment(result=result, percent=percent, status=status,
                      computed_status=outcome.status, computed_percent=outcome.percent)
