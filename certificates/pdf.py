"""The certificate PDF: A4 landscape, drawn on a reportlab canvas by a template method.

`CertificateRenderer.render(certificate)` calls one `draw_*` step per part of the paper
(border, header, title, holder, body, signature, verification); a variant overrides a step.
Everything printed comes from the certificate's own snapshot (holder name as in the roster at
issue, serial, agency, signer), so a PDF rendered today equals the one rendered at issue time.
Only the seal/signature and logo images come from the current template settings.

Speed (see benchmarks/certificates.py): fonts are registered once per process
(`core.pdf.register_fonts`), images are decoded once per file, the QR code is drawn as one
path of merged runs, and the decorative border is made of path objects built once, the QR code is
drawn in module units with a fixed mask pattern, and rl_accel formats the numbers in C.
"""

from __future__ import annotations

import io
from functools import cache, lru_cache

import segno
from django.utils import timezone
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from certificates.models import Certificate, CertificateTemplateSettings
from core.pdf import QUOC_HIEU, SERIF, SERIF_BOLD, SERIF_ITALIC, TIEU_NGU, register_fonts, vn_date_line
from core.signing import sign_pdf

PAGE = landscape(A4)
WIDTH, HEIGHT = PAGE
RED = HexColor("#8e1b1b")
GOLD = HexColor("#b8892b")
INK = HexColor("#1d2230")
MUTED = HexColor("#4b5563")
PAPER = HexColor("#fffdf6")

# A fixed mask pattern skips segno's search for the best one (most of its time); any of the
# eight is valid and decodes the same.
QR_MASK = 4



FONT, FONT_BOLD, FONT_ITALIC = SERIF, SERIF_BOLD, SERIF_ITALIC
_VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
# Every printable ASCII character and every Vietnamese letter, both cases.
PRIME = "".join(chr(code) for code in range(32, 127)) + _VIETNAMESE + _VIETNAMESE.upper()


class _CachedFlate:
    """FlateDecode with a memo: an identical font subset is compressed once per process."""

    pdfname = "FlateDecode"

    def __init__(self):
        self.encode = lru_cache(maxsize=16)(pdfdoc.PDFZCompress.encode)

    def decode(self, encoded: bytes) -> bytes:
        return pdfdoc.PDFZCompress.decode(encoded)


_CACHED_FLATE = _CachedFlate()


def _cache_subsets(face) -> None:
    """Build and compress each distinct glyph subset of a font face once per process.

    reportlab cuts, for every document, a subset of the glyphs it uses, then compresses it: the
    largest cost of a one-page certificate. Certificates prime their fonts with PRIME (see
    `prime_fonts`), so every certificate, whatever the Vietnamese name, asks for the same
    subset and gets it from these memos. Both are pure (same subset, same bytes) and bounded,
    so they are harmless to other documents that share the registered font.
    """
    if getattr(face, "_subset_cache", None) is not None:
        return
    build, add_objects = face.makeSubset, face.addSubsetObjects
    face._subset_cache = lru_cache(maxsize=16)(lambda key: build(list(key)))
    face.makeSubset = lambda subset: face._subset_cache(tuple(subset))

    def add_subset_objects(doc, fontname, subset):
        reference = add_objects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if stream is not None and stream.filters == [pdfdoc.PDFZCompress]:
            stream.filters = [_CACHED_FLATE]
        return reference

    face.addSubsetObjects = add_subset_objects


@cache
def certificate_fonts() -> tuple[str, str, str]:
    register_fonts()
    for name in (FONT, FONT_BOLD, FONT_ITALIC):
        _cache_subsets(pdfmetrics.getFont(name).face)
    return FONT, FONT_BOLD, FONT_ITALIC


def prime_fonts(canvas: Canvas) -> None:
    """Give this document's font subsets their fixed content (nothing is drawn)."""
    for name in certificate_fonts():
        pdfmetrics.getFont(name).splitString(PRIME, canvas._doc)


@lru_cache(maxsize=8)
def _image(path: str, mtime: float) -> ImageReader:
    """Decode an image file once per process (keyed by mtime, so a replaced seal is reloaded)."""
    return ImageReader(path)


def _template_image(image) -> ImageReader | None:
    if image is None:
        return None
    try:
        path = image.file.path
        import os

        return _image(path, os.path.getmtime(path))
    except (NotImplementedError, ValueError, OSError):
        # Remote storage: read the bytes each time (rare: only when a seal is configured there).
        try:
            with image.file.open("rb") as handle:
                return ImageReader(io.BytesIO(handle.read()))
        except OSError:
            return None


