"""L10 (issue 13): uploads were checked by extension only — a PE executable named .pdf was accepted
as a proof. `core.files.content_matches` checks the first bytes against the extension, for proofs
(manual evidence) and for every spreadsheet import form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.errors import DomainError
from core.files import content_matches
from tests.security import scenario

PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48


def test_content_matches_the_extension():
    assert content_matches(b"%PDF-1.7\n", "pdf") and content_matches(b"\xff\xd8\xff\xe0", ".JPG")
    assert content_matches(b"\x89PNG\r\n\x1a\n", "png") and content_matches(b"PK\x03\x04", "docx")
    assert content_matches(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp")
    assert content_matches(b"\x00\x00\x00\x18ftypheic", "heic")
    assert content_matches(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc")
    assert content_matches("\ufeffMã cán bộ,Họ và tên\n".encode(), "csv")
    for head, extension in ((PE, "pdf"), (PE, "csv"), (PE, "docx"), (b"PK\x03\x04", "csv"), (b"%PDF-", "png"),
                            (b"<html>", "pdf"), (b"\x7fELF", "jpg"), (b"%PDF-1.4", "exe")):
        assert not content_matches(head, extension), (head, extension)


@pytest.mark.django_db
def test_l10_a_program_named_pdf_is_refused_as_a_proof():
    from learning.models import ManualEvidence
    from learning.services.evidence import manual_evidence_record

    s = scenario.build()
    before = ManualEvidence.objects.count()
    with pytest.raises(DomainError) as caught:
        manual_evidence_record(employee=s.peer, directive=s.directive, date=dt.date.today(), actor=s.users["hr_a"],
                               proof=SimpleUploadedFile("bien-ban.pdf", PE, "application/pdf"))
    assert caught.value.code == "proof_content"
    assert ManualEvidence.objects.count() == before
    real = manual_evidence_record(employee=s.peer, directive=s.directive, date=dt.date.today(),
                                  actor=s.users["hr_a"],
                                  proof=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 ok", "application/pdf"))
    assert real.proof


@pytest.mark.django_db
def test_l10_a_program_named_csv_is_refused_by_the_import_forms():
    s = scenario.build()
    client = Client()
    client.force_login(s.users["hr_a"])
    for url in (reverse("org_roster:upload"), reverse("learning_studysession:import", args=[s.session.pk])):
        response = client.post(url, {"action": "preview", "file": SimpleUploadedFile("ds.csv", PE, "text/csv")})
        assert response.status_code == 200
        assert "Nội dung tệp không đúng với đuôi .csv" in response.content.decode(), url
