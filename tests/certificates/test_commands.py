import io

import pytest
from django.core.management import CommandError, call_command

from certificates.models import Certificate, CertificateStatus
from org.models import AuditLog
from tests.factories import EmployeeFactory
from tests.signing_certs import signing_cert  # noqa: F401  (fixture)


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_issue_certificates_prints_issued_n_and_is_idempotent(scenario, tmp_path):
    scenario.study(scenario.person("SCT001"))
    scenario.study(scenario.person("SCT002", "Đặng Văn Ưng"))
    scenario.person("SCT003")
    out = tmp_path / "pdfs"
    assert run("issue_certificates", "--campaign", "dan-van-2024", "--as-of", "15/11/2024", "--out", str(out)) \
        == "issued 2\n"
    assert sorted(p.name for p in out.iterdir()) == ["SCT001.pdf", "SCT002.pdf"]
    assert run("issue_certificates", "--campaign", "dan-van-2024", "--as-of", "2024-11-15") == "issued 0\n"
    assert Certificate.objects.count() == 2


def test_issue_certificates_refuses_unknown_campaign_and_bad_date(scenario):
    with pytest.raises(CommandError, match="unknown campaign"):
        run("issue_certificates", "--campaign", "khong-co")
    with pytest.raises(CommandError, match="--as-of"):
        run("issue_certificates", "--campaign", "dan-van-2024", "--as-of", "31/02/2024")


def test_revoke_certificate_by_code_in_any_form(scenario):
    scenario.study(scenario.person("SCT001"))
    run("issue_certificates", "--campaign", "dan-van-2024", "--as-of", "2024-11-15")
    certificate = Certificate.objects.get()
    typed = certificate.display_code.lower().replace("-", " ")
    assert "revoked 1/2024/GCN-SCT" in run("revoke_certificate", typed, "--reason", "Cấp nhầm người")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_reason == "Cấp nhầm người" and certificate.revoked_at is not None
    entry = AuditLog.objects.get(action="certificate.revoke")
    assert entry.object_id == str(certificate.pk) and entry.after["reason"] == "Cấp nhầm người"
    with pytest.raises(CommandError, match="already revoked"):
        run("revoke_certificate", certificate.code, "--reason", "lần hai")
    with pytest.raises(CommandError, match="no certificate"):
        run("revoke_certificate", "AAAA-BBBB-CCCC-DDDD-EEEE", "--reason", "x")


def test_issue_certificates_out_writes_every_valid_certificate_including_earlier_ones(scenario, tmp_path,
                                                                                      signing_cert):  # noqa: F811
    from certificates.services import certificate_issue
    from core.signing import load_trust_roots, verify_pdf

    first = scenario.person("SCT001")
    scenario.study(first)
    certificate_issue(employee=first, campaign=scenario.campaign)  # issued on completion, earlier
    revoked = scenario.person("SCT003")
    scenario.study(revoked)
    run("issue_certificates", "--campaign", "dan-van-2024", "--as-of", "2024-11-15")
    run("revoke_certificate", revoked.certificates.get().code, "--reason", "Cấp nhầm người")
    scenario.study(scenario.person("SCT002", "Đặng Văn Ưng"))
    out = tmp_path / "pdfs"
    assert run("issue_certificates", "--campaign", "dan-van-2024", "--as-of", "15/11/2024", "--out", str(out)) \
        == "issued 1\n"
    assert sorted(p.name for p in out.iterdir()) == ["SCT001.pdf", "SCT002.pdf"]  # not the revoked one
    trust = load_trust_roots(signing_cert.ca_pem.read_bytes())
    assert all(verify_pdf(p.read_bytes(), trust=trust).ok for p in out.iterdir())  # signed PAdES


def test_signer_name_defaults_to_the_agency_head(scenario):
    from certificates.services import certificate_issue

    EmployeeFactory(agency=scenario.agency, unit=scenario.agency, employee_code="SCT000", full_name="Lê Văn Giám",
                    position="Giám đốc")
    person = scenario.person("SCT001")
    scenario.study(person)
    certificate, _ = certificate_issue(employee=person, campaign=scenario.campaign)
    assert certificate.signer_name == "Lê Văn Giám" and certificate.signer_title == "GIÁM ĐỐC"
