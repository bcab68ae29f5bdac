"""Forms for indicators. PlanIndicatorForm(data, *, plan, instance=None) narrows the sector,
parent and department choices to its plan; the target is free text, read by the phrase parser."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.forms import StyledMixin, _subtree_ids, strict_decimal

from .models import PlanIndicator, PlanSector, Sector

RATE_UNITS = ("%", "‰")


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
            parents = parents.exclude(pk__in=_subtree_ids(PlanIndicator.objects.filter(plan=plan), instance.pk))
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
    from reports.vnformat import format_number

    return format_number(value, group=True) if value is not None else ""
