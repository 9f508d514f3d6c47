"""What a scorer finds in the evidence pack (issue 14, item 4): the session's originals byte for byte
next to its generated list, manual-evidence proofs with their list, exemptions with reasons, the
table of contents saying what each file proves; a signed pack with originals still verifies."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from openpyxl import load_workbook

from learning.models import ManualEvidence, StudySession
from learning.services.records import session_record_attach
from tests.reports.test_compliance_report import scenario  # noqa: F401  (fixture)
from tests.reports.test_evidence_pack import build, pack_scenario  # noqa: F401  (fixture)
from tests.signing_certs import signing_cert  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

SCAN = b"%PDF-1.4\n% scanned signed sheet\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 16


@pytest.fixture
def with_originals(pack_scenario):  # noqa: F811
    session = StudySession.objects.get(campaign=pack_scenario)
    session_record_attach(session=session, content=SCAN, filename="danh sach ky ten.pdf", kind="sheet",
                          note="Bản có chữ ký")
    session_record_attach(session=session, content=PHOTO, filename="IMG_0001.pdf", kind="photo")
    evidence = ManualEvidence.objects.get()
    evidence.proof.save("giay-xac-nhan.pdf", ContentFile(b"%PDF-1.4 xac nhan"), save=True)
    return pack_scenario, session, evidence


def _text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_originals_proofs_exemptions_and_contents(with_originals, tmp_path):
    campaign, session, evidence = with_originals
    out = build(campaign, tmp_path)
    with zipfile.ZipFile(out) as pack:
        names = pack.namelist()
        manifest = json.loads(pack.read("manifest.json"))
        stem = f"2-diem-danh/{session.date:%Y-%m-%d}-hoi-nghi-{session.pk}"
        assert f"{stem}.pdf" in names
        assert pack.read(f"{stem}-ban-goc/01-sheet-danh_sach_ky_ten.pdf") == SCAN  # byte for byte
        assert pack.read(f"{stem}-ban-goc/02-photo-IMG_0001.jpg") == PHOTO  # named by what it is
        proof = f"6-minh-chung-khac/tep/{evidence.pk}-giay-xac-nhan.pdf"
        assert pack.read(proof) == b"%PDF-1.4 xac nhan"
        listed = load_workbook(io.BytesIO(pack.read(next(n for n in names if n.startswith("6-minh-chung-khac/minh")))))
        row = [c for c in next(listed.active.iter_rows(min_row=5, values_only=True))]
        assert row[0] == evidence.pk and row[1] == "SCT002" and row[7] == f"{evidence.pk}-giay-xac-nhan.pdf"
        exempt = load_workbook(io.BytesIO(pack.read(next(n for n in names if n.startswith("7-mien-hoc/")))))
        assert [r[:2] for r in exempt.active.iter_rows(min_row=5, values_only=True)] == [("SCT005", "Phạm Văn Cường")]
        assert manifest["files"][0]["path"] == "0-muc-luc.pdf"
        assert {f["path"] for f in manifest["files"]} == set(names) - {"manifest.json"}
        contents = _text(pack.read("0-muc-luc.pdf"))
        if os.environ.get("PACK_SHOTS"):
            (Path(os.environ["PACK_SHOTS"]) / "muc-luc.pdf").write_bytes(pack.read("0-muc-luc.pdf"))
    flat = " ".join(contents.split())
    assert "MỤC LỤC" in flat and "HỒ SƠ MINH CHỨNG" in flat and "SỞ CÔNG THƯƠNG" in flat
    for fragment in ("Bản gốc: danh sách ký", "Bản gốc: ảnh hội nghị", "Danh sách miễn học và", "Học tập ngoài hệ",
                     "II. HỘI NGHỊ HỌC TẬP, QUÁN TRIỆT", "VII. MIỄN HỌC", "(Số liệu tính đến ngày 01/12/2024)"):
        assert fragment in flat
    # one numbered row per file of the pack, the contents and the manifest aside
    assert len(re.findall(r"^\s*(\d+)\s", contents, re.M)) >= len(manifest["files"]) - 1


def test_signed_pack_with_originals_verifies(with_originals, signing_cert, tmp_path):  # noqa: F811
    campaign, session, _ = with_originals
    out = build(campaign, tmp_path)
    with zipfile.ZipFile(out) as pack:
        manifest = {f["path"]: f for f in json.loads(pack.read("manifest.json"))["files"]}
    stem = f"2-diem-danh/{session.date:%Y-%m-%d}-hoi-nghi-{session.pk}"
    assert manifest["0-muc-luc.pdf"].get("pades") and manifest[f"{stem}.pdf"].get("pades")
    assert not manifest[f"{stem}-ban-goc/01-sheet-danh_sach_ky_ten.pdf"].get("pades")  # never re-signed
    stdout = io.StringIO()
    call_command("verify_evidence", str(out), "--trust", str(signing_cert.ca_pem), stdout=stdout)
    assert stdout.getvalue().splitlines()[-1] == f"OK: {len(manifest)} files, signed by {signing_cert.signer_cn}"
