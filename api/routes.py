"""The REST API, /api/v1/ (docs/api.md; routes and shapes fixed in docs/contract.md "API").

Thin views: authentication and the per-token rate limit in `TokenAuth`, the audit entry of every
call in `audited`, reading in `api.selectors`, writing through the same services as the commands
(`org.services.roster.roster_import`, `api.services.evidence`). A token sees its own agency only:
anything of another agency is "not found" (404), never "forbidden", so a token learns nothing of
what exists elsewhere."""

from __future__ import annotations

import datetime as dt
import functools
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import NinjaAPI, Query, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from api.schemas import (
    AgencyFiguresOut,
    CampaignOut,
    CertificateOut,
    CompliancePageOut,
    EvidenceIn,
    EvidenceOut,
    Message,
    Problems,
    RosterIn,
    RosterOut,
)
from api.selectors import campaign_certificates, compliance_page, province_rows, token_campaign, token_campaigns
from api.services.evidence import external_evidence_receive
from api.services.tokens import api_token_authenticate
from core import ratelimit
from core.errors import DomainError, ImportRefused, NotFound, PermissionDenied
from core.tables import table_from_records
from org.services.audit import audit_log
from org.services.roster import ROSTER_COLUMNS, roster_import

RATE_WINDOW = 60
# The roster's columns by their Vietnamese label: problems name the English key the caller sent.
ROSTER_KEYS = {column.label: column.name for column in ROSTER_COLUMNS}


class RateLimited(Exception):
    pass


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        found = api_token_authenticate(token)
        if found is not None and not ratelimit.allow(
                request, scope="api", key=str(found.pk), limit=settings.API_RATE_LIMIT, window=RATE_WINDOW):
            request.auth = found  # the refused call is still audited under its token
            raise RateLimited
        return found


api = NinjaAPI(
    title="Theo dõi học tập, quán triệt văn bản — API",
    version="1",
    description="Campaigns and compliance rows of one agency (figures per agency for a province token); "
                "roster and evidence from the systems "
                "around it. Authentication: `Authorization: Bearer <token>` (docs/api.md).",
    auth=TokenAuth(),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def _json(request, status: int, body: dict):
    return api.create_response(request, body, status=status)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    response = _json(request, 401, {"message": "missing, unknown or revoked token: send Authorization: Bearer <token>"})
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(RateLimited)
def _rate_limited(request, exc):
    response = _json(request, 429, {"message": f"too many requests: at most {settings.API_RATE_LIMIT} "
                                               f"a minute per token"})
    response["Retry-After"] = str(RATE_WINDOW)
    return response


@api.exception_handler(ImportRefused)
def _refused(request, exc: ImportRefused):
    problems = [{"row": p.row, "column": ROSTER_KEYS.get(p.column, p.column), "message": p.message}
                for p in exc.problems]
    return _json(request, 422, {"message": f"refused: {len(problems)} problem(s), nothing was written",
                                "problems": problems})


@api.exception_handler(NotFound)
def _not_found(request, exc: NotFound):
    return _json(request, 404, {"message": str(exc)})


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc: PermissionDenied):
    return _json(request, 403, {"message": str(exc)})


@api.exception_handler(DomainError)
def _invalid(request, exc: DomainError):
    return _json(request, 422, {"message": str(exc)})


@api.exception_handler(ValidationError)
def _malformed(request, exc: ValidationError):
    problems = [{"row": None, "column": _field(error.get("loc", ())), "message": error.get("msg", "invalid")}
                for error in exc.errors]
    return _json(request, 422, {"message": "the request does not have the expected shape", "problems": problems})


def _field(loc) -> str | None:
    """("body", "body", "rows", 3) → "rows.3": the field as the caller wrote it, without ninja's
    location and parameter names."""
    parts = [str(part) for part in loc]
    while parts and parts[0] in {"body", "query", "path"}:
        parts.pop(0)
    return ".".join(parts) or None


def audited(run):
    """Every call leaves one audit entry (method, path, status) under its token's agency. Calls
    without a valid token are written under no agency (superusers read them) and are limited per
    address, so that nobody can flood the log."""

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        response = run(request, *args, **kwargs)
        token = getattr(request, "auth", None)
        if token is None and response.status_code == 401:
            key = f"api-refused:{ratelimit.client_ip(request)}"
            if ratelimit.hit(key, window=RATE_WINDOW) > settings.API_REFUSED_LIMIT:
                response = _json(request, 429, {"message": "too many refused calls from this address"})
                response["Retry-After"] = str(RATE_WINDOW)
                return response  # not audited: the first ones of this window were
        audit_log(
            actor=None, action="api.call", obj=token, agency=token.agency if token is not None else None,
            # a province token's calls belong to no agency: superusers read them
            after={"method": request.method, "path": request.path, "query": request.META.get("QUERY_STRING", ""),
                   "status": response.status_code, "address": ratelimit.client_ip(request)},
        )
        return response

    return wrapper


