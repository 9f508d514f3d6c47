"""Revoking a certificate (thu hồi): kept in the register, shown as revoked on verification."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from certificates.codes import normalise_code
from certificates.models import Certificate, CertificateStatus
from core.errors import DomainError, NotFound
from org.scoping import acting_agency_id, acts_for_all_agencies
from org.services.audit import audit_log


class CertificateNotFound(NotFound):
    code = "certificate_not_found"


class AlreadyRevoked(DomainError):
    code = "certificate_already_revoked"


class ReasonRequired(DomainError):
    code = "certificate_reason_required"


def certificate_revoke(*, certificate: Certificate | None = None, code: str | None = None, reason: str,
                       actor=None) -> Certificate:
    """Revoke by instance or by verification code (any case, with or without dashes)."""
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired(gettext("cần ghi lý do thu hồi giấy chứng nhận"))
    with transaction.atomic():
        queryset = Certificate.objects.select_for_update()
        try:
            if certificate is not None:
                certificate = queryset.get(pk=certificate.pk)
            else:
                certificate = queryset.get(code=normalise_code(code or ""))
        except Certificate.DoesNotExist:
            raise CertificateNotFound(gettext("không có giấy chứng nhận mã %(code)s") % {"code": repr(code)}) from None
        if actor is not None and not acts_for_all_agencies(actor) and acting_agency_id(actor) != certificate.agency_id:
            # another agency's certificate: the same answer as for a code that does not exist
            raise CertificateNotFound(gettext("không có giấy chứng nhận mã %(code)s") % {"code": repr(code)})
        if certificate.status == CertificateStatus.REVOKED:
            raise AlreadyRevoked(gettext("giấy chứng nhận %(serial)s đã bị thu hồi") % {"serial": certificate.serial})
        certificate.status = CertificateStatus.REVOKED
        certificate.revoked_reason = reason
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = actor if getattr(actor, "is_authenticated", False) else None
        certificate.save(update_fields=["status", "revoked_reason", "revoked_at", "revoked_by"])
        audit_log(actor=actor, action="certificate.revoke", obj=certificate,
                  before={"status": CertificateStatus.VALID}, after={"status": certificate.status, "reason": reason})
    return certificate
