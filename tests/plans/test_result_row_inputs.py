"""The results grid writes each row's inputs out (plans/grid.py) instead of rendering a widget template
per cell: the inputs it writes carry exactly the attributes the form's widgets would."""

import re

import pytest
from django.urls import reverse

from indicators.forms import ResultForm
from indicators.models import Result
from tests import factories as f

INPUT = re.compile(r"<(?:input|select)\b([^>]*)>")
OPTION = re.compile(r'<option value="([^"]*)"( selected)?>')
ATTR = re.compile(r'([\w-]+)(?:="([^"]*)")?')


def attrs_of(html, input_id):
    for m in INPUT.finditer(html):
        # value="" and no value are the same empty box
        found = {k: v for k, v in ATTR.findall(m.group(1)) if not (k == "value" and v == "")}
        if found.get("id") == input_id:
            return found
    raise AssertionError(f"no input #{input_id}")


@pytest.fixture
def cut_of_a_rate(plan_a):
    # A cut of a rate with last year's rate: the result box carries a placeholder.
    return f.PlanIndicatorFactory(plan=plan_a, name="Tỷ lệ hộ nghèo", unit_of_measure="%", target_text="giảm 0,5%",
                                  target_kind="decrease_by", target_value=0.5, target_unit="%",
                                  baseline_text="2,1%", baseline_value=2.1)


@pytest.mark.parametrize("with_result", [False, True])
def test_written_inputs_match_the_widgets(client, editor_a, cut_of_a_rate, with_result):
    if with_result:
        Result.objects.create(indicator=cut_of_a_rate, period="q1", value=1.8, is_estimate=True)
    result = Result.objects.filter(indicator=cut_of_a_rate, period="q1").first()
    form = ResultForm(indicator=cut_of_a_rate, period="q1", result=result)
    client.force_login(editor_a)

    page = client.get(reverse("plans:result_list", args=[cut_of_a_rate.plan_id]) + "?period=q1").content.decode()

    for name in ("result", "version", "rid", "is_estimate"):
        widget = attrs_of(form[name].as_widget(), form[name].auto_id)
        written = attrs_of(page, form[name].auto_id)
        if name in ("version", "rid"):   # hidden inputs inside the row's <form>: no class, no form= needed
            widget = {k: v for k, v in widget.items() if k not in ("class", "form")}
        assert written == widget, name
    assert "năm trước" in attrs_of(page, form["result"].auto_id)["placeholder"]


def test_a_refused_value_is_marked_invalid_like_the_widget(client, editor_a, cut_of_a_rate):
    client.force_login(editor_a)
    url = reverse("plans:result_save", args=[cut_of_a_rate.plan_id, "q1", cut_of_a_rate.pk])

    html = client.post(url, {f"r{cut_of_a_rate.pk}-result": "abc", f"r{cut_of_a_rate.pk}-version": "0"},
                       headers={"HX-Request": "true"}).content.decode()

    written = attrs_of(html, f"id_r{cut_of_a_rate.pk}-result")
    assert "is-invalid" in written["class"]
    assert written["aria-describedby"] == f"id_r{cut_of_a_rate.pk}-result-error"
    assert written["value"] == "abc"


@pytest.fixture
def qualitative(plan_a):
    return f.PlanIndicatorFactory(plan=plan_a, name="An ninh chính trị", target_text="Giữ vững ổn định",
                                  target_kind="qualitative", target_value=None, target_unit="")


def _selected(html, select_id):
    start = html.index(f'id="{select_id}"')
    return [value for value, chosen in OPTION.findall(html[start:html.index("</select>", start)]) if chosen]


@pytest.mark.parametrize("with_result", [False, True])
def test_written_words_and_judgement_match_the_widgets(client, editor_a, qualitative, with_result):
    if with_result:
        Result.objects.create(indicator=qualitative, period="q1", text="Ổn định <tốt>", judgement="met")
    result = Result.objects.filter(indicator=qualitative, period="q1").first()
    form = ResultForm(indicator=qualitative, period="q1", result=result)
    client.force_login(editor_a)

    page = client.get(reverse("plans:result_list", args=[qualitative.plan_id]) + "?period=q1").content.decode()

    for name in ("text", "judgement", "is_estimate"):
        assert attrs_of(page, form[name].auto_id) == attrs_of(form[name].as_widget(), form[name].auto_id), name
    assert _selected(page, form["judgement"].auto_id) == _selected(str(form["judgement"]), form["judgement"].auto_id)


def test_refused_words_and_judgement_are_marked_like_the_widgets(client, editor_a, qualitative):
    client.force_login(editor_a)
    url = reverse("plans:result_save", args=[qualitative.plan_id, "q1", qualitative.pk])
    data = {f"r{qualitative.pk}-text": "x" * 2001, f"r{qualitative.pk}-judgement": "zz", f"r{qualitative.pk}-version": "0"}
    form = ResultForm(data, indicator=qualitative, period="q1")
    assert not form.is_valid()

    html = client.post(url, data, headers={"HX-Request": "true"}).content.decode()

    for name in ("text", "judgement"):
        written = attrs_of(html, form[name].auto_id)
        assert written == attrs_of(form[name].as_widget(), form[name].auto_id), name
        assert written["aria-invalid"] == "true" and "is-invalid" in written["class"]
