"""The originality signal: MinHash estimates the Jaccard similarity of word 5-shingles."""

from __future__ import annotations

import io
import zipfile

from reflections.originality import NUM_PERM, document_text, estimate, jaccard, shingles, signature
from tests.reflections.conftest import ESSAY

OTHER = ("Chỉ thị 33/CT-TTg yêu cầu tăng cường quản lý, kết nối và chia sẻ dữ liệu. Ở đơn vị tôi, "
         "việc số hóa hồ sơ cần làm dần từng bước: rà soát danh mục thủ tục, chuẩn hóa biểu mẫu, đào tạo "
         "lại cho chuyên viên một cửa và theo dõi thời gian xử lý trên hệ thống điện tử của Sở.")


def test_shingles_fold_diacritics_and_case():
    assert shingles("Học tập  NGHỊ QUYẾT") == {"hoc tap nghi quyet"}
    assert shingles("") == set()
    assert len(shingles("một hai ba bốn năm sáu")) == 2


def test_a_copy_is_identical_and_unrelated_texts_are_far_apart():
    assert signature(ESSAY) == signature(ESSAY)
    assert len(signature(ESSAY)) == NUM_PERM
    assert estimate(signature(ESSAY), signature(ESSAY)) == 1.0
    assert estimate(signature(ESSAY), signature(OTHER)) < 0.1
    assert estimate(signature(ESSAY), []) == 0.0


def test_a_copy_without_accents_is_still_a_copy():
    retyped = "sau khi hoc tap quy dinh 23-qd/tw ve cong tac dan van, toi nhan thuc ro trach nhiem cua " \
              "nguoi can bo trong viec gan dan, hieu dan, hoc dan va co trach nhiem voi dan."
    assert estimate(signature(ESSAY), signature(retyped)) > 0.3


def test_the_estimate_follows_the_exact_jaccard_for_a_lightly_edited_copy():
    edited = ESSAY.replace("chủ động", "tích cực").replace("đúng hạn", "sớm hơn hạn")
    exact = jaccard(ESSAY, edited)
    assert 0.4 < exact < 0.95
    assert abs(estimate(signature(ESSAY), signature(edited)) - exact) < 0.2


def test_the_words_of_a_docx_are_read_and_a_pdf_gives_none():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", '<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>Bài thu '
                                              'hoạch của tôi</w:t></w:r></w:p></w:body></w:document>')
    assert document_text(buffer, ".docx") == "Bài thu hoạch của tôi"
    assert document_text(io.BytesIO(b"%PDF-1.4"), "pdf") == ""
    assert document_text(io.BytesIO(b"not a zip"), "docx") == ""
