"""Directive numbers, their uniqueness with the issue date, derived search text and the page tree."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from courses.blocks import stream_plain_text
from courses.demo import ensure_home
from courses.models import CourseIndexPage, CoursePage, DirectiveIndexPage, DirectivePage, LessonPage
from tests.courses import helpers
from tests.factories import UserFactory, give_role, roles

pytestmark = pytest.mark.django_db


def test_number_is_normalised_on_save_and_keyed_for_matching():
    page = helpers.directive(" 23 \u2013 QĐ / TW ")
    page.refresh_from_db()
    assert page.number == "23-QĐ/TW"
    assert page.number_key == "23-qđ/tw"
    assert helpers.directive("11-QĐi/TW", doc_type="quy_dinh").number == "11-QĐi/TW"  # case kept as written


def test_same_number_on_another_date_is_a_different_directive():
    helpers.directive("16/CT-TTg", doc_type="chi_thi", issued=dt.date(2016, 5, 16))
    helpers.directive("16/CT-TTg", doc_type="chi_thi", issued=dt.date(2020, 3, 31))
    assert DirectivePage.objects.filter(number="16/CT-TTg").count() == 2


def test_same_number_and_date_is_one_clean_error_on_the_number_field():
    helpers.directive("23-QĐ/TW")
    clash = DirectivePage(title="Bản trùng", number="23-qđ/tw", doc_type="quyet_dinh", issuer="BCH TW",
                          issue_date=dt.date(2021, 7, 30), subject="trùng")
    clash.slug = "ban-trung"
    with pytest.raises(ValidationError) as caught:
        helpers.library().add_child(instance=clash)
    errors = caught.value.message_dict
    assert list(errors) == ["number"]
    assert "23-qđ/tw" in errors["number"][0] and "30/07/2021" in errors["number"][0]


def test_database_constraint_backs_the_rule_for_drafts():
    helpers.directive("33/CT-TTg", doc_type="chi_thi", issued=dt.date(2021, 11, 26))
    with pytest.raises(IntegrityError):
        helpers.directive("33/CT-TTG", doc_type="chi_thi", issued=dt.date(2021, 11, 26), live=False)


def test_admin_form_reports_the_collision_on_the_number_field():
    helpers.directive("76/NQ-CP", doc_type="nghi_quyet", issued=dt.date(2021, 7, 15))
    form_class = DirectivePage.get_edit_handler().get_form_class()
    data = nested_form_data({
        "title": "Nghị quyết trùng", "slug": "nghi-quyet-trung", "number": "76/nq-cp", "doc_type": "nghi_quyet",
        "issuer": "Chính phủ", "issue_date": "15/07/2021", "subject": "trùng", "summary": "", "tags": "",
        "body": streamfield([]), "documents": inline_formset([]), "comments": inline_formset([]),
    })
    form = form_class(data, instance=DirectivePage(), parent_page=helpers.library(), for_user=UserFactory())
    assert not form.is_valid()
    assert "number" in form.errors and "76/nq-cp" in form.errors["number"][0].lower()
    assert not form.non_field_errors()


def test_search_text_is_folded_and_covers_type_number_topics_and_body():
    page = helpers.directive(
        "59/2023/NĐ-CP", doc_type="nghi_dinh", issued=dt.date(2023, 8, 14), issuer="Chính phủ",
        subject="quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở", tags=("Dân chủ cơ sở",),
        body=[("heading", {"text": "Ý nghĩa đối với cơ quan", "size": "h2"}),
              ("paragraph", RichText("<p>Hội nghị <b>cán bộ</b>, công chức</p>"))],
    )
    text = DirectivePage.objects.get(pk=page.pk).search_text
    for fragment in ("59/2023/nd-cp", "59 2023 nd cp", "nghi dinh 59/2023/nd-cp", "dan chu o co so", "dan chu co so",
                     "y nghia doi voi co quan", "hoi nghi can bo, cong chuc", "chinh phu"):
        assert fragment in text
    assert text == text.lower()


def test_lesson_search_text_includes_its_body():
    lesson = helpers.lesson(helpers.course(), "Luật Tiếp công dân", intro="Mở đầu",
                            body=[("quote", {"text": "Dân biết, dân bàn", "source": ""})])
    assert LessonPage.objects.get(pk=lesson.pk).search_text == "luat tiep cong dan mo dau dan biet, dan ban"


def test_stream_plain_text_reads_every_text_block():
    page = helpers.directive("1-QĐ/TW", body=[
        ("heading", {"text": "Tiêu đề", "size": "h2"}),
        ("paragraph", RichText("<ul><li>Một</li><li>Hai&nbsp;ba</li></ul>")),
        ("table", {"data": [["Ô 1", None], ["Ô 2", "Ô 3"]]}),
    ])
    assert stream_plain_text(page.body) == "Tiêu đề MộtHai ba Ô 1 Ô 2 Ô 3"


def test_page_tree_rules():
    home = ensure_home()
    library = helpers.library()
    index = helpers.course_index()
    course = helpers.course()
    assert DirectivePage.can_create_at(library)
    assert not DirectivePage.can_create_at(home) and not DirectivePage.can_create_at(index)
    assert not DirectiveIndexPage.can_create_at(home)  # one library per site (max_count = 1)
    assert CoursePage.can_create_at(index) and not CoursePage.can_create_at(library)
    assert LessonPage.can_create_at(course) and not LessonPage.can_create_at(index)
    assert CourseIndexPage.can_create_at(home)
    assert DirectivePage.allowed_parent_page_models() == [DirectiveIndexPage]
    assert LessonPage.allowed_subpage_models() == [] and DirectivePage.allowed_subpage_models() == []
    assert isinstance(home, Page)


def test_effective_date_cannot_precede_the_issue_date():
    page = DirectivePage(title="Luật", number="42/2013/QH13", doc_type="luat", issuer="Quốc hội", subject="Luật",
                         issue_date=dt.date(2013, 11, 25), effective_date=dt.date(2013, 1, 1), slug="luat")
    with pytest.raises(ValidationError) as caught:
        helpers.library().add_child(instance=page)
    assert list(caught.value.message_dict) == ["effective_date"]


NO_ORIGINAL = "Thư viện chưa có bản gốc của văn bản này."


def test_directive_page_links_the_original_once_attached(client):
    page = helpers.directive("33/CT-TTg", doc_type="chi_thi", issued=dt.date(2021, 11, 26))
    html = client.get(page.url).content.decode()
    assert "Văn bản gốc" in html and NO_ORIGINAL in html and "/documents/" not in html

    original = Document.objects.create(title="Chỉ thị 33/CT-TTg (bản gốc)",
                                       file=ContentFile(b"%PDF-1.4 original", name="33-ct-ttg.pdf"))
    page.original = original
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert NO_ORIGINAL not in html
    assert f'href="{original.url}"' in html and "Tải bản gốc 33/CT-TTg" in html and "(PDF, 17" in html
    # a logged-in learner downloads it (documents are internal: anonymous visitors are asked to log in)
    learner = UserFactory()
    give_role(learner, roles.LEARNER)
    client.force_login(learner)
    assert client.get(original.url).status_code == 200


def test_other_attachments_are_listed_apart_from_the_original(client):
    page = helpers.directive("59/2023/NĐ-CP", doc_type="nghi_dinh", issued=dt.date(2023, 8, 14))
    annex = Document.objects.create(title="Phụ lục biểu mẫu", file=ContentFile(b"docx", name="phu-luc.docx"))
    page.documents.create(document=annex, title="Phụ lục biểu mẫu")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Tài liệu kèm theo" in html and "Phụ lục biểu mẫu" in html and NO_ORIGINAL in html
