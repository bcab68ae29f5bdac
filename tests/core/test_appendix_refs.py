"""The appendices a plan's text cites, and the sentence naming those it carries (core.appendix_refs)."""

import pytest

from core.appendix_refs import citations, mismatches, reference_sentence


@pytest.mark.parametrize("text, codes", [
    ("Theo biểu số 01, biểu số 02 kèm theo Kế hoạch", ["bieu01", "bieu02"]),   # Thọ Xương 2024
    ("(Chi tiết tại Phụ lục kèm theo)", ["phu_luc"]),
    ("Các chỉ tiêu chủ yếu (chi tiết theo phụ lục).", ["phu_luc"]),
    ("PHỤ LỤC KÈM THEO KẾ HOẠCH", ["phu_luc"]),
    ("Theo Biểu 2 kèm theo.", ["bieu02"]),
    ("Báo cáo theo Biểu mẫu số 01 của Thông tư 02/2023/TT-BKHĐT.", []),   # another document's form
    ("Biểu số 02 năm trước có 15 chỉ tiêu.", []),                          # named, not attached
    ("", []),
])
def test_citations(text, codes):
    assert [code for code, _snippet in citations(text)] == codes


def test_reference_sentence_names_exactly_the_codes_in_document_order():
    assert reference_sentence(["bieu02", "phu_luc", "bieu01"]) == \
        "Chi tiết tại Phụ lục, Biểu số 01 và Biểu số 02 kèm theo Kế hoạch."
    assert reference_sentence(["phu_luc"], doc_type="KẾ HOẠCH") == "Chi tiết tại Phụ lục kèm theo Kế hoạch."
    assert reference_sentence([]) == ""


def test_mismatches_both_ways():
    cited = [("Mục 1", "bieu01", "Theo biểu số 01"), ("Mục 1", "bieu02", "biểu số 02 kèm theo")]
    assert mismatches(cited, ["bieu01", "bieu02"]) == []
    assert mismatches(cited, []) == ["Mục 1: “Theo biểu số 01” – kế hoạch không kèm theo Biểu số 01",
                                     "Mục 1: “biểu số 02 kèm theo” – kế hoạch không kèm theo Biểu số 02"]
    assert mismatches(cited, ["phu_luc", "bieu01", "bieu02"]) == \
        ["Kế hoạch kèm theo Phụ lục nhưng văn bản không nhắc đến"]
    assert mismatches([], ["phu_luc"]) == []   # nothing typed: the generated sentence speaks
