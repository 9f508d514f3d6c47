"""Writing and grading a reflection: who may, in which state, and what each step records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.errors import NotFound, PermissionDenied
from core.evidence import evidence_recorded
from org.models import AuditLog
from reflections.models import GradingScheme, Reflection, ReflectionReview, ReflectionStatus
from reflections.services.grading import reflection_grade, reflection_return
from reflections.services.writing import ReflectionRefused, reflection_save
from tests.factories import EmployeeFactory, give_role, make_agency, roles
from tests.reflections.conftest import ESSAY

pytestmark = pytest.mark.django_db


def submit(world, text=ESSAY, **kwargs):
    return reflection_save(campaign=world.campaign, directive=world.d1, actor=world.learner.user, text=text,
                           submit=True, **kwargs)


def test_a_draft_is_saved_then_submitted_dated_today_with_a_signature(world):
    draft = reflection_save(campaign=world.campaign, directive=world.d1, actor=world.learner.user, text="Mở bài")
    assert (draft.status, draft.text, draft.submitted_on, draft.signature) == (ReflectionStatus.DRAFT, "Mở bài",
                                                                               None, [])
    submitted = submit(world)
    assert submitted.pk == draft.pk
    assert submitted.status == ReflectionStatus.SUBMITTED
    assert submitted.submitted_on == timezone.localdate() and len(submitted.signature) == 128
    assert list(AuditLog.objects.filter(object_id=str(draft.pk)).values_list("action", flat=True).order_by("id")) \
        == ["reflection.save", "reflection.submit"]


def test_a_submitted_reflection_cannot_change_until_it_is_returned(world):
    reflection = submit(world)
    with pytest.raises(ReflectionRefused) as caught:
        submit(world, text="khác")
    assert caught.value.code == "not_editable"
    reflection_return(reflection=reflection, actor=world.head_y.user, comment="Bổ sung phần liên hệ bản thân.")
    again = submit(world, text=ESSAY + " Tôi bổ sung thêm kế hoạch cá nhân.")
    assert again.status == ReflectionStatus.SUBMITTED and again.text.endswith("kế hoạch cá nhân.")


def test_refusals_of_the_writer(world):
    with pytest.raises(ReflectionRefused) as caught:
        reflection_save(campaign=world.campaign, directive=world.d2, actor=world.learner.user, text="x", submit=True)
    assert caught.value.code == "not_asked"  # d2 asks for no reflection
    with pytest.raises(ReflectionRefused) as caught:
        submit(world, text="   ")
    assert caught.value.code == "empty"
    with pytest.raises(ReflectionRefused) as caught:
        submit(world, upload=SimpleUploadedFile("bai.pdf", b"MZ\x90\x00 not a pdf"))
    assert caught.value.code == "file_content"
    with pytest.raises(ReflectionRefused) as caught:
        submit(world, upload=SimpleUploadedFile("bai.exe", b"MZ\x90\x00"))
    assert caught.value.code == "file_type"
    assert not Reflection.objects.filter(status=ReflectionStatus.SUBMITTED).exists()


def test_an_uploaded_file_alone_is_a_submission(world):
    reflection = submit(world, text="", upload=SimpleUploadedFile("bai-thu-hoach.pdf", b"%PDF-1.4 bai viet"))
    assert reflection.status == ReflectionStatus.SUBMITTED
    assert reflection.file.name.startswith("reflections/") and reflection.file_name == "bai-thu-hoach.pdf"
    assert reflection.signature == []  # nothing typed, a PDF gives no words: no originality signal


def test_someone_outside_the_audience_writes_nothing(world):
    world.campaign.audience_units.set([world.unit_x])
    with pytest.raises(ReflectionRefused) as caught:
        submit(world)
    assert caught.value.code == "not_in_audience"


def test_the_unit_head_grades_pass_and_evidence_is_announced_dated_on_the_submission(world, django_capture_on_commit_callbacks):
    submitted_on = timezone.localdate()
    reflection = submit(world)
    announced = []
    evidence_recorded.connect(receiver := lambda **kw: announced.append(kw["employee_ids"]), weak=False)
    try:
        with time_machine.travel(timezone.now() + dt.timedelta(days=3)), \
                django_capture_on_commit_callbacks(execute=True):
            graded = reflection_grade(reflection=reflection, actor=world.head_y.user, passed=True, comment="Tốt")
    finally:
        evidence_recorded.disconnect(receiver)
    assert graded.status == ReflectionStatus.PASSED and graded.submitted_on == submitted_on
    assert announced == [[world.learner.pk]]
    review = ReflectionReview.objects.get(reflection=reflection)
    assert (review.decision, review.comment, review.grader, review.submitted_on) == (
        "passed", "Tốt", world.head_y.user, submitted_on)


def test_fail_is_no_evidence_and_the_learner_may_write_again(world):
    reflection = reflection_grade(reflection=submit(world), actor=world.hr.user, passed=False, comment="Quá ngắn")
    assert reflection.status == ReflectionStatus.FAILED
    assert submit(world, text=ESSAY + " Viết lại.").status == ReflectionStatus.SUBMITTED


def test_points_pass_from_the_pass_mark(world):
    world.prompt.scheme, world.prompt.max_points, world.prompt.pass_mark = GradingScheme.POINTS, 10, 7
    world.prompt.save()
    reflection = submit(world)
    with pytest.raises(ReflectionRefused) as caught:
        reflection_grade(reflection=reflection, actor=world.hr.user, passed=True)
    assert caught.value.code == "score_required"
    with pytest.raises(ReflectionRefused):
        reflection_grade(reflection=reflection, actor=world.hr.user, score="11")
    failed = reflection_grade(reflection=reflection, actor=world.hr.user, score="6.5")
    assert (failed.status, failed.score) == (ReflectionStatus.FAILED, Decimal("6.50"))
    passed = reflection_grade(reflection=submit(world), actor=world.hr.user, score=7)
    assert (passed.status, passed.score) == (ReflectionStatus.PASSED, Decimal("7.00"))


def test_returning_needs_a_comment_and_only_a_submitted_one_is_graded(world):
    reflection = submit(world)
    with pytest.raises(ReflectionRefused) as caught:
        reflection_return(reflection=reflection, actor=world.hr.user, comment=" ")
    assert caught.value.code == "comment_required"
    reflection_return(reflection=reflection, actor=world.hr.user, comment="Sửa lại")
    with pytest.raises(ReflectionRefused) as caught:
        reflection_grade(reflection=reflection, actor=world.hr.user, passed=True)
    assert caught.value.code == "not_submitted"


def test_who_may_grade(world):
    reflection = submit(world)
    for user in (world.head_x.user, world.peer.user):  # another unit's head, a colleague
        with pytest.raises(PermissionDenied):
            reflection_grade(reflection=reflection, actor=user, passed=True)
    with pytest.raises(PermissionDenied):
        reflection_grade(reflection=reflection, actor=world.learner.user, passed=True)
    other = make_agency("SCB", "Sở B")
    hr_b = EmployeeFactory(agency=other, unit=other, employee_code="B001")
    give_role(hr_b.user, roles.HR)
    with pytest.raises(NotFound):
        reflection_grade(reflection=reflection, actor=hr_b.user, passed=True)
    with pytest.raises(NotFound):
        reflection_save(campaign=world.campaign, directive=world.d1, actor=hr_b.user, text="x")
    assert Reflection.objects.get(pk=reflection.pk).status == ReflectionStatus.SUBMITTED


def test_a_unit_head_does_not_grade_their_own(world):
    world.head_y.user.groups.add(*world.learner.user.groups.all())
    reflection = reflection_save(campaign=world.campaign, directive=world.d1, actor=world.head_y.user, text=ESSAY,
                                 submit=True)
    with pytest.raises(PermissionDenied):
        reflection_grade(reflection=reflection, actor=world.head_y.user, passed=True)
    assert reflection_grade(reflection=reflection, actor=world.hr.user, passed=True).status == ReflectionStatus.PASSED
