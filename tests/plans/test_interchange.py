"""The kehoach.plan/1 format: validation, import, export and the round trip."""

import copy
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from indicators.models import PlanIndicator, PlanSector, Result
from plans.interchange import (
    PlanExistsError,
    PlanImportError,
    export_plan,
    import_plan,
    load_plan_file,
    normalise,
    validate,
)
from plans.models import Plan, Section, Task
from units.models import Department, Unit

FIXTURES = sorted((Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))


def sample():
    """A rich plan: ancestors, sub-units, departments, a section tree, sub-indicators, results, tasks."""
    return {
        "format": "kehoach.plan/1",
        "unit": {
            "code": "99001", "name": "Phường Thử Nghiệm", "kind": "ward", "valid_to": "2025-06-30",
            "ancestors": [{"code": "99", "name": "Tỉnh Thử Nghiệm", "kind": "province"},
                          {"code": None, "name": "Thành phố Thử", "kind": "provincial_city"}],
            "children": [{"code": None, "name": "Khóm 1", "kind": "khom"},
                         {"code": None, "name": "Khóm 2", "kind": "khom"}],
            "departments": [{"name": "Văn phòng - Thống kê", "short_name": "VP-TK"},
                            {"name": "Tài chính - Kế toán", "short_name": ""},
                            {"name": "Công an phường", "short_name": "CA"}],
        },
        "plan": {
            "year": 2024, "revision": 0, "status": "issued", "authority_parent": "UBND THÀNH PHỐ THỬ",
            "authority": "", "number": "843", "symbol": "KH-UBND", "place": "Thử Nghiệm",
            "issued_on": "2023-11-29", "date_text": "", "doc_type": "KẾ HOẠCH",
            "title": "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024",
            "legal_bases": ["Căn cứ Luật Tổ chức chính quyền địa phương;", "Thực hiện Nghị quyết số 07;"],
            "preamble": "Ủy ban nhân dân phường xây dựng Kế hoạch như sau:",
            "recipients": ["UBND Thành phố (b/c);", "Lưu: VT."],
            "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
            "appendix_title": "CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024", "monthly_report_day": 10,
        },
        "sections": [
            {"heading": "I. MỤC TIÊU", "body": "Phấn đấu hoàn thành.\n\n- một gạch đầu dòng",
             "include_indicators": False, "children": []},
            {"heading": "II. CÁC CHỈ TIÊU CHỦ YẾU", "body": "", "include_indicators": True, "children": [
                {"heading": "1. Về kinh tế", "body": "Thu ngân sách.", "include_indicators": False, "children": [
                    {"heading": "a) Thu", "body": "", "include_indicators": False, "children": []}]},
                {"heading": "2. Về xã hội", "body": "", "include_indicators": False, "children": []}]},
        ],
        "sectors": [
            {"name": "KINH TẾ", "sector": "kinh-te", "indicators": [
                {"stt": "1", "name": "Thu ngân sách", "unit": "đồng", "target": "9949000000", "baseline": "",
                 "note": "", "department": "Tài chính - Kế toán", "catalog": "thu-ngan-sach",
                 "aggregation": "sum", "in_main_list": True, "in_appendix": True,
                 "results": [{"period": "q1", "value": "1000000", "numerator": None, "denominator": None,
                              "text": "", "estimate": False, "evaluation": "", "cause": ""},
                             {"period": "y", "value": "9949000000.5", "numerator": None, "denominator": None,
                              "text": "", "estimate": True, "evaluation": "Đạt", "cause": ""}],
                 "children": [
                     {"stt": "-", "name": "Quỹ an ninh", "unit": "đồng", "target": "130", "baseline": "120",
                      "note": "ghi chú", "department": None, "catalog": None, "aggregation": "none",
                      "in_main_list": False, "in_appendix": True, "results": [], "children": []}]},
            ]},
            {"name": "VĂN HÓA - XÃ HỘI", "sector": None, "indicators": [
                {"stt": "2", "name": "Tỷ lệ tham gia BHYT", "unit": "%", "target": "đạt và vượt chỉ tiêu",
                 "baseline": "", "note": "", "department": "Văn phòng - Thống kê", "catalog": None,
                 "aggregation": "rate", "in_main_list": True, "in_appendix": False,
                 "results": [{"period": "m3", "value": None, "numerator": "261", "denominator": "200",
                              "text": "Chưa có kết quả", "estimate": False, "evaluation": "Vượt",
                              "cause": "Do tuyên truyền tốt"}],
                 "children": []},
            ]},
        ],
        "tasks": [
            {"stt": "1", "group": "Văn phòng - Thống kê", "sector": "xay-dung-chinh-quyen",
             "title": "Cải cách hành chính", "description": "", "lead": "Văn phòng - Thống kê",
             "cooperating": ["Tài chính - Kế toán", "Công an phường"], "due_date": "2024-06-30",
             "due_text": "Quý II/2024", "progress": 100, "result": "Hoàn thành", "origin": "assigned",
             "status": "done", "note": ""},
            {"stt": "2", "group": "", "sector": None, "title": "Giữ vững an ninh", "description": "mô tả",
             "lead": None, "cooperating": [], "due_date": None, "due_text": "", "progress": None,
             "result": "", "origin": "own", "status": "not_started", "note": "x"},
        ],
    }