def qr_runs(text: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The QR code of `text` as horizontal runs of dark modules: (size, [(row, col, length)])."""
    matrix = segno.make(text, error="m", boost_error=False, mask=QR_MASK).matrix
    runs = []
    for row, line in enumerate(matrix):
        col, size = 0, len(line)
        while col < size:
            if line[col]:
                start = col
                while col < size and line[col]:
                    col += 1
                runs.append((row, start, col - start))
            else:
                col += 1
    return len(matrix), runs


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Vector QR code with its quiet zone inside `size`, lower-left corner at (x, y).

    Drawn in module units (one user unit = one module, y downwards), so each run is a rectangle
    of small integers: short to write, and nothing to round.
    """
    modules, runs = qr_runs(text)
    quiet = 2
    unit = size / (modules + 2 * quiet)
    path = PDFPathObject()
    for row, col, length in runs:
        path.rect(col, row, length, 1)
    canvas.saveState()
    canvas.translate(x + quiet * unit, y + size - quiet * unit)
    canvas.scale(unit, -unit)
    canvas.setFillColor(Color(0, 0, 0))
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def balanced_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap `text` into as few lines as fit `width`, then even them out (no lone last word)."""
    lines = simpleSplit(text, font, size, width)
    if len(lines) < 2:
        return lines
    low, high = width / len(lines), width
    while high - low > 4:
        mid = (low + high) / 2
        if len(simpleSplit(text, font, size, mid)) > len(lines):
            low = mid
        else:
            high = mid
    return simpleSplit(text, font, size, high)


def _lozenge(path: PDFPathObject, x: float, y: float, half: float) -> None:
    path.moveTo(x - half, y)
    path.lineTo(x, y + half)
    path.lineTo(x + half, y)
    path.lineTo(x, y - half)
    path.close()


@cache
def _border_paths() -> tuple[tuple[PDFPathObject, Color, float | None], ...]:
    """The decorative frame as (path, colour, line width or None to fill), built once per process:
    path objects do not belong to a canvas, so every certificate reuses them."""
    parts: list[tuple[PDFPathObject, Color, float | None]] = []
    outer, band, inner = 8 * mm, 11.5 * mm, 14 * mm
    for inset, colour, width in ((outer, RED, 2.6), (band, GOLD, 0.8), (inner, RED, 0.6)):
        frame = PDFPathObject()
        frame.rect(inset, inset, WIDTH - 2 * inset, HEIGHT - 2 * inset)
        parts.append((frame, colour, width))
    # A row of small gold lozenges in the band between the frames.
    mid = (outer + band) / 2
    step = 7 * mm
    xs = [outer + 6 * mm + i * step for i in range(int((WIDTH - 2 * outer - 12 * mm) / step) + 1)]
    ys = [outer + 6 * mm + i * step for i in range(int((HEIGHT - 2 * outer - 12 * mm) / step) + 1)]
    points = [(x, mid) for x in xs] + [(x, HEIGHT - mid) for x in xs]
    points += [(mid, y) for y in ys] + [(WIDTH - mid, y) for y in ys]
    lozenges = PDFPathObject()
    for x, y in points:
        _lozenge(lozenges, x, y, 1.1 * mm)
    parts.append((lozenges, GOLD, None))
    # Corner ornaments: a red square turned 45° holding a gold one.
    corners = [(mid, mid), (WIDTH - mid, mid), (mid, HEIGHT - mid), (WIDTH - mid, HEIGHT - mid)]
    for half, colour in ((3.4 * mm, RED), (1.7 * mm, GOLD)):
        path = PDFPathObject()
        for x, y in corners:
            _lozenge(path, x, y, half)
        parts.append((path, colour, None))
    return tuple(parts)


class CertificateRenderer:
    """Template method: override a `draw_*` step to change one part of the paper."""

    pagesize = PAGE

    def __init__(self, template: CertificateTemplateSettings | None = None):
        certificate_fonts()
        self.template = template if template is not None else CertificateTemplateSettings.load()
        self.seal = _template_image(self.template.seal)
        self.logo = _template_image(self.template.logo)

    # --- the template method ------------------------------------------------------------------

    def render(self, certificate: Certificate) -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=self.pagesize, pageCompression=1, invariant=1, initialFontName=FONT,
                        initialFontSize=12)
        canvas.setTitle(f"{self.template.title} {certificate.serial}")
        canvas.setAuthor(certificate.agency_name)
        canvas.setSubject(certificate.title)
        canvas.setCreator("hoc-tap-quan-triet")
        prime_fonts(canvas)
        self.draw(canvas, certificate)
        canvas.showPage()
        canvas.save()
        return sign_pdf(buffer.getvalue())  # PAdES when the agency's certificate is configured

    def draw(self, canvas: Canvas, certificate: Certificate) -> None:
        self.draw_background(canvas)
        self.draw_border(canvas)
        self.draw_header(canvas, certificate)
        y = self.draw_title(canvas, certificate)
        y = self.draw_holder(canvas, certificate, y)
        self.draw_body(canvas, certificate, y)
        self.draw_signature(canvas, certificate)
        self.draw_verification(canvas, certificate)
        if not certificate.is_valid:
            self.draw_revoked(canvas, certificate)

    # --- the steps --------------------------------------------------------------------------------

    def draw_background(self, canvas: Canvas) -> None:
        canvas.setFillColor(PAPER)
        canvas.rect(0, 0, WIDTH, HEIGHT, stroke=0, fill=1)

    def draw_border(self, canvas: Canvas) -> None:
        for path, colour, width in _border_paths():
            if width is None:
                canvas.setFillColor(colour)
                canvas.drawPath(path, stroke=0, fill=1)
            else:
                canvas.setStrokeColor(colour)
                canvas.setLineWidth(width)
                canvas.drawPath(path, stroke=1, fill=0)

    def draw_header(self, canvas: Canvas, certificate: Certificate) -> None:
        top = HEIGHT - 27 * mm
        left_x = 72 * mm
        right_x = WIDTH - 82 * mm
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 12)
        canvas.drawCentredString(left_x, top, certificate.governing_body.upper())
        canvas.setFont(FONT_BOLD, 12)
        canvas.drawCentredString(left_x, top - 15, certificate.agency_name.upper())
        rule = stringWidth(certificate.agency_name.upper(), FONT_BOLD, 12) / 3
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(left_x - rule / 2, top - 20, left_x + rule / 2, top - 20)
        canvas.setFont(FONT, 11.5)
        canvas.drawCentredString(left_x, top - 36, f"Số: {certificate.serial}")

        canvas.setFont(FONT_BOLD, 12)
        canvas.drawCentredString(right_x, top, QUOC_HIEU)
        canvas.setFont(FONT_BOLD, 13)
        canvas.drawCentredString(right_x, top - 16, TIEU_NGU)
        half = stringWidth(TIEU_NGU, FONT_BOLD, 13) / 2
        canvas.line(right_x - half, top - 19.5, right_x + half, top - 19.5)

        if self.logo is not None:
            size = 20 * mm
            canvas.drawImage(self.logo, WIDTH / 2 - size / 2, top - 32, size, size, mask="auto",
                             preserveAspectRatio=True, anchor="c")

    def draw_title(self, canvas: Canvas, certificate: Certificate) -> float:
        y = HEIGHT - 70 * mm
        canvas.setFillColor(RED)
        title = (self.template.title or "GIẤY CHỨNG NHẬN").upper()
        canvas.setFont(FONT_BOLD, 34)
        canvas.drawCentredString(WIDTH / 2, y, title)
        # A small gold flourish under the title.
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(1)
        canvas.line(WIDTH / 2 - 48 * mm, y - 12, WIDTH / 2 - 6 * mm, y - 12)
        canvas.line(WIDTH / 2 + 6 * mm, y - 12, WIDTH / 2 + 48 * mm, y - 12)
        canvas.setFillColor(GOLD)
        path = canvas.beginPath()
        path.moveTo(WIDTH / 2 - 3 * mm, y - 12)
        path.lineTo(WIDTH / 2, y - 12 + 3 * mm)
        path.lineTo(WIDTH / 2 + 3 * mm, y - 12)
        path.lineTo(WIDTH / 2, y - 12 - 3 * mm)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        return y - 20 * mm

    def draw_holder(self, canvas: Canvas, certificate: Certificate, y: float) -> float:
        canvas.setFillColor(INK)
        canvas.setFont(FONT_ITALIC, 15)
        canvas.drawCentredString(WIDTH / 2, y, holder_lead(self.template.lead, certificate.holder_honorific))
        name = certificate.holder_name
        size = 28.0
        limit = WIDTH - 70 * mm
        while size > 14 and stringWidth(name, FONT_BOLD, size) > limit:
            size -= 1
        canvas.setFillColor(RED)
        canvas.setFont(FONT_BOLD, size)
        y -= 13 * mm
        canvas.drawCentredString(WIDTH / 2, y, name)
        return y - 12 * mm

    def draw_body(self, canvas: Canvas, certificate: Certificate, y: float) -> None:
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 15)
        canvas.drawCentredString(WIDTH / 2, y, certificate.wording or "Đã hoàn thành chương trình học tập, quán triệt")
        size = 15.5
        lines = balanced_lines(certificate.title, FONT_BOLD, size, WIDTH - 80 * mm)
        if len(lines) > 3:
            size = 13.5
            lines = balanced_lines(certificate.title, FONT_BOLD, size, WIDTH - 70 * mm)[:4]
        canvas.setFont(FONT_BOLD, size)
        y -= 8.5 * mm
        for line in lines:
            canvas.drawCentredString(WIDTH / 2, y, line)
            y -= size * 1.35

    def draw_signature(self, canvas: Canvas, certificate: Certificate) -> None:
        x = WIDTH - 82 * mm
        y = 66 * mm
        name_y = 22 * mm
        canvas.setFillColor(INK)
        canvas.setFont(FONT_ITALIC, 13)
        canvas.drawCentredString(x, y, vn_date_line(certificate.place or "Tây Ninh", certificate.issued_on))
        canvas.setFont(FONT_BOLD, 13)
        canvas.drawCentredString(x, y - 18, (certificate.signer_title or "").upper())
        if self.seal is not None:
            # Seal and signature between the title and the name, as on signed paper.
            bottom, top = name_y + 5 * mm, y - 18 - 3 * mm
            canvas.drawImage(self.seal, x - 30 * mm, bottom, 60 * mm, top - bottom, mask="auto",
                             preserveAspectRatio=True, anchor="c")
        if certificate.signer_name:
            canvas.setFont(FONT_BOLD, 13.5)
            canvas.drawCentredString(x, name_y, certificate.signer_name)

    def draw_verification(self, canvas: Canvas, certificate: Certificate) -> None:
        url = certificate.verify_url()
        size = 30 * mm
        x, y = 24 * mm, 21 * mm
        draw_qr(canvas, url, x, y, size)
        canvas.linkURL(url, (x, y, x + size, y + size), relative=0, thickness=0)
        tx = x + size + 3 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 9.5)
        canvas.drawString(tx, y + size - 9, "Mã xác thực:")
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 11)
        canvas.drawString(tx, y + size - 23, certificate.display_code)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 9.5)
        canvas.drawString(tx, y + size - 38, f"Số hiệu: {certificate.serial}")
        canvas.drawString(tx, y + size - 51, "Quét mã QR hoặc tra cứu tại:")
        canvas.setFillColor(HexColor("#0b4f94"))
        canvas.setFont(FONT, 8.5)
        canvas.drawString(tx, y + size - 63, url)
        width = stringWidth(url, FONT, 8.5)
        canvas.linkURL(url, (tx, y + size - 66, tx + width, y + size - 55), relative=0, thickness=0)

    def draw_revoked(self, canvas: Canvas, certificate: Certificate) -> None:
        canvas.saveState()
        canvas.setFillColor(Color(0.75, 0.05, 0.05, alpha=0.35))
        canvas.translate(WIDTH / 2, HEIGHT / 2)
        canvas.rotate(20)
        canvas.setFont(FONT_BOLD, 64)
        canvas.drawCentredString(0, -20, "ĐÃ THU HỒI")
        if certificate.revoked_at:
            canvas.setFont(FONT_BOLD, 18)
            canvas.drawCentredString(0, -50, f"ngày {timezone.localtime(certificate.revoked_at):%d/%m/%Y}")
        canvas.restoreState()


def holder_lead(lead: str, honorific: str) -> str:
    """The lead above the name: "Chứng nhận Ông/Bà" becomes "Chứng nhận Bà" when the roster said so."""
    lead = lead or "Chứng nhận Ông/Bà"
    return lead.replace("Ông/Bà", honorific) if honorific else lead


def certificate_pdf(certificate: Certificate) -> bytes:
    return CertificateRenderer().render(certificate)


def certificate_filename(certificate: Certificate) -> str:
    return f"giay-chung-nhan-{certificate.employee.employee_code}-{certificate.serial_year}-{certificate.serial_number}.pdf"
