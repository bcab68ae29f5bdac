"""Issue 12, documents: XLSX numbers, the period report as an ND30 Báo cáo, chosen appendices,
no empty document, symbols kept on one line."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook

from plans.forms import PlanMetaForm
from plans.models import Task
from plans.services import EDITABLE_FIELDS
from reports.documents import exporters, sheets
from reports.documents.registry import get_exporter
from reports.templatetags.kehoach import document_menu

from .conftest import make_user


def _rows(content, title):
    sheet = load_workbook(BytesIO(content))[title]
    return [row for row in sheet.iter_rows()]


def _header_index(rows, first):
    return next(i for i, row in enumerate(rows) if row[0].value == first)


def test_bieu02_xlsx_targets_and_percents_are_numbers_and_every_row_has_stt(plan):
    _, _, content = get_exporter("bieu02", "xlsx").render(plan, period="y")
    rows = _rows(content, "Biểu 02")
    head = _header_index(rows, "STT")
    titles = [c.value for c in rows[head]]
    target_col, result_col = titles.index("Kế hoạch (số)"), titles.index("Kết quả")
    body = rows[head + 1:]
    items = [r for r in body if r[1].value and r[0].value not in ("I", "II")]
    assert all(r[0].value for r in items), [r[1].value for r in items if not r[0].value]
    trained = next(r for r in items if r[1].value == "Tỷ lệ lao động qua đào tạo")
    assert trained[0].value == "3.1"
    assert trained[target_col].data_type == "n" and trained[target_col].value == pytest.approx(0.88)
    assert trained[target_col].number_format == "0.00%"
    budget = next(r for r in items if r[1].value == "Thu ngân sách")
    assert budget[target_col].value == 9949000000 and "đồng" in budget[target_col].number_format
    assert budget[result_col].data_type == "n"


def test_percent_result_is_a_percent_cell(plan):
    indicator = plan.indicators.get(name="Tỷ lệ lao động qua đào tạo")
    indicator.results.all().delete()
    indicator.results.create(period="y", value=Decimal("88"))
    _, _, content = get_exporter("bieu02", "xlsx").render(plan, period="y")
    rows = _rows(content, "Biểu 02")
    titles = [c.value for c in rows[_header_index(rows, "STT")]]
    row = next(r for r in rows if r[1].value == "Tỷ lệ lao động qua đào tạo")
    cell = row[titles.index("Kết quả")]
    assert cell.data_type == "n" and cell.value == pytest.approx(0.88) and cell.number_format == "0.00%"


def test_bieu01_progress_keeps_its_decimals(plan):
    Task.objects.filter(plan=plan).update(progress=Decimal("94.79"))
    _, _, content = get_exporter("bieu01", "xlsx").render(plan, period="y")
    rows = _rows(content, "Biểu 01")
    titles = [c.value for c in rows[_header_index(rows, "STT")]]
    cells = [r[titles.index("Tiến độ (%)")] for r in rows if r[titles.index("Tiến độ (%)")].value is not None]
    assert cells and all(c.value == pytest.approx(94.79) for c in cells[1:])
    assert all(c.number_format == "#,##0.00" for c in cells[1:])


def test_period_report_has_recipients_signature_and_its_biểu_refers_to_the_report(plan):
    plan.signer_name, plan.signer_authority, plan.signer_title = "", "", ""
    plan.save()
    (template, context, _), (_, table_context, _) = exporters.report_pdf(plan, "y")
    html = render_to_string(template, context)
    assert "Nơi nhận:" in html and "UBND TPCL;" in html
    assert "TM. ỦY BAN NHÂN DÂN" in html and "CHỦ TỊCH" in html and 'class="sign-space"' in html
    assert table_context["ref_line"].startswith("(Kèm theo Báo cáo số")
    assert "Kế hoạch" not in table_context["ref_line"]


def test_appendix_ref_line_keeps_the_plan_subject(plan):
    assert sheets.AppendixTable(plan).ref_line.endswith(
        "của UBND phường Mỹ Phú về thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024)")


def test_plan_attaches_exactly_the_chosen_appendices(plan):
    plan.appendices = ["bieu01", "bieu02"]
    plan.save()
    assert [title for title, _ in exporters.attached_tables(plan)] == ["Biểu 01", "Biểu 02"]
    plan.appendices = []
    plan.save()
    assert len(exporters.plan_pdf(plan, "y")) == 1


def test_empty_document_is_not_offered_nor_rendered(client, plan, tmp_path):
    Task.objects.filter(plan=plan).delete()
    menu = document_menu(plan, "y")
    bieu01 = [item for item in menu["items"] if item["text"].startswith("Biểu 01")]
    assert bieu01 and all("nhiệm vụ" in item["empty"] for item in bieu01)
    html = render_to_string("documents/_download_menu.html", menu)
    assert 'aria-disabled="true" tabindex="0" title="Kế hoạch chưa có nhiệm vụ nào' in html
    assert "không có nội dung" in html

    client.force_login(make_user("editor_a", plan.unit))
    response = client.get(reverse("documents:download", args=[plan.pk, "bieu01", "pdf"]) + "?period=y")
    assert response.status_code == 404 and "chưa có nhiệm vụ" in response.content.decode()

    with pytest.raises(CommandError) as error:
        call_command("render_plan", "--unit", plan.unit.code, "--year", "2024", "--doc", "bieu01",
                     "-o", str(tmp_path / "x.pdf"))
    assert error.value.returncode == 1 and "Biểu số 01" in str(error.value)


def test_document_symbols_never_break_inside(plan):
    html = render_to_string(*exporters.plan_pdf(plan, "y")[0][:2])
    assert '<span class="nobr">07/2020/NQ-HĐND</span>' in html
    assert '<span class="nobr">01-CTr/ĐU</span>' in html


def test_pdf_prints_the_target_as_written_without_the_spreadsheet_figure_column(plan):
    grid = sheets.pdf_context(sheets.Bieu02Table(plan))
    assert "Kế hoạch (số)" not in [c["title"] for c in grid["columns"]]
    assert all(len(row["cells"]) == len(grid["columns"]) for row in grid["rows"])


def test_plan_form_edits_the_appendices(plan):
    assert {"appendices", "appendix_year", "appendix_title"} <= set(EDITABLE_FIELDS)
    data = {name: getattr(plan, name) for name in EDITABLE_FIELDS}
    data.update(legal_bases="\n".join(plan.legal_bases), recipients="\n".join(plan.recipients), issued_on="29/11/2023",
                appendices=["bieu01", "bieu02"], appendix_year="2023", appendix_title="Chỉ tiêu năm 2024")
    form = PlanMetaForm(data, plan=plan)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["appendices"] == ["bieu01", "bieu02"] and form.cleaned_data["appendix_year"] == 2023
    assert not PlanMetaForm({**data, "appendices": ["khac"]}, plan=plan).is_valid()
