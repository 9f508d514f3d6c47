"""Digital signatures (ký số) of what the product issues, with pyHanko.

- `sign_pdf(content)`: a PAdES signature (SubFilter ETSI.CAdES.detached) over the whole PDF, added as
  an incremental update, when the agency's certificate is configured; the bytes unchanged otherwise.
- `sign_detached(content)`: a detached CMS signature (DER) of any bytes — `manifest.json.p7s` of the
  evidence pack.
- `verify_pdf(content, trust=…)` / `verify_detached(content, signature, trust=…)`: the checks
  `verify_evidence` runs, offline.

The certificate is a PKCS#12 file: `SIGNING_PKCS12_PATH` and `SIGNING_PKCS12_PASSWORD` (settings,
from the environment). Signing never touches the network: no timestamp server, no revocation
fetch; the signing time is the machine's clock (a qualified timestamp is a next step, with a TSA
reachable from the server; docs/deployment.md). Hardware tokens (USB token of the Ban Cơ yếu CA)
go through pyHanko's PKCS#11 signer: the same two functions with another `Signer`.
"""

from __future__ import annotations

import asyncio
import functools
import io
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

PADES_FIELD = "ChuKySo"

# pyHanko imports cryptography's DSA interface, which warns on every start; we never sign with DSA.
warnings.filterwarnings("ignore", message="DSA is deprecated")


class SigningError(RuntimeError):
    """The configured certificate cannot be used (missing file, wrong password)."""


def signing_configured() -> bool:
    return bool(getattr(settings, "SIGNING_PKCS12_PATH", ""))


@lru_cache(maxsize=4)
def _load_signer(path: str, password: str, mtime: float):
    from pyhanko.sign import signers

    loaded = signers.SimpleSigner.load_pkcs12(pfx_file=path, passphrase=password.encode() if password else None)
    if loaded is None:
        raise SigningError(f"{path}: cannot read the PKCS#12 file (wrong password, or not a PKCS#12 file)")
    return _kept_key_signer_class()(signing_cert=loaded.signing_cert, signing_key=loaded.signing_key,
                                    cert_registry=loaded.cert_registry)


@lru_cache(maxsize=1)
def _kept_key_signer_class():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class KeptKeySigner(SimpleSigner):
        """pyHanko's SimpleSigner parses its private key again for every signature, and for RSA
        that parse (with cryptography's key check) costs ≈0.14 s — most of a signature. This one
        parses it once; other mechanisms (PSS, ECDSA) go the usual way."""

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            try:
                mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            except ValueError:
                mechanism = ""
            if mechanism != "rsassa_pkcs1v15":
                return super().sign_raw(data, digest_algorithm)
            if not hasattr(self, "_parsed_key"):
                self._parsed_key = serialization.load_der_private_key(self.signing_key.dump(), password=None)
            return self._parsed_key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))

    return KeptKeySigner


def signer():
    """The configured signer (cached per file and password; a replaced file is read again)."""
    path = settings.SIGNING_PKCS12_PATH
    try:
        mtime = Path(path).stat().st_mtime
    except OSError as exc:
        raise SigningError(f"SIGNING_PKCS12_PATH {path}: {exc.strerror}") from exc
    return _load_signer(path, getattr(settings, "SIGNING_PKCS12_PASSWORD", "") or "", mtime)


def signer_name() -> str:
    """The subject common name of the configured certificate ("" when none is configured)."""
    if not signing_configured():
        return ""
    return _common_name(signer().signing_cert)


def _common_name(cert) -> str:
    return str(cert.subject.native.get("common_name", "") or cert.subject.human_friendly)


