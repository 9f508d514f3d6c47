"""Benchmark: bulk certificate issuing (database writes + one PDF per person on disk) against
the floor of writing the same number of one-page PDFs with bare reportlab (one TrueType serif,
a name and a QR code), in the same run on the same machine. Target: at most 2× the floor.

    .venv/bin/python benchmarks/certificates.py [--n 1000] [--database-url URL] [--no-append]

Without --database-url it uses a fresh SQLite file in a temporary folder (migrated first, not
timed). Results are appended to docs/benchmarks.md with the machine's description.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(database_url: str | None, scratch: Path) -> None:
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Thị", "Văn", "Thị Hồng", "Quốc", "Ngọc", "Thị Ánh", "Minh", "Hữu", "Thị Thu", "Đức", "Xuân", "Thị Mỹ"]
GIVEN = ["Nhung", "Ưng", "Hương", "Việt", "Ẩn", "Tuyết", "Khải", "Phượng", "Dũng", "Hạnh", "Quỳnh", "Yến"]


def names(n: int) -> list[str]:
    return [f"{SURNAMES[i % 12]} {MIDDLE[(i // 12) % 12]} {GIVEN[(i // 144) % 12]}" for i in range(n)]


def build_campaign(n: int):
    """An agency, a two-directive campaign and n staff who all completed it (bulk inserts)."""
    from wagtail.models import Page

    from core.text import fold
    from courses.models import DirectivePage
    from learning.models import Campaign, ManualEvidence, Requirement
    from org.models import Employee, OrgUnit, OrgUnitKind

    agency = OrgUnit.add_root(code="SCT", name="Sở Công Thương Tây Ninh", kind=OrgUnitKind.AGENCY,
                              governing_body="UBND TỈNH TÂY NINH")
    root = Page.objects.get(depth=1)
    directives = []
    for number in ("23-QĐ/TW", "33/CT-TTg"):
        page = DirectivePage(title=f"Văn bản {number}", number=number, doc_type="chi_thi", issuer="Ban Bí thư",
                             issue_date=dt.date(2023, 1, 1), subject=number)
        root.add_child(instance=page)
        directives.append(page)
    campaign = Campaign.objects.create(agency=agency, slug="bench-2024", year=2024, start=dt.date(2024, 4, 1),
                                       due=dt.date(2024, 10, 31),
                                       title="Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024")
    for order, directive in enumerate(directives):
        Requirement.objects.create(campaign=campaign, directive=directive, order=order)
    staff = [
        Employee(agency=agency, unit=agency, employee_code=f"B{i:06d}", category="cong_chuc", full_name=name,
                 search_name=fold(name), start_date=dt.date(2020, 1, 1))
        for i, name in enumerate(names(n))
    ]
    Employee.objects.bulk_create(staff, batch_size=1000)
    ids = list(Employee.objects.filter(agency=agency).values_list("pk", flat=True))
    ManualEvidence.objects.bulk_create(
        [ManualEvidence(employee_id=pk, directive=d, date=dt.date(2024, 5, 10)) for pk in ids for d in directives],
        batch_size=2000,
    )
    return campaign


def time_issue(campaign, out: Path) -> tuple[float, int]:
    from certificates.services import certificates_issue_for_campaign

    start = time.perf_counter()
    result = certificates_issue_for_campaign(campaign=campaign, as_of=dt.date(2024, 11, 15), out_dir=out)
    return time.perf_counter() - start, result.issued_count


@contextlib.contextmanager
def bare_fonts():
    """reportlab shares one font object per TTF file, and the certificate renderer puts its
    subset memo on it (certificates.pdf._cache_subsets): take it off while the floor runs, so
    the floor is plain reportlab before and after."""
    from reportlab.pdfbase import pdfmetrics

    from core.pdf import SERIF, register_fonts

    register_fonts()
    face = pdfmetrics.getFont(SERIF).face
    saved = {name: face.__dict__.pop(name) for name in ("makeSubset", "addSubsetObjects") if name in face.__dict__}
    try:
        yield
    finally:
        face.__dict__.update(saved)


def time_floor(people: list[tuple[str, str, str]], out: Path, qr: str) -> float:
    """Bare reportlab: a canvas, one TrueType serif, the holder's name, a QR code of the verify
    URL (`qr="segno"`: drawn like the certificate's; `"widget"`: reportlab's QrCodeWidget),
    written to disk."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from certificates.pdf import draw_qr
    from core.pdf import font_dir

    if "BenchSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSerif", str(font_dir() / "DejaVuSerif.ttf")))
    out.mkdir(parents=True, exist_ok=True)
    with bare_fonts():
        start = time.perf_counter()
        for code, name, url in people:
            buffer = io.BytesIO()
            canvas = Canvas(buffer, pagesize=landscape(A4), initialFontName="BenchSerif", pageCompression=1)
            canvas.setFont("BenchSerif", 28)
            canvas.drawCentredString(421, 300, name)
            if qr == "segno":
                draw_qr(canvas, url, 40, 40, 85)
            else:
                widget = QrCodeWidget(url)
                x0, y0, x1, y1 = widget.getBounds()
                drawing = Drawing(85, 85, transform=[85 / (x1 - x0), 0, 0, 85 / (y1 - y0), 0, 0])
                drawing.add(widget)
                renderPDF.draw(drawing, canvas, 40, 40)
            canvas.showPage()
            canvas.save()
            (out / f"{code}.pdf").write_bytes(buffer.getvalue())
        return time.perf_counter() - start


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import reportlab
    from django.db import connection

    try:
        import _rl_accel  # noqa: F401  (the C extension of the rl_accel package)
        accel = "rl_accel on"
    except ImportError:
        accel = "rl_accel off"
    return (f"{cpu}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; Python {platform.python_version()}, "
            f"reportlab {reportlab.Version} ({accel}), {connection.vendor}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="certificates to issue (default 1000)")
    parser.add_argument("--database-url", help="an empty database to use (default: a temporary SQLite file)")
    parser.add_argument("--no-append", action="store_true", help="print only; do not append to docs/benchmarks.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        setup_django(args.database_url, scratch)
        campaign = build_campaign(args.n)
        from django.conf import settings

        from certificates.codes import format_code, new_code

        people = [(f"B{i:06d}", name, f"{settings.SITE_URL}/verify/{format_code(new_code())}/")
                  for i, name in enumerate(names(args.n))]
        # The floor runs before and after (the machine is shared: load drifts); its mean counts.
        before_s = time_floor(people, scratch / "floor", qr="segno")
        sample = people[: max(1, args.n // 5)]
        widget_rate = len(sample) / time_floor(sample, scratch / "widget", qr="widget")
        issue_s, issued = time_issue(campaign, scratch / "issued")
        assert issued == args.n, f"issued {issued} of {args.n}"
        after_s = time_floor(people, scratch / "floor-again", qr="segno")
        floor_s = (before_s + after_s) / 2
        issue_rate, floor_rate = issued / issue_s, issued / floor_s
        ratio = floor_rate / issue_rate
        verdict = "meets" if ratio <= 2 else "MISSES"
        lines = [
            f"### Certificates, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} — {issued} certificates",
            f"- machine: {machine()}",
            f"- bulk issuing (compliance query, serials, bulk insert, one PDF file each): {issue_s:.1f} s, "
            f"**{issue_rate:.1f} certificates/s**",
            f"- floor, bare reportlab (TrueType serif, name, QR drawn from segno, file each): {floor_s:.1f} s, "
            f"**{floor_rate:.1f} PDFs/s** (mean of a run before, {before_s:.1f} s, and after, {after_s:.1f} s)",
            f"- ratio: {ratio:.2f}× the floor — {verdict} the target (≤ 2×)",
            f"- for reference, bare reportlab with its own QrCodeWidget: {widget_rate:.1f} PDFs/s",
            "",
        ]
        text = "\n".join(lines)
        print(text)
        if not args.no_append:
            docs = ROOT / "docs" / "benchmarks.md"
            if not docs.exists():
                docs.write_text("# Benchmarks\n\n", encoding="utf-8")
            with docs.open("a", encoding="utf-8") as handle:
                handle.write("\n" + text)
        return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
