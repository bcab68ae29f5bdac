"""Forms for indicators. PlanIndicatorForm(data, *, plan, instance=None) narrows the sector,
parent and department choices to its plan; the target is free text, read by the phrase parser."""

import re
import unicodedata
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.evaluation import result_amount
from core.phrases import SPACE_GROUPED, SPACE_IN_DIGITS
from core.text import FOREIGN_DIGITS, has_foreign_digits
from core.tree import subtree_keys
from core.vnformat import RATE_UNITS, SPACE_IN_NUMBER_ERROR, format_number, looks_english, squeeze_number
from units.forms import StyledMixin, strict_decimal, within_columns

from .assess import rate_baseline
from .models import Judgement, PlanIndicator, PlanSector, Sector


class PlanIndicatorForm(StyledMixin, forms.Form):
    sector = forms.ChoiceField(label="Lĩnh vực")
    parent = forms.ModelChoiceField(label="Thuộc chỉ tiêu", queryset=None, required=False,
                                    empty_label="(chỉ tiêu chính)")
    stt = forms.CharField(label="STT", max_length=20, required=False)
    name = forms.CharField(label="Tên chỉ tiêu", widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": "Nhập tên chỉ tiêu."})
    unit_of_measure = forms.CharField(label="Đơn vị tính", max_length=50, required=False)
    target_text = forms.CharField(label="Chỉ tiêu kế hoạch (ghi như văn bản)", max_length=500, required=False,
                                  help_text="Ví dụ: “90% trở lên”, “dưới 11,44%”, “5/5 khóm”, “Giảm 03 hộ nghèo”.")
    baseline_text = forms.CharField(label="Kết quả năm trước (như văn bản)", max_length=300, required=False)
    baseline_value = forms.CharField(label="Kết quả năm trước (số)", required=False,
                                     help_text="Dấu chấm phân cách hàng nghìn, dấu phẩy phần thập phân: 1.234,5")
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    department = forms.ModelChoiceField(label="Bộ phận phụ trách", queryset=None, required=False,
                                        empty_label="(chưa giao)")
    in_main_list = forms.BooleanField(label="Thuộc chỉ tiêu chủ yếu", required=False, initial=True)
    in_appendix = forms.BooleanField(label="In trong phụ lục", required=False, initial=True)

    def __init__(self, data=None, *, plan, instance=None):
        initial = None
        if instance is not None:
            initial = {name: getattr(instance, name) for name in (
                "stt", "name", "unit_of_measure", "target_text", "baseline_text", "note",
                "in_main_list", "in_appendix")}
            initial |= {"sector": f"ps:{instance.plan_sector_id}", "parent": instance.parent_id,
                        "department": instance.department_id, "baseline_value": _vn(instance.baseline_value)}
        super().__init__(data, initial=initial)
        self.plan = plan
        plan_sectors = list(PlanSector.objects.filter(plan=plan).order_by("order", "pk"))
        used = {ps.sector_id for ps in plan_sectors}
        self.fields["sector"].choices = (
            [(f"ps:{ps.pk}", ps.name) for ps in plan_sectors]
            + [(f"s:{s.pk}", f"{s.name} (thêm mới)") for s in Sector.objects.exclude(pk__in=used)])
        parents = PlanIndicator.objects.filter(plan=plan).order_by("plan_sector__order", "order", "pk")
        if instance is not None:
            parents = parents.exclude(pk__in=subtree_keys(PlanIndicator.objects.filter(plan=plan).values_list("pk", "parent_id"), instance.pk))
        self.fields["parent"].queryset = parents
        self.fields["parent"].label_from_instance = lambda i: f"{i.stt} {i.name[:70]}".strip()
        self.fields["department"].queryset = plan.unit.departments.all()
        self.style()
        self.fields["sector"].error_messages["invalid_choice"] = "Chọn một lĩnh vực trong danh sách."
        self.fields["parent"].error_messages["invalid_choice"] = "Chọn một chỉ tiêu của kế hoạch này."
        self.fields["department"].error_messages["invalid_choice"] = "Chọn một bộ phận của đơn vị."
        self.fields["name"].error_messages["required"] = "Nhập tên chỉ tiêu."
        self.fields["target_text"].widget.attrs.update({
            "hx-get": reverse("plans:target_preview"), "hx-include": "[name='name']", "hx-trigger": "keyup changed delay:300ms", "hx-target": "#target-preview",
            "autocomplete": "off"})

    def clean_sector(self):
        kind, _, pk = self.cleaned_data["sector"].partition(":")
        try:
            if kind == "ps":
                return ("plan_sector", PlanSector.objects.get(plan=self.plan, pk=int(pk)))
            return ("new_sector", Sector.objects.get(pk=int(pk)))
        except (ValueError, PlanSector.DoesNotExist, Sector.DoesNotExist) as exc:
            raise ValidationError("Chọn một lĩnh vực trong danh sách.") from exc

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError("Nhập tên chỉ tiêu.")
        return name

    def clean_target_text(self):
        text = self.cleaned_data.get("target_text") or ""
        if has_foreign_digits(text):
            raise ValidationError(FOREIGN_DIGITS)
        if SPACE_IN_DIGITS.search(SPACE_GROUPED.sub("", text)):
            raise ValidationError(SPACE_IN_NUMBER_ERROR)
        return text

    def clean_baseline_value(self):
        unit = (self.data.get(self.add_prefix("unit_of_measure")) or "").strip()
        return strict_decimal(self.cleaned_data.get("baseline_value"), allow_negative=unit in RATE_UNITS)

    def values(self):
        """What the service needs: the cleaned fields with the sector choice resolved."""
        data = dict(self.cleaned_data)
        key, sector = data.pop("sector")
        data["plan_sector"], data["new_sector"] = (sector, None) if key == "plan_sector" else (None, sector)
        return data


def _vn(value):
    return format_number(value, group=True) if value is not None else ""


# --- results ------------------------------------------------------------------------------

NOT_A_NUMBER = "Chỉ tiêu này cần một số, ví dụ 1.234,5 hoặc tử số/mẫu số như 261/200."
NOT_AN_AMOUNT = ("Chỉ tiêu này cần một số tiền, ví dụ 1.500.000.000, “1,5 tỷ” hoặc “150 triệu” "
                 "(dấu phẩy phần thập phân).")
NO_FRACTION_FOR_MONEY = ("Chỉ tiêu này tính bằng đồng: nhập số tiền (ví dụ 1.500.000.000 hoặc “1,5 tỷ”), "
                         "không nhập tử số/mẫu số.")
SMALL_AMOUNT = ("Bạn nhập {typed} đồng, nhỏ hơn rất nhiều so với kế hoạch {target} đồng. {hint}"
                "nếu đúng là {typed} đồng, bấm Lưu lần nữa.")
RATIO_INTO_COUNT = ("Bạn nhập “{typed}” (tử số/mẫu số), nhưng chỉ tiêu này là một số (kế hoạch {target}): "
                    "chỉ tử số {numerator} được lưu làm kết quả{large}. Nếu kết quả là {numerator}, bấm Lưu lần nữa; "
                    "nếu không, nhập một số.")
TEN_TIMES = ("Bạn nhập {typed}, gấp hơn 10 lần kế hoạch {target}. Kiểm tra lại (thừa chữ số 0, nhầm đơn vị?); "
             "nếu đúng là {typed}, bấm Lưu lần nữa.")
ENGLISH_NUMBER = ("“{text}” là cách viết số kiểu Anh. Viết theo kiểu Việt Nam: dấu chấm phân cách hàng "
                  "nghìn, dấu phẩy phần thập phân, ví dụ 1.234,5.")
NEGATIVE = "Kết quả không được âm."
CHANGE_KINDS = ("increase_by", "decrease_by")
MONEY_UNITS = ("đồng", "đ", "vnđ", "vnd")
MULTIPLIERS = {"nghìn": Decimal(10**3), "ngàn": Decimal(10**3), "triệu": Decimal(10**6),
               "tỷ": Decimal(10**9), "tỉ": Decimal(10**9)}
# A result below this share of a money target is most likely typed in the wrong unit ("150" for 150 triệu).
SMALL_SHARE = Decimal("0.001")
# A result more than this many times its target is most likely a slip (an extra 0, "261/200" read as 261).
LARGE_TIMES = 10
_AMOUNT_PART = re.compile(r"([\d.,]+)\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?![\w])")
_CURRENCY = re.compile(r"\s*(?:đồng|vnđ|vnd|đ)$")


def read_number(text, *, money=False, not_a_number=None):
    """A number typed the Vietnamese way, or ValidationError with a message an official can act on.

    ``money``: an amount in đồng, where "1,5 tỷ", "150 triệu đồng", "2 tỷ 300 triệu", "500 nghìn"
    and a trailing "đồng"/"đ" are read too (nghìn/ngàn 10^3, triệu 10^6, tỷ/tỉ 10^9).
    """
    message = not_a_number or (NOT_AN_AMOUNT if money else NOT_A_NUMBER)
    text = unicodedata.normalize("NFC", text).strip()
    if has_foreign_digits(text):
        raise ValidationError(FOREIGN_DIGITS)
    if money:
        words = re.sub(r"\s+", " ", text.lower())
        words = _CURRENCY.sub("", words).strip()
        if _AMOUNT_PART.search(words):
            return _read_amount(words, message)
        text = words
    if not re.fullmatch(r"[+\-−–]?[\d.,\s]+", text):
        raise ValidationError(message)
    try:
        text = squeeze_number(text)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    if looks_english(text.lstrip("+-−–")):
        raise ValidationError(ENGLISH_NUMBER.format(text=text))
    return strict_decimal(text)


def _read_amount(words, message):
    """ "1,5 tỷ", "2 tỷ 300 triệu": parts each with a multiplier, largest first, summed."""
    total, pos, last = Decimal(0), 0, None
    for m in _AMOUNT_PART.finditer(words):
        if words[pos:m.start()].strip():
            raise ValidationError(message)
        multiplier = MULTIPLIERS[m.group(2)]
        if last is not None and multiplier >= last:
            raise ValidationError(message)
        total += read_number(m.group(1), not_a_number=message) * multiplier
        pos, last = m.end(), multiplier
    if words[pos:].strip():
        raise ValidationError(message)
    if total == total.to_integral_value():
        total = total.quantize(Decimal(1))  # 1,5 tỷ -> 1500000000, not 1500000000.0
    return within_columns(total)


def is_money(indicator):
    """The indicator counts đồng (its target says so, or the unit-of-measure column does)."""
    uom = (indicator.unit_of_measure or "").strip().lower()
    return indicator.target_unit == "đồng" or (not indicator.target_unit and uom in MONEY_UNITS)


class ResultForm(StyledMixin, forms.Form):
    """One row of the results grid: ResultForm(data, *, indicator, period, result=None).

    A quantitative indicator takes one box: a number ("1.234,5", "95%") or numerator/denominator
    ("261/200", split on the slash). A qualitative one takes words and a judgement.
    ``version`` and ``rid`` are the row the person loaded, for the lost-update check.
    """

    result = forms.CharField(label="Kết quả", max_length=100, required=False)
    text = forms.CharField(label="Kết quả (ghi bằng lời)", max_length=2000, required=False)
    judgement = forms.ChoiceField(label="Đánh giá", choices=Judgement.choices, required=False)
    is_estimate = forms.BooleanField(label="Ước thực hiện", required=False)
    cause = forms.CharField(label="Nguyên nhân", max_length=2000, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    rid = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The text of a tiny money figure the person was warned about: saving the same text again keeps it.
    confirm_small = forms.CharField(widget=forms.HiddenInput, max_length=100, required=False)

    def __init__(self, data=None, *, indicator, period, result=None):
        super().__init__(data, initial=result_initial(result), prefix=f"r{indicator.pk}")
        self.indicator, self.period = indicator, period
        self.confirm_value = ""  # set when a tiny money figure needs a second save
        self.qualitative = indicator.target_kind == "qualitative"
        if self.qualitative:
            del self.fields["result"]
            self.fields["text"].widget.attrs["placeholder"] = TEXT_PLACEHOLDER
        else:
            del self.fields["judgement"]
            self.fields["result"].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})
            if placeholder := result_placeholder(indicator):
                self.fields["result"].widget.attrs["placeholder"] = placeholder
        self.style()
        for field in self.fields.values():
            attrs = field.widget.attrs
            attrs["class"] = attrs["class"].replace("form-control", "form-control form-control-sm").replace(
                "form-select", "form-select form-select-sm")
            # The inputs sit in the cells of a table row; the <form> they belong to is in the first cell.
            attrs["form"] = f"{self.prefix}-form"

    def clean_result(self):
        text = (self.cleaned_data.get("result") or "").strip()
        if not text:
            return (None, None, None)
        ind = self.indicator
        money = is_money(ind)
        # "Tỷ lệ … | ĐVT % | 98": the % may be written only in the unit-of-measure column.
        uom = (ind.unit_of_measure or "").strip()
        unit = ind.target_unit or (uom if uom in RATE_UNITS else "") or ("đồng" if money else "")
        for suffix in RATE_UNITS:
            if text.endswith(suffix):
                if unit and unit != suffix:
                    raise ValidationError(f"Chỉ tiêu này tính bằng {unit}, không phải {suffix}.")
                text = text[:-1].strip()
        rate = unit in RATE_UNITS and ind.target_kind != "ratio"
        if "/" in text:
            if money:
                raise ValidationError(NO_FRACTION_FOR_MONEY)
            top, _, bottom = text.partition("/")
            numerator, denominator = read_number(top), read_number(bottom)
            if numerator is None or denominator is None:
                raise ValidationError("Nhập đủ tử số và mẫu số, ví dụ 261/200.")
            if numerator < 0 or denominator < 0:
                raise ValidationError(NEGATIVE)
            if denominator == 0:
                raise ValidationError("Mẫu số phải lớn hơn 0.")
            if rate and numerator > denominator:
                raise ValidationError("Tử số lớn hơn mẫu số: tỷ lệ không thể vượt 100%.")
            self._check_plausible(value=None, numerator=numerator, denominator=denominator, unit=unit)
            return (None, numerator, denominator)
        value = read_number(text, money=money)
        if value is None:
            raise ValidationError(NOT_AN_AMOUNT if money else NOT_A_NUMBER)
        if value < 0 and ind.target_kind not in CHANGE_KINDS:
            raise ValidationError(NEGATIVE)
        if rate and ind.target_kind not in CHANGE_KINDS:
            top = 1000 if unit == "‰" else 100
            if value > top:
                raise ValidationError(f"Tỷ lệ không thể vượt {top}{unit}.")
        if money:
            self._check_small_amount(text, value)
        self._check_plausible(value=value, numerator=None, denominator=None, unit=unit)
        return (value, None, None)

    def _ask_once(self, message):
        """Refuse with ``message`` unless the same text was saved again after it was asked."""
        typed = (self.data.get(self.add_prefix("result")) or "").strip()
        if (self.data.get(self.add_prefix("confirm_small")) or "").strip() == typed:
            return
        self.confirm_value = typed
        raise ValidationError(message)

    def _check_small_amount(self, text, value):
        """A money figure under 0,1 % of the target is refused once; the same text saved again passes."""
        target = self.indicator.target_value
        if not target or target <= 0 or value <= 0 or value >= target * SMALL_SHARE:
            return
        bare = re.fullmatch(r"[\d.,]+", text.strip())
        hint = (f"Nếu đúng là triệu, gõ “{text.strip()} triệu”; " if bare
                else "Kiểm tra lại đơn vị (nghìn, triệu, tỷ); ")
        self._ask_once(SMALL_AMOUNT.format(typed=_vn(value), target=_vn(target), hint=hint))

    def _check_plausible(self, *, value, numerator, denominator, unit):
        """Asked once, like a tiny money figure: a ratio typed into an indicator that counts ("261/200"
        where the plan says 9 lao động; a denominator equal to the target only restates the plan), and
        a figure more than 10 times its target (a change of a rate, read against last year, excepted)."""
        ind = self.indicator
        goal = ind.target_value_max if ind.target_kind == "range" else ind.target_value
        if goal is None or goal <= 0:
            return
        label = ind.target_unit or (ind.unit_of_measure or "").strip()
        amount = result_amount(ind.parsed_target(), value=value, numerator=numerator, denominator=denominator)
        large = amount is not None and amount > goal * LARGE_TIMES and not (
            unit in RATE_UNITS and ind.target_kind in CHANGE_KINDS)
        if numerator is not None and unit not in RATE_UNITS and ind.target_kind != "ratio" and denominator != goal:
            self._ask_once(RATIO_INTO_COUNT.format(
                typed=f"{_vn(numerator)}/{_vn(denominator)}", target=_with_unit(goal, label),
                numerator=_vn(numerator), large=", gấp hơn 10 lần kế hoạch" if large else ""))
        elif large:
            typed = f"{_vn(numerator)}/{_vn(denominator)}" if value is None else _with_unit(value, label)
            self._ask_once(TEN_TIMES.format(typed=typed, target=_with_unit(goal, label)))

    def clean_version(self):
        return self.cleaned_data.get("version") or 0

    def values(self):
        """The fields the service writes (a quantitative row keeps any text stored with it)."""
        data = self.cleaned_data
        values = {}
        if self.add_prefix("cause") in self.data:  # the row shows the cause only when a target is missed
            values["cause"] = data["cause"].strip()
        if self.qualitative:
            values |= {"text": data["text"].strip(), "judgement": data["judgement"], "value": None,
                       "numerator": None, "denominator": None}
        else:
            values["value"], values["numerator"], values["denominator"] = data["result"]
        return values

    def typed(self):
        """What the person typed, for the conflict message."""
        if self.qualitative:
            return self.data.get(self.add_prefix("text"), "")
        return self.data.get(self.add_prefix("result"), "")


def _with_unit(value, unit):
    """ "9 lao động", "1%", "9.949.000.000 đồng": a figure as the plan writes it."""
    return f"{_vn(value)}{unit}" if unit in RATE_UNITS else f"{_vn(value)} {unit}".strip()


TEXT_PLACEHOLDER = "Ghi kết quả bằng lời"


def result_initial(result):
    """What a row of the grid shows before anything is typed: ``result`` (or None) as form values."""
    if result is None:
        return {"version": 0}
    return {"result": _result_box(result), "text": result.text, "judgement": result.judgement,
            "is_estimate": result.is_estimate, "cause": result.cause, "version": result.version, "rid": result.pk}


def result_placeholder(indicator):
    """The hint in a quantitative result box: a cut of a rate takes the rate reached ("" otherwise)."""
    if (baseline := rate_baseline(indicator)) is not None:
        return f"Tỷ lệ đạt được (năm trước {_with_unit(baseline, indicator.target_unit)})"
    return ""


def _result_box(result):
    if result.numerator is not None and result.denominator is not None:
        return f"{_vn(result.numerator)}/{_vn(result.denominator)}"
    return _vn(result.value)
