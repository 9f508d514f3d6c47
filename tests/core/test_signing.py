"""core.signing: PAdES signatures of issued PDFs and detached CMS signatures, accepted by pyHanko's own
validator with the test CA as the only trust root; nothing changes when no certificate is configured."""

from __future__ import annotations

import asyncio
import io

import pytest
from asn1crypto import cms
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko_certvalidator import ValidationContext
from reportlab.platypus import Paragraph

from core import signing
from core.pdf import PdfDocument, styles
from tests.signing_certs import make_test_certificate, signing_cert  # noqa: F401  (fixture)


class Note(PdfDocument):
    title = "Thử ký số"

    def story(self):
        return [Paragraph("Báo cáo kết quả học tập, quán triệt", styles()["body"])]


def _off_loop(fn, *args, **kwargs):
    """pyHanko's own validator, run as core.signing runs it (asyncio.run refuses a running loop, which
    the browser tests' Playwright leaves in this process)."""
    return signing._outside_event_loop(fn)(*args, **kwargs)


def _trust(cert):
    return signing.load_trust_roots(cert.ca_pem.read_bytes())


def test_unconfigured_documents_are_not_signed(settings):
    settings.SIGNING_PKCS12_PATH = ""
    content = Note().render()
    assert b"/ByteRange" not in content
    assert signing.sign_pdf(content) == content and signing.sign_detached(b"x") is None


def test_every_pdf_document_is_signed_pades_and_pyhanko_accepts_it(signing_cert):  # noqa: F811
    content = Note().render()
    reader = PdfFileReader(io.BytesIO(content))
    [embedded] = reader.embedded_signatures
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    context = ValidationContext(trust_roots=_trust(signing_cert), allow_fetching=False)
    status = _off_loop(validate_pdf_signature, embedded, context)
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert status.signing_cert.subject.native["common_name"] == signing_cert.signer_cn
    assert signing.verify_pdf(content, trust=_trust(signing_cert)) == signing.Verdict(True, "", signing_cert.signer_cn)


def test_detached_cms_signature_verifies_and_detects_changes(signing_cert):  # noqa: F811
    data = b'{"files": []}'
    der = signing.sign_detached(data)
    signed_data = cms.ContentInfo.load(der)["content"]
    context = ValidationContext(trust_roots=_trust(signing_cert), allow_fetching=False)
    status = _off_loop(lambda: asyncio.run(async_validate_detached_cms(data, signed_data,
                                                                      signer_validation_context=context)))
    assert status.intact and status.valid and status.trusted
    assert signing.verify_detached(data, der, trust=_trust(signing_cert)).ok
    assert signing.verify_detached(data + b" ", der, trust=_trust(signing_cert)).reason == \
        "signature does not match the content"


def test_a_foreign_root_is_not_trusted(signing_cert, tmp_path):  # noqa: F811
    stranger = _trust(make_test_certificate(tmp_path / "la", ca_cn="CA lạ"))
    content = Note().render()
    assert signing.verify_pdf(content, trust=stranger).reason == \
        "signer's certificate does not chain to the trusted certificate"
    assert not signing.verify_detached(b"x", signing.sign_detached(b"x"), trust=stranger).ok


def test_tampered_pdf_fails(signing_cert):  # noqa: F811
    content = bytearray(Note().render())
    content[content.index(b"/Title") + 8] ^= 0x01
    assert not signing.verify_pdf(bytes(content), trust=_trust(signing_cert)).ok
    appended = Note().render() + b"\n% added later\n"
    verdict = signing.verify_pdf(appended, trust=_trust(signing_cert))
    assert not verdict.ok


def test_wrong_password_is_a_clear_error(settings, signing_cert):  # noqa: F811
    settings.SIGNING_PKCS12_PASSWORD = "sai"
    with pytest.raises(signing.SigningError, match="cannot read the PKCS#12 file"):
        Note().render()


def test_signing_and_checking_work_inside_a_running_event_loop(signing_cert):  # noqa: F811
    """An ASGI server or a browser-driving test runs an event loop; pyHanko's asyncio.run must not fail there."""

    async def inside():
        signed = Note().render()  # signed by core.signing inside the loop
        return signing.verify_pdf(signed), signing.verify_detached(b"x", signing.sign_detached(b"x"))

    pdf_verdict, cms_verdict = _off_loop(asyncio.run, inside())
    assert pdf_verdict.ok and cms_verdict.ok
