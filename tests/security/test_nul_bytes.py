"""L5 (issue 13): a CSV with a NUL byte passed the preview, then PostgreSQL refused it on apply
(a 500, the upload left behind). The shared table reader refuses it, naming the row and column."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.errors import ImportRefused
from core.tables import Column, read_table
from tests.security import scenario

COLUMNS = [Column("employee_code", "Mã cán bộ", required=True), Column("status", "Trạng thái")]


def test_l5_a_nul_byte_is_refused_with_its_row_and_column():
    data = "\ufeffMã cán bộ,Trạng thái\nSCT0001,Có mặt\nSCT\x000002,Có mặt\n".encode()
    with pytest.raises(ImportRefused) as caught:
        read_table(data, COLUMNS, filename="ds.csv")
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (3, "Mã cán bộ") and "NUL" in problem.message


def test_a_nul_byte_in_a_column_without_a_header_is_named_by_its_letter():
    data = b"M\xc3\xa3 c\xc3\xa1n b\xe1\xbb\x99,Tr\xe1\xba\xa1ng th\xc3\xa1i\nSCT0001,x,\x00\n"
    with pytest.raises(ImportRefused) as caught:
        read_table(data, COLUMNS, filename="ds.csv")
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "C")]


@pytest.mark.django_db
def test_l5_the_upload_screen_refuses_it_at_the_preview_and_writes_nothing():
    from learning.models import Attendance

    s = scenario.build()
    client = Client()
    client.force_login(s.users["hr_a"])
    url = reverse("learning_studysession:import", args=[s.session.pk])
    # past the first bytes the upload form sniffs (core.files, L10), so the reader is what refuses it
    sheet = f"\ufeffMã cán bộ,Trạng thái,Ghi chú\n{scenario.VICTIM_CODE},Có mặt,{'x' * 80}\x00\n".encode()
    response = client.post(url, {"action": "preview", "file": SimpleUploadedFile("ds.csv", sheet, "text/csv")})
    assert response.status_code == 200
    assert [(p.row, p.column) for p in response.context["problems"]] == [(2, "Ghi chú")]
    assert "pending" not in response.context or not response.context["pending"]
    assert not Attendance.objects.exists()
