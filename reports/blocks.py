"""The blocks of an annual report's narrative (StreamField): text written by the Văn phòng, and
blocks of live figures that the office places where it wants them. A figure block has no fields:
it is computed when the report is rendered (or kept as issued once the report is frozen)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

FIGURE_BLOCKS = ("overall", "units", "directives", "sessions", "targets")


def _figure(label, help_text):
    return blocks.StaticBlock(label=label, admin_text=help_text, icon="table")


class AnnualReportBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề mục"), icon="title",
                               help_text=_("Ví dụ: I. KẾT QUẢ THỰC HIỆN hoặc 1. Công tác tuyên truyền"))
    paragraph = blocks.TextBlock(label=_("Đoạn văn"), icon="pilcrow",
                                 help_text=_("Một dòng trống tách hai đoạn; dòng bắt đầu bằng \"- \" là một ý"))
    overall = _figure(_("Số liệu: kết quả chung"),
                      _("Số người phải học, đã hoàn thành, Tỷ lệ người hoàn thành và Tỷ lệ lượt văn bản hoàn thành"))
    units = _figure(_("Số liệu: bảng theo đơn vị"),
                    _("Các phòng, đơn vị theo thứ tự tổ chức; tổ, bộ phận nằm dưới đơn vị của mình"))
    directives = _figure(_("Số liệu: bảng theo văn bản"), _("Kết quả học tập từng văn bản của kế hoạch"))
    sessions = _figure(_("Số liệu: hội nghị đã tổ chức"), _("Ngày, tên hội nghị, văn bản, số người dự"))
    targets = _figure(_("Số liệu: chỉ tiêu của kế hoạch"), _("Tình trạng, kết quả và minh chứng từng chỉ tiêu"))
