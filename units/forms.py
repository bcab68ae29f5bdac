"""Building blocks of every app's forms: Bootstrap styling with Vietnamese messages, dates typed
the Vietnamese way, strict Vietnamese numbers within the figure columns, one-per-line lists."""

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError

from core.vnformat import column_problem, parse_number_strict

from .models import RoleKind
from .people import LINK, OTP

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


def role_choices(roles):
    """The (value, label) choices of ``roles``, in the enum's order."""
    return [(value, label) for value, label in RoleKind.choices if value in roles]


class RoleChoiceMixin:
    """A role field that accepts any role kind but offers only ``roles`` (those the person may give):
    a crafted form naming another kind gets past the form and is refused by the service (403)."""

    def offer_roles(self, roles):
        self.fields["role"].widget.choices = role_choices(roles)
        self.fields["role"].error_messages["invalid_choice"] = "Vai trò: lựa chọn không hợp lệ."
        self.fields["role"].error_messages["required"] = "Vai trò: hãy chọn một vai trò."


class PasswordMethodField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(label="Mật khẩu", widget=forms.RadioSelect, initial=OTP, choices=[
            (OTP, "Mật khẩu dùng một lần, hiện cho tôi để trao tận tay"),
            (LINK, "Gửi liên kết đặt mật khẩu qua e-mail"),
        ], error_messages={"invalid_choice": "Mật khẩu: lựa chọn không hợp lệ."}, **kwargs)


class PersonForm(RoleChoiceMixin, StyledMixin, forms.Form):
    """A new person of a unit: PersonForm(data, *, roles), ``roles`` those the actor may give there."""

    full_name = forms.CharField(label="Họ và tên", max_length=150)
    username = forms.CharField(label="Tên đăng nhập", max_length=150, validators=[UnicodeUsernameValidator(
        message="Tên đăng nhập: chỉ gồm chữ, số và các ký tự @ . + - _")])
    email = forms.EmailField(label="E-mail", required=False,
                             error_messages={"invalid": "E-mail: địa chỉ không hợp lệ."})
    role = forms.ChoiceField(label="Vai trò", choices=RoleKind.choices)
    method = PasswordMethodField()

    def __init__(self, data=None, *, roles):
        super().__init__(data, initial={"role": RoleKind.EDITOR if RoleKind.EDITOR in roles else None})
        self.style()
        self.offer_roles(roles)
        self.fields["method"].widget.attrs["class"] = "form-check-input"
        self.fields["full_name"].error_messages["required"] = "Họ và tên: không được để trống."
        self.fields["username"].error_messages["required"] = "Tên đăng nhập: không được để trống."


class ExistingPersonForm(RoleChoiceMixin, StyledMixin, forms.Form):
    """A person who already has an account, given a role on a unit: ExistingPersonForm(data, *, roles)."""

    account = forms.CharField(label="Tên đăng nhập hoặc e-mail", max_length=254)
    role = forms.ChoiceField(label="Vai trò", choices=RoleKind.choices)

    def __init__(self, data=None, *, roles):
        super().__init__(data, initial={"role": RoleKind.EDITOR if RoleKind.EDITOR in roles else None},
                         prefix="existing")
        self.style()
        self.offer_roles(roles)
        self.fields["account"].error_messages["required"] = "Tên đăng nhập hoặc e-mail: không được để trống."


class RoleForm(RoleChoiceMixin, forms.Form):
    """A person's new role on a unit: RoleForm(data, *, roles). (The people list draws its own small
    select per row from ``role_choices``.)"""

    role = forms.ChoiceField(label="Vai trò", choices=RoleKind.choices)

    def __init__(self, data=None, *, roles):
        super().__init__(data)
        self.offer_roles(roles)


class NewPasswordForm(forms.Form):
    method = PasswordMethodField()
