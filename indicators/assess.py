"""Evaluation of stored results: joins the pure evaluator with the models."""

from dataclasses import dataclass
from decimal import Decimal

from core.evaluation import STATUS_LABELS, evaluate
from core.periods import is_final
from core.phrases import names_rate
from core.vnformat import RATE_UNITS, format_number


@dataclass(frozen=True)
class Assessment:
    result: object
    percent: Decimal | None
    status: str

    @property
    def label(self):
        if self.result is not None and self.result.evaluation_text:
            return self.result.evaluation_text
        return STATUS_LABELS.get(self.status, "")

    @property
    def result_display(self):
        r = self.result
        if r is None:
            return ""
        if r.numerator is not None and r.denominator is not None:
            text = f"{format_number(r.numerator)}/{format_number(r.denominator)}"
        elif r.value is not None:
            text = format_number(r.value)
            if r.indicator.target_unit in RATE_UNITS:
                text += r.indicator.target_unit
        else:
            text = r.text
        return f"{text} (ước)" if r.is_estimate else text


def pick_result(results):
    """The final figure when there is one, else the estimate."""
    results = list(results)
    finals = [r for r in results if not r.is_estimate]
    return (finals or results or [None])[0]


def rate_baseline(indicator):
    """Last year's rate when ``indicator`` is a change of a rate ("Giảm tỷ lệ hộ nghèo" 0,5 điểm %):
    the result is then the rate reached, judged on its change from this figure. None otherwise."""
    if (indicator.target_kind in ("increase_by", "decrease_by") and indicator.target_unit in RATE_UNITS
            and names_rate(indicator.name, indicator.target_text)):
        return indicator.baseline_value
    return None


def assess(indicator, result, period):
    """Percent of target and status of ``indicator`` for ``period`` given its ``result`` (or None)."""
    if result is None:
        outcome = evaluate(indicator.parsed_target(), final=is_final(period))
    else:
        outcome = evaluate(indicator.parsed_target(), value=result.value, numerator=result.numerator,
                           denominator=result.denominator, final=is_final(period),
                           judgement=result.judgement, baseline=rate_baseline(indicator))
    return Assessment(result=result, percent=outcome.percent, status=outcome.status)
