"""The name matcher alone (no database)."""

import json
from pathlib import Path

import pytest

from core.matching import Matcher, fold, normalise, suggest, tokens
from indicators.catalog_data import CATALOG

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CAT = [(code, name, unit) for code, name, _sector, unit, _agg, _dir in CATALOG]


def test_fold_strips_diacritics_and_d():
    assert fold("Tỷ lệ hộ nghèo; Đoàn") == "ty le ho ngheo doan"


def test_normalise_expands_abbreviations():
    assert normalise("Tỷ lệ tham gia BHYT") == "ty le tham gia bao hiem y te"
    assert "kdc" in tokens("Khu phố Văn hóa")


@pytest.mark.parametrize(("name", "unit", "code"), [
    ("Tỷ lệ tham gia bảo hiểm y tế toàn dân", "%", "ty-le-tham-gia-bhyt"),
    ("Tỷ lệ người dân tham gia BHYT", "%", "ty-le-tham-gia-bhyt"),
    ("Giảm hộ nghèo", "hộ", "giam-ho-ngheo"),
    ("Tỷ lệ hộ nghèo", "%", "ty-le-ho-ngheo"),
    ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", "%", "suy-dinh-duong"),
    ("Thi hành NVQS", "%", "giao-quan"),
    ("Tỷ lệ hòa giải thành", "%", "hoa-giai-thanh"),
    ("Gia đình Văn hóa", "%", "gia-dinh-van-hoa"),
    ("Khu phố Văn hóa", "khu phố", "khu-dan-cu-van-hoa"),
    ("Thu ngân sách", "đồng", "thu-ngan-sach"),
    ("Xuất khẩu lao động", "lao động", "xuat-khau-lao-dong"),
])
def test_suggest_finds_the_catalogue_indicator(name, unit, code):
    assert suggest(name, CAT, plan_unit=unit)[0].code == code


def test_suggest_nothing_for_an_unrelated_name():
    assert suggest("Số km đường được cứng hóa", CAT, plan_unit="km") == []


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.get("children", []))


def test_suggestions_agree_with_the_links_in_the_seed_fixtures():
    matcher = Matcher(CAT)
    linked = agree = 0
    for path in sorted(FIXTURES.glob("*.json")):
        for group in json.loads(path.read_text(encoding="utf-8"))["sectors"]:
            for item in _walk(group["indicators"]):
                if item.get("catalog"):
                    linked += 1
                    found = matcher.suggest(item["name"], plan_unit=item.get("unit", ""))
                    agree += bool(found) and found[0].code == item["catalog"]
    assert linked >= 60
    assert agree / linked >= 0.85
