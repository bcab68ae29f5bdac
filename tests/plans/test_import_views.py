"""Upload a Word plan, review what was read, correct it, confirm: nothing written before, all after."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.models import Plan
from tests.importing.builders import docx_bytes

PLAN_A = """UBND THÀNH PHỐ D
UBND PHƯỜNG A
Số:    /KH-UBND

Phường A, ngày    tháng 12 năm 2024

KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2025

Căn cứ Nghị quyết của HĐND phường A;

I. CÁC CHỈ TIÊU CHỦ YẾU

1. Chỉ tiêu kinh tế

- Thu ngân sách đạt 1.000.000.000 đồng.
- Chi ngân sách đúng dự toán

2. Chỉ tiêu xã hội

- Tỷ lệ tham gia bảo hiểm y tế đạt 95%.
- Tỷ lệ hộ nghèo dưới 1%.

II. TỔ CHỨC THỰC HIỆN

Giao Văn phòng - Thống kê theo dõi, báo cáo trước ngày 10/12/2025.

Nơi nhận:
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def _upload(client, text=PLAN_A, name="ke-hoach.docx", **extra):
    data = docx_bytes(text) if isinstance(text, str) else text
    return client.post(reverse("plans:plan_import"), {"file": SimpleUploadedFile(name, data), **extra})


@pytest.mark.django_db
def test_upload_review_correct_and_confirm(client, editor_a, ward_a):
    client.force_login(editor_a)
    response = _upload(client)
    assert response.status_code == 302 and response["Location"] == reverse("plans:plan_import_review")
    page = client.get(reverse("plans:plan_import_review")).content.decode()
    assert "Thu ngân sách" in page and "đạt 1.000.000.000 đồng" in page and "≥ 1.000.000.000 đồng" in page
    assert "unsure" in page  # "Chi ngân sách đúng dự toán" has no figure: marked
    assert not Plan.objects.exists()
    edits = {"name-0.0": "Thu ngân sách nhà nước", "drop-0.1": "on", "target-1.1": "dưới 0,9%",
             "sector-1.0": "0", "new-name-0": "Giải quyết việc làm", "new-target-0": "120 lao động",
             "new-sector-0": "1"}
    response = client.post(reverse("plans:plan_import_review"), {**edits, "update": "1"})
    assert response.status_code == 200 and not Plan.objects.exists()
    response = client.post(reverse("plans:plan_import_review"), {"confirm": "1", "status": "draft"})
    plan = Plan.objects.get(unit=ward_a, year=2025)
    assert response["Location"] == plan.get_absolute_url()
    got = {(i.plan_sector.name, i.name, i.target_text) for i in plan.indicators.select_related("plan_sector")}
    assert got == {("Chỉ tiêu kinh tế", "Thu ngân sách nhà nước", "đạt 1.000.000.000 đồng"),
                   ("Chỉ tiêu kinh tế", "Tỷ lệ tham gia bảo hiểm y tế", "đạt 95%"),
                   ("Chỉ tiêu xã hội", "Tỷ lệ hộ nghèo", "dưới 0,9%"),
                   ("Chỉ tiêu xã hội", "Giải quyết việc làm", "120 lao động")}
    assert plan.tasks.get().due_date.isoformat() == "2025-12-10"
    assert plan.status == "draft"
    assert client.get(reverse("plans:plan_import_review")).status_code == 302  # nothing pending any more


@pytest.mark.django_db
def test_review_drops_a_task_and_ignores_unknown_rows(client, editor_a, ward_a):
    client.force_login(editor_a)
    _upload(client)
    client.post(reverse("plans:plan_import_review"), {"drop-task-0": "on", "name-9.9": "bịa", "drop-7.1": "on",
                                                      "sector-0.0": "42", "confirm": "1"})
    plan = Plan.objects.get(unit=ward_a, year=2025)
    assert plan.tasks.count() == 0 and plan.indicators.count() == 4


@pytest.mark.django_db
def test_unit_of_another_ward_is_refused(client, editor_a, ward_b):
    client.force_login(editor_a)
    response = _upload(client, PLAN_A.replace("PHƯỜNG A", "PHƯỜNG B").replace("phường A", "phường B"))
    assert response.status_code == 200
    assert "không được soạn kế hoạch của Phường B" in response.content.decode()
    assert "plan_import" not in client.session


@pytest.mark.django_db
def test_old_doc_and_unknown_unit_get_vietnamese_messages(client, editor_a, ward_a):
    client.force_login(editor_a)
    page = _upload(client, name="ke-hoach.doc").content.decode()
    assert "lưu thành .docx" in page
    page = _upload(client, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100).content.decode()
    assert "Lưu thành" in page and ".docx" in page
    page = _upload(client, PLAN_A.replace("PHƯỜNG A", "PHƯỜNG Z").replace("phường A", "phường Z")).content.decode()
    assert "Phường Z" in page and "không có đơn vị này" in page


@pytest.mark.django_db
def test_viewer_cannot_import(client, viewer_a):
    client.force_login(viewer_a)
    assert client.get(reverse("plans:plan_import")).status_code == 403
