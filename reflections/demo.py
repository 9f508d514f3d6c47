"""Demo reflections: the current campaign asks for a bài thu hoạch on Chỉ thị 33/CT-TTg, and two
colleagues of the demo learner have submitted theirs — the second a lightly edited copy of the
first — so HR and the unit head find a grading queue with the originality signal, and the demo
learner (`hocvien`) the offer to write one. Submitted, not graded: no evidence, the figures of the
demo are unchanged."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from core.demo import ACTIVITY, demo_step
from courses.selectors import directive_resolve
from learning.models import Campaign
from org.models import Employee
from reflections.models import Reflection, ReflectionPrompt
from reflections.services.prompts import reflection_prompt_save
from reflections.services.writing import reflection_save

CAMPAIGN = "chuyen-de-2026"
DIRECTIVE = "33/CT-TTg"
UNIT = "QLCN"
SKIP = {"SCT0010", "SCT0011"}  # the unit head grades; the demo learner writes their own
HR_LOGIN = "vanphong"

INSTRUCTIONS = (
    "Trình bày những nội dung cốt lõi của Chỉ thị 33/CT-TTg, liên hệ với nhiệm vụ được giao và nêu "
    "những việc bản thân sẽ làm trong năm để thực hiện công tác dân vận chính quyền (khoảng 500–1.000 chữ)."
)

FIRST = """\
Chỉ thị 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ yêu cầu tiếp tục tăng cường và đổi mới công tác \
dân vận của cơ quan hành chính nhà nước, chính quyền các cấp. Điều tôi rút ra trước hết là công tác dân vận \
là nhiệm vụ của cả hệ thống chính trị, không phải riêng của tổ chức đoàn thể: mỗi hồ sơ giải quyết đúng hạn, \
mỗi câu trả lời rõ ràng cho doanh nghiệp cũng là dân vận.

Liên hệ với nhiệm vụ của phòng Quản lý Công nghiệp, tôi thường hướng dẫn doanh nghiệp về thủ tục an toàn hóa \
chất và vật liệu nổ công nghiệp. Trước đây tôi hay gửi nguyên văn điều khoản; từ nay tôi sẽ soạn hướng dẫn \
ngắn, dễ hiểu, dễ làm theo, có danh mục giấy tờ cần chuẩn bị.

Trong năm, tôi sẽ: giải quyết hồ sơ đúng hạn và công khai tiến độ; không gây phiền hà cho doanh nghiệp; \
tham gia mô hình "Dân vận khéo" của phòng với nội dung hỗ trợ doanh nghiệp nhỏ trong các cụm công nghiệp.
"""

# The same text with a few words changed: what the originality signal is there to show the grader.
SECOND = (FIRST
          .replace("Điều tôi rút ra trước hết", "Điều bản thân tôi nhận thức rõ nhất")
          .replace("Trong năm, tôi sẽ:", "Năm nay, tôi đăng ký:"))


def _writers(campaign) -> list[Employee]:
    return list(Employee.objects.for_agency(campaign.agency).filter(unit__code=UNIT, user__isnull=False)
                .exclude(employee_code__in=SKIP).order_by("employee_code")[:2])


@demo_step(ACTIVITY, 45)
def seed_reflections(ctx) -> str:
    campaign = Campaign.objects.for_agency(ctx.agency).filter(slug=CAMPAIGN).first()
    hr = get_user_model().objects.filter(username=HR_LOGIN).first()
    if campaign is None or hr is None:
        return "no current campaign: nothing to do"
    directive = directive_resolve(DIRECTIVE)
    if not ReflectionPrompt.objects.filter(campaign=campaign, directive=directive).exists():
        reflection_prompt_save(prompt=ReflectionPrompt(campaign=campaign, directive=directive,
                                                       instructions=INSTRUCTIONS), actor=hr)
    written = 0
    for employee, text in zip(_writers(campaign), [FIRST, SECOND], strict=False):
        if Reflection.objects.filter(employee=employee, campaign=campaign, directive=directive).exists():
            continue
        reflection_save(campaign=campaign, directive=directive, actor=employee.user, text=text, submit=True)
        written += 1
    return f"prompt on {DIRECTIVE}, {written} reflections submitted"
