"""Forms of the plan pages. Each receives its tenant (the plan, or the user for a new plan)
and narrows every choice to it; messages are Vietnamese and sit next to the field."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from core.plan_text import title_after_doc_type
from core.tree import subtree_keys
from indicators.models import Sector
from units.forms import LinesField, StyledMixin, date_field
from units.models import Department
from units.scoping import visible_units

from . import reporting, services
from .models import Appendix, Plan, PlanStatus, Section, Task, TaskStatus


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
        data["title"] = title_after_doc_type(data.get("title") or "") or f"Phát triển kinh tế - xã hội năm {year}"
        return data


class PlanMetaForm(StyledMixin, forms.ModelForm):
    legal_bases = LinesField(label="Căn cứ (mỗi căn cứ một dòng)", required=False)
    recipients = LinesField(label="Nơi nhận (mỗi nơi một dòng)", required=False)
    issued_on = date_field("Ngày ban hành")
    monthly_report_day = forms.IntegerField(
        label="Ngày nộp báo cáo tháng", min_value=1, max_value=28,
        error_messages={"min_value": "Ngày nộp phải từ 1 đến 28.", "max_value": "Ngày nộp phải từ 1 đến 28.",
                        "invalid": "Nhập ngày bằng số, ví dụ 10."})
    appendices = forms.TypedMultipleChoiceField(
        label="Văn bản kèm theo kế hoạch", choices=Appendix.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Văn bản kèm theo “%(value)s” không có trong danh sách."})
    appendix_year = forms.IntegerField(
        label="Năm của Biểu số 01, 02 kèm theo (để trống: năm của kế hoạch)", required=False,
        min_value=1900, max_value=2200,
        error_messages={"invalid": "Nhập năm bằng số, ví dụ 2023.", "min_value": "Năm không hợp lệ.",
                        "max_value": "Năm không hợp lệ."})

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
        self.fields["appendix_title"].help_text = "Để trống: “Chỉ tiêu phát triển kinh tế - xã hội năm …”."

    def clean_title(self):
        title = (self.cleaned_data.get("title") or "").strip()
        if not title:
            raise ValidationError("Nhập trích yếu của kế hoạch.")
        return title_after_doc_type(title, self.data.get("doc_type") or self.instance.doc_type)

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
            parents = parents.exclude(pk__in=subtree_keys(Section.objects.filter(plan=plan).values_list("pk", "parent_id"), instance.pk))
        self.fields["parent"].queryset = parents
        self.fields["parent"].label_from_instance = lambda s: (s.heading or s.body)[:80]
        self.style()

    def clean(self):
        data = super().clean()
        if not (data.get("heading") or "").strip() and not (data.get("body") or "").strip():
            self.add_error("heading", "Nhập tiêu đề hoặc nội dung của mục.")
        return data


class TaskForm(StyledMixin, forms.Form):
    """Progress of one task: TaskForm(data, *, task). ``version`` is the one the person loaded."""

    progress = forms.DecimalField(label="Tiến độ (%)", required=False, min_value=0, max_value=100,
                                  max_digits=5, decimal_places=2, localize=True,
                                  error_messages={"min_value": "Tiến độ phải từ 0 đến 100%%.",
                                                  "max_value": "Tiến độ phải từ 0 đến 100%%.",
                                                  "max_decimal_places": "Tiến độ có tối đa 2 chữ số thập phân.",
                                                  "max_digits": "Tiến độ phải từ 0 đến 100%%.",
                                                  "max_whole_digits": "Tiến độ phải từ 0 đến 100%%.",
                                                  "invalid": "Nhập tiến độ bằng số từ 0 đến 100, ví dụ 94,79."})
    status = forms.ChoiceField(label="Trạng thái", choices=TaskStatus.choices)
    due_date = date_field("Thời hạn")
    result_text = forms.CharField(label="Kết quả thực hiện", required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, data=None, *, task):
        initial = {name: getattr(task, name) for name in reporting.TASK_FIELDS} | {"version": task.version}
        super().__init__(data, initial=initial)
        self.task = task
        self.style()
        self.fields["progress"].widget.attrs.update({"inputmode": "decimal"})

    def clean_due_date(self):
        day = self.cleaned_data.get("due_date")
        error = reporting.due_date_error(self.task.plan, day)
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


class TaskDraftForm(StyledMixin, forms.Form):
    """Every field of one task of a draft plan: TaskDraftForm(data, *, plan, instance=None). Lead and
    cooperating departments come from the plan's own unit (active ones, plus those the task keeps)."""

    stt = forms.CharField(label="STT", max_length=20, required=False)
    title = forms.CharField(label="Nhiệm vụ", widget=forms.Textarea(attrs={"rows": 2}))
    description = forms.CharField(label="Mô tả", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    lead = forms.ModelChoiceField(label="Bộ phận chủ trì", queryset=None, required=False,
                                  empty_label="(chưa chọn)",
                                  error_messages={"invalid_choice": "Chọn bộ phận trong danh sách của đơn vị."})
    cooperating = forms.ModelMultipleChoiceField(
        label="Bộ phận phối hợp", queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Chọn bộ phận trong danh sách của đơn vị."})
    due_date = date_field("Thời hạn (ngày)")
    due_text = forms.CharField(label="Thời hạn như văn bản ghi", max_length=200, required=False,
                               help_text="Ví dụ: “Quý II/2025”, “Thường xuyên”.")
    result_text = forms.CharField(label="Kết quả cần đạt", required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    sector = forms.ModelChoiceField(label="Lĩnh vực", queryset=Sector.objects.order_by("order", "name"),
                                    required=False, empty_label="(không)")
    group = forms.CharField(label="Nhóm", max_length=300, required=False,
                            help_text=Task._meta.get_field("group").help_text)

    def __init__(self, data=None, *, plan, instance=None):
        initial = None
        if instance is not None:
            initial = {name: getattr(instance, name) for name in services.TASK_DRAFT_FIELDS}
            initial["cooperating"] = list(instance.cooperating.all())
        super().__init__(data, initial=initial)
        self.plan = plan
        kept = [d.pk for d in (initial or {}).get("cooperating", [])]
        if instance is not None and instance.lead_id:
            kept.append(instance.lead_id)
        departments = Department.objects.filter(unit=plan.unit).filter(
            Q(active=True) | Q(pk__in=kept)).order_by("order", "name")
        self.fields["lead"].queryset = departments
        self.fields["cooperating"].queryset = departments
        self.style()
        self.fields["cooperating"].widget.attrs["class"] = "form-check-input"
        self.fields["title"].error_messages["required"] = "Nhập tên nhiệm vụ."

    def clean_due_date(self):
        day = self.cleaned_data.get("due_date")
        error = reporting.due_date_error(self.plan, day)
        if error:
            raise ValidationError(error)
        return day