def _counts():
    return {model.__name__: model.objects.count()
            for model in (Unit, Department, Plan, Section, PlanSector, PlanIndicator, Result, Task)}


def _snapshot(plan):
    """What an identical plan means beyond its export: parsed targets, orders and tree shape."""
    return [(i.plan_sector.name, i.parent.stt if i.parent else None, i.order, i.stt, i.target_kind,
             i.target_value, i.target_value_max, i.target_denominator, i.target_unit, i.target_per,
             i.baseline_value) for i in plan.indicators.select_related("plan_sector", "parent").order_by("pk")]


# --- validate ----------------------------------------------------------------------------


def test_validate_sample_is_clean(db):
    assert validate(sample()) == []


def test_validate_minimal_document_gets_defaults(db):
    data = {"format": "kehoach.plan/1", "unit": {"name": "Xã A", "kind": "commune"},
            "plan": {"year": 2024, "title": "Kế hoạch"}}

    doc = normalise(data)

    assert doc["plan"]["revision"] == 0
    assert doc["plan"]["status"] == "draft"
    assert doc["plan"]["signer"]["title"] == "CHỦ TỊCH"
    assert doc["unit"]["code"] is None and doc["sections"] == [] and doc["tasks"] == []


def test_validate_wrong_format_tag_gives_one_message(db):
    data = sample() | {"format": "kehoach.plan/2"}

    assert validate(data) == ["format: phải là “kehoach.plan/1” (nhận được “kehoach.plan/2”)"]


def test_validate_not_an_object(db):
    assert validate([1, 2]) == ["(gốc): tài liệu phải là một đối tượng {...}"]


def test_validate_unknown_key_is_named(db):
    data = sample()
    data["sectors"][0]["indicators"][0]["children"][0]["colour"] = "red"

    assert validate(data) == [
        "sectors[0].indicators[0].children[0].colour: khóa không có trong định dạng kehoach.plan/1"]


def test_validate_missing_required_key(db):
    data = sample()
    del data["plan"]["year"]
    del data["tasks"][1]["title"]

    assert validate(data) == ["plan.year: bắt buộc phải có", "tasks[1].title: bắt buộc phải có"]


def test_validate_unknown_unit_kind(db):
    data = sample()
    data["unit"]["ancestors"][1]["kind"] = "huyen"

    [error] = validate(data)

    assert error.startswith("unit.ancestors[1].kind: giá trị “huyen” không hợp lệ; chọn một trong: province")


