"""Upload of a 40-page plan, timed through the view (read, match the unit, keep for review).

A 40-page A4 plan in 13-14 pt Times New Roman holds about 450 words a page: the document built here
has over 18,000 words (four seed plans' text, each section repeated, and a 300-row appendix table).
"""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import factories as f
from units.models import RoleKind

from .builders import SEEDS, docx_bytes


def forty_pages():
    body = (SEEDS / "003_5fa00919075cc4e5.txt").read_text(encoding="utf-8")
    head, _, rest = body.partition("Phần thứ nhất")
    evaluation, _, plan = rest.partition("VII. KẾ HOẠCH")
    text = ("UBND THỊ XÃ TỊNH BIÊN\nUBND PHƯỜNG NHƠN HƯNG\nSố: 12/KH-UBND\n\n" + head + "Phần thứ nhất"
            + evaluation * 4 + "VII. KẾ HOẠCH" + plan)
    rows = "\n".join(f"| {i} | Chỉ tiêu số {i} về an sinh xã hội của phường | % | {80 + i % 10}% | "
                     f"{85 + i % 10}% trở lên | |" for i in range(1, 301))
    appendix = ("\n\nPHỤ LỤC\nCHỈ TIÊU NĂM 2024\n\n| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm trước | Kế hoạch | "
                "Ghi chú |\n|---|---|---|---|---|---|\n" + rows)
    return text + appendix


@pytest.mark.django_db
def test_forty_page_plan_upload_time(client, capsys):
    province = f.UnitFactory(name="Tỉnh An Giang", kind="province")
    town = f.UnitFactory(name="Thị xã Tịnh Biên", kind="town", parent=province)
    ward = f.UnitFactory(name="Phường Nhơn Hưng", kind="ward", parent=town)
    user = f.UserFactory(username="canbo.nhonhung")
    f.RoleFactory(user=user, unit=ward, role=RoleKind.EDITOR)
    client.force_login(user)
    text = forty_pages()
    assert len(text.split()) > 18000
    data = docx_bytes(text)
    start, cpu = time.perf_counter(), time.process_time()
    response = client.post(reverse("plans:plan_import"), {"file": SimpleUploadedFile("40-trang.docx", data)})
    upload, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert response.status_code == 302
    start = time.perf_counter()
    page = client.get(reverse("plans:plan_import_review"))
    review = time.perf_counter() - start
    assert page.status_code == 200 and page.content.decode().count('name="target-') >= 300
    with capsys.disabled():
        print(f"\n40-page plan ({len(text.split())} words, {len(data) // 1024} KB): upload {upload:.2f} s ({cpu:.2f} s of CPU), "
              f"review page {review:.2f} s")
    assert upload < 30
