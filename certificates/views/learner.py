"""Chứng nhận của tôi: the learner's certificates, and downloads with an object-level check."""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from certificates.pdf import certificate_filename, certificate_pdf
from certificates.selectors import certificates_of, downloadable_certificates
from certificates.services import certificates_issue_due
from core.errors import DomainError
from org.selectors.access import employee_of

logger = logging.getLogger(__name__)


@login_required
@require_GET
def my_certificates(request):
    employee = employee_of(request.user)
    if employee is None:
        return render(request, "no_profile.html")
    # On-demand hook: a completion that no evidence service reported is caught here. Issuing
    # must never keep the learner from the certificates they already hold.
    try:
        certificates_issue_due(employee=employee, actor=None)
    except DomainError:
        logger.exception("on-demand certificate issuing failed for employee %s", employee.pk)
    certificates = list(certificates_of(employee))
    return render(request, "certificates/mine.html", {"employee": employee, "certificates": certificates})


@login_required
@require_GET
def download(request, pk: int):
    certificate = downloadable_certificates(request.user).select_related("employee").filter(pk=pk).first()
    if certificate is None:
        # Someone else's certificate looks exactly like one that does not exist.
        raise Http404
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(certificate)}"'
    response["Cache-Control"] = "private, no-store"
    return response
