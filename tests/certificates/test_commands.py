import io

import pytest
from django.core.management import CommandError, call_command

from certificates.models import Certificate, CertificateStatus
from org.models import AuditLog


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
