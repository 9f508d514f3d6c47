"""The evidence pack for the province's scoring (CONTRACT.md "Evidence for scoring"): a ZIP of the
report (PDF, xlsx, the detail CSV identical to `compliance_report --format csv`), attendance lists
per session next to the session's originals (scanned signed sheets, minutes, photos), quiz results
per quiz, the certificate register, the scoring dossier, manual evidence with its proof files,
exemptions with their reasons and the targets' documents — a loop over registered exporters and
stored originals — then `0-muc-luc.pdf`, the table of contents saying what each file proves, and
`manifest.json` with each file's sha256 and size.

When the agency's certificate is configured (core.signing), every PDF the product renders is signed
PAdES as it is rendered, the manifest marks those with `"pades": true`, and `manifest.json.p7s` holds
a detached CMS signature (DER) of `manifest.json` — what `verify_evidence` checks. Originals uploaded
by the agency (scans, photos) are copied byte for byte and never signed.

The ZIP is written to a temporary file beside the target and renamed into place only when
complete (`os.replace`), so a failed build never leaves a partial file.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import mimetypes
import os
import pickle
import secrets
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core import exporters
from core.exporters import Rendered
from core.jobs.files import publish, scratch_dir
from core.jobs.run import JobAbandoned, JobRun
from core.models import JobStatus
from core.parallel import process_pool
from core.signing import sign_detached, signer_name, signing_configured
from learning.exporters.campaign_lists import campaign_manual_evidence, manual_evidence_file_name
from learning.exporters.signin_sheet import signin_sheet_data, signin_sheet_pdf_file
from learning.models import Campaign, StudySession
from learning.selectors.audience import campaign_audience
from learning.selectors.compliance import TableSlices, compliance_table_slices
from learning.selectors.sessions import session_directive_numbers, session_records
from learning.selectors.summaries import REPORT_SLICE_ROWS, TableFigures, report_figures
from org.scoping import agency_object_required
from quizzes.models import Quiz
from reports.exporters.compliance import CSV_CHUNK_ROWS
from reports.exporters.evidence_toc import EvidenceTocPdf, TocLine
from reports.models import ExportJob

Progress = Callable[[int, str], None]

# Optional parts: included when an app has registered the exporter (folder, identifier, what it
# proves); each renders with campaign= and as_of=. The annual report (báo cáo kết quả năm) joins the
# reports when an exporter of that identifier is registered; until then the pack says it is missing.
LEADING_OPTIONAL_EXPORTERS = [
    ("1-bao-cao", "annual-report-pdf", "Báo cáo kết quả thực hiện kế hoạch gửi cấp trên (bản ký số)"),
    ("1-bao-cao", "annual-report-docx", "Báo cáo kết quả thực hiện kế hoạch (bản Word để chỉnh sửa, đối chiếu)"),
]
OPTIONAL_EXPORTERS = [
    ("4-giay-chung-nhan", "certificate-register",
     "Sổ cấp giấy chứng nhận: người đã hoàn thành toàn bộ yêu cầu, số hiệu, ngày cấp, tình trạng"),
    ("5-tu-cham-diem", "scoring-self-assessment-xlsx",
     "Tự chấm điểm theo bộ tiêu chí: điểm tự chấm, giải trình và minh chứng từng tiêu chí"),
    ("5-tu-cham-diem", "scoring-self-assessment-pdf",
     "Báo cáo tự đánh giá, chấm điểm theo bộ tiêu chí của tỉnh"),
]
SIGNIN_EXPORTER = "session-attendance-list"
MANIFEST = "manifest.json"
MANIFEST_SIGNATURE = "manifest.json.p7s"
TOC = "0-muc-luc.pdf"  # the table of contents, first in the manifest
QUIZ_EXPORTER = "quiz-results-xlsx"


@dataclass(frozen=True)
class PackFile:
    path: str
    sha256: str
    bytes: int
    pades: bool = False  # a PDF the product rendered and signed

    def manifest_entry(self) -> dict:
        entry = {"path": self.path, "sha256": self.sha256, "bytes": self.bytes}
        if self.pades:
            entry["pades"] = True
        return entry


@dataclass
class EvidencePack:
    path: Path
    campaign: str
    as_of: dt.date
    generated_at: str
    files: list[PackFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    signed_by: str = ""  # subject common name of the certificate that signed manifest.json


@dataclass(frozen=True)
class Part:
    folder: str
    label: str
    render: Callable[[], Rendered]
    name: str | None = None  # overrides the exporter's filename (keeps paths unique)
    original: bool = False  # a file the agency uploaded: copied as it is, never signed
    proves: str = ""  # what the file proves, for the table of contents


def _pack_sessions(campaign: Campaign, as_of: dt.date, directive_ids: list[int]):
    """Sessions whose attendance can be evidence: this campaign's, or any of the same agency
    covering a requirement, dated in the campaign window up to the as-of date (another agency's
    sign-in sheets list its own staff and stay out of this agency's pack)."""
    return (
        StudySession.objects.filter(Q(campaign=campaign) | Q(directives__in=directive_ids),
                                    campaign__agency_id=campaign.agency_id,
                                    date__gte=campaign.start, date__lte=as_of)
        .distinct().order_by("date", "start_time", "pk")
    )


def _pack_quizzes(directive_ids: list[int], agency_id: int):
    """The campaign agency's quizzes and the shared ones (another agency's are not named in the pack)."""
    own_or_shared = Quiz.objects.for_agency(agency_id) | Quiz.objects.all_agencies().filter(agency__isnull=True)
    return own_or_shared.filter(directives__in=directive_ids).distinct().order_by("slug")


def evidence_pack_parts(*, campaign: Campaign, as_of: dt.date,
                        sheets: SheetRenderer | None = None) -> tuple[list[Part], list[str]]:
    """What goes into the pack, each part rendered lazily, with what it proves (for the table of
    contents); and the optional parts not available. With `sheets`, the attendance lists are handed
    to it first (worker processes render them while this process renders the rest)."""
    available = exporters.all_exporters()
    directive_ids = list(campaign.requirements.values_list("directive_id", flat=True))
    session_parts = []
    if SIGNIN_EXPORTER in available:
        for session in _pack_sessions(campaign, as_of, directive_ids):
            session_parts += _session_parts(session, sheets)
    table = _SharedTable(compliance_table_slices(campaign=campaign, as_of=as_of, rows=REPORT_SLICE_ROWS), uses=3)
    kw = {"campaign": campaign, "as_of": as_of}
    day = f"{as_of:%d/%m/%Y}"
    figures = f"Tỷ lệ người hoàn thành và tỷ lệ lượt văn bản hoàn thành đến ngày {day}"
    parts = [
        Part("1-bao-cao", "Báo cáo kết quả học tập, quán triệt (PDF)",
             lambda: exporters.get("compliance-pdf").render(**kw, figures=table.figures(), slices=table.take()),
             proves=f"{figures}; kết quả theo đơn vị và theo văn bản"),
        Part("1-bao-cao", "Bảng tổng hợp và chi tiết (Excel)",
             lambda: exporters.get("compliance-xlsx").render(**kw, slices=table.take()),
             proves="Số liệu của báo cáo: tỷ lệ theo đơn vị × văn bản và tình trạng từng người"),
        Part("1-bao-cao", "Chi tiết từng người, từng văn bản (CSV)",
             lambda: exporters.get("compliance-csv").render(**kw, slices=table.take().resliced(CSV_CHUNK_ROWS)),
             proves="Minh chứng (hội nghị, bài kiểm tra, ghi nhận) và ngày của từng người với từng văn bản"),
    ]
    skipped = []
    # The annual report's PDF and Word file: one content, its figures the PDF report's.
    annual = {**kw, "compose": _compose_once(table.figures_as_of(as_of))}
    for folder, identifier, proves in LEADING_OPTIONAL_EXPORTERS:
        _optional(parts, skipped, available, folder, identifier, proves, annual)
    parts += session_parts
    if SIGNIN_EXPORTER not in available:
        skipped.append(SIGNIN_EXPORTER)
    audience = campaign_audience(campaign=campaign, as_of=as_of)
    for quiz in _pack_quizzes(directive_ids, campaign.agency_id):
        parts.append(Part("3-ket-qua-kiem-tra", f"Kết quả bài kiểm tra “{quiz.title}”",
                          lambda q=quiz: exporters.get(QUIZ_EXPORTER).render(
                              quiz=q, as_of=as_of, employees=audience, since=campaign.start,
                              scope_title=campaign.title),
                          proves="Học tập qua bài kiểm tra: mọi lượt làm bài (cả làm lại) của người thuộc đối "
                                 "tượng, điểm và kết quả Đạt/Chưa đạt"))
    for folder, identifier, proves in OPTIONAL_EXPORTERS:
        _optional(parts, skipped, available, folder, identifier, proves, kw)
    parts += _manual_evidence_parts(campaign, as_of)
    parts.append(Part("7-mien-hoc", "Danh sách miễn học và lý do",
                      lambda: exporters.get("campaign-exemptions-xlsx").render(campaign=campaign),
                      proves="Những người không tính vào đối tượng phải học (mẫu số của hai tỷ lệ) và lý do"))
    parts += _target_parts(campaign)
    return parts, skipped


class _SharedTable:
    """The compliance table in slices of people (`compliance_table_slices`: its queries run once)
    for the report's PDF, xlsx and CSV, each computing its rows one slice at a time, never the whole
    table (≈ 450 MiB at 100,000 staff); let go when the last of them has taken it (a streamed CSV
    keeps its own reference while written). The figures of the PDF report are added up once and
    serve the annual report too, which computed a second whole table before."""

    def __init__(self, slices: TableSlices, *, uses: int):
        self.slices, self.uses = slices, uses
        self._figures: TableFigures | None = None

    def take(self) -> TableSlices | None:
        slices = self.slices
        self.uses -= 1
        if self.uses == 0:
            self.slices = None
        return slices

    def figures(self) -> TableFigures | None:
        if self._figures is None and self.slices is not None:
            self._figures = report_figures(self.slices)
        return self._figures

    def figures_as_of(self, as_of: dt.date) -> Callable[[dt.date], TableFigures | None]:
        """The figures for a report as of `day`: these when it is the pack's day, else None."""
        return lambda day: self.figures() if day == as_of else None


def _compose_once(figures_of: Callable[[dt.date], TableFigures | None]) -> Callable[..., dict]:
    """The annual report's content composed on first use and handed out again (a copy each time),
    from the figures of the PDF report (`figures_of(as_of)`) rather than a second computation."""
    composed: dict = {}

    def compose(*, campaign: Campaign, as_of: dt.date) -> dict:
        from reports.services.annual_report import annual_report_compose

        if "content" not in composed:
            composed["content"] = annual_report_compose(campaign=campaign, as_of=as_of, figures_of=figures_of)
        return copy.deepcopy(composed["content"])

    return compose


def _optional(parts, skipped, available, folder, identifier, proves, kw) -> None:
    if identifier in available:
        parts.append(Part(folder, str(available[identifier].verbose_name),
                          lambda i=identifier: exporters.get(i).render(**kw), proves=proves))
    else:
        skipped.append(identifier)


def _original(name: str, file, mimetype: str) -> Callable[[], Rendered]:
    """A stored original, read as it is (never re-encoded, never signed)."""
    def render() -> Rendered:
        with file.open("rb") as handle:
            return Rendered(name, mimetype, handle.read())
    return render


class SheetRenderer:
    """Attendance lists rendered by a pool of worker processes (core.parallel): `submit` reads a
    session's sheet here (the workers never query), leaves it in a scratch file for a worker, and
    returns the part's render, which waits for that worker's PDF. Rendering is pure reportlab, so
    the pages are the same bytes as in one process; the data goes through files because a pool
    keeps every queued argument in memory until its task ends (90 sheets of 11,000 names at 100k)."""

    def __init__(self, pool: Executor, folder: Path):
        self.pool, self.folder = pool, folder

    def submit(self, session: StudySession, name: str) -> Callable[[], Rendered]:
        data = self.folder / f"sheet-{session.pk}.pickle"
        data.write_bytes(pickle.dumps(signin_sheet_data(session, with_attendance=True), pickle.HIGHEST_PROTOCOL))
        future = self.pool.submit(signin_sheet_pdf_file, str(data))

        def render() -> Rendered:
            pdf = Path(future.result())
            content = pdf.read_bytes()
            pdf.unlink()
            return Rendered(name, "application/pdf", content)

        return render


def _session_parts(session: StudySession, sheets: SheetRenderer | None = None) -> list[Part]:
    """The session's generated attendance list, then its originals in a folder named like it."""
    stem = f"{session.date:%Y-%m-%d}-hoi-nghi-{session.pk}"
    when = f"{session.date:%d/%m/%Y}"
    directives = session_directive_numbers(session)
    if sheets is None:
        render = lambda s=session: exporters.get(SIGNIN_EXPORTER).render(session=s)  # noqa: E731
    else:
        render = sheets.submit(session, f"{stem}.pdf")
    parts = [Part("2-diem-danh", f"Danh sách điểm danh hội nghị “{session.title}” ngày {when} (hệ thống lập)",
                  render, name=f"{stem}.pdf",
                  proves=f"Học tập, quán triệt {directives}: người có mặt, đi muộn, vắng tại hội nghị")]
    for index, record in enumerate(session_records(session), start=1):  # sheets, minutes, photos, other
        # The uploaded name, with the extension of what the file is (a photo sent as "anh.pdf" is a .png).
        base = PurePosixPath(record.original_name)
        base = base.stem if base.suffix.lower().lstrip(".") in {"pdf", "jpg", "jpeg", "png"} else base.name
        name = f"{stem}-ban-goc/{index:02d}-{record.kind}-{base}.{record.extension}"
        note = f" ({record.note})" if record.note else ""
        parts.append(Part("2-diem-danh", f"Bản gốc: {record.get_kind_display().lower()} hội nghị ngày {when}{note}",
                          _original(name, record.file, record.content_type), name=name, original=True,
                          proves=f"Bản gốc đối chiếu với danh sách điểm danh hội nghị ngày {when} "
                                 f"(SHA-256 {record.sha256[:12]}…)"))
    return parts


def _manual_evidence_parts(campaign: Campaign, as_of: dt.date) -> list[Part]:
    parts = [Part("6-minh-chung-khac", "Danh sách minh chứng do Văn phòng ghi nhận",
                  lambda: exporters.get("campaign-manual-evidence-xlsx").render(campaign=campaign, as_of=as_of),
                  proves="Học tập ngoài hệ thống (học tại nơi khác, học bù…): người, văn bản, ngày, tệp minh chứng")]
    for evidence in campaign_manual_evidence(campaign, as_of).exclude(proof=""):
        name = f"tep/{manual_evidence_file_name(evidence)}"
        mimetype = mimetypes.guess_type(evidence.proof.name)[0] or "application/octet-stream"
        parts.append(Part("6-minh-chung-khac",
                          f"Minh chứng số {evidence.pk}: {evidence.employee.full_name}, {evidence.directive.number}",
                          _original(name, evidence.proof, mimetype), name=name, original=True,
                          proves=f"Học tập {evidence.directive.number} ngày {evidence.date:%d/%m/%Y} "
                                 f"của {evidence.employee.employee_code}"))
    return parts


def _target_parts(campaign: Campaign) -> list[Part]:
    parts = []
    for target in campaign.targets.prefetch_related("evidence__document").order_by("order", "pk"):
        for index, item in enumerate(target.evidence.all(), start=1):
            document = item.document
            filename = PurePosixPath(document.file.name).name
            name = f"chi-tieu-{target.order}/{index:02d}-{filename}"
            mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
            parts.append(Part("8-chi-tieu", f"Chỉ tiêu {target.order}: {document.title}",
                              _original(name, document.file, mimetype), name=name, original=True,
                              proves=f"Kết quả chỉ tiêu {target.order}: {target.text[:120]}"))
    return parts


def _zip_entries(parts: list[Part], progress: Progress) -> Iterator[tuple[str, Rendered, Part]]:
    used: set[str] = set()
    for index, part in enumerate(parts):
        progress(5 + int(90 * index / max(len(parts), 1)), part.label)
        rendered = part.render()
        path = f"{part.folder}/{part.name or rendered.filename}"
        stem, dot, ext = path.rpartition(".")
        counter = 2
        while path in used:  # two exporters naming files alike: keep both
            path = f"{stem}-{counter}{dot}{ext}"
            counter += 1
        used.add(path)
        yield path, rendered, part


def _write(handle: zipfile.ZipFile, path: str, content: bytes, stamp: tuple, *, pades: bool = False) -> PackFile:
    info = zipfile.ZipInfo(path, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    handle.writestr(info, content)
    return PackFile(path=path, sha256=hashlib.sha256(content).hexdigest(), bytes=len(content), pades=pades)


def _write_rendered(handle: zipfile.ZipFile, path: str, rendered: Rendered, stamp: tuple, *,
                    signed: bool, original: bool) -> PackFile:
    """A rendered file chunk by chunk (the CSV is streamed: never whole in memory), hashed as it goes;
    a PDF the product rendered counts as signed when signing is on."""
    if not rendered.streamed:
        content = rendered.content
        return _write(handle, path, content, stamp, pades=signed and not original and content.startswith(b"%PDF-"))
    info = zipfile.ZipInfo(path, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    digest, size, head = hashlib.sha256(), 0, b""
    # No zip64 header, as writestr gives a file this size: an entry may reach 2 GiB (≈ 900,000 staff).
    with handle.open(info, "w") as entry:
        for chunk in rendered.iter_chunks():
            entry.write(chunk)
            digest.update(chunk)
            size += len(chunk)
            head = head or chunk[:5]
    pades = signed and not original and head.startswith(b"%PDF-")
    return PackFile(path=path, sha256=digest.hexdigest(), bytes=size, pades=pades)


def evidence_pack_build(*, campaign: Campaign, out: Path | str, as_of: dt.date | None = None,
                        progress: Progress | None = None) -> EvidencePack:
    """Build the pack at `out` atomically; returns what it holds. Raises on any failure, leaving
    `out` untouched (no file, or the previous complete pack)."""
    progress = progress or (lambda percent, step: None)
    out = Path(out)
    as_of = as_of or timezone.localdate()
    now = timezone.localtime()
    pack = EvidencePack(path=out, campaign=campaign.slug, as_of=as_of, generated_at=now.isoformat(timespec="seconds"))
    progress(1, "Tính tình hình học tập")
    out.parent.mkdir(parents=True, exist_ok=True)
    with process_pool() as pool, tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.name}.") as scratch:
        sheets = SheetRenderer(pool, Path(scratch)) if pool is not None else None
        parts, pack.skipped = evidence_pack_parts(campaign=campaign, as_of=as_of, sheets=sheets)
        _write_pack(pack, parts, campaign=campaign, now=now, progress=progress)
    progress(100, "Hoàn thành")
    return pack


def _write_pack(pack: EvidencePack, parts: list[Part], *, campaign: Campaign, now: dt.datetime,
                progress: Progress) -> None:
    out, as_of = pack.path, pack.as_of
    fd, temp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    temp = Path(temp_name)
    stamp = now.timetuple()[:6]
    signed = signing_configured()
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as handle:
            toc: list[TocLine] = []
            for path, rendered, part in _zip_entries(parts, progress):
                pack.files.append(_write_rendered(handle, path, rendered, stamp, signed=signed,
                                                  original=part.original))
                toc.append(TocLine(path=path, title=part.label, proves=part.proves))
            progress(96, "Lập mục lục")
            contents = EvidenceTocPdf(campaign=campaign, as_of=as_of, issued_on=now.date(), lines=toc,
                                      signed=signed).render()
            pack.files.insert(0, _write(handle, TOC, contents, stamp, pades=signed))
            progress(97, "Ghi manifest.json")
            manifest = {
                "campaign": pack.campaign,
                "as_of": as_of.isoformat(),
                "generated_at": pack.generated_at,
                "files": [f.manifest_entry() for f in pack.files],
            }
            manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            _write(handle, MANIFEST, manifest_bytes, stamp)
            signature = sign_detached(manifest_bytes)
            if signature is not None:
                _write(handle, MANIFEST_SIGNATURE, signature, stamp)
                pack.signed_by = signer_name()
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


# --- background jobs -----------------------------------------------------------------------


def export_job_request(*, campaign: Campaign, as_of: dt.date | None = None, requested_by=None) -> ExportJob:
    """Queue an evidence pack build; the django-tasks worker runs `export_job_run`."""
    from reports.tasks import build_evidence_pack

    agency_object_required(actor=requested_by, agency=campaign.agency_id)
    job = ExportJob.objects.create(campaign=campaign, as_of=as_of or timezone.localdate(), requested_by=requested_by)
    transaction.on_commit(lambda: build_evidence_pack.enqueue(job.pk))
    return job


def _job_progress(run: JobRun) -> Progress:
    def report(percent: int, step: str) -> None:
        run.beat(progress=min(percent, 100), step=step[:255])

    return report


def export_job_run(*, job_id: int) -> ExportJob:
    """Run one queued job: status running → done with the file, or failed with the error and no file.
    A worker killed mid-way leaves the job running with an ageing heartbeat (core.jobs.stale)."""
    job = ExportJob.objects.select_related("campaign").get(pk=job_id)
    run = JobRun(job)
    if not run.take(started_at=timezone.now(), progress=0):
        job.refresh_from_db()
        return job  # already taken by another worker, or finished
    try:
        with scratch_dir(job) as folder:
            # A random part keeps stored names unguessable, whatever the media storage exposes.
            name = f"ho-so-minh-chung-{job.campaign.slug}-{job.as_of.isoformat()}-{secrets.token_hex(8)}.zip"
            path = Path(folder) / name
            evidence_pack_build(campaign=job.campaign, out=path, as_of=job.as_of, progress=_job_progress(run))
            stored = publish(job, path, f"{ExportJob.publish_folder}/{timezone.localdate():%Y}/{name}")
    except JobAbandoned:  # the sweep failed it meanwhile; the scratch folder is gone with the block
        pass
    except Exception as exc:  # recorded on the job for the admin; the task itself ends normally
        run.end(JobStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000])
    else:
        if not run.end(JobStatus.DONE, file=stored, progress=100, step=""):
            job.file.storage.delete(stored)  # failed as stale while publishing: nobody may be offered it
    job.refresh_from_db()
    return job
