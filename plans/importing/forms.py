"""Upload forms: a Word plan (for a unit the person may edit) and a filled Excel template."""

from django import forms

from units.models import COMMUNE_LEVEL
from units.scoping import visible_units

from .safety import MAX_UPLOAD


class _FileForm(forms.Form):
    suffix = ".docx"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(f"Tệp lớn quá {MAX_UPLOAD // (1024 * 1024)} MB.")
        if not upload.name.lower().endswith(self.suffix):
            other = ".doc" if self.suffix == ".docx" else ".xls"
            hint = (f"Tệp {other} (bản cũ) cần được mở bằng Office và lưu thành {self.suffix}."
                    if upload.name.lower().endswith(other) else f"Chỉ nhận tệp {self.suffix}.")
            raise forms.ValidationError(hint)
        return upload


class PlanUploadForm(_FileForm):
    file = forms.FileField(label="Văn bản kế hoạch (Word .docx)",
                           error_messages={"required": "Chọn tệp Word (.docx) của kế hoạch."})
    unit = forms.ModelChoiceField(label="Đơn vị (khi văn bản không ghi rõ)", queryset=None, required=False,
                                  empty_label="(đọc từ văn bản)")

    def __init__(self, data=None, files=None, *, user):
        super().__init__(data, files)
        self.fields["unit"].queryset = visible_units(user, write=True).filter(kind__in=COMMUNE_LEVEL).order_by("name")
        self.fields["unit"].error_messages["invalid_choice"] = "Chọn một đơn vị bạn được phép soạn kế hoạch."
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select" if isinstance(field, forms.ModelChoiceField) else "form-control"


class SheetUploadForm(_FileForm):
    suffix = ".xlsx"
    file = forms.FileField(label="Bảng tính đã điền (.xlsx)", error_messages={"required": "Chọn tệp Excel (.xlsx)."})

    def __init__(self, data=None, files=None):
        super().__init__(data, files)
        self.fields["file"].widget.attrs["class"] = "form-control"
