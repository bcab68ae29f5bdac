"""Building blocks of every app's forms: Bootstrap styling with Vietnamese messages, dates typed
the Vietnamese way, strict Vietnamese numbers within the figure columns, one-per-line lists."""

from django import forms
from django.core.exceptions import ValidationError

from core.vnformat import column_problem, parse_number_strict

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATE_ERROR = "Ngày không hợp lệ, ví dụ 15/01/2024."
REQUIRED = "Không được để trống."


class StyledMixin:
    """Bootstrap classes on every widget, and Vietnamese "required" messages."""

    def style(self):
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            field.error_messages["required"] = REQUIRED

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-describedby"] = f"{self[name].id_for_label}-error"


def date_field(label, required=False):
    return forms.DateField(label=label, required=required, input_formats=DATE_FORMATS,
                           error_messages={"invalid": DATE_ERROR},
                           widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"},
                                                  format="%d/%m/%Y"))


def strict_decimal(value, *, allow_negative=True):
    """A number typed the Vietnamese way ("1.234,5"), or a ValidationError naming the problem."""
    try:
        number = parse_number_strict(value)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
    if number is None:
        return None
    if number < 0 and not allow_negative:
        raise ValidationError("Số lượng không được âm.")
    return within_columns(number)


def within_columns(number):
    """``number`` when the decimal columns can hold it, else a ValidationError saying why."""
    problem = column_problem(number)
    if problem:
        raise ValidationError(problem)
    return number


class LinesField(forms.CharField):
    """A list of strings typed one per line (legal bases, recipients)."""

    widget = forms.Textarea

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class DepartmentForm(StyledMixin, forms.Form):
    """One department of a ward: DepartmentForm(data, *, unit, instance=None)."""

    name = forms.CharField(label="Tên bộ phận", max_length=200)
    short_name = forms.CharField(label="Tên viết tắt", max_length=50, required=False)

    def __init__(self, data=None, *, unit, instance=None):
        initial = {"name": instance.name, "short_name": instance.short_name} if instance else None
        super().__init__(data, initial=initial)
        self.unit = unit
        self.style()
        self.fields["name"].error_messages["required"] = "Nhập tên bộ phận."
