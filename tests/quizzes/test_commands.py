import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from org.models import AuditLog
from quizzes.models import Attempt, AttemptSource, Question, Quiz
from tests.factories import EmployeeFactory

from .factories import make_directive

pytestmark = pytest.mark.django_db
FILES = Path(__file__).parent / "files"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def quiz():
    make_directive("23-QĐ/TW")
    make_directive("10/2022/QH15", issue_date=dt.date(2022, 11, 10))
    run("create_quiz", "--slug", "dan-van", "--title", "Kiểm tra dân vận", "--directive", "23-QĐ/TW",
        "--directive", "10/2022/qh15", "--pass-mark", "70", "--max-questions", "5", "--time-limit", "15",
        "--attempts", "3")
    return Quiz.objects.get(slug="dan-van")


def test_create_quiz(quiz):
    assert quiz.pass_mark == 70 and quiz.max_questions == 5 and quiz.time_limit_minutes == 15
    assert quiz.attempts_allowed == 3
    assert sorted(quiz.directives.values_list("number", flat=True)) == ["10/2022/QH15", "23-QĐ/TW"]


def test_create_quiz_refuses_unknown_directive_and_duplicate_slug(quiz):
    with pytest.raises(CommandError):
        run("create_quiz", "--slug", "khac", "--title", "T", "--directive", "99-QĐ/TW")
    with pytest.raises(CommandError):
        run("create_quiz", "--slug", "dan-van", "--title", "T", "--directive", "23-QĐ/TW")
    assert Quiz.objects.count() == 1


def test_import_gift_counts_and_is_idempotent(quiz):
    out, _ = run("import_questions", str(FILES / "bank.gift"), "--quiz", "dan-van")
    assert out.strip() == "imported 7 questions"
    assert quiz.quiz_questions.count() == 7 and Question.objects.count() == 7
    out, err = run("import_questions", str(FILES / "bank.gift"), "--quiz", "dan-van")
    assert out.strip() == "imported 7 questions" and "0 new" in err
    assert quiz.quiz_questions.count() == 7 and Question.objects.count() == 7
    category = Question.objects.filter(category__name="23-QĐ/TW").first().category
    assert category.directive.number == "23-QĐ/TW"  # the category of a directive is linked to it


def test_import_aiken_with_format_flag_and_default_category(quiz, tmp_path):
    path = tmp_path / "bank.txt"
    path.write_bytes((FILES / "bank.aiken").read_bytes())
    out, _ = run("import_questions", str(path), "--quiz", "dan-van", "--format", "aiken")
    assert out.strip() == "imported 2 questions"
    assert set(Question.objects.values_list("category__name", flat=True)) == {"10/2022/QH15"}


def test_dry_run_and_malformed_files_write_nothing(quiz):
    out, err = run("import_questions", str(FILES / "bank.gift"), "--quiz", "dan-van", "--dry-run")
    assert out.strip() == "imported 7 questions" and "dry run" in err
    assert Question.objects.count() == 0
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_questions", str(FILES / "malformed.gift"), "--quiz", "dan-van", stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("line 3: unclosed") and len(lines) == 7
    assert Question.objects.count() == 0


@pytest.mark.parametrize("fmt", ["gift", "xlsx"])
def test_export_import_export_is_byte_identical(quiz, tmp_path, fmt):
    run("import_questions", str(FILES / "bank.gift"), "--quiz", "dan-van")
    run("import_questions", str(FILES / "bank.aiken"), "--quiz", "dan-van")
    first = tmp_path / f"first.{fmt}"
    if fmt == "gift":
        out, _ = run("export_questions", "--quiz", "dan-van", "--format", "gift")
        first.write_text(out, encoding="utf-8")
    else:
        run("export_questions", "--quiz", "dan-van", "--format", "xlsx", "--out", str(first))
    run("create_quiz", "--slug", "ban-sao", "--title", "Bản sao", "--directive", "23-QĐ/TW")
    out, _ = run("import_questions", str(first), "--quiz", "ban-sao", "--format", fmt)
    assert out.strip() == "imported 9 questions"
    second = tmp_path / f"second.{fmt}"
    if fmt == "gift":
        out, _ = run("export_questions", "--quiz", "ban-sao")
        second.write_text(out, encoding="utf-8")
    else:
        run("export_questions", "--quiz", "ban-sao", "--format", "xlsx", "--out", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_export_into_an_empty_database_gives_the_same_questions(quiz, tmp_path):
    run("import_questions", str(FILES / "bank.gift"), "--quiz", "dan-van")
    out, _ = run("export_questions", "--quiz", "dan-van")
    Quiz.objects.all().delete()
    Question.objects.all().delete()
    run("create_quiz", "--slug", "moi", "--title", "Mới", "--directive", "23-QĐ/TW")
    path = tmp_path / "x.gift"
    path.write_text(out, encoding="utf-8")
    run("import_questions", str(path), "--quiz", "moi")
    assert run("export_questions", "--quiz", "moi")[0] == out


def write_csv(tmp_path, text):
    path = tmp_path / "ketqua.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_paper_results_import_is_idempotent(quiz, tmp_path):
    a, b = EmployeeFactory(employee_code="SCT0100"), EmployeeFactory(employee_code="SCT0101")
    path = write_csv(tmp_path, "Mã cán bộ,Điểm,Điểm tối đa,Ngày làm bài\nSCT0100,8,10,15/05/2024\n"
                               "SCT0101,6.5,,2024-05-15\n")
    out, _ = run("import_quiz_results", str(path), "--quiz", "dan-van", "--dry-run")
    assert Attempt.objects.count() == 0
    out, _ = run("import_quiz_results", str(path), "--quiz", "dan-van")
    assert "created 2" in out and "1 passed" in out
    passed = Attempt.objects.get(employee=a)
    assert passed.source == AttemptSource.PAPER and passed.passed and passed.evidence_date == dt.date(2024, 5, 15)
    assert passed.percent == 80
    assert not Attempt.objects.get(employee=b).passed  # 65% < 70%
    out, _ = run("import_quiz_results", str(path), "--quiz", "dan-van")
    assert "created 0, updated 0, unchanged 2" in out and Attempt.objects.count() == 2
    path = write_csv(tmp_path, "ma can bo,diem,ngay lam bai\nSCT0101,7,15/05/2024\n")
    out, _ = run("import_quiz_results", str(path), "--quiz", "dan-van")
    assert "updated 1" in out and Attempt.objects.get(employee=b).passed
    changes = AuditLog.objects.filter(action="quiz.paper_result").order_by("id")
    assert changes.count() == 3 and changes.last().before["passed"] == "False"  # 2 created, 1 corrected


def test_paper_results_bad_rows_refuse_everything(quiz, tmp_path):
    EmployeeFactory(employee_code="SCT0100")
    path = write_csv(tmp_path, "Mã cán bộ,Điểm,Điểm tối đa,Ngày làm bài\nSCT0100,8,10,15/05/2024\n"
                               "KHONGCO,5,10,15/05/2024\nSCT0100,11,10,16/05/2024\nSCT0100,x,10,32/05/2024\n"
                               "SCT0100,5,10,15/05/2024\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_quiz_results", str(path), "--quiz", "dan-van", stderr=err)
    text = err.getvalue()
    assert 'row 3, column "Mã cán bộ": unknown staff code "KHONGCO"' in text
    assert 'row 4, column "Điểm"' in text and 'row 5, column "Điểm"' in text
    assert 'row 5, column "Ngày làm bài"' in text and "row 6" in text
    assert Attempt.objects.count() == 0
