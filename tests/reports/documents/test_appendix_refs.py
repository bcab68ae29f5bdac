"""The plan body names exactly the appendices the plan carries: the generated sentence after the
indicator list, and the issue page's warning when the ward's typed citation disagrees."""


import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from plans.models import Section
from reports.documents import exporters
from reports.documents.registry import get_exporter
from reports.templatetags.kehoach import document_menu

from .conftest import FIXTURES, build_plan, load_fixture, make_user, pdf_text

pytestmark = pytest.mark.django_db


def test_generated_sentence_names_the_attached_appendices(plan):
    text = pdf_text(get_exporter("plan", "pdf").render(plan)[2])
    assert "Chi tiết tại Phụ lục kèm theo Kế hoạch." in text

    plan.appendices = []
    plan.save()
    assert exporters.appendix_sentence(plan) == ""
    assert "Chi tiết tại" not in pdf_text(get_exporter("plan", "pdf").render(plan)[2])


def test_generated_sentence_leaves_out_an_appendix_that_would_be_empty(plan):
    plan.appendices = ["phu_luc", "bieu01", "bieu02"]
    plan.save()
    assert exporters.appendix_sentence(plan) == "Chi tiết tại Phụ lục, Biểu số 01 và Biểu số 02 kèm theo Kế hoạch."
    plan.tasks.all().delete()
    assert exporters.appendix_sentence(plan) == "Chi tiết tại Phụ lục và Biểu số 02 kèm theo Kế hoạch."


def test_typed_citation_replaces_the_generated_sentence_and_is_checked(plan):
    Section.objects.create(plan=plan, order=9, heading="V. KẾT QUẢ NĂM 2023",
                           body="Theo biểu số 01, biểu số 02 kèm theo Kế hoạch")
    assert exporters.appendix_sentence(plan) == ""
    lines = exporters.appendix_lines(plan)
    assert lines == ["Mục “V. KẾT QUẢ NĂM 2023”: “Theo biểu số 01, biểu số 02 kèm theo Kế hoạch” – "
                     "kế hoạch không kèm theo Biểu số 01",
                     "Mục “V. KẾT QUẢ NĂM 2023”: “Theo biểu số 01, biểu số 02 kèm theo Kế hoạch” – "
                     "kế hoạch không kèm theo Biểu số 02",
                     "Kế hoạch kèm theo Phụ lục nhưng văn bản không nhắc đến"]
    plan.appendices = ["bieu01", "bieu02"]
    plan.save()
    assert exporters.appendix_lines(plan) == []


def load(name):
    return load_fixture(FIXTURES / name)


def test_tho_xuong_2024_citation_agrees_with_its_attached_2023_biểu():
    plan = load("tho-xuong-2024.json")
    assert [code for _w, code, _s in exporters.cited_appendices(plan)] == ["bieu01", "bieu02"]
    lines = exporters.appendix_lines(plan)   # no 2023 plan loaded: nothing to attach
    assert [line.rsplit(" – ", 1)[1] for line in lines] == ["kế hoạch không kèm theo Biểu số 01",
                                                           "kế hoạch không kèm theo Biểu số 02"]
    assert all("Theo biểu số 01, biểu số 02 kèm theo Kế hoạch" in line for line in lines)
    load("tho-xuong-2023.json")
    assert exporters.appendix_lines(plan) == []


def test_issue_page_warns_when_the_text_cites_what_is_not_attached(client):
    plan = build_plan(status="draft", number="", issued_on=None, appendices=[])
    Section.objects.create(plan=plan, order=9, heading="V. KẾT QUẢ", body="Chi tiết tại Phụ lục kèm theo.")
    leader = make_user("lanhdao", plan.unit, role="leader")
    client.force_login(leader)
    body = client.get(reverse("issuing:issue", args=[plan.pk])).content.decode()
    assert "appendix-lines" in body and "kế hoạch không kèm theo Phụ lục" in body

    plan.appendices = ["phu_luc"]
    plan.save()
    assert "appendix-lines" not in client.get(reverse("issuing:issue", args=[plan.pk])).content.decode()


def test_a_plan_without_a_phu_luc_has_no_standalone_phu_luc(plan):
    # On its own the Phụ lục says "Kèm theo Kế hoạch số ..."; Nhơn Hưng's plans attach none.
    plan.appendices = ["bieu02"]
    plan.save()
    with pytest.raises(exporters.EmptyDocument, match="không kèm theo Phụ lục chỉ tiêu"):
        get_exporter("appendix", "pdf").render(plan)
    with pytest.raises(exporters.EmptyDocument, match="không kèm theo Phụ lục chỉ tiêu"):
        get_exporter("appendix", "xlsx").render(plan)


def test_a_plan_with_no_text_is_not_rendered_nor_issued(client, tmp_path):
    plan = build_plan(status="draft", number="", issued_on=None, legal_bases=[], preamble="")
    plan.sections.all().delete()
    reason = "Kế hoạch chưa có nội dung (căn cứ, lời mở đầu hay mục nào) nên chưa in được."
    with pytest.raises(exporters.EmptyDocument) as refused:
        get_exporter("plan", "pdf").render(plan)
    assert refused.value.reason == reason
    items = [item for item in document_menu(plan, "y")["items"] if item["text"].startswith("Kế hoạch (")]
    assert items and all(item["empty"] == reason for item in items)
    client.force_login(make_user("lanhdao", plan.unit, role="leader"))
    response = client.get(reverse("documents:download", args=[plan.pk, "plan", "pdf"]))
    assert response.status_code == 404 and response.content.decode() == reason
    with pytest.raises(CommandError) as error:
        call_command("render_plan", "--unit", plan.unit.code, "--year", str(plan.year), "--doc", "plan",
                     "-o", str(tmp_path / "x.pdf"))
    assert error.value.returncode == 1 and reason in str(error.value)
    url = reverse("issuing:issue", args=[plan.pk])
    assert reason in client.get(url).content.decode()
    client.post(url, {"number": "12", "issued_on": "2024-01-05", "signer_title": "CHỦ TỊCH"})
    plan.refresh_from_db()
    assert plan.status == "draft"
