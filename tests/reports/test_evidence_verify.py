"""A signed evidence pack (docs/contract.md, "Signatures and verification"): manifest.json.p7s signs the
manifest, every rendered PDF is signed PAdES, verify_evidence says OK with the test CA as trust root, and
one changed byte of one file makes it fail naming that file."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from core.signing import load_trust_roots
from tests.reports.test_compliance_report import scenario  # noqa: F401  (fixture)
from tests.reports.test_evidence_pack import build, pack_scenario  # noqa: F401  (fixture)
from tests.signing_certs import make_test_certificate, signing_cert  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def verify(path, trust=None) -> tuple[int, list[str]]:
    out = io.StringIO()
    args = [str(path)] + (["--trust", str(trust)] if trust else [])
    try:
        call_command("verify_evidence", *args, stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue().splitlines()


def rewrite(source, target, change):
    """Copy the ZIP with `change(name, content) -> content` applied to each entry."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, change(info.filename, old.read(info.filename)))
    return target


def test_signed_pack_verifies(pack_scenario, signing_cert, tmp_path):  # noqa: F811
    out = build(pack_scenario, tmp_path)
    with zipfile.ZipFile(out) as pack:
        names = set(pack.namelist())
        manifest = json.loads(pack.read("manifest.json"))
        pdfs = [e for e in manifest["files"] if e["path"].endswith(".pdf")]
        first_pdf = pack.read(pdfs[0]["path"])
    assert "manifest.json.p7s" in names
    assert {e["path"] for e in manifest["files"]} == names - {"manifest.json", "manifest.json.p7s"}
    assert pdfs and all(e.get("pades") for e in pdfs)
    # pyHanko's own validator, with the test CA as the only trust root
    context = ValidationContext(trust_roots=load_trust_roots(signing_cert.ca_pem.read_bytes()), allow_fetching=False)
    [embedded] = PdfFileReader(io.BytesIO(first_pdf)).embedded_signatures
    assert validate_pdf_signature(embedded, context).bottom_line
    code, lines = verify(out, signing_cert.ca_pem)
    assert code == 0 and lines[-1] == f"OK: {len(manifest['files'])} files, signed by {signing_cert.signer_cn}"
    assert verify(out)[1][-1].startswith("OK: ")  # integrity alone, without a trust root


def test_one_changed_byte_fails_naming_the_file(pack_scenario, signing_cert, tmp_path):  # noqa: F811
    out = build(pack_scenario, tmp_path)
    with zipfile.ZipFile(out) as pack:
        manifest = json.loads(pack.read("manifest.json"))
    for victim in (manifest["files"][0]["path"], manifest["files"][-1]["path"]):
        def flip(name, content, victim=victim):
            if name != victim:
                return content
            middle = len(content) // 2
            return content[:middle] + bytes([content[middle] ^ 0x01]) + content[middle + 1:]
        code, lines = verify(rewrite(out, tmp_path / "sua.zip", flip), signing_cert.ca_pem)
        assert code == 1 and lines[-1].startswith(f"FAIL: {victim}: checksum mismatch")
    code, lines = verify(rewrite(out, tmp_path / "sua.zip", lambda n, c: c.replace(b'"bytes"', b'"bytes" ')
                                 if n == "manifest.json" else c), signing_cert.ca_pem)
    assert code == 1 and lines[-1] == "FAIL: manifest.json: signature does not match the content"


def test_a_byte_flipped_in_the_raw_zip_names_the_file(pack_scenario, signing_cert, tmp_path):  # noqa: F811
    out = build(pack_scenario, tmp_path)
    raw = bytearray(out.read_bytes())
    with zipfile.ZipFile(out) as pack:
        info = pack.infolist()[0]
    # a byte in the middle of the first entry's compressed data
    header = 30 + len(info.filename.encode()) + len(info.extra)
    raw[info.header_offset + header + info.compress_size // 2] ^= 0xFF
    damaged = tmp_path / "hong.zip"
    damaged.write_bytes(bytes(raw))
    code, lines = verify(damaged, signing_cert.ca_pem)
    assert code == 1 and lines[-1].startswith(f"FAIL: {info.filename}: ")


def test_unsigned_pack_and_foreign_trust(pack_scenario, settings, tmp_path):  # noqa: F811
    settings.SIGNING_PKCS12_PATH = ""
    out = build(pack_scenario, tmp_path)
    with zipfile.ZipFile(out) as pack:
        assert "manifest.json.p7s" not in pack.namelist()
        count = len(json.loads(pack.read("manifest.json"))["files"])
    assert verify(out) == (0, [f"OK: {count} files, unsigned"])
    stranger = make_test_certificate(tmp_path / "la", ca_cn="CA lạ")
    code, lines = verify(out, stranger.ca_pem)
    assert code == 1 and lines[-1] == "FAIL: manifest.json.p7s: missing: the pack is not signed"


def test_a_pack_signed_by_another_ca_is_refused(pack_scenario, signing_cert, tmp_path):  # noqa: F811
    out = build(pack_scenario, tmp_path)
    stranger = make_test_certificate(tmp_path / "la", ca_cn="CA lạ")
    code, lines = verify(out, stranger.ca_pem)
    assert code == 1
    assert lines[-1] == "FAIL: manifest.json.p7s: signer's certificate does not chain to the trusted certificate"
