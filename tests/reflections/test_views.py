"""The learner's pages and the grader's admin screens, through the client."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reflections.models import Reflection, ReflectionPrompt, ReflectionStatus
from reflections.services.writing import reflection_save
from tests.reflections.conftest import ESSAY

pytestmark = pytest.mark.django_db


def write_url(world, directive=None):
    return reverse("reflections:write", kwargs={"campaign_id": world.campaign.pk,
                                                "directive_id": (directive or world.d1).pk})


def submitted(world, person=None, text=ESSAY):
    person = person or world.learner
    return reflection_save(campaign=world.campaign, directive=world.d1, actor=person.user, text=text, submit=True)


def test_the_learner_saves_a_draft_then_submits_with_a_file(client, world):
    client.force_login(world.learner.user)
    page = client.get(write_url(world)).content.decode()
    assert "Liên hệ với nhiệm vụ của phòng." in page and 'name="submit"' in page
    response = client.post(write_url(world), {"text": "Mở bài", "save": "1"})
    assert response.status_code == 302 and response["Location"].endswith("?luu=1")
    assert Reflection.objects.get().status == ReflectionStatus.DRAFT
    response = client.post(write_url(world), {"text": ESSAY, "submit": "1",
                                              "file": SimpleUploadedFile("bai.pdf", b"%PDF-1.4 bai")})
    reflection = Reflection.objects.get()
    assert reflection.status == ReflectionStatus.SUBMITTED and reflection.file_name == "bai.pdf"
    page = client.get(write_url(world)).content.decode()
    assert "chờ chấm" in page and 'name="submit"' not in page
    download = client.get(reverse("reflections:file", args=[reflection.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert "23-QĐ/TW" in client.get(reverse("reflections:mine")).content.decode()


def test_a_bad_file_is_refused_in_vietnamese(client, world):
    client.force_login(world.learner.user)
    response = client.post(write_url(world), {"text": "", "submit": "1",
                                              "file": SimpleUploadedFile("bai.pdf", b"MZ\x90\x00")}, follow=True)
    assert "Tệp không đúng định dạng" in response.content.decode()
    assert not Reflection.objects.filter(status=ReflectionStatus.SUBMITTED).exists()


def test_a_requirement_without_a_prompt_has_no_page(client, world):
    client.force_login(world.learner.user)
    assert client.get(write_url(world, world.d2)).status_code == 404


def test_the_head_returns_then_grades_through_the_admin(client, world):
    reflection = submitted(world)
    client.force_login(world.head_y.user)
    queue = client.get(reverse("reflections_admin:queue")).content.decode()
    assert world.learner.full_name in queue
    grade = reverse("reflections_admin:grade", args=[reflection.pk])
    page = client.get(grade).content.decode()
    assert "công khai quy trình" in page and 'value="returned"' in page
    client.post(grade, {"decision": "returned", "comment": "Bổ sung liên hệ bản thân."})
    reflection.refresh_from_db()
    assert reflection.status == ReflectionStatus.RETURNED
    client.force_login(world.learner.user)
    assert "Bổ sung liên hệ bản thân." in client.get(write_url(world)).content.decode()
    client.post(write_url(world), {"text": ESSAY + " Bổ sung.", "submit": "1"})
    client.force_login(world.head_y.user)
    client.post(grade, {"decision": "passed", "comment": "Đạt yêu cầu"})
    reflection.refresh_from_db()
    assert reflection.status == ReflectionStatus.PASSED


def test_returning_without_a_comment_is_refused_on_the_page(client, world):
    reflection = submitted(world)
    client.force_login(world.hr.user)
    response = client.post(reverse("reflections_admin:grade", args=[reflection.pk]), {"decision": "returned"})
    assert response.status_code == 200
    assert Reflection.objects.get(pk=reflection.pk).status == ReflectionStatus.SUBMITTED


def test_another_units_head_sees_nothing_and_a_learner_is_turned_away(client, world):
    reflection = submitted(world)
    client.force_login(world.head_x.user)
    assert world.learner.full_name not in client.get(reverse("reflections_admin:queue")).content.decode()
    assert client.get(reverse("reflections_admin:grade", args=[reflection.pk])).status_code == 404
    client.force_login(world.peer.user)
    assert client.get(reverse("reflections_admin:queue")).status_code in (302, 403)


def test_the_grading_page_shows_the_near_copy_with_its_similarity(client, world):
    original = submitted(world, world.peer)
    copy = submitted(world, world.learner, text=ESSAY.replace("chủ động", "tích cực"))
    client.force_login(world.hr.user)
    page = client.get(reverse("reflections_admin:grade", args=[copy.pk])).content.decode()
    assert world.peer.full_name in page and reverse("reflections_admin:grade", args=[original.pk]) in page
    assert "%</b>" in page
    # the head of unit X would see the share, never whose it is (no one of their unit)


def test_the_queue_filters_and_exports(client, world):
    submitted(world)
    client.force_login(world.hr.user)
    url = reverse("reflections_admin:queue")
    assert world.learner.full_name not in client.get(url, {"status": "passed"}).content.decode()
    assert world.learner.full_name in client.get(url, {"status": "submitted", "unit": world.unit_y.pk}).content.decode()
    assert world.learner.full_name not in client.get(url, {"unit": world.unit_x.pk}).content.decode()
    response = client.get(url, {"export": "csv"})
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Mã cán bộ", "Họ và tên", "Đơn vị"] and rows[1][:2] == ["SCT011", world.learner.full_name]
    assert rows[1][5] == "Chờ chấm"
    book = openpyxl.load_workbook(io.BytesIO(client.get(url, {"export": "xlsx"}).content))
    values = [c.value for c in next(book.active.iter_rows(min_row=3, max_row=3))]
    assert values[:2] == ["SCT011", world.learner.full_name]


def test_hr_sets_a_points_prompt_through_the_admin(client, world):
    client.force_login(world.hr.user)
    response = client.post(reverse("reflections_prompt:add"), {
        "campaign": world.campaign.pk, "directive": world.d2.pk, "instructions": "Nêu 3 việc sẽ làm.",
        "scheme": "points", "max_points": "10", "pass_mark": "7"})
    assert response.status_code == 302, response.content.decode()[:2000]
    prompt = ReflectionPrompt.objects.get(directive=world.d2)
    assert (prompt.scheme, prompt.pass_mark) == ("points", 7)
    response = client.post(reverse("reflections_prompt:add"), {
        "campaign": world.campaign.pk, "directive": "", "scheme": "points", "max_points": "10", "pass_mark": "12"})
    assert response.status_code == 200 and not ReflectionPrompt.objects.filter(directive__isnull=True).exists()
