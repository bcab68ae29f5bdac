"""Forms of the plan pages. Each receives its tenant (the plan, or the user for a new plan)
and narrows every choice to it; messages are Vietnamese and sit next to the field."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError

from core.vnformat import parse_number_strict
from indicators.models import MAX_DECIMALS, MAX_NUMBER
from units.scoping import visible_units

from . import services
from .models import Plan, PlanStatus, Section, TaskStatus

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
    if abs(number) >= MAX_NUMBER:
        raise ValidationError("Số quá lớn (tối đa 999.999.999.999.999). Kiểm tra lại số chữ số đã gõ.")
    if -number.as_tuple().exponent > MAX_DECIMALS:
        raise ValidationError(f"Số có quá {MAX_DECIMALS} chữ số sau dấu phẩy; hãy làm tròn bớt.")
    return number


class LinesField(forms.CharField):
    """A list of strings typed one per line (legal bases, recipients)."""

    widget = forms.Textarea

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class PlanCreateForm(StyledMixin, forms.Form):
    BLANK, COPY = "blank", "copy"

    unit = forms.ModelChoiceField(label="Đơn vị", queryset=None, empty_label=None)
    year = forms.IntegerField(label="Năm kế hoạch", min_value=2000, max_value=2100,
                              error_messages={"min_value": "Năm phải từ 2000 đến 2100.",
                                              "max_value": "Năm phải từ 2000 đến 2100.",
                                              "invalid": "Nhập năm bằng số, ví dụ 2025."})
    mode = forms.ChoiceField(label="Cách tạo", initial=COPY, widget=forms.RadioSelect,
                             choices=[(COPY, "Sao chép từ năm trước"), (BLANK, "Kế hoạch trống")])
    title = forms.CharField(label="Trích yếu", max_length=500, required=False,
                            help_text="Để trống để dùng “Phát triển kinh tế - xã hội năm …”.")

    def __init__(self, data=None, *, user, initial=None):
        initial = {k: v for k, v in (initial or {}).items() if v}
        initial.setdefault("year", datetime.date.today().year + 1)
        super().__init__(data, initial=initial)
        self.fields["unit"].queryset = visible_units(user, write=True).order_by("path")
        self.style()
        self.fields["mode"].widget.attrs["class"] = "form-check-input"
        self.source = None

    def clean(self):
        data = super().clean()
        unit, year = data.get("unit"), data.get("year")
        if unit is None or year is None:
            return data
        if Plan.objects.filter(unit=unit, year=year).exists():
            self.add_error("year", f"{unit.name} đã có kế hoạch năm {year}.")
        if data.get("mode") == self.COPY:
            self.source = (Plan.objects.filter(unit=unit, year=year - 1)
                           .order_by("-status", "-revision").first())  # "issued" sorts after "draft"
            if self.source is None:
                self.add_error("mode", f"{unit.name} chưa có kế hoạch năm {year - 1} để sao chép.")
        if not data.get("title"):
            data["title"] = f"Phát triển kinh tế - xã hội năm {year}"
        return data


class PlanMetaForm(StyledMixin, forms.ModelForm):
    legal_bases = LinesField(label="Căn cứ (mỗi căn cứ một dòng)", required=False)
    recipients = LinesField(label="Nơi nhận (mỗi nơi một dòng)", required=False)
    issued_on = date_field("Ngày ban hành")
    monthly_report_day = forms.IntegerField(
        label="Ngày nộp báo cáo tháng", min_value=1, max_value=28,
        error_messages={"min_value": "Ngày nộp phải từ 1 đến 28.", "max_value": "Ngày nộp phải từ 1 đến 28.",
                        "invalid": "Nhập ngày bằng số, ví dụ 10."})

    class Meta:
        model = Plan
        fields = services.EDITABLE_FIELDS
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "preamble": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, data=None, *, plan):
        super().__init__(data, instance=plan)
        self.fields["legal_bases"].widget.attrs["rows"] = 5
        self.fields["recipients"].widget.attrs["rows"] = 4
        self.style()
        self.fields["title"].error_messages["required"] = "Nhập trích yếu của kế hoạch."

    def clean_title(self):
        title = (self.cleaned_data.get("title") or "").strip()
        if not title:
            raise ValidationError("Nhập trích yếu của kế hoạch.")
        return title

    def clean_issued_on(self):
        day = self.cleaned_data.get("issued_on")
        error = services.issue_date_error(self.instance, day)
        if error:
            raise ValidationError(error)
        return day

    def _post_clean(self):
        # The service writes; the form only validates and never touches the plan itself.
        pass


class IssueForm(StyledMixin, forms.Form):
    number = forms.CharField(label="Số văn bản", max_length=20, error_messages={"required": "Nhập số văn bản."})
    issued_on = date_field("Ngày ban hành", required=True)
    signer_authority = forms.CharField(label="Thẩm quyền ký", max_length=100)
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=100)
    signer_name = forms.CharField(label="Họ tên người ký", max_length=100)

    def __init__(self, data=None, *, plan):
        initial = {name: getattr(plan, name) for name in self.base_fields}
        super().__init__(data, initial=initial)
        self.plan = plan
        self.style()
        self.fields["number"].error_messages["required"] = "Nhập số văn bản."
        self.fields["number"].help_text = (f"Chỉ gõ số, ví dụ 843; ký hiệu “/{plan.symbol}” được thêm tự động: "
                                           f"Số: 843/{plan.symbol}.")
        self.fields["issued_on"].error_messages["required"] = "Nhập ngày ban hành."

    def clean_number(self):
        """"15", or "15/KH-UBND" and "Số: 15/KH-UBND" as officials also type it: the number alone."""
        number = re.sub(r"^\s*(số|so)\s*:?\s*", "", self.cleaned_data["number"], flags=re.IGNORECASE).strip()
        symbol = self.plan.symbol
        if "/" in number:
            number, _, rest = number.partition("/")
            number = number.strip()
            if rest.strip().upper() != symbol.upper():
                raise ValidationError(f"Ký hiệu của kế hoạch này là “{symbol}”; chỉ gõ số, ví dụ 843.")
        if not number:
            raise ValidationError("Nhập số văn bản.")
        return number

    def clean_issued_on(self):
        day = self.cleaned_data.get("issued_on")
        error = services.issue_date_error(self.plan, day)
        if error:
            raise ValidationError(error)
        return day

    def clean(self):
        data = super().clean()
        if self.plan.status == PlanStatus.ISSUED:
            raise ValidationError("Kế hoạch này đã được ban hành.")
        return data


class SectionForm(StyledMixin, forms.Form):
    parent = forms.ModelChoiceField(label="Thuộc mục", queryset=None, required=False,
                                    empty_label="(mục cấp cao nhất)")
    heading = forms.CharField(label="Tiêu đề", max_length=500, required=False)
    body = forms.CharField(label="Nội dung", required=False, widget=forms.Textarea(attrs={"rows": 6}),
                           help_text=Section._meta.get_field("body").help_text)
    include_indicators = forms.BooleanField(label="Chèn danh sách chỉ tiêu sau mục này", required=False)

    def __init__(self, data=None, *, plan, instance=None):
        initial = None
        if instance is not None:
            initial = {"parent": instance.parent_id, "heading": instance.heading, "body": instance.body,
                       "include_indicators": instance.include_indicators}
        super().__init__(data, initial=initial)
        parents = Section.objects.filter(plan=plan).order_by("order", "pk")
        if instance is not None:
            parents = parents.exclude(pk__in=_subtree_ids(Section.objects.filter(plan=plan), instance.pk))
        self.fields["parent"].queryset = parents
        self.fields["parent"].label_from_instance = lambda s: (s.heading or s.body)[:80]
        self.style()

    def clean(self):
        data = super().clean()
        if not (data.get("heading") or "").strip() and not (data.get("body") or "").strip():
            self.add_error("heading", "Nhập tiêu đề hoặc nội dung của mục.")
        return data


def _subtree_ids(queryset, root_pk):
    """Ids of ``root_pk`` and everything below it (one query: the rows are loaded once)."""
    children = {}
    for pk, parent_id in queryset.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    out, stack = set(), [root_pk]
    while stack:
        pk = stack.pop()
        out.add(pk)
        stack.extend(children.get(pk, []))
    return out


class TaskForm(StyledMixin, forms.Form):
    """Progress of one task: TaskForm(data, *, task). ``version`` is the one the person loaded."""

    progress = forms.IntegerField(label="Tiến độ (%)", required=False, min_value=0, max_value=100,
                                  error_messages={"min_value": "Tiến độ phải từ 0 đến 100%%.",
                                                  "max_value": "Tiến độ phải từ 0 đến 100%%.",
                                                  "invalid": "Nhập tiến độ bằng số nguyên từ 0 đến 100."})
    status = forms.ChoiceField(label="Trạng thái", choices=TaskStatus.choices)
    due_date = date_field("Thời hạn")
    result_text = forms.CharField(label="Kết quả thực hiện", required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, data=None, *, task):
        initial = {name: getattr(task, name) for name in services.TASK_FIELDS} | {"version": task.version}
        super().__init__(data, initial=initial)
        self.task = task
        self.style()
        self.fields["progress"].widget.attrs.update({"inputmode": "numeric"})

    def clean_due_date(self):
        day = self.cleaned_data.get("due_date")
        error = services.due_date_error(self.task.plan, day)
        if error:
            raise ValidationError(error)
        return day


class ReopenForm(StyledMixin, forms.Form):
    comment = forms.CharField(label="Lý do mở lại (đơn vị sẽ thấy)", max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, data=None):
        super().__init__(data)
        self.style()
        self.fields["comment"].error_messages["required"] = "Nhập lý do mở lại để đơn vị biết cần sửa gì."
