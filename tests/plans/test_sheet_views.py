"""The Excel template round trip: download, fill, upload, preview, confirm; bad cells named."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from indicators.models import PlanIndicator, PlanSector, Result, Sector


def _book(response):
    return load_workbook(io.BytesIO(response.content))


def _bytes(book):
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _plan_with_indicators(plan):
    sector = Sector.objects.get(code="kinh-te")
    ps = PlanSector.objects.create(plan=plan, sector=sector, name="KINH TẾ", order=0)
    a = PlanIndicator.objects.create(plan=plan, plan_sector=ps, order=0, stt="1", name="Thu ngân sách",
                                     unit_of_measure="đồng", target_text="1.000.000.000 đồng")
    b = PlanIndicator.objects.create(plan=plan, plan_sector=ps, order=1, stt="2", name="Hộ nghèo giảm",
                                     unit_of_measure="hộ", target_text="Giảm 02 hộ")
    return a, b


@pytest.mark.django_db
def test_round_trip_changes_exactly_what_was_changed(client, editor_a, plan_a):
    a, b = _plan_with_indicators(plan_a)
    client.force_login(editor_a)
    book = _book(client.get(reverse("plans:sheet_template", args=[plan_a.pk])))
    sheet = book["Chỉ tiêu"]
    assert [sheet.cell(row=r, column=5).value for r in (2, 3)] == ["Thu ngân sách", "Hộ nghèo giảm"]
    sheet.cell(row=2, column=8).value = "1.200.000.000 đồng"       # target changed
    sheet.cell(row=2, column=10).value = "150.000.000"             # result of January
    sheet.delete_rows(3)                                            # "Hộ nghèo giảm" removed
    for c, v in enumerate(["", "", "KINH TẾ", "3", "Thu phí, lệ phí", "đồng", "", "80.000.000 đồng"], start=1):
        sheet.cell(row=3, column=c).value = v                       # added
    upload = SimpleUploadedFile("mau.xlsx", _bytes(book))
    page = client.post(reverse("plans:sheet_upload", args=[plan_a.pk]), {"file": upload}).content.decode()
    assert "1.000.000.000 đồng → 1.200.000.000 đồng" in page and "Xoá: Hộ nghèo giảm" in page
    assert PlanIndicator.objects.filter(plan=plan_a).count() == 2  # preview writes nothing
    client.post(reverse("plans:sheet_confirm", args=[plan_a.pk]))
    got = {(i.name, i.target_text) for i in PlanIndicator.objects.filter(plan=plan_a)}
    assert got == {("Thu ngân sách", "1.200.000.000 đồng"), ("Thu phí, lệ phí", "80.000.000 đồng")}
    assert Result.objects.get(indicator=a, period="m1").value == 150000000


@pytest.mark.django_db
def test_template_never_writes_a_formula(client, editor_a, plan_a):
    a, _ = _plan_with_indicators(plan_a)
    PlanIndicator.objects.filter(pk=a.pk).update(note="=HYPERLINK(\"http://x\")")
    client.force_login(editor_a)
    sheet = _book(client.get(reverse("plans:sheet_template", args=[plan_a.pk]))).active
    assert sheet.cell(row=2, column=9).data_type == "s"


@pytest.mark.django_db
def test_bad_cells_are_named_and_nothing_is_written(client, editor_a, plan_a):
    _plan_with_indicators(plan_a)
    client.force_login(editor_a)
    book = _book(client.get(reverse("plans:sheet_template", args=[plan_a.pk])))
    sheet = book.active
    sheet.cell(row=2, column=1).value = "99999"
    sheet.cell(row=3, column=3).value = "Thể thao"
    upload = SimpleUploadedFile("mau.xlsx", _bytes(book))
    page = client.post(reverse("plans:sheet_upload", args=[plan_a.pk]), {"file": upload}).content.decode()
    assert "Trang “Chỉ tiêu”, dòng 2, cột A (Mã (không sửa))" in page
    assert "dòng 3, cột C (Lĩnh vực): không có lĩnh vực “Thể thao”" in page
    assert "sheet-preview" not in page


@pytest.mark.django_db
def test_district_table_of_targets_updates_by_name(client, editor_a, plan_a):
    _plan_with_indicators(plan_a)
    client.force_login(editor_a)
    book = Workbook()
    sheet = book.active
    for row in (["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025"], ["1", "Thu ngân sách", "đồng", "2 tỷ đồng"],
                ["2", "Giải quyết việc làm", "lao động", "150 lao động"]):
        sheet.append(row)
    client.post(reverse("plans:sheet_upload", args=[plan_a.pk]), {"file": SimpleUploadedFile("giao.xlsx", _bytes(book))})
    client.post(reverse("plans:sheet_confirm", args=[plan_a.pk]))
    got = {(i.name, i.target_text) for i in PlanIndicator.objects.filter(plan=plan_a)}
    assert got == {("Thu ngân sách", "2 tỷ đồng"), ("Hộ nghèo giảm", "Giảm 02 hộ"), ("Giải quyết việc làm", "150 lao động")}


@pytest.mark.django_db
def test_other_ward_gets_404_and_old_xls_a_message(client, editor_a, plan_b, plan_a):
    client.force_login(editor_a)
    assert client.get(reverse("plans:sheet_template", args=[plan_b.pk])).status_code == 404
    upload = SimpleUploadedFile("cu.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    page = client.post(reverse("plans:sheet_upload", args=[plan_a.pk]), {"file": upload}).content.decode()
    assert "lưu thành .xlsx" in page
    assert client.get(reverse("plans:blank_template")).status_code == 200


@pytest.mark.django_db
def test_issued_plan_takes_results_but_not_indicator_changes(client, editor_a, plan_a):
    a, _ = _plan_with_indicators(plan_a)
    plan_a.status = "issued"
    plan_a.save(update_fields=["status"])
    client.force_login(editor_a)
    book = _book(client.get(reverse("plans:sheet_template", args=[plan_a.pk])))
    sheet = book.active
    sheet.cell(row=2, column=10 + 2).value = "45%"  # "Kết quả Tháng 3": not a number, kept as text
    sheet.cell(row=2, column=10 + 18).value = "1.100.000.000"  # "Kết quả Năm"
    client.post(reverse("plans:sheet_upload", args=[plan_a.pk]), {"file": SimpleUploadedFile("a.xlsx", _bytes(book))})
    client.post(reverse("plans:sheet_confirm", args=[plan_a.pk]))
    assert Result.objects.get(indicator=a, period="y").value == 1100000000
    assert Result.objects.get(indicator=a, period="m3").text == "45%"
    sheet.cell(row=3, column=8).value = "Giảm 03 hộ"
    page = client.post(reverse("plans:sheet_upload", args=[plan_a.pk]),
                       {"file": SimpleUploadedFile("a.xlsx", _bytes(book))}).content.decode()
    assert "Kế hoạch đã ban hành" in page
