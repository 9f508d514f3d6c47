"""The permission scenario: two agencies; in agency A an HR officer, the head of unit X, a victim
and a peer learner in unit Y, and objects of every kind belonging to agency A / unit Y / the victim.
Attackers: anonymous, the peer learner, the head of unit X, HR of agency B."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.documents.models import Document

from org import roles
from org.services.audit import audit_log
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit

D = dt.date
VICTIM_CODE = "VICTIMY01"
VICTIM_NAME = "Phạm Thị Nạn Nhân"
CAMPAIGN_A_TITLE = "Kế hoạch riêng của cơ quan A"
CRITERION_A_TEXT = "Tiêu chí chấm điểm riêng của cơ quan A"


@dataclass
class Scenario:
    objects: dict
    users: dict

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def build() -> Scenario:
    from certificates.models import CertificateJob, JobKind
    from certificates.services.issuing import certificate_issue
    from core.models import JobStatus
    from courses.models import CourseIndexPage, CoursePage, DirectiveIndexPage, DirectivePage, LessonPage, LessonReading
    from learning.models import Campaign, Exemption, ManualEvidence, Requirement, StudySession
    from learning.services.checkin import checkin_code
    from quizzes.models import Attempt, QuestionCategory, Quiz
    from reports.models import (
        AnnualReport,
        CampaignTarget,
        ExportJob,
        Reminder,
        ScoringCriterion,
        ScoringDossier,
        SelfScore,
        SelfScoreEvidence,
    )
    from tests.quizzes.factories import make_question

    agency_a = make_agency("SCA", "Sở Thử A")
    agency_b = make_agency("SCB", "Sở Thử B")
    unit_x = make_unit(agency_a, "PX", "Phòng X")
    unit_y = make_unit(agency_a, "PY", "Phòng Y")
    make_unit(agency_b, "PB", "Phòng B")
    agency_a.refresh_from_db()
    agency_b.refresh_from_db()

    hr_a = EmployeeFactory(agency=agency_a, unit=agency_a, employee_code="HRA01", full_name="Cán bộ Văn phòng A")
    head_x = EmployeeFactory(agency=agency_a, unit=unit_x, employee_code="HEADX01", full_name="Trưởng phòng X")
    victim = EmployeeFactory(agency=agency_a, unit=unit_y, employee_code=VICTIM_CODE, full_name=VICTIM_NAME)
    peer = EmployeeFactory(agency=agency_a, unit=unit_y, employee_code="PEERY01", full_name="Đồng nghiệp Phòng Y")
    hr_b = EmployeeFactory(agency=agency_b, unit=agency_b, employee_code="HRB01", full_name="Cán bộ Văn phòng B")
    give_role(hr_a.user, roles.HR)
    give_role(head_x.user, roles.UNIT_HEAD)
    give_role(victim.user, roles.LEARNER)
    give_role(peer.user, roles.LEARNER)
    give_role(hr_b.user, roles.HR)
    editor = EmployeeFactory(agency=agency_a, unit=agency_a, employee_code="EDA01", full_name="Biên tập viên A")
    give_role(editor.user, roles.EDITOR)

    from wagtail.models import Page, Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:  # a flushed database (transactional tests): the tree of a fresh install
        from wagtail.models import Locale

        Locale.objects.get_or_create(language_code="vi")
        top = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = top.add_child(instance=Page(title="Trang chủ", slug="trang-chu"))
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    root = site.root_page
    from wagtail.models import Collection

    if not Collection.objects.exists():  # a flushed database has no root collection for documents
        Collection.add_root(name="Root")
    index = root.add_child(instance=DirectiveIndexPage(title="Thư viện văn bản", slug="thu-vien-van-ban"))
    directive = index.add_child(instance=DirectivePage(
        title="Văn bản 23-QĐ/TW", slug="vb-23", number="23-QĐ/TW", doc_type="quyet_dinh", issuer="Ban Bí thư",
        issue_date=D(2021, 7, 30), subject="Quy chế công tác dân vận"))
    courses = root.add_child(instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc"))
    course = courses.add_child(instance=CoursePage(title="Chuyên đề", slug="chuyen-de"))
    lesson = course.add_child(instance=LessonPage(title="Bài 1", slug="bai-1"))
    from courses.demo import attach_demo_video

    attach_demo_video(lesson)  # its video and captions are served to logged-in users (courses.views)

    today = timezone.localdate()
    campaign = Campaign.objects.create(agency=agency_a, slug="ke-hoach-a", title=CAMPAIGN_A_TITLE, year=today.year,
                                       start=today - dt.timedelta(days=30), due=today + dt.timedelta(days=30))
    Requirement.objects.create(campaign=campaign, directive=directive, order=0)
    session = StudySession.objects.create(campaign=campaign, title="Hội nghị A", date=today)
    session.directives.set([directive])
    exemption = Exemption.objects.create(campaign=campaign, employee=peer, reason="Nghỉ thai sản")
    # its proof (private storage, served by a checking view) names the victim, so a leak is seen
    manual = ManualEvidence.objects.create(employee=victim, directive=directive, date=today, proof=ContentFile(
        f"%PDF-1.4 biên bản {VICTIM_NAME} {VICTIM_CODE}".encode(), name="bien-ban.pdf"))
    from reflections.models import Reflection, ReflectionPrompt

    # a submitted reflection of the victim, its text and file naming them, so a leak is seen
    reflection_prompt = ReflectionPrompt.objects.create(campaign=campaign, directive=directive)
    reflection = Reflection.objects.create(
        employee=victim, campaign=campaign, directive=directive, status="submitted",
        text=f"Bài thu hoạch của {VICTIM_NAME} ({VICTIM_CODE})", submitted_at=timezone.now(), submitted_on=today,
        file=ContentFile(f"%PDF-1.4 bài thu hoạch {VICTIM_NAME} {VICTIM_CODE}".encode(), name="bai-thu-hoach.pdf"))
    target = CampaignTarget.objects.create(campaign=campaign, text="Chỉ tiêu riêng của cơ quan A")
    criterion = ScoringCriterion.objects.create(agency=agency_a, year=today.year, code="I.1", text=CRITERION_A_TEXT,
                                                max_points=10)
    self_score = SelfScore.objects.create(criterion=criterion, points=5, comment="Giải trình A")
    annual_report = AnnualReport.objects.create(campaign=campaign, number="77/BC-A")
    dossier = ScoringDossier.objects.create(agency=agency_a, year=today.year, deadline=D(today.year, 11, 15))
    reading = LessonReading.objects.create(lesson=lesson, employee=victim, opened_at=timezone.now())
    reminder = Reminder.objects.create(campaign=campaign, kind="manual", employee=victim, email="v@example.vn",
                                       sent_on=today)

    quiz = Quiz.objects.create(slug="kiem-tra-a", title="Bài kiểm tra A", agency=agency_a)
    quiz.directives.set([directive])
    category = QuestionCategory.objects.create(name="Nhóm của A", agency=agency_a)
    question = make_question(text="Câu hỏi của bài A?", category=category)
    attempt = Attempt.objects.create(quiz=quiz, employee=victim, number=1, state="finished", passed=True,
                                     evidence_date=today, score=8, max_score=10)
    certificate, _ = certificate_issue(employee=victim, campaign=campaign, check_completion=False)
    cert_job = CertificateJob.objects.create(kind=JobKind.ZIP, campaign=campaign, status=JobStatus.DONE,
                                             file="certificates/jobs/a.zip")
    export_job = ExportJob.objects.create(campaign=campaign, as_of=today, status="done", file="exports/a.zip")
    from org.services.documents import agency_collection_ensure

    # HR's evidence document, in agency A's collection as an upload by A's HR puts it (org.documents)
    collection_a = agency_collection_ensure(agency=agency_a)
    agency_collection_ensure(agency=agency_b)
    document = Document.objects.create(title=f"Minh chứng: {CRITERION_A_TEXT}",
                                       file=ContentFile(b"%PDF-1.4 secret", name="a.pdf"),
                                       collection=collection_a, uploaded_by_user=hr_a.user)
    SelfScoreEvidence.objects.create(score=self_score, document=document)
    default_storage.save(cert_job.file.name, ContentFile(b"PK\x05\x06" + b"\0" * 18))
    default_storage.save(export_job.file.name, ContentFile(b"PK\x05\x06" + b"\0" * 18))
    audit = audit_log(actor=hr_a.user, action="employee.update", obj=victim, after={"full_name": VICTIM_NAME})
    # as a management command writes them: no actor; the first is agency A's (its object), the
    # second belongs to no agency (superusers only). HR of agency B must see neither.
    audit_log(actor=None, action="employee.deactivate", obj=victim, before={"full_name": VICTIM_NAME})
    audit_log(actor=None, action="test.command", after={"full_name": VICTIM_NAME, "code": VICTIM_CODE})
    from learning.services.records import session_record_attach

    # an original of the session naming the victim, so a leak of the file is seen
    session_record = session_record_attach(session=session, content=f"%PDF-1.4 {VICTIM_NAME} {VICTIM_CODE}".encode(),
                                           filename="danh-sach-ky.pdf").record
    token = checkin_code(session=session).token
    officer, submission, submission_round = _province_of_a(agency_a, dossier, annual_report, today)
    objects = dict(
        agency_a=agency_a, agency_b=agency_b, unit_x=unit_x, unit_y=unit_y, victim=victim, peer=peer,
        directive=directive, lesson=lesson, campaign=campaign, session=session, exemption=exemption, manual=manual,
        target=target, criterion=criterion, self_score=self_score, reading=reading, reminder=reminder, quiz=quiz,
        question=question, category=category, attempt=attempt, certificate=certificate, cert_job=cert_job, export_job=export_job,
        document=document, audit=audit, token=token, session_record=session_record, annual_report=annual_report, dossier=dossier,
        reflection=reflection, reflection_prompt=reflection_prompt,
        submission=submission, submission_round=submission_round,
    )
    users = {"hr_a": hr_a.user, "head_x": head_x.user, "victim": victim.user, "peer": peer.user, "hr_b": hr_b.user, "editor": editor.user,
             "officer": officer}
    return Scenario(objects=objects, users=users)


def _province_of_a(agency_a, dossier, annual_report, today):
    """Agency A in a province with an officer (Sở Nội vụ); A's dossier sent to it (one round whose
    evidence pack names the victim, so a leak of the file is seen) and the year's results published."""
    from org.services.provinces import province_ensure, province_officer_ensure
    from reports.models import ResultsPublication, Submission, SubmissionRound
    from reports.selectors.scoring import scoring_sheet
    from tests.factories import UserFactory

    province, _ = province_ensure(code="TN", name="Tây Ninh")
    agency_a.province = province
    agency_a.save(update_fields=["province"])
    officer = UserFactory(username="snv")
    province_officer_ensure(user=officer, province=province)
    submission = Submission.objects.create(agency=agency_a, year=today.year, dossier=dossier,
                                           first_submitted_at=timezone.now())
    round_ = SubmissionRound(submission=submission, number=1, submitted_at=timezone.now(),
                             annual_report=annual_report, report_content={"number": annual_report.number},
                             sheet=scoring_sheet(agency=agency_a, year=today.year).as_json(),
                             pack_sha256="0" * 64, pack_bytes=64)
    round_.pack.save("ho-so-a.zip", ContentFile(b"PK\x05\x06 " + f"{VICTIM_NAME} {VICTIM_CODE}".encode()),
                     save=False)
    round_.save()
    ResultsPublication.objects.create(province=province, year=today.year, published_at=timezone.now(), rows=[
        {"agency_code": agency_a.code, "agency": agency_a.name, "self_total": "5.00", "reviewed_total": None,
         "total_max": "10.00", "rating": "", "status": "submitted"}])
    return officer, submission, round_
