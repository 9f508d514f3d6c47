"""POST /api/v1/roster and /api/v1/evidence: write tokens only, the rules of import_roster
(all or nothing, row numbers as in a sheet), evidence idempotent by the caller's id and counted by
compliance as `external`."""

from __future__ import annotations

import pytest

from api.models import ExternalEvidence
from org.models import AuditLog, Employee
from tests.api.conftest import bearer, create_token

pytestmark = pytest.mark.django_db

ROWS = [
    {"employee_code": "SCT100", "full_name": "Đỗ Thị Mới", "unit": "VP", "category": "cong_chuc",
     "email": "moi@sct.example.vn", "start_date": "2024-09-01"},
    {"employee_code": "SCT101", "full_name": "Hồ Văn Mới", "unit": "Thanh tra Sở", "category": "Viên chức"},
]


def post(client, url, body, secret):
    return client.post(url, body, content_type="application/json", **bearer(secret))


def test_roster_creates_then_is_idempotent(client, world):
    secret = create_token("SCT", write=True)
    first = post(client, "/api/v1/roster", {"rows": ROWS}, secret)
    assert first.status_code == 200
    assert first.json() == {"created": 2, "updated": 0, "unchanged": 0}
    moi = Employee.objects.get(employee_code="SCT100")
    assert (moi.agency, moi.unit, moi.email, str(moi.start_date)) == (
        world["agency"], world["vp"], "moi@sct.example.vn", "2024-09-01")
    assert post(client, "/api/v1/roster", {"rows": ROWS}, secret).json() == {"created": 0, "updated": 0,
                                                                             "unchanged": 2}
    changed = [dict(ROWS[0], full_name="Đỗ Thị Mới Đổi"), ROWS[1]]
    assert post(client, "/api/v1/roster", {"rows": changed}, secret).json() == {"created": 0, "updated": 1,
                                                                                "unchanged": 1}
    assert AuditLog.objects.filter(action="roster.import", agency=world["agency"]).count() == 3


def test_roster_accepts_the_vietnamese_headers_too(client, world):
    rows = [{"Mã cán bộ": "SCT200", "Họ và tên": "Lý Thị Tên", "Đơn vị": "VP", "Loại": "Công chức"}]
    response = post(client, "/api/v1/roster", {"rows": rows}, create_token("SCT", write=True))
    assert response.json() == {"created": 1, "updated": 0, "unchanged": 0}


def test_roster_dry_run_writes_nothing(client, world):
    response = post(client, "/api/v1/roster", {"rows": ROWS, "dry_run": True}, create_token("SCT", write=True))
    assert response.json() == {"created": 2, "updated": 0, "unchanged": 0}
    assert not Employee.objects.filter(employee_code__in=["SCT100", "SCT101"]).exists()


def test_faulty_rows_refuse_the_whole_roster_with_row_numbers(client, world):
    rows = [
        ROWS[0],
        {"employee_code": "SCT102", "full_name": "", "unit": "VP", "category": "cong_chuc"},
        {"employee_code": "SCT103", "full_name": "Không Đơn Vị", "unit": "Phòng Ma", "category": "cong_chuc"},
        {"employee_code": "SCT100", "full_name": "Trùng Mã", "unit": "VP", "category": "giam_doc",
         "email": "abc@"},
    ]
    before = Employee.objects.count()
    response = post(client, "/api/v1/roster", {"rows": rows}, create_token("SCT", write=True))
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert [(p["row"], p["column"]) for p in problems] == [
        (3, "full_name"), (4, "unit"), (5, "employee_code"), (5, "email"), (5, "category")]
    assert problems[0]["message"] == "a value is required"
    assert "first at row 2" in problems[2]["message"]
    assert Employee.objects.count() == before
    assert not AuditLog.objects.filter(action="roster.import").exists()


def test_roster_a_non_scalar_value_is_a_problem_of_its_row(client, world):
    rows = [ROWS[0], {**ROWS[1], "unit": {"code": "VP"}}]
    response = post(client, "/api/v1/roster", {"rows": rows}, create_token("SCT", write=True))
    assert response.status_code == 422
    assert [(p["row"], p["column"]) for p in response.json()["problems"]] == [(3, "unit")]


