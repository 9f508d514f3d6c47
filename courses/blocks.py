"""The one StreamField vocabulary shared by directives and lessons (bakerydemo BaseStreamBlock)."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("tiêu đề"))
    size = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("cỡ"))

    class Meta:
        icon = "title"
        template = "courses/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("trích dẫn"))
    source = blocks.CharBlock(required=False, label=_("nguồn"))

    class Meta:
        icon = "openquote"
        template = "courses/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tài liệu"))
    title = blocks.CharBlock(required=False, label=_("tên hiển thị"))

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document_link.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Tiêu đề"))
    paragraph = blocks.RichTextBlock(label=_("Đoạn văn"), features=["bold", "italic", "ol", "ul", "link", "hr"])
    quote = QuoteBlock(label=_("Trích dẫn"))
    table = TableBlock(label=_("Bảng"))
    video = EmbedBlock(label=_("Video"), help_text=_("Đường dẫn YouTube, Vimeo…"))
    document = DocumentLinkBlock(label=_("Tài liệu đính kèm"))


def stream_plain_text(stream) -> str:
    """The readable text of a BaseStreamBlock value (headings, paragraphs, quotes, table cells),
    for the folded search columns; embeds and documents contribute their titles only."""
    parts: list[str] = []
    for child in stream or []:
        value, kind = child.value, child.block_type
        if kind == "heading":
            parts.append(value["text"])
        elif kind == "paragraph":
            parts.append(strip_tags(value.source).replace("&nbsp;", " "))
        elif kind == "quote":
            parts.extend([value["text"], value.get("source") or ""])
        elif kind == "table":
            for row in (value or {}).get("data") or []:
                parts.extend(str(cell) for cell in row if cell)
        elif kind == "document":
            parts.append(value.get("title") or getattr(value.get("document"), "title", ""))
    return " ".join(p for p in parts if p)