@pytest.mark.parametrize("path, value, message", [
    (("plan", "status"), "published", "plan.status: giá trị “published” không hợp lệ"),
    (("plan", "year"), "2024", "plan.year: phải là số nguyên"),
    (("plan", "number"), 843, "plan.number: phải là chuỗi ký tự"),
    (("plan", "issued_on"), "29/11/2023", "plan.issued_on: phải là ngày dạng YYYY-MM-DD"),
    (("plan", "issued_on"), "2023-02-30", "plan.issued_on: phải là ngày dạng YYYY-MM-DD"),
    (("plan", "legal_bases"), "Căn cứ", "plan.legal_bases: phải là danh sách chuỗi ký tự"),
    (("plan", "monthly_report_day"), 40, "plan.monthly_report_day: phải từ 1 đến 31"),
    (("tasks", 0, "progress"), 120, "tasks[0].progress: phải từ 0 đến 100"),
    (("tasks", 0, "origin"), "mine", "tasks[0].origin: giá trị “mine” không hợp lệ"),
    (("tasks", 0, "status"), "finished", "tasks[0].status: giá trị “finished” không hợp lệ"),
    (("tasks", 0, "due_date"), "2024-6-30", "tasks[0].due_date: phải là ngày dạng YYYY-MM-DD"),
    (("tasks", 0, "sector"), "no-such", "tasks[0].sector: không có lĩnh vực mã “no-such”"),
    (("tasks", 0, "lead"), "Phòng Kinh tế", "tasks[0].lead: bộ phận “Phòng Kinh tế” không có trong unit.departments"),
    (("sectors", 0, "sector"), "kt", "sectors[0].sector: không có lĩnh vực mã “kt”"),
    (("sectors", 0, "indicators", 0, "catalog"), "xyz", "sectors[0].indicators[0].catalog: không có chỉ tiêu danh mục mã “xyz”"),
    (("sectors", 0, "indicators", 0, "aggregation"), "avg", "sectors[0].indicators[0].aggregation: giá trị “avg”"),
    (("sectors", 0, "indicators", 0, "in_appendix"), 1, "sectors[0].indicators[0].in_appendix: phải là true hoặc false"),
    (("sectors", 0, "indicators", 0, "department"), "Phòng Y tế", "sectors[0].indicators[0].department: bộ phận “Phòng Y tế”"),
    (("sectors", 0, "indicators", 0, "results", 0, "period"), "m13", "sectors[0].indicators[0].results[0].period: giá trị “m13”"),
    (("sectors", 0, "indicators", 0, "results", 0, "value"), "1.000,5", "sectors[0].indicators[0].results[0].value: “1.000,5” không phải là số"),
    (("sectors", 0, "indicators", 0, "results", 0, "value"), True, "sectors[0].indicators[0].results[0].value: phải là số"),
    (("sectors", 0, "indicators", 0, "results", 0, "value"), "0.1234567", "sectors[0].indicators[0].results[0].value: số quá lớn"),
    (("sectors", 0, "indicators", 0, "results", 0, "value"), "999999999999999999", "sectors[0].indicators[0].results[0].value: số quá lớn"),
    (("sections", 1, "children", 0, "children"), {}, "sections[1].children[0].children: phải là danh sách"),
    (("unit", "children", 1), "Khóm 2", "unit.children[1]: phải là một đối tượng"),
])
def test_validate_bad_value_names_its_path(db, path, value, message):
    data = sample()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value

    errors = validate(data)

    assert len(errors) == 1, errors
    assert errors[0].startswith(message)


def test_validate_duplicate_result_period(db):
    data = sample()
    results = data["sectors"][0]["indicators"][0]["results"]
    results.append(dict(results[0]))

    assert validate(data) == ["sectors[0].indicators[0].results[2]: kỳ “q1” đã có ở results[0]"]


def test_validate_duplicate_department(db):
    data = sample()
    data["unit"]["departments"].append({"name": "Công an phường"})

    assert validate(data) == ["unit.departments[3].name: bộ phận “Công an phường” khai báo hai lần"]


def test_validate_reports_every_error_at_once(db):
    data = sample()
    data["unit"]["kind"] = "village"
    data["plan"]["issued_on"] = "hôm qua"
    data["tasks"][0]["progress"] = -1

    assert [e.split(":")[0] for e in validate(data)] == ["unit.kind", "plan.issued_on", "tasks[0].progress"]


def test_normalise_decimals_become_strings_without_trailing_zeros(db):
    data = sample()
    result = data["sectors"][0]["indicators"][0]["results"][0]
    result.update(value=12.50, numerator="0100.000", denominator=3)

    doc = normalise(data)

    result = doc["sectors"][0]["indicators"][0]["results"][0]
    assert (result["value"], result["numerator"], result["denominator"]) == ("12.5", "100", "3")


def test_normalise_orders_cooperating_departments_as_declared(db):
    data = sample()
    data["tasks"][0]["cooperating"] = ["Công an phường", "Văn phòng - Thống kê", "Công an phường"]

    doc = normalise(data)

    assert doc["tasks"][0]["cooperating"] == ["Văn phòng - Thống kê", "Công an phường"]


# --- import --------------------------------------------------------------------------------


