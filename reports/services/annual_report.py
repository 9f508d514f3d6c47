"""The annual report (báo cáo kết quả): composed from what the Văn phòng saved in the admin and
the campaign's live figures into one `content` value (plain JSON), which the PDF and the .docx
renderers lay out the same way. Freezing stores that value: a frozen report renders as issued.

`annual_report_pdf(report)` / `annual_report_docx(report)` are the services other features (the
evidence pack) call; `annual_report_compose(...)` takes the command's overrides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
from django.db import transaction
from django.utils import timezone

from core.errors import DomainError
from core.pdf import issuing_agency_name, signer_lines
from core.text import fold
from courses.models import DirectivePage
from learning.models import Campaign, StudySession
from learning.selectors.compliance import compliance_table_slices
from learning.selectors.sessions import session_counts
from learning.selectors.summaries import REPORT_SLICE_ROWS, TOP_PATH, TableFigures, report_figures
from learning.statuses import PEOPLE_RATE, ROWS_RATE
from org.models import OrgUnit
from org.scoping import agency_object_required
from org.services.audit import audit_log
from reports.exporters.annual_report import render_docx, render_pdf
from reports.models import AnnualReport
from reports.models.annual_report import DEFAULT_RECIPIENTS
from reports.selectors.documents import agency_place, agency_signer
from reports.services.targets import campaign_targets_progress

# The report every campaign gets until the office writes its own: the sections a report to the
# province holds, each figure block where a reader expects it, no instruction addressed inward.
DEFAULT_BODY = [
    ("heading", "I. KẾT QUẢ HỌC TẬP, QUÁN TRIỆT"),
    ("heading", "1. Kết quả chung"),
    ("overall", None),
    ("heading", "2. Kết quả theo đơn vị"),
    ("units", None),
    ("heading", "3. Kết quả theo văn bản"),
    ("directives", None),
    ("heading", "4. Hội nghị học tập, quán triệt đã tổ chức"),
    ("sessions", None),
    ("heading", "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH"),
    ("targets", None),
]


class ReportFrozen(DomainError):
    code = "report_frozen"


def pct(value) -> str:
    return "—" if value is None or pd.isna(value) else f"{value:.1f}".replace(".", ",")


# --- figure blocks -----------------------------------------------------------------------------------


def _overall(campaign: Campaign, table: TableFigures, sessions: int) -> dict:
    figures = table.overall
    directives = len(table.group("requirement")) if not table.empty else campaign.requirements.count()
    lines = [
        f"Tổng số cán bộ, công chức, viên chức, người lao động thuộc đối tượng học tập: {figures.people} người; "
        f"miễn học (nghỉ thai sản, ốm dài ngày, biệt phái…): {figures.exempt_people} người; "
        f"phải học: {figures.counted_people} người.",
        f"Số người đã học tập, quán triệt đầy đủ {directives} văn bản của kế hoạch: "
        f"{figures.done_people}/{figures.counted_people} người; {PEOPLE_RATE}: {pct(figures.people_rate)}%.",
        f"Theo từng lượt người × văn bản: hoàn thành đúng hạn {figures.completed}, hoàn thành muộn "
        f"{figures.completed_late}, chưa hoàn thành {figures.pending}, quá hạn {figures.overdue}; "
        f"{ROWS_RATE}: {pct(figures.rows_rate)}%.",
        f"Số hội nghị học tập, quán triệt đã tổ chức: {sessions}.",
    ]
    return {"type": "bullets", "lines": lines}


_RANKS = (("ban giam doc", "lanh dao"), ("van phong",), ("thanh tra",), ("phong ",), ())


def _org_rank(name: str) -> int:
    """Units in the order an administrative document lists them: leadership, Văn phòng, Thanh tra,
    the professional phòng, then centres and other units, the party and union bodies last."""
    key = fold(name)
    if key.startswith(("chi bo", "dang uy", "cong doan", "bch cong doan", "doan thanh nien", "chi doan")):
        return 9
    for rank, prefixes in enumerate(_RANKS[:-1]):
        if key.startswith(prefixes):
            return rank
    return len(_RANKS)


def units_block(table: TableFigures, agency: OrgUnit) -> dict:
    """One row per department (its sub-units' people included), each team folded under it
    (indented, numbered 1.1, 1.2…), in organisational order; a total row last. `table`: the
    figures of the compliance table (`report_figures`)."""
    columns = ["TT", "Đơn vị", "Phải học", "Miễn học", "Hoàn thành tất cả", f"{PEOPLE_RATE} (%)",
               f"{ROWS_RATE} (%)"]
    rows, levels, bold = [], [], []
    if not table.empty:
        own = table.group("unit_path").set_index("unit_path")
        paths = sorted(set(own.index))
        units = {u.path: u for u in OrgUnit.objects.filter(path__startswith=agency.path, depth__gt=1)}
        step = OrgUnit.steplen
        by_top = table.group(TOP_PATH).set_index(TOP_PATH)
        tops = sorted({p[: step * 2] for p in paths},
                      key=lambda p: (_org_rank(units[p].name) if p in units else -1,
                                     units[p].name if p in units else ""))
        for number, top_path in enumerate(tops, start=1):
            name = units[top_path].name if top_path in units else "Lãnh đạo cơ quan"
            if top_path == agency.path:
                name = "Lãnh đạo cơ quan"
            rows.append(_unit_row(str(number), name, by_top.loc[top_path]))
            levels.append(0)
            subs = [p for p in own.index if p.startswith(top_path) and len(p) > step * 2]
            if subs:  # a department with teams heads its group
                bold.append(len(rows) - 1)
            subs.sort(key=lambda p: ([(_org_rank(units[p[:i]].name), units[p[:i]].name)
                                      for i in range(step * 3, len(p) + 1, step) if p[:i] in units]))
            for sub_number, sub_path in enumerate(subs, start=1):
                depth = len(sub_path) // step - 2
                rows.append(_unit_row(f"{number}.{sub_number}", units[sub_path].name if sub_path in units else "",
                                      own.loc[sub_path]))
                levels.append(depth)
        total = table.overall
        rows.append(["", "Tổng cộng", str(total.counted_people), str(total.exempt_people),
                     f"{total.done_people}/{total.counted_people}", pct(total.people_rate), pct(total.rows_rate)])
        levels.append(0)
        bold.append(len(rows) - 1)
    return {"type": "table", "columns": columns, "widths": [11, 56, 16, 16, 22, 22, 22], "rows": rows,
            "levels": levels, "bold_rows": bold, "align": ["c", "l", "c", "c", "c", "c", "c"],
            "note": "Số liệu của mỗi phòng, đơn vị gồm cả các tổ, bộ phận trực thuộc (ghi ngay dưới đơn vị)."}


def _unit_row(number: str, name: str, figures) -> list[str]:
    return [number, name, str(int(figures["counted_people"])), str(int(figures["exempt_people"])),
            f"{int(figures['done_people'])}/{int(figures['counted_people'])}", pct(figures["people_rate"]),
            pct(figures["rows_rate"])]


def _directives(table: TableFigures) -> dict:
    columns = ["TT", "Văn bản", "Đúng hạn", "Muộn", "Chưa hoàn thành", "Quá hạn", "Miễn học", f"{ROWS_RATE} (%)"]
    rows = []
    if not table.empty:
        figures = table.group("directive_id", "requirement")
        pages = {p.pk: p for p in DirectivePage.objects.filter(pk__in=figures["directive_id"].tolist())}
        for number, r in enumerate(figures.itertuples(index=False), start=1):
            page = pages.get(r.directive_id)
            name = f"{page.full_name}" if page else str(r.requirement)
            rows.append([str(number), name, str(r.completed), str(r.completed_late), str(r.pending), str(r.overdue),
                         str(r.exempt), pct(r.rows_rate)])
    return {"type": "table", "columns": columns, "widths": [11, 46, 17, 16, 20, 17, 16, 22], "rows": rows,
            "levels": [0] * len(rows), "bold_rows": [], "align": ["c", "l", "c", "c", "c", "c", "c", "c"],
            "note": ""}


def _sessions(campaign: Campaign, as_of: dt.date) -> tuple[dict, int]:
    """Sessions held up to the as-of date, with attendance; a past session's unmarked invitees count
    as absent (nobody recorded them present)."""
    columns = ["TT", "Ngày", "Hội nghị, văn bản quán triệt", "Triệu tập", "Có mặt", "Đi muộn", "Vắng (có lý do)"]
    rows = []
    sessions = (StudySession.objects.filter(campaign=campaign, date__lte=as_of).order_by("date", "id")
                .prefetch_related("directives"))
    for number, session in enumerate(sessions, start=1):
        counts = session_counts(session)
        excused = counts.get("excused", 0)
        absent = counts.get("absent", 0) + (counts.get("unmarked", 0) if session.date < as_of else 0)
        directives = ", ".join(d.number for d in session.directives.all())
        rows.append([str(number), f"{session.date:%d/%m/%Y}", f"{session.title}\nVăn bản: {directives}",
                     str(counts["total"]),
                     str(counts.get("present", 0)), str(counts.get("late", 0)), f"{absent + excused} ({excused})"])
    table = {"type": "table", "columns": columns, "widths": [9, 25, 69, 16, 14, 15, 17], "rows": rows,
             "levels": [0] * len(rows), "bold_rows": [], "align": ["c", "c", "l", "c", "c", "c", "c"],
             "note": "" if rows else "Chưa tổ chức hội nghị học tập, quán triệt nào đến ngày báo cáo."}
    return table, len(rows)


def _targets(campaign: Campaign, as_of: dt.date, table: TableFigures) -> dict:
    columns = ["TT", "Chỉ tiêu", "Kết quả thực hiện", "Đánh giá", "Minh chứng"]
    rows = []
    for progress in campaign_targets_progress(campaign=campaign, as_of=as_of, overall=table.overall):
        target = progress.target
        evidence = "; ".join(e.document.title for e in target.evidence.all())
        rows.append([str(target.order), target.text, progress.result, progress.status_label, evidence])
    return {"type": "table", "columns": columns, "widths": [11, 58, 42, 20, 34], "rows": rows,
            "levels": [0] * len(rows), "bold_rows": [], "align": ["c", "l", "l", "c", "l"],
            "note": "" if rows else "Kế hoạch chưa có chỉ tiêu nào được nhập."}


def _paragraph_blocks(text: str) -> list[dict]:
    """A text block: paragraphs split on blank lines; lines starting with "- " are bullets."""
    blocks = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "+ ")) for line in lines):
            blocks.append({"type": "bullets", "lines": [line[2:].strip() for line in lines]})
        else:
            blocks.append({"type": "paragraph", "text": " ".join(lines)})
    return blocks


# --- composition -----------------------------------------------------------------------------------


def _body(report: AnnualReport | None) -> list[tuple[str, str | None]]:
    if report is None or not len(report.body):
        return DEFAULT_BODY
    return [(child.block_type, child.value if isinstance(child.value, str) else None) for child in report.body]


def _figure_blocks(campaign: Campaign, as_of: dt.date, wanted: set[str],
                   table: TableFigures | None = None) -> dict[str, dict]:
    """`table`: the figures of the campaign's table as of `as_of` when the caller has them (the
    evidence pack's, shared with its PDF report); else added up slice by slice of people."""
    if table is None:
        table = report_figures(compliance_table_slices(campaign=campaign, as_of=as_of, rows=REPORT_SLICE_ROWS))
    sessions, held = _sessions(campaign, as_of)
    figures = {"overall": _overall(campaign, table, held), "sessions": sessions}
    if "units" in wanted:
        figures["units"] = units_block(table, campaign.agency)
    if "directives" in wanted:
        figures["directives"] = _directives(table)
    if "targets" in wanted:
        figures["targets"] = _targets(campaign, as_of, table)
    return figures


def annual_report_for(campaign: Campaign) -> AnnualReport | None:
    return AnnualReport.objects.filter(campaign=campaign).first()


def annual_report_compose(*, campaign: Campaign, report: AnnualReport | None = None, as_of: dt.date | None = None,
                          number: str | None = None, issued_on: dt.date | None = None,
                          signer_title: str | None = None, signer_name: str | None = None,
                          figures_of: Callable[[dt.date], TableFigures | None] | None = None) -> dict:
    """The report's content. Each argument given overrides the saved report; what neither gives
    falls back to: no number, today, the agency's signer. A frozen report keeps its text and
    figures (`as_of` then cannot change them); number, date and signer may still be given.
    `figures_of(as_of)`: the campaign's figures as of that day if the caller has them, else None."""
    report = report if report is not None else annual_report_for(campaign)
    if report is not None and report.is_frozen:
        content = dict(report.frozen_content)
    else:
        content = _compose_live(campaign=campaign, report=report, as_of=as_of, figures_of=figures_of)
    if number is not None:
        content["number"] = number.strip()
    if issued_on is not None:
        content["date"] = issued_on.isoformat()
    if signer_title is not None:
        content["signer_title"] = signer_lines(signer_title)
    if signer_name is not None:
        content["signer_name"] = signer_name.strip()
    return content


def _compose_live(*, campaign: Campaign, report: AnnualReport | None, as_of: dt.date | None,
                  figures_of: Callable[[dt.date], TableFigures | None] | None = None) -> dict:
    agency = campaign.agency
    today = timezone.localdate()
    as_of = as_of or (report.as_of if report and report.as_of else None) or today
    body = _body(report)
    figures = _figure_blocks(campaign, as_of, {kind for kind, _ in body}, figures_of(as_of) if figures_of else None)
    blocks: list[dict] = []
    for kind, value in body:
        if kind == "heading":
            blocks.append({"type": "heading", "text": value or ""})
        elif kind == "paragraph":
            blocks += _paragraph_blocks(value or "")
        elif kind in figures:
            blocks.append(figures[kind])
    signer = agency_signer(agency)
    title = campaign.title
    subject = (report.subject if report and report.subject else
               f"Kết quả thực hiện {title[:1].lower()}{title[1:]}")
    basis = report.plan_reference.strip() if report and report.plan_reference else ""
    opening = (f"Thực hiện {basis}, " if basis else f"Thực hiện {title[:1].lower()}{title[1:]}, ")
    opening += (f"{agency.name} báo cáo kết quả thực hiện (số liệu tính đến ngày {as_of:%d/%m/%Y}; thời gian "
                f"thực hiện kế hoạch từ ngày {campaign.start:%d/%m/%Y} đến ngày {campaign.due:%d/%m/%Y}) như sau:")
    recipients = report.recipients if report is not None else DEFAULT_RECIPIENTS
    return {
        "campaign": campaign.slug,
        "governing_body": agency.governing_body,
        "agency_name": issuing_agency_name(agency.name, agency.governing_body),
        "agency_full_name": agency.name,
        "agency_code": agency.code,
        "number": report.number if report else "",
        "place": (report.place if report and report.place else agency_place(agency)),
        "date": (report.issued_on if report and report.issued_on else today).isoformat(),
        "as_of": as_of.isoformat(),
        "subject": subject,
        "opening": opening,
        "blocks": blocks,
        "recipients": [line.strip() for line in (recipients or "").splitlines() if line.strip()],
        "archive": report.archive if report else "VT, VP",
        "signer_title": signer_lines(report.signer_title if report and report.signer_title.strip() else signer.title),
        "signer_name": (report.signer_name if report and report.signer_name else
                        ("" if report and report.signer_title.strip() else signer.name)),
    }


def annual_report_freeze(*, report: AnnualReport, actor) -> AnnualReport:
    """Keep the report as issued: its composed content (text and figures) from now on."""
    agency_object_required(actor=actor, agency=report.campaign.agency_id)
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if report.is_frozen:
            raise ReportFrozen("Báo cáo đã được chốt")
        report.frozen_content = annual_report_compose(campaign=report.campaign, report=report)
        report.frozen_at = timezone.now()
        report.frozen_by = actor if getattr(actor, "is_authenticated", False) else None
        report.save(update_fields=["frozen_content", "frozen_at", "frozen_by"])
        audit_log(actor=actor, action="annual_report.freeze", obj=report, agency=report.campaign.agency,
                  after={"number": report.number, "as_of": report.frozen_content["as_of"]})
    return report


def annual_report_save(*, report: AnnualReport, actor, save=None) -> AnnualReport:
    """Save the office's edits (refused once frozen) and log them."""
    agency_object_required(actor=actor, agency=report.campaign.agency_id)
    with transaction.atomic():
        if report.pk and AnnualReport.objects.filter(pk=report.pk, frozen_at__isnull=False).exists():
            raise ReportFrozen("Báo cáo đã được chốt: không sửa được nữa")
        created = report.pk is None
        (save or report.save)()
        audit_log(actor=actor, action="annual_report.create" if created else "annual_report.update", obj=report,
                  agency=report.campaign.agency, after={"number": report.number})
    return report


def annual_report_pdf(report: AnnualReport | None = None, *, campaign: Campaign | None = None, **overrides) -> bytes:
    campaign = campaign or report.campaign
    return render_pdf(annual_report_compose(campaign=campaign, report=report, **overrides))


def annual_report_docx(report: AnnualReport | None = None, *, campaign: Campaign | None = None, **overrides) -> bytes:
    campaign = campaign or report.campaign
    return render_docx(annual_report_compose(campaign=campaign, report=report, **overrides))
