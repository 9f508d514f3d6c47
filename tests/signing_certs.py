"""A test certificate for digital signatures: a self-signed CA and a signer it issued, as PKCS#12
(what SIGNING_PKCS12_PATH points to) plus the CA as PEM (what `verify_evidence --trust` takes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "mat-khau-thu"
SIGNER_CN = "SỞ CÔNG THƯƠNG TỈNH TÂY NINH"


@dataclass(frozen=True)
class TestCertificate:
    pkcs12: Path
    password: str
    ca_pem: Path
    signer_cn: str


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND tỉnh Tây Ninh"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_test_certificate(folder: Path, *, ca_cn: str = "CA thử nghiệm", signer_cn: str = SIGNER_CN) -> TestCertificate:
    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = (x509.CertificateBuilder().subject_name(_name(ca_cn)).issuer_name(_name(ca_cn))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder().subject_name(_name(signer_cn)).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    p12 = folder / "ky-so.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"ky-so", key, cert, [ca], serialization.BestAvailableEncryption(PASSWORD.encode())))
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return TestCertificate(p12, PASSWORD, ca_pem, signer_cn)


@pytest.fixture
def signing_cert(settings, tmp_path) -> TestCertificate:
    """The agency's certificate configured as in production (SIGNING_PKCS12_PATH / _PASSWORD)."""
    cert = make_test_certificate(tmp_path / "ky-so")
    settings.SIGNING_PKCS12_PATH = str(cert.pkcs12)
    settings.SIGNING_PKCS12_PASSWORD = cert.password
    return cert