def test_roster_of_the_wrong_shape_is_422(client, world):
    response = post(client, "/api/v1/roster", {"rows": "SCT100"}, create_token("SCT", write=True))
    assert response.status_code == 422
    assert response.json()["problems"][0]["column"] == "rows"


def test_a_read_only_token_cannot_write(client, world):
    secret = create_token("SCT")
    assert post(client, "/api/v1/roster", {"rows": ROWS}, secret).status_code == 403
    evidence = {"employee_code": "SCT002", "directive": "33/CT-TTg", "date": "2024-06-01", "source": "LMS",
                "external_id": "e-1"}
    assert post(client, "/api/v1/evidence", evidence, secret).status_code == 403
    assert not Employee.objects.filter(employee_code="SCT100").exists()
    assert not ExternalEvidence.objects.exists()


EVIDENCE = {"employee_code": "SCT002", "directive": "33/CT-TTg", "date": "2024-06-01", "source": "LMS tỉnh",
            "external_id": "lms-7781"}


def test_evidence_is_recorded_once_and_counts_as_external(client, world, django_capture_on_commit_callbacks):
    secret = create_token("SCT", write=True)
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, "/api/v1/evidence", EVIDENCE, secret)
    assert first.status_code == 201
    assert first.json() == {"id": first.json()["id"], "employee_code": "SCT002", "directive": "33/CT-TTg",
                            "date": "2024-06-01", "source": "LMS tỉnh", "external_id": "lms-7781"}
    again = post(client, "/api/v1/evidence", dict(EVIDENCE, date="2024-07-01"), secret)
    assert again.status_code == 200 and again.json() == first.json()
    assert ExternalEvidence.objects.count() == 1
    rows = client.get("/api/v1/campaigns/dan-van-2024/compliance?as_of=2024-12-01", **bearer(secret)).json()["results"]
    binh = [(r["requirement"], r["status"], r["evidence"], r["evidence_date"]) for r in rows
            if r["employee_code"] == "SCT002"]
    assert binh == [("23-QĐ/TW", "completed_late", "manual", "2024-11-03"),
                    ("33/CT-TTg", "completed", "external", "2024-06-01")]
    assert AuditLog.objects.filter(action="external_evidence.receive", agency=world["agency"]).count() == 1


def test_the_same_external_id_in_another_agency_is_another_record(client, world):
    post(client, "/api/v1/evidence", EVIDENCE, create_token("SCT", write=True))
    theirs = dict(EVIDENCE, employee_code="SYT001")
    assert post(client, "/api/v1/evidence", theirs, create_token("SYT", write=True)).status_code == 201
    assert ExternalEvidence.objects.count() == 2


@pytest.mark.parametrize("change, status, words", [
    ({"employee_code": "NOBODY"}, 404, 'unknown employee "NOBODY"'),
    ({"employee_code": "SYT001"}, 404, 'unknown employee "SYT001"'),  # another agency's staff
    ({"directive": "99/XX"}, 422, 'unknown directive "99/XX"'),
    ({"date": "31/02/2024"}, 422, "is not a date"),
    ({"date": "2999-01-01"}, 422, "in the future"),
    ({"source": " "}, 422, '"source" is required'),
    ({"external_id": ""}, 422, '"external_id" is required'),
])
def test_evidence_refused_with_a_message(client, world, change, status, words):
    response = post(client, "/api/v1/evidence", dict(EVIDENCE, **change), create_token("SCT", write=True))
    assert response.status_code == status
    assert words in response.json()["message"]
    assert not ExternalEvidence.objects.exists()


def test_evidence_missing_a_field_is_422(client, world):
    body = {k: v for k, v in EVIDENCE.items() if k != "directive"}
    response = post(client, "/api/v1/evidence", body, create_token("SCT", write=True))
    assert response.status_code == 422
    assert response.json()["problems"][0]["column"] == "directive"