def _outside_event_loop(fn):
    """pyHanko runs its coroutines with asyncio.run, which refuses to start inside a running event
    loop (an ASGI server, a test driving a browser): there, the call runs on a thread of its own."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return fn(*args, **kwargs)
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(fn, *args, **kwargs).result()

    return wrapper


@_outside_event_loop
def sign_pdf(content: bytes, *, reason: str = "", location: str = "") -> bytes:
    """`content` signed PAdES when a certificate is configured; `content` itself otherwise."""
    if not signing_configured():
        return content
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(content), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=PADES_FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        reason=reason or None, location=location or None,
    )
    current = signer()
    # Reserving the room for the signature ourselves spares pyHanko a trial signature to measure it.
    return signers.sign_pdf(writer, meta, signer=current, bytes_reserved=_reserved_bytes(current)).getvalue()


def _reserved_bytes(current) -> int:
    """Room for the CMS container: the certificates it embeds, the signature value and the signed
    attributes, with a wide margin (a 4096-bit key and a long chain fit)."""
    certs = [current.signing_cert, *current.cert_registry]
    return 8192 + 2 * sum(len(cert.dump()) for cert in certs)


@_outside_event_loop
def sign_detached(content: bytes) -> bytes | None:
    """A detached CMS SignedData (DER) of `content`; None when no certificate is configured."""
    if not signing_configured():
        return None
    data = asyncio.run(signer().async_sign_general_data(content, "sha256", detached=True))
    return data.dump()


# --- verification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str = ""
    signer: str = ""  # the subject common name of the signing certificate


def load_trust_roots(pem_or_der: bytes) -> list:
    """Certificates of a --trust file (PEM, one or several, or a single DER)."""
    from asn1crypto import pem, x509

    if pem.detect(pem_or_der):
        return [x509.Certificate.load(der) for _, _, der in pem.unarmor(pem_or_der, multiple=True)]
    return [x509.Certificate.load(pem_or_der)]


def _context(trust: list | None, extra: list):
    from pyhanko_certvalidator import ValidationContext

    # Offline: no fetching of CRLs, OCSP or intermediates; with no --trust, the signer's own chain
    # is taken as given (the check is then integrity only, said so by the caller).
    return ValidationContext(trust_roots=trust if trust else extra, allow_fetching=False,
                             revocation_mode="soft-fail")


def _status_reason(status, trust: list | None) -> str:
    if not status.intact:
        return "signature does not match the content"
    if not status.valid:
        return "signature is not valid"
    if trust and not status.trusted:
        return "signer's certificate does not chain to the trusted certificate"
    return ""


@_outside_event_loop
def verify_detached(content: bytes, signature: bytes, *, trust: list | None = None) -> Verdict:
    from asn1crypto import cms
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms

    try:
        info = cms.ContentInfo.load(signature)
        signed = info["content"]
        certs = [c.chosen for c in signed["certificates"]]
    except (ValueError, TypeError, KeyError) as exc:
        return Verdict(False, f"not a CMS signature ({exc})")
    try:
        status = asyncio.run(async_validate_detached_cms(content, signed,
                                                         signer_validation_context=_context(trust, certs)))
    except Exception as exc:  # noqa: BLE001 — any parsing or crypto failure is a failed check
        return Verdict(False, f"signature cannot be checked ({type(exc).__name__}: {exc})")
    reason = _status_reason(status, trust)
    return Verdict(not reason, reason, _common_name(status.signing_cert))


@_outside_event_loop
def verify_pdf(content: bytes, *, trust: list | None = None) -> Verdict:
    """Every signature of the PDF intact and valid, the last one covering the whole file."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # noqa: BLE001
        return Verdict(False, f"not a readable PDF ({type(exc).__name__}: {exc})")
    if not signatures:
        return Verdict(False, "PDF is not signed")
    name = ""
    for embedded in signatures:
        try:
            certs = [c.chosen for c in embedded.signed_data["certificates"]]
            status = validate_pdf_signature(embedded, _context(trust, certs))
        except Exception as exc:  # noqa: BLE001
            return Verdict(False, f"signature cannot be checked ({type(exc).__name__}: {exc})")
        reason = _status_reason(status, trust)
        if reason:
            return Verdict(False, reason)
        name = _common_name(status.signing_cert)
    if signatures[-1].coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return Verdict(False, "content added after the signature")
    return Verdict(True, "", name)
