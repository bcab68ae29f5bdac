import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args):
    out = StringIO()
    call_command("parse_target", *args, stdout=out)
    return out.getvalue()


def test_parse_target_command_prints_one_json_object():
    output = run("dưới 11,44%")
    assert json.loads(output) == {"kind": "below", "value": "11.44", "value_max": None, "denominator": None,
                                  "unit": "%", "per": None}
    assert output.count("\n") == 1


def test_parse_target_command_uses_the_name_for_direction():
    data = json.loads(run("03 hộ", "--name", "Tỷ lệ hộ nghèo theo chuẩn mới"))
    assert data["kind"] == "decrease_by" and data["value"] == "3" and data["unit"] == "hộ"


def test_parse_target_command_keeps_vietnamese_letters_unescaped():
    output = run("64.000.000 đồng/người/năm")
    assert "đồng" in output and "người/năm" in output
    assert json.loads(output)["value"] == "64000000"


def test_parse_target_command_qualitative():
    assert json.loads(run("Giữ vững an ninh chính trị"))["kind"] == "qualitative"


def test_parse_target_command_prints_to_stdout(capsys):
    call_command("parse_target", "5/5 khóm")
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["kind", "value", "value_max", "denominator", "unit", "per"]
    assert (data["value"], data["denominator"], data["unit"]) == ("5", "5", "khóm")


def test_parse_target_command_requires_a_phrase():
    with pytest.raises(CommandError):
        call_command("parse_target")