def test_import_creates_the_whole_plan(db):
    plan = import_plan(sample())

    unit = plan.unit
    assert [a.name for a in unit.ancestors()] == ["Tỉnh Thử Nghiệm", "Thành phố Thử"]
    assert unit.code == "99001" and str(unit.valid_to) == "2025-06-30"
    assert [c.name for c in unit.children.order_by("pk")] == ["Khóm 1", "Khóm 2"]
    assert plan.issued_on.isoformat() == "2023-11-29" and plan.signer_name == "Nguyễn Văn A"
    assert plan.sections.count() == 5
    sub = Section.objects.get(heading="a) Thu")
    assert sub.parent.heading == "1. Về kinh tế" and sub.parent.parent.heading == "II. CÁC CHỈ TIÊU CHỦ YẾU"
    assert list(plan.plan_sectors.values_list("name", "sector__code", "order")) == [
        ("KINH TẾ", "kinh-te", 0), ("VĂN HÓA - XÃ HỘI", None, 1)]
    child = PlanIndicator.objects.get(name="Quỹ an ninh")
    assert child.parent.name == "Thu ngân sách" and child.plan_sector == child.parent.plan_sector
    assert child.target_text == "130" and child.baseline_text == "120"


def test_import_stores_results_with_their_fields(db):
    plan = import_plan(sample())

    result = Result.objects.get(indicator__plan=plan, period="m3")
    assert (result.value, result.numerator, result.denominator) == (None, Decimal(261), Decimal(200))
    assert (result.text, result.evaluation_text, result.cause) == ("Chưa có kết quả", "Vượt", "Do tuyên truyền tốt")
    estimate = Result.objects.get(indicator__plan=plan, period="y")
    assert estimate.is_estimate and estimate.value == Decimal("9949000000.5")


def test_import_parses_targets_and_keeps_the_text(db):
    data = sample()
    data["sectors"][1]["indicators"][0]["target"] = "15-20%/năm"

    plan = import_plan(data)

    indicator = plan.indicators.get(stt="2")
    assert indicator.target_text == "15-20%/năm"
    assert (indicator.target_kind, indicator.target_value, indicator.target_value_max) == ("range", 15, 20)
    assert (indicator.target_denominator, indicator.target_unit) == (None, "%")


def test_import_resolves_task_departments_and_sector(db):
    plan = import_plan(sample())

    task = plan.tasks.get(stt="1")
    assert task.lead.name == "Văn phòng - Thống kê" and task.lead.unit == plan.unit
    assert sorted(d.name for d in task.cooperating.all()) == ["Công an phường", "Tài chính - Kế toán"]
    assert task.sector.code == "xay-dung-chinh-quyen" and task.due_date.isoformat() == "2024-06-30"
    assert (task.progress, task.result_text, task.origin, task.status) == (100, "Hoàn thành", "assigned", "done")


def test_import_records_history_by_the_user(db, django_user_model):
    user = django_user_model.objects.create(username="nhaplieu")

    plan = import_plan(sample(), by=user)

    assert plan.history.get().history_user == user
    assert PlanIndicator.history.filter(history_user=user).count() == 3
    assert Result.history.filter(history_user=user).count() == 3
    assert Task.history.filter(history_user=user).values("id").distinct().count() == 2


def test_import_matches_existing_ancestors_by_code(db):
    province = Unit.objects.create(code="99", name="Tỉnh Thử Nghiệm", kind="province")
    city = Unit.objects.create(name="Thành phố Thử", kind="provincial_city", parent=province)

    plan = import_plan(sample())

    assert plan.unit.parent == city
    assert Unit.objects.filter(kind__in=["province", "provincial_city"]).count() == 2


def test_import_refuses_a_code_of_another_unit(db):
    Unit.objects.create(code="99001", name="Phường Khác", kind="ward")
    before = _counts()

    with pytest.raises(PlanImportError) as exc:
        import_plan(sample())

    assert exc.value.errors == ["unit.code: mã “99001” đã là của đơn vị “Phường Khác”, không phải “Phường Thử Nghiệm”"]
    assert _counts() == before


def test_import_is_idempotent_for_units_and_departments(db):
    import_plan(sample())
    units, departments = Unit.objects.count(), Department.objects.count()
    data = sample()
    data["plan"]["revision"] = 1

    import_plan(data)

    assert (Unit.objects.count(), Department.objects.count()) == (units, departments)
    assert Plan.objects.count() == 2


