"""The PDF: every Vietnamese letter extractable as text, and a QR code that decodes to the verify URL."""

import io
import subprocess

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from certificates.models import CertificateTemplateSettings
from certificates.pdf import CertificateRenderer
from certificates.services import certificate_issue, certificate_revoke
from tests.certificates.conftest import D

NAMES = [
    "Nguyễn Thị Hồng Nhung",
    "Đặng Văn Ưng",
    "Huỳnh Thị Ngọc Ẩn",
    "Tôn Nữ Thị Phượng Ỷ",
    "Lưu Quốc Ởi Ữ Ự Ỹ Ỵ",
]


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def render_png(pdf: bytes, folder, dpi: int = 150) -> Image.Image:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-singlefile", "-", str(folder / "page")], input=pdf,
                   capture_output=True, check=True)
    return Image.open(folder / "page.png")


@pytest.fixture
def issued(scenario):
    def make(code, name):
        person = scenario.person(code, name)
        scenario.study(person)
        certificate, _ = certificate_issue(employee=person, campaign=scenario.campaign, as_of=D(2024, 11, 15))
        certificate.issued_on = D(2025, 1, 5)  # to see the leading zeros of day and month
        certificate.save(update_fields=["issued_on"])
        return certificate
    return make


@pytest.mark.parametrize("name", NAMES)
def test_any_vietnamese_name_is_text_in_the_pdf(issued, name):
    certificate = issued("SCT001", name)
    text = pdftotext(CertificateRenderer().render(certificate))
    assert name in text
    assert "GIẤY CHỨNG NHẬN" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "UBND TỈNH TÂY NINH" in text and "SỞ CÔNG THƯƠNG" in text
    assert "Tây Ninh, ngày 05 tháng 01 năm 2025" in text
    assert certificate.serial in text and certificate.display_code in text
    assert "công tác dân vận" in " ".join(text.split())


def test_pdf_is_one_a4_landscape_page_with_a_link_and_embedded_fonts(issued):
    certificate = issued("SCT001", "Nguyễn Thị Hồng Nhung")
    reader = PdfReader(io.BytesIO(CertificateRenderer().render(certificate)))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert round(width) == 842 and round(height) == 595
    uris = [a.get_object()["/A"]["/URI"] for a in page["/Annots"]]
    assert certificate.verify_url() in uris
    fonts = {f["/BaseFont"] for f in page["/Resources"]["/Font"].values()}
    assert all("DejaVuSerif" in str(font) for font in fonts)


def test_qr_code_decodes_to_the_verify_url(issued, settings, tmp_path):
    settings.SITE_URL = "https://hoctap.sct.tayninh.gov.vn"
    certificate = issued("SCT001", "Đặng Văn Ưng")
    image = render_png(CertificateRenderer().render(certificate), tmp_path)
    found = [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert found == [f"https://hoctap.sct.tayninh.gov.vn/verify/{certificate.display_code}/"]


def test_pdf_uses_the_snapshot_not_the_current_settings(issued):
    certificate = issued("SCT001", "Nguyễn Thị Hồng Nhung")
    template = CertificateTemplateSettings.load()
    template.signer_title = "PHÓ GIÁM ĐỐC"
    template.save()
    text = pdftotext(CertificateRenderer().render(certificate))
    assert "PHÓ GIÁM ĐỐC" not in text and "GIÁM ĐỐC" in text


def test_revoked_certificate_is_stamped(issued, tmp_path):
    certificate = issued("SCT001", "Nguyễn Thị Hồng Nhung")
    certificate = certificate_revoke(certificate=certificate, reason="Cấp nhầm")
    pdf = CertificateRenderer().render(certificate)
    assert "ĐÃ THU HỒI" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    (tmp_path / "revoked.pdf").write_bytes(pdf)


def _png(colour, size=(240, 240)) -> bytes:
    from PIL import ImageDraw

    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size[0] - 8, size[1] - 8), outline=colour, width=10)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_seal_and_logo_from_the_template_are_drawn(issued, tmp_path):
    from django.core.files.images import ImageFile
    from wagtail.images.models import Image as WagtailImage

    template = CertificateTemplateSettings.load()
    template.seal = WagtailImage.objects.create(title="Con dấu", file=ImageFile(io.BytesIO(_png("red")), name="dau.png"))
    template.logo = WagtailImage.objects.create(title="Logo", file=ImageFile(io.BytesIO(_png("blue")), name="logo.png"))
    template.save()
    certificate = issued("SCT001", "Nguyễn Thị Hồng Nhung")
    pdf = CertificateRenderer().render(certificate)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(page.images) == 2
    rgb = render_png(pdf, tmp_path, dpi=40).convert("RGB")
    reds = sum(1 for r, g, b in rgb.getdata() if r > 200 and g < 60 and b < 60)
    assert reds > 50  # the seal's red ring is on the page


def test_ong_ba_from_the_roster_gender(scenario):
    leads = {}
    for code, gender in (("SCT001", "female"), ("SCT002", "male"), ("SCT003", "")):
        person = scenario.person(code, "Trần Thị Bình" if gender == "female" else "Lê Văn An")
        person.gender = gender
        person.save(update_fields=["gender"])
        scenario.study(person)
        certificate, _ = certificate_issue(employee=person, campaign=scenario.campaign)
        text = " ".join(pdftotext(CertificateRenderer().render(certificate)).split())
        leads[code] = (certificate.holder_honorific, "Chứng nhận Bà" in text, "Chứng nhận Ông " in text,
                       "Chứng nhận Ông/Bà" in text)
    assert leads == {"SCT001": ("Bà", True, False, False), "SCT002": ("Ông", False, True, False),
                     "SCT003": ("", False, False, True)}
