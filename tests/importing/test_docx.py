"""The Word reader on the five seed plans (rebuilt as .docx from their text) and five more layouts."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command

from plans.importing.docx import read_docx
from plans.importing.safety import UploadRefused, check_archive
from plans.interchange import validate
from plans.models import Plan
from units.models import Unit, UnitKind

from .builders import SEED_FIXTURES, seed_docx
from .layouts import LAYOUTS
from .measure import FIXTURES, layout_docx, layout_score
from .scoring import score, share


@pytest.mark.parametrize("name", sorted(SEED_FIXTURES))
def test_seed_plans_read_like_their_fixtures(name):
    fixture = json.loads((FIXTURES / f"{SEED_FIXTURES[name]}.json").read_text())
    result = score(read_docx(seed_docx(name)).doc, fixture)
    assert result["sections"][0] == result["sections"][1]
    assert share([result["indicators"]]) >= 0.8
    assert share([result["targets"]]) >= 0.5
    assert share([result["header"]]) >= 0.9


def test_seed_shares_overall():
    results = [score(read_docx(seed_docx(n)).doc, json.loads((FIXTURES / f"{f}.json").read_text()))
               for n, f in SEED_FIXTURES.items()]
    assert share([r["indicators"] for r in results]) >= 0.9
    assert share([r["targets"] for r in results]) >= 0.7
    assert share([r["header"] for r in results]) >= 0.95


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout[0] for layout in LAYOUTS])
def test_other_layouts(layout):
    name, text, unit, header, expected = layout
    reading = read_docx(layout_docx(name, text))
    result = layout_score(reading.doc, unit, header, expected)
    assert result["indicators"][0] == result["indicators"][1]
    assert result["targets"][0] == result["targets"][1]
    assert result["header"][0] == result["header"][1]


def test_reader_marks_what_it_is_unsure_of():
    reading = read_docx(seed_docx("002_680e36f5c05cb2c2.txt"))
    paths = [path for path, _ in reading.unsure]
    assert "sectors[0].indicators[8]" in paths  # "(9). ... dưới 0,95%. ... dưới 11%." split in two
    assert reading.previous["plan"]["year"] == 2023  # Biểu số 02, results of 2023 with evaluations
    rows = reading.previous["sectors"][0]["indicators"]
    assert len(rows) == 15 and rows[0]["results"][0]["evaluation"] == "Đạt chỉ tiêu KH"


def test_baseline_in_parentheses_is_not_the_target():
    reading = read_docx(layout_docx("numbered-prose", LAYOUTS[1][1]))
    first = reading.doc["sectors"][0]["indicators"][0]
    assert (first["target"], first["baseline"]) == ("đạt 93%", "88%")


def test_tasks_with_lead_cooperating_and_due_date():
    reading = read_docx(layout_docx("merged-2025", LAYOUTS[4][1]))
    task = reading.doc["tasks"][0]
    assert task["lead"] == "Văn hóa - Xã hội"
    assert task["cooperating"] == ["Mặt trận Tổ quốc", "Hội Nông dân"]
    assert task["due_date"] == "2026-11-15"


# --- safety ------------------------------------------------------------------------------------

def _zip(members, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_zip_bomb_is_refused_before_parsing():
    bomb = _zip({"[Content_Types].xml": "<x/>", "word/document.xml": b"\0" * (80 * 1024 * 1024)})
    assert len(bomb) < 200_000
    with pytest.raises(UploadRefused, match="bom nén"):
        check_archive(bomb, "docx")


def test_old_doc_gets_told_to_save_as_docx():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with pytest.raises(UploadRefused, match=r"\.docx"):
        read_docx(ole)
    with pytest.raises(UploadRefused, match=r"\.docx"):
        read_docx(b"%PDF-1.7 not a word file")


def test_xlsx_is_not_a_docx():
    with pytest.raises(UploadRefused, match="Excel"):
        check_archive(_zip({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>"}), "docx")


def test_macros_are_dropped_and_the_plan_still_read():
    clean = seed_docx("004_a1adeea7a8a2c2a3.txt")
    src = zipfile.ZipFile(io.BytesIO(clean))
    members = {n: src.read(n) for n in src.namelist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml").replace(
        b"</Types>", b'<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                     b"</Types>")
    members["word/vbaProject.bin"] = b"Attribute VB_Name = \"AutoOpen\"" * 10
    reading = read_docx(_zip(members))
    assert reading.doc["plan"]["number"] == "63"


# --- the command -------------------------------------------------------------------------------

@pytest.mark.django_db
def test_dry_run_prints_the_plan_and_warns_about_the_unit(tmp_path, capsys):
    path = tmp_path / "lai-hung.docx"
    path.write_bytes(seed_docx("004_a1adeea7a8a2c2a3.txt"))
    call_command("import_plan", str(path), "--dry-run")
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert doc["plan"]["number"] == "63" and doc["unit"]["name"] == "Xã Lai Hưng"
    assert "Xã Lai Hưng" in err and "không có đơn vị này" in err
    assert validate(doc) == []
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_import_docx_writes_the_plan_into_the_tree(tmp_path, capsys):
    province = Unit.objects.create(name="Tỉnh Bắc Giang", kind=UnitKind.PROVINCE)
    city = Unit.objects.create(name="Thành phố Bắc Giang", kind=UnitKind.PROVINCIAL_CITY, parent=province)
    ward = Unit.objects.create(name="Phường Thọ Xương", kind=UnitKind.WARD, parent=city)
    path = tmp_path / "tho-xuong.docx"
    path.write_bytes(seed_docx("002_680e36f5c05cb2c2.txt"))
    call_command("import_plan", str(path))
    plan = Plan.objects.get(unit=ward, year=2024)
    assert plan.indicators.count() >= 20 and plan.title == "Phát triển kinh tế - xã hội năm 2024"
    assert plan.tasks.get(lead__isnull=False).lead.name == "Văn phòng HĐND-UBND phường"
    assert plan.tasks.filter(group="Về phát triển kinh tế", stt="2.1").count() == 3
    previous = Plan.objects.get(unit=ward, year=2023)
    assert previous.indicators.filter(results__evaluation_text="Đạt chỉ tiêu KH").count() >= 5


@pytest.mark.django_db
def test_pdf_of_an_imported_plan_reads_like_the_original(tmp_path):
    from pypdf import PdfReader

    province = Unit.objects.create(name="Tỉnh Bình Dương", kind=UnitKind.PROVINCE)
    district = Unit.objects.create(name="Huyện Bàu Bàng", kind=UnitKind.DISTRICT, parent=province)
    Unit.objects.create(name="Xã Lai Hưng", kind=UnitKind.COMMUNE, parent=district)
    source = tmp_path / "lai-hung.docx"
    source.write_bytes(seed_docx("004_a1adeea7a8a2c2a3.txt"))
    call_command("import_plan", str(source))
    output = tmp_path / "kh.pdf"
    call_command("render_plan", "--unit", "Xã Lai Hưng", "--year", "2024", "--doc", "plan", "--format", "pdf",
                 "-o", str(output))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(output).pages)
    for expected in ("63/KH-UBND", "Lai Hưng, ngày 01 tháng 12 năm 2023",
                     "Phát triển kinh tế, xã hội, quốc phòng, an ninh năm 2024", "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU",
                     "Tỷ lệ người tham gia Bảo hiểm y tế đạt từ 93,45%", "Banh Quốc Trung", "UBMTTQVN, các đoàn thể;"):
        assert expected in text, expected


@pytest.mark.django_db
def test_unit_matched_across_spellings_and_the_2025_reorganisation():
    from datetime import date

    from plans.importing.pipeline import extract_docx

    province = Unit.objects.create(name="Tỉnh Đồng Tháp", kind=UnitKind.PROVINCE)
    old_city = Unit.objects.create(name="Thành phố Cao Lãnh", kind=UnitKind.PROVINCIAL_CITY, parent=province,
                                   valid_to=date(2025, 6, 30))
    old = Unit.objects.create(name="Phường Mỹ Phú", kind=UnitKind.WARD, parent=old_city, valid_to=date(2025, 6, 30))
    new = Unit.objects.create(name="Phường Mỹ Trà", kind=UnitKind.WARD, parent=province, valid_from=date(2025, 7, 1))
    new.predecessors.add(old)
    merged = extract_docx(layout_docx("merged-2025", LAYOUTS[4][1]))
    assert merged.unit_id == new.pk and merged.doc["unit"]["ancestors"][0]["name"] == "Tỉnh Đồng Tháp"
    district = Unit.objects.create(name="Huyện Châu Thành", kind=UnitKind.DISTRICT, parent=province)
    hoa_an = Unit.objects.create(name="Xã Hòa An", kind=UnitKind.COMMUNE, parent=district)  # "Hòa", the text "Hoà"
    assert extract_docx(layout_docx("appendix-only", LAYOUTS[0][1])).unit_id == hoa_an.pk


@pytest.mark.django_db
def test_same_ward_name_in_two_cities_told_apart_by_the_text():
    from plans.importing.pipeline import extract_docx

    province = Unit.objects.create(name="Tỉnh Tây Ninh", kind=UnitKind.PROVINCE)
    tay_ninh = Unit.objects.create(name="Thành phố Tây Ninh", kind=UnitKind.PROVINCIAL_CITY, parent=province)
    other = Unit.objects.create(name="Thị xã Hòa Thành", kind=UnitKind.TOWN, parent=province)
    ward = Unit.objects.create(name="Phường 2", kind=UnitKind.WARD, parent=tay_ninh)
    Unit.objects.create(name="Phường 2", kind=UnitKind.WARD, parent=other)
    assert extract_docx(seed_docx("001_616d0573625243ea.txt")).unit_id == ward.pk


def test_header_and_signature_in_layout_tables():
    import docx as python_docx

    from .builders import add_text

    document = python_docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "UBND HUYỆN CHÂU THÀNH\nUỶ BAN NHÂN DÂN XÃ HOÀ AN\nSố: 27/KH-UBND"
    header.cell(0, 1).text = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHoà An, ngày 15 tháng 12 năm 2024"
    body = LAYOUTS[0][1].split("KẾ HOẠCH\n", 1)[1].split("Nơi nhận:")[0]
    add_text(document, "KẾ HOẠCH\n" + body)
    closing = document.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- UBND huyện;\n- Lưu: VT."
    closing.cell(0, 1).text = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nTrần Thị Bích"
    add_text(document, "PHỤ LỤC\n" + LAYOUTS[0][1].split("PHỤ LỤC\n", 1)[1])
    out = io.BytesIO()
    document.save(out)
    plan = read_docx(out.getvalue()).doc["plan"]
    assert (plan["authority_parent"], plan["authority"], plan["number"]) == (
        "UBND HUYỆN CHÂU THÀNH", "UỶ BAN NHÂN DÂN XÃ HOÀ AN", "27")
    assert (plan["place"], plan["issued_on"], plan["title"]) == ("Hoà An", "2024-12-15",
                                                                 "Phát triển kinh tế - xã hội năm 2025")
    assert plan["signer"] == {"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Trần Thị Bích"}
    assert plan["recipients"] == ["UBND huyện;", "Lưu: VT."]


@pytest.mark.django_db
def test_import_of_an_unknown_unit_is_refused_naming_what_was_read(tmp_path):
    from django.core.management import CommandError

    path = tmp_path / "lai-hung.docx"
    path.write_bytes(seed_docx("004_a1adeea7a8a2c2a3.txt"))
    with pytest.raises(CommandError, match="“Xã Lai Hưng”.*không có đơn vị này"):
        call_command("import_plan", str(path))
    assert not Plan.objects.exists()
    old = tmp_path / "doi-ten-tu-doc.docx"  # an old .doc renamed: refused by its content
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(CommandError, match="Word Document"):
        call_command("import_plan", str(old))
