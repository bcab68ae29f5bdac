"""core/text.py: invisible characters out, NFC, no-break spaces, digits of other scripts."""

import unicodedata

import pytest

from core.text import clean, has_foreign_digits, strip_diacritics


@pytest.mark.parametrize(("typed", "clean_text"), [
    ("9\u200b0%", "90%"),
    ("9\u00a00%", "90%"),
    ("1\u202f234\u00a0đồng", "1234 đồng"),
    ("từ\u00a090%", "từ 90%"),
    ("\ufeffPhường\u200d A\u00ad", "Phường A"),
    ("12 3", "12 3"),
    ("", ""),
])
def test_clean(typed, clean_text):
    assert clean(typed) == clean_text


def test_clean_composes_decomposed_names():
    nfd = unicodedata.normalize("NFD", "Phường Mỹ Phú")
    assert nfd != "Phường Mỹ Phú"

    assert clean(nfd) == "Phường Mỹ Phú"


@pytest.mark.parametrize(("text", "foreign"), [
    ("90%", False), ("m²", False), ("１２", True), ("٣", True), ("९", True), ("Phường 2", False),
])
def test_has_foreign_digits(text, foreign):
    assert has_foreign_digits(text) is foreign


def test_strip_diacritics_reads_đ_as_d_and_keeps_case_and_punctuation():
    assert strip_diacritics("Phường Mỹ Phú, Đồng Tháp") == "Phuong My Phu, Dong Thap"
    assert strip_diacritics("ĐƯỜNG đi – 2") == "DUONG di – 2"
    assert strip_diacritics(None) == ""