api.add_decorator(audited, mode="view")


def _writer(request):
    token = request.auth
    if not token.can_write:
        raise HttpError(403, "this token is read-only: create an agency token with --write")
    return token


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return _json(request, exc.status_code, {"message": str(exc)})


# --- routes ----------------------------------------------------------------------------------------


@api.get("/campaigns", response=list[CampaignOut], tags=["campaigns"], exclude_none=True,
         summary="The campaigns of the token's agency (of its province's agencies, with their code)")
def campaigns(request):
    token = request.auth
    return [{"slug": c.slug, "title": c.title, "start": c.start, "due": c.due,
             "agency": c.agency.code if token.province_id else None} for c in token_campaigns(token)]


@api.get("/campaigns/{slug}/compliance", response={200: CompliancePageOut, 403: Message, 404: Message,
                                                    422: Problems},
         tags=["campaigns"], summary="Compliance rows of a campaign (the contract CSV as JSON), paginated")
def compliance(request, slug: str, as_of: dt.date | None = None, page: int = Query(1, ge=1),
               page_size: int | None = Query(None, ge=1, le=5000)):
    campaign = token_campaign(request.auth, slug)
    as_of = as_of or timezone.localdate()
    size = page_size or settings.API_PAGE_SIZE
    found = compliance_page(campaign=campaign, as_of=as_of, page=page, size=size)
    if page > 1 and not found.rows:
        raise NotFound(f"page {page} is past the last page")
    following = None
    if found.has_next:
        query = {"as_of": as_of.isoformat(), "page": page + 1}
        if page_size:
            query["page_size"] = page_size
        following = request.build_absolute_uri(f"{request.path}?{urlencode(query)}")
    return Status(200, {"count": found.count, "next": following, "results": found.rows})


@api.get("/campaigns/{slug}/certificates", response={200: list[CertificateOut], 403: Message, 404: Message},
         tags=["campaigns"], summary="Certificates issued for a campaign of the token's agency (valid and revoked)")
def certificates(request, slug: str):
    return [{"code": c.display_code, "serial": c.serial, "employee_code": c.employee.employee_code,
             "full_name": c.holder_name, "issued_on": c.issued_on, "status": c.status, "verify_url": c.verify_url()}
            for c in campaign_certificates(request.auth, slug)]


@api.get("/campaigns/{slug}/agencies", response={200: list[AgencyFiguresOut], 403: Message, 404: Message},
         tags=["province"], summary="Province tokens: each agency's figures for a campaign (province_report as JSON)")
def agencies(request, slug: str, as_of: dt.date | None = None):
    return province_rows(request.auth, slug=slug, as_of=as_of or timezone.localdate())


@api.post("/roster", response={200: RosterOut, 403: Message, 422: Problems}, tags=["roster"],
          summary="Create and update staff, all or nothing (the rules of import_roster)")
def roster(request, body: RosterIn):
    token = _writer(request)
    with translation.override("en"):  # problems in English, as the API's other messages and import_roster's
        table = table_from_records(body.rows, ROSTER_COLUMNS)
        result = roster_import(agency=token.agency, table_or_file=table, filename=f"API: {token}",
                               create_units=body.create_units, dry_run=body.dry_run, via="api")
    return Status(200, {"created": result.created, "updated": result.updated, "unchanged": result.unchanged})


@api.post("/evidence", response={200: EvidenceOut, 201: EvidenceOut, 403: Message, 404: Message, 422: Message},
          tags=["evidence"], summary="Evidence of study from an outside learning system (idempotent by external_id)")
def evidence(request, body: EvidenceIn):
    token = _writer(request)
    with translation.override("en"):  # a date refused by the shared reader reads in English, as the API's messages
        received = external_evidence_receive(token=token, employee_code=body.employee_code,
                                             directive=body.directive, date=body.date, source=body.source,
                                             external_id=str(body.external_id))
    record = received.evidence
    return Status(201 if received.created else 200, {
        "id": record.pk, "employee_code": record.employee.employee_code, "directive": record.directive.number,
        "date": record.date, "source": record.source, "external_id": record.external_id,
    })
