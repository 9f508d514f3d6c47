"""Search over directives and lessons, ignoring diacritics and case, with filters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import QueryDict

from courses.demo import ensure_content
from courses.search import SearchFilters, directive_facets, library_search, query_tokens
from tests.courses import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    pages = {
        "qd23": helpers.directive(
            "23-QĐ/TW", title="Quy chế công tác dân vận của hệ thống chính trị", tags=("Dân vận",),
            summary="Quy chế thay thế quy chế năm 2010.",
        ),
        "qd123": helpers.directive("123-QĐ/TW", issued=dt.date(2023, 1, 5), title="Một quyết định khác",
                                   summary="Ban hành năm 2023."),
        "ct23": helpers.directive("23/CT-TTg", doc_type="chi_thi", issuer="Thủ tướng Chính phủ",
                                  issued=dt.date(2021, 9, 2), title="Đẩy mạnh cải cách hành chính",
                                  tags=("Cải cách hành chính",)),
        "luat": helpers.directive("10/2022/QH15", doc_type="luat", issuer="Quốc hội (khóa XV)",
                                  issued=dt.date(2022, 11, 10), title="Luật Thực hiện dân chủ ở cơ sở",
                                  subject="Luật Thực hiện dân chủ ở cơ sở", tags=("Dân chủ cơ sở",)),
        "nd59": helpers.directive("59/2023/NĐ-CP", doc_type="nghi_dinh", issuer="Chính phủ",
                                  issued=dt.date(2023, 8, 14), title="Hướng dẫn Luật dân chủ",
                                  subject="quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
                                  tags=("Dân chủ cơ sở",)),
        "draft": helpers.directive("99-QĐ/TW", title="Dân chủ ở cơ sở (bản nháp)", live=False),
    }
    course = helpers.course()
    pages["lesson_luat"] = helpers.lesson(course, "Bài: Luật Thực hiện dân chủ ở cơ sở", directives=[pages["luat"]],
                                          intro="Phạm vi và nguyên tắc của Luật.")
    pages["lesson_dv"] = helpers.lesson(course, "Bài: Công tác dân vận", directives=[pages["qd23"]],
                                        intro="Trách nhiệm của cơ quan nhà nước.")
    return pages


def listed(html: str, number: str) -> bool:
    return f'<span class="doc-number">{number}</span>' in html


def numbers(results) -> list[str]:
    return [page.number for page in results.directives]


def search(q="", **filters):
    return library_search(SearchFilters(q=q, **filters))


def test_query_without_diacritics_finds_text_with_them(library):
    results = search("dan chu co so")
    assert set(numbers(results)) == {"10/2022/QH15", "59/2023/NĐ-CP"}
    assert [lesson.title for lesson in results.lessons] == ["Bài: Luật Thực hiện dân chủ ở cơ sở"]


def test_query_with_diacritics_and_any_case(library):
    assert set(numbers(search("DÂN CHỦ Ở CƠ SỞ"))) == {"10/2022/QH15", "59/2023/NĐ-CP"}
    assert numbers(search("Dân Vận")) == ["23-QĐ/TW"]


def test_title_matches_rank_before_subject_and_body_matches(library):
    # both are about "thực hiện dân chủ"; only the law has it in its title, the decree in its subject
    assert numbers(search("thuc hien dan chu")) == ["10/2022/QH15", "59/2023/NĐ-CP"]


def test_number_search_in_any_spelling(library):
    for query in ("23-qd/tw", "23-QĐ/TW", "23 \u2013 qđ/tw", "qd 23"):
        assert numbers(search(query)) == ["23-QĐ/TW"], query


def test_type_and_number_as_people_say_it(library):
    assert numbers(search("Quyết định 23")) == ["23-QĐ/TW"]
    assert numbers(search("quyet dinh so 23")) == ["23-QĐ/TW"]
    assert numbers(search("chỉ thị 23")) == ["23/CT-TTg"]


def test_a_number_does_not_match_inside_a_longer_number(library):
    found = numbers(search("23"))
    assert "123-QĐ/TW" not in found and "59/2023/NĐ-CP" not in found
    assert set(found) == {"23-QĐ/TW", "23/CT-TTg"}
    assert set(numbers(search("2023"))) == {"59/2023/NĐ-CP", "123-QĐ/TW"}  # its number; the other's summary


def test_drafts_are_not_found(library):
    assert "99-QĐ/TW" not in numbers(search("dan chu"))


def test_filters_by_type_issuer_year_and_topic(library):
    assert numbers(search(doc_type="luat")) == ["10/2022/QH15"]
    assert numbers(search(issuer="Chính phủ")) == ["59/2023/NĐ-CP"]
    assert set(numbers(search(year=2023))) == {"59/2023/NĐ-CP", "123-QĐ/TW"}
    assert set(numbers(search(topic="dan-chu-co-so"))) == {"10/2022/QH15", "59/2023/NĐ-CP"}
    assert numbers(search(topic="dân-vận")) == ["23-QĐ/TW"]
    assert numbers(search("dan chu", doc_type="nghi_dinh")) == ["59/2023/NĐ-CP"]


def test_lessons_follow_the_directive_filters(library):
    assert [lesson.title for lesson in search("bai", doc_type="luat").lessons] == [
        "Bài: Luật Thực hiện dân chủ ở cơ sở"]
    assert search("bai", year=2021).lessons == [library["lesson_dv"]]


def test_filters_from_the_query_string_drop_nonsense():
    filters = SearchFilters.from_querydict(QueryDict("q=+dân+vận+&type=bogus&year=20x4&issuer=Chính+phủ&topic=dan-van"))
    assert filters == SearchFilters(q="dân vận", doc_type="", issuer="Chính phủ", year=None, topic="dan-van")
    assert SearchFilters.from_querydict(QueryDict("year=2024&type=luat")).year == 2024
    assert filters.querystring(issuer="") == "q=d%C3%A2n+v%E1%BA%ADn&topic=dan-van"


def test_query_tokens_drop_so_only_before_numbers():
    assert query_tokens("Quyết định số 23") == ["quyet", "dinh", "23"]
    assert query_tokens("dân chủ cơ sở") == ["dan", "chu", "co", "so"]


def test_facets_offer_only_values_of_live_directives(library):
    facets = directive_facets()
    assert "quy_dinh" not in [value for value, _, _ in facets.types]
    assert dict((v, n) for v, _, n in facets.types)["quyet_dinh"] == 2  # the draft is not counted
    assert facets.years == [2023, 2022, 2021]
    assert [name for _, name in facets.topics] == ["Cải cách hành chính", "Dân chủ cơ sở", "Dân vận"]


def test_search_page_shows_directives_and_lessons(client, library):
    response = client.get("/tim-kiem/", {"q": "dan chu co so"})
    html = response.content.decode()
    assert response.status_code == 200
    assert listed(html, "10/2022/QH15") and listed(html, "59/2023/NĐ-CP")
    assert "Bài: Luật Thực hiện dân chủ ở cơ sở" in html
    assert not listed(html, "23-QĐ/TW")
    empty = client.get("/tim-kiem/", {"q": "khong co van ban nay"}).content.decode()
    assert "Không tìm thấy kết quả" in empty


def test_library_page_filters_with_the_same_rules(client, library):
    html = client.get(library["qd23"].get_parent().url, {"type": "luat"}).content.decode()
    assert listed(html, "10/2022/QH15") and not listed(html, "23-QĐ/TW")
    assert client.get("/thu-vien/").url == "/van-ban/"


def test_the_seeded_library_answers_the_plan_queries():
    ensure_content()
    assert numbers(search("23-qd/tw"))[0] == "23-QĐ/TW"
    assert set(numbers(search("dan chu co so"))) >= {"10/2022/QH15", "59/2023/NĐ-CP", "120-KL/TW"}
    assert numbers(search("Quyết định 23"))[0] == "23-QĐ/TW"
    assert numbers(search("luat tiep cong dan"))[0] == "42/2013/QH13"
    assert {lesson.slug for lesson in search("tiep cong dan").lessons} >= {"luat-tiep-cong-dan"}


def test_short_syllables_match_whole_words_only(library):
    # "co" must not match "công", nor "so" match "số" inside other words
    assert numbers(search("cong tac dan van")) == ["23-QĐ/TW"]
    assert query_tokens("23 – QĐ / TW") == ["23-qd/tw"]
    assert numbers(search("dan va")) == ["23-QĐ/TW"]  # the last word may be typed in part


def test_long_result_lists_are_paginated_with_the_filters_kept(client, library):
    for n in range(1, 24):
        helpers.directive(f"{n}/KH-UBND", doc_type="ke_hoach", issuer="UBND tỉnh Tây Ninh", issued=dt.date(2024, 1, n),
                          title=f"Kế hoạch số {n}")
    first = client.get("/tim-kiem/", {"type": "ke_hoach"}).content.decode()
    assert first.count('class="doc-item"') == 20 and "Trang 1/2" in first
    assert "?type=ke_hoach&amp;page=2" in first
    second = client.get("/tim-kiem/", {"type": "ke_hoach", "page": 2}).content.decode()
    assert second.count('class="doc-item"') == 3
    library_page = client.get("/van-ban/", {"page": 2}).content.decode()
    assert library_page.count('class="doc-item"') == 8  # 28 live directives in all


def test_empty_search_page_offers_the_topics(client, library):
    html = client.get("/tim-kiem/").content.decode()
    assert "Xem theo chủ đề" in html and "?topic=d%C3%A2n-v%E1%BA%ADn" in html