def test_import_existing_plan_is_refused_and_nothing_written(db):
    import_plan(sample())
    data = sample()
    data["unit"]["children"].append({"name": "Khóm 3", "kind": "khom"})
    data["unit"]["departments"].append({"name": "Quân sự"})
    before = _counts()

    with pytest.raises(PlanExistsError) as exc:
        import_plan(data)

    assert exc.value.errors == ["Đơn vị Phường Thử Nghiệm đã có kế hoạch năm 2024."]
    assert _counts() == before


def test_import_replace_recreates_the_plan(db):
    old = import_plan(sample())
    data = sample()
    data["plan"]["title"] = "Kế hoạch sửa lại"
    data["tasks"] = []

    new = import_plan(data, replace=True)

    assert not Plan.objects.filter(pk=old.pk).exists()
    assert list(Plan.objects.values_list("title", flat=True)) == ["Kế hoạch sửa lại"]
    assert new.tasks.count() == 0 and Task.objects.count() == 0


def test_import_invalid_document_writes_nothing(db):
    data = sample()
    data["tasks"][1]["due_date"] = "31/12/2024"

    with pytest.raises(PlanImportError) as exc:
        import_plan(data)

    assert exc.value.errors[0].startswith("tasks[1].due_date: phải là ngày dạng YYYY-MM-DD")
    assert all(count == 0 for count in _counts().values())


# --- export and the round trip ------------------------------------------------------------


def test_round_trip_export_of_import_equals_normalised_input(db):
    data = sample()

    assert export_plan(import_plan(data)) == normalise(data)


def test_round_trip_import_of_export_into_an_empty_db_is_identical(db):
    plan = import_plan(sample())
    doc, snapshot = export_plan(plan), _snapshot(plan)
    plan.delete()
    for unit in Unit.objects.order_by("-depth"):
        unit.delete()

    again = import_plan(json.loads(json.dumps(doc)))

    assert export_plan(again) == doc
    assert _snapshot(again) == snapshot


def test_round_trip_of_a_minimal_plan(db):
    data = {"format": "kehoach.plan/1", "unit": {"name": "Xã A", "kind": "commune"},
            "plan": {"year": 2025, "title": "Kế hoạch"}}

    assert export_plan(import_plan(data)) == normalise(data)


@pytest.mark.parametrize("path", FIXTURES or [None], ids=lambda p: p.name if p else "none")
def test_round_trip_of_fixture_file(db, path):
    if path is None:
        pytest.skip("fixtures/ has no plan file yet")
    data = load_plan_file(path)

    assert validate(data) == []
    assert export_plan(import_plan(copy.deepcopy(data))) == normalise(data)


# --- files ---------------------------------------------------------------------------------


def test_load_plan_file_reads_json(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(sample(), ensure_ascii=False), encoding="utf-8")

    assert load_plan_file(path) == sample()


def test_load_plan_file_reads_yaml_dates_as_text(tmp_path):
    path = tmp_path / "plan.yml"
    path.write_text("format: kehoach.plan/1\nplan:\n  issued_on: 2023-11-29\n  title: Kế hoạch\n",
                    encoding="utf-8")

    assert load_plan_file(path) == {"format": "kehoach.plan/1",
                                    "plan": {"issued_on": "2023-11-29", "title": "Kế hoạch"}}


def test_load_plan_file_json_error_names_the_line(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{\n  "format": "kehoach.plan/1",\n  "unit": {,\n}', encoding="utf-8")

    with pytest.raises(PlanImportError) as exc:
        load_plan_file(path)

    assert exc.value.errors == [f"{path}: dòng 3, cột 12: JSON không đúng cú pháp"]


def test_load_plan_file_yaml_error_names_the_line(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("format: kehoach.plan/1\nplan:\n  title: [unclosed\n  year: 2024\n", encoding="utf-8")

    with pytest.raises(PlanImportError) as exc:
        load_plan_file(path)

    assert re.fullmatch(rf"{re.escape(str(path))}: dòng \d+, cột \d+: YAML không đúng cú pháp", exc.value.errors[0])


def test_load_plan_file_missing(tmp_path):
    with pytest.raises(PlanImportError) as exc:
        load_plan_file(tmp_path / "khong-co.json")

    assert exc.value.errors == [f"{tmp_path / 'khong-co.json'}: không tìm thấy tệp"]
