"""The directive library of the 2024 plan of Sở Công Thương Tây Ninh (shared/domain/directives-2024.md).

Numbers, types, issuers, dates and subject lines are exactly those of the plan. Summaries and
bodies are written for learners; for documents only the plan names ("unverified") they keep to
the plan's wording and invent nothing. Bodies and lessons use a small markup read by
`courses.demo.blocks_from_text`: "## " and "### " headings, "> " quotes, "- " list items, and
blank-line separated paragraphs (with <b>/<i> allowed).
"""

from __future__ import annotations

DAN_VAN = "Dân vận"
DAN_VAN_KHEO = "Dân vận khéo"
CCHC = "Cải cách hành chính"
DAN_CHU = "Dân chủ cơ sở"
TIEP_DAN = "Tiếp công dân"
TAY_NINH = "Văn bản của tỉnh Tây Ninh"

_UNVERIFIED_NOTE = (
    "Kế hoạch năm 2024 của Sở Công Thương nêu tên văn bản này trong danh mục cần học tập, quán triệt; "
    "thư viện chỉ ghi lại số, ngày và trích yếu như Kế hoạch đã nêu. Cán bộ, công chức, viên chức cần "
    "đọc toàn văn bản gốc do cơ quan ban hành phát hành để nắm nội dung cụ thể."
)

# type: the DirectiveType value. effective: ISO date when the plan gives one.
DIRECTIVES: list[dict] = [
    {
        "number": "23-QĐ/TW",
        "type": "quyet_dinh",
        "issuer": "Ban Chấp hành Trung ương",
        "date": "2021-07-30",
        "subject": "ban hành Quy chế công tác dân vận của hệ thống chính trị",
        "section": "II.1",
        "tags": [DAN_VAN],
        "summary": (
            "Quyết định 23-QĐ/TW ban hành Quy chế công tác dân vận của hệ thống chính trị, thay thế Quy chế "
            "ban hành năm 2010. Quy chế khẳng định công tác dân vận là nhiệm vụ có ý nghĩa chiến lược, là "
            "trách nhiệm của cả hệ thống chính trị, của mọi cán bộ, đảng viên, công chức, viên chức và đoàn "
            "viên, hội viên. Quy chế xác định rõ trách nhiệm của cấp ủy, tổ chức đảng, của cơ quan nhà nước, "
            "Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội và lực lượng vũ trang trong công tác dân vận, "
            "cùng cơ chế phối hợp giữa các cơ quan này. Tinh thần xuyên suốt là tôn trọng, phát huy quyền "
            "làm chủ của Nhân dân theo phương châm \u201cdân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, "
            "dân thụ hưởng\u201d. Đối với cơ quan hành chính như Sở Công Thương, Quy chế là căn cứ để gắn công "
            "tác dân vận với cải cách hành chính, thực hiện dân chủ và giải quyết kịp thời kiến nghị của "
            "người dân, doanh nghiệp."
        ),
        "body": """
## Những điểm chính
- Công tác dân vận là trách nhiệm của cả hệ thống chính trị, đặt dưới sự lãnh đạo của Đảng; chính quyền các cấp thực hiện công tác dân vận thông qua việc quản lý, điều hành và phục vụ Nhân dân.
- Mọi chủ trương, chính sách phải xuất phát từ lợi ích chính đáng của Nhân dân, được Nhân dân tham gia ý kiến và giám sát việc thực hiện.
- Quy chế nêu trách nhiệm cụ thể của từng chủ thể: cấp ủy, tổ chức đảng; cơ quan nhà nước; Mặt trận Tổ quốc và các đoàn thể; lực lượng vũ trang; cán bộ, đảng viên.
- Người đứng đầu cấp ủy, cơ quan, đơn vị chịu trách nhiệm trực tiếp về công tác dân vận ở nơi mình phụ trách.

## Yêu cầu đối với cơ quan hành chính nhà nước
Cơ quan nhà nước thể chế hóa chủ trương của Đảng về công tác dân vận, công khai, minh bạch hoạt động, đẩy mạnh cải cách hành chính, tiếp dân, đối thoại và giải quyết kịp thời khiếu nại, tố cáo, kiến nghị của Nhân dân. Cán bộ, công chức, viên chức phải gương mẫu, gần dân, trọng dân, có trách nhiệm với dân.
""",
    },
    {
        "number": "1116-QĐ/TU",
        "type": "quyet_dinh",
        "issuer": "Ban Thường vụ Tỉnh ủy Tây Ninh",
        "date": "2021-09-29",
        "subject": "ban hành Quy chế công tác dân vận của hệ thống chính trị trên địa bàn tỉnh",
        "section": "II.1",
        "unverified": True,
        "tags": [DAN_VAN, TAY_NINH],
        "summary": (
            "Quyết định 1116-QĐ/TU của Ban Thường vụ Tỉnh ủy Tây Ninh ban hành Quy chế công tác dân vận của "
            "hệ thống chính trị trên địa bàn tỉnh. Văn bản được ban hành sau Quyết định 23-QĐ/TW của Ban Chấp "
            "hành Trung ương về cùng nội dung và áp dụng cho hệ thống chính trị trên địa bàn tỉnh Tây Ninh. "
            + _UNVERIFIED_NOTE
        ),
    },
    {
        "number": "114-KL/TW",
        "type": "ket_luan",
        "issuer": "Ban Bí thư (khóa XI)",
        "date": "2015-07-14",
        "subject": "về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp",
        "section": "II.1",
        "tags": [DAN_VAN],
        "summary": (
            "Kết luận 114-KL/TW của Ban Bí thư khóa XI bàn về việc nâng cao hiệu quả công tác dân vận của cơ "
            "quan nhà nước các cấp. Ban Bí thư ghi nhận những chuyển biến tích cực nhưng cũng chỉ ra hạn chế: "
            "một bộ phận cán bộ, công chức còn quan liêu, xa dân, thiếu trách nhiệm, có biểu hiện gây phiền hà, "
            "sách nhiễu người dân, doanh nghiệp. Kết luận yêu cầu cấp ủy, chính quyền nâng cao nhận thức và "
            "trách nhiệm về công tác dân vận, gắn công tác dân vận với cải cách hành chính, thực hiện dân chủ "
            "ở cơ sở, tiếp dân và giải quyết khiếu nại, tố cáo. Kết luận cũng đề cao trách nhiệm của người "
            "đứng đầu và là cơ sở để Thủ tướng Chính phủ ban hành Chỉ thị 16/CT-TTg năm 2016."
        ),
        "body": """
## Những điểm chính
- Công tác dân vận của cơ quan nhà nước là nhiệm vụ thường xuyên, gắn với chức năng quản lý, điều hành và phục vụ Nhân dân.
- Xây dựng đội ngũ cán bộ, công chức có phẩm chất, năng lực, tận tụy phục vụ Nhân dân; kiên quyết khắc phục tình trạng quan liêu, hách dịch, cửa quyền, sách nhiễu.
- Đẩy mạnh cải cách hành chính, công khai, minh bạch thủ tục; thực hiện tốt dân chủ ở cơ sở; tiếp dân, đối thoại và giải quyết kịp thời kiến nghị chính đáng của Nhân dân.
- Phối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể; phát huy phong trào thi đua \u201cDân vận khéo\u201d.
""",
    },
    {
        "number": "16/CT-TTg",
        "type": "chi_thi",
        "issuer": "Thủ tướng Chính phủ",
        "date": "2016-05-16",
        "subject": (
            "về tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp "
            "trong tình hình mới"
        ),
        "section": "II.1",
        "tags": [DAN_VAN, DAN_VAN_KHEO],
        "summary": (
            "Chỉ thị 16/CT-TTg năm 2016 của Thủ tướng Chính phủ triển khai Kết luận 114-KL/TW trong khối cơ quan "
            "hành chính nhà nước và chính quyền các cấp. Chỉ thị yêu cầu các bộ, ngành, địa phương nâng cao "
            "nhận thức và trách nhiệm của người đứng đầu về công tác dân vận, đổi mới tác phong, lề lối làm "
            "việc của cán bộ, công chức theo hướng gần dân, phục vụ Nhân dân. Trọng tâm là gắn công tác dân "
            "vận với cải cách hành chính, công khai, minh bạch, tiếp dân, đối thoại và giải quyết kiến nghị "
            "của Nhân dân, cùng với đẩy mạnh phong trào thi đua \u201cDân vận khéo\u201d. Lưu ý: số hiệu 16/CT-TTg "
            "cũng được dùng cho một chỉ thị khác năm 2020, vì vậy khi tham chiếu cần kèm ngày ban hành."
        ),
    },
    {
        "number": "33/CT-TTg",
        "type": "chi_thi",
        "issuer": "Thủ tướng Chính phủ",
        "date": "2021-11-26",
        "subject": (
            "về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền "
            "các cấp trong tình hình mới"
        ),
        "section": "II.1",
        "tags": [DAN_VAN, DAN_VAN_KHEO],
        "summary": (
            "Chỉ thị 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ yêu cầu tiếp tục tăng cường và đổi mới "
            "công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp, trên cơ sở Quy chế công tác "
            "dân vận ban hành theo Quyết định 23-QĐ/TW. Chỉ thị đề cao trách nhiệm của người đứng đầu, yêu "
            "cầu gắn công tác dân vận với cải cách hành chính, xây dựng chính quyền điện tử, thực hiện dân chủ "
            "ở cơ sở và giải quyết kịp thời, đúng pháp luật khiếu nại, tố cáo, kiến nghị của Nhân dân. Cán bộ, "
            "công chức, viên chức phải nâng cao đạo đức công vụ, tinh thần phục vụ, gần dân, trọng dân và có trách "
            "nhiệm với dân. Chỉ thị cũng yêu cầu tiếp tục đẩy mạnh phong trào thi "
            "đua \u201cDân vận khéo\u201d và định kỳ kiểm tra, đánh giá, báo cáo kết quả thực hiện."
        ),
        "body": """
## Những điểm chính
- Nâng cao nhận thức, trách nhiệm của cơ quan hành chính và người đứng đầu về vị trí, vai trò của công tác dân vận chính quyền.
- Gắn công tác dân vận với thực hiện nhiệm vụ chính trị, cải cách hành chính, chuyển đổi số và nâng cao chất lượng phục vụ người dân, doanh nghiệp.
- Thực hiện nghiêm dân chủ ở cơ sở; công khai, minh bạch thông tin; lắng nghe, tiếp thu ý kiến của Nhân dân trước khi ban hành chính sách.
- Tiếp công dân, đối thoại và giải quyết kịp thời khiếu nại, tố cáo, kiến nghị, phản ánh; không để tồn đọng, kéo dài.
- Xây dựng đội ngũ cán bộ, công chức, viên chức có đạo đức công vụ, tác phong gần dân; xử lý nghiêm hành vi nhũng nhiễu, gây phiền hà.
- Đẩy mạnh phong trào thi đua \u201cDân vận khéo\u201d; phối hợp với Mặt trận Tổ quốc và các đoàn thể.
""",
    },
    {
        "number": "25-CT/TU",
        "type": "chi_thi",
        "issuer": "Ban Thường vụ Tỉnh ủy Tây Ninh",
        "date": "2021-02-25",
        "subject": "về việc tăng cường sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới",
        "section": "II.1",
        "unverified": True,
        "tags": [DAN_VAN, TAY_NINH],
        "summary": (
            "Chỉ thị 25-CT/TU của Ban Thường vụ Tỉnh ủy Tây Ninh về việc tăng cường sự lãnh đạo của Đảng đối "
            "với công tác dân vận trong tình hình mới. Văn bản thuộc nhóm văn bản về công tác dân vận mà Kế "
            "hoạch năm 2024 của Sở yêu cầu học tập, quán triệt. " + _UNVERIFIED_NOTE
        ),
    },
    {
        "number": "392-CV/TU",
        "type": "cong_van",
        "issuer": "Ban Thường vụ Tỉnh ủy Tây Ninh",
        "date": "2021-12-31",
        "subject": "về việc đẩy mạnh phong trào thi đua \"Dân vận khéo\" giai đoạn 2021-2025",
        "section": "II.1",
        "unverified": True,
        "tags": [DAN_VAN, DAN_VAN_KHEO, TAY_NINH],
        "summary": (
            "Công văn 392-CV/TU của Ban Thường vụ Tỉnh ủy Tây Ninh về việc đẩy mạnh phong trào thi đua \u201cDân "
            "vận khéo\u201d giai đoạn 2021-2025. Phong trào \u201cDân vận khéo\u201d là nội dung được các văn bản của "
            "Trung ương và Chính phủ về công tác dân vận chính quyền nhắc đến. " + _UNVERIFIED_NOTE
        ),
    },
    {
        "number": "76/NQ-CP",
        "type": "nghi_quyet",
        "issuer": "Chính phủ",
        "date": "2021-07-15",
        "subject": "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030",
        "section": "II.2",
        "tags": [CCHC],
        "summary": (
            "Nghị quyết 76/NQ-CP của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai "
            "đoạn 2021-2030, tiếp nối Chương trình tổng thể giai đoạn 2011-2020. Chương trình đặt mục tiêu xây "
            "dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu lực, hiệu quả, có năng lực "
            "kiến tạo phát triển, liêm chính, phục vụ Nhân dân. Nội dung cải cách gồm sáu lĩnh vực: thể chế; "
            "thủ tục hành chính; tổ chức bộ máy hành chính nhà nước; chế độ công vụ; tài chính công; xây dựng "
            "và phát triển Chính phủ điện tử, Chính phủ số. Sự hài lòng của người dân, doanh nghiệp là thước "
            "đo quan trọng để đánh giá kết quả cải cách."
        ),
        "body": """
## Sáu nội dung cải cách
- <b>Cải cách thể chế</b>: hoàn thiện pháp luật, nâng cao chất lượng xây dựng và thi hành pháp luật.
- <b>Cải cách thủ tục hành chính</b>: cắt giảm, đơn giản hóa thủ tục và điều kiện kinh doanh; công khai, minh bạch; giải quyết thủ tục qua bộ phận một cửa và dịch vụ công trực tuyến.
- <b>Cải cách tổ chức bộ máy</b>: tinh gọn, hoạt động hiệu lực, hiệu quả; phân cấp, phân quyền hợp lý.
- <b>Cải cách chế độ công vụ</b>: xây dựng đội ngũ cán bộ, công chức, viên chức chuyên nghiệp, có phẩm chất, năng lực; siết chặt kỷ luật, kỷ cương.
- <b>Cải cách tài chính công</b>: đổi mới quản lý ngân sách, cơ chế tự chủ của đơn vị sự nghiệp công lập.
- <b>Chính phủ điện tử, Chính phủ số</b>: ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan nhà nước.
""",
    },
    {
        "number": "23/CT-TTg",
        "type": "chi_thi",
        "issuer": "Thủ tướng Chính phủ",
        "date": "2021-09-02",
        "subject": (
            "về việc đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030"
        ),
        "section": "II.2",
        "tags": [CCHC],
        "summary": (
            "Chỉ thị 23/CT-TTg của Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương đẩy mạnh thực hiện "
            "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 ban hành kèm Nghị quyết "
            "76/NQ-CP. Chỉ thị nhấn mạnh trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo cải cách hành "
            "chính, yêu cầu xây dựng kế hoạch cải cách hành chính cụ thể, có nguồn lực và kết quả đo đếm được. "
            "Trọng tâm là cải cách thủ tục hành chính, thực hiện cơ chế một cửa, dịch vụ công trực tuyến và "
            "chuyển đổi số, gắn với kiểm tra, đánh giá và tuyên truyền về cải cách hành chính."
        ),
        "body": """
## Những điểm chính
- Người đứng đầu trực tiếp lãnh đạo, chỉ đạo và chịu trách nhiệm về kết quả cải cách hành chính của cơ quan, đơn vị.
- Xây dựng và triển khai kế hoạch cải cách hành chính hằng năm, bám sát Chương trình tổng thể giai đoạn 2021-2030.
- Rà soát, cắt giảm, đơn giản hóa thủ tục hành chính; nâng cao chất lượng giải quyết thủ tục và dịch vụ công trực tuyến.
- Tăng cường kiểm tra, đánh giá; làm tốt công tác thông tin, tuyên truyền về cải cách hành chính.
""",
    },
    {
        "number": "490/QĐ-UBND",
        "type": "quyet_dinh",
        "issuer": "UBND tỉnh Tây Ninh",
        "date": "2021-03-05",
        "subject": (
            "ban hành Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI về "
            "cải cách hành chính giai đoạn 2021-2025"
        ),
        "section": "II.2",
        "unverified": True,
        "tags": [CCHC, TAY_NINH],
        "summary": (
            "Quyết định 490/QĐ-UBND của UBND tỉnh Tây Ninh ban hành Chương trình hành động thực hiện Nghị quyết "
            "Đại hội đại biểu Đảng bộ tỉnh lần thứ XI về cải cách hành chính giai đoạn 2021-2025. Đây là văn bản "
            "của tỉnh về cải cách hành chính được Kế hoạch năm 2024 của Sở nêu tên. " + _UNVERIFIED_NOTE
        ),
    },
    {
        "number": "2631/QĐ-UBND",
        "type": "quyet_dinh",
        "issuer": "UBND tỉnh Tây Ninh",
        "date": "2021-10-14",
        "subject": "ban hành Kế hoạch cải cách hành chính giai đoạn 2021-2030 trên địa bàn tỉnh Tây Ninh",
        "section": "II.2",
        "unverified": True,
        "tags": [CCHC, TAY_NINH],
        "summary": (
            "Quyết định 2631/QĐ-UBND của UBND tỉnh Tây Ninh ban hành Kế hoạch cải cách hành chính giai đoạn "
            "2021-2030 trên địa bàn tỉnh Tây Ninh. Theo trích yếu, văn bản triển khai ở cấp tỉnh cùng giai đoạn "
            "với Chương trình tổng thể cải cách hành chính nhà nước 2021-2030 của Chính phủ. " + _UNVERIFIED_NOTE
        ),
    },
    {
        "number": "140/QĐ-UBND",
        "type": "quyet_dinh",
        "issuer": "UBND tỉnh Tây Ninh",
        "date": "2024-01-19",
        "subject": "ban hành Kế hoạch cải cách hành chính trên địa bàn tỉnh Tây Ninh năm 2024",
        "section": "II.2",
        "unverified": True,
        "tags": [CCHC, TAY_NINH],
        "summary": (
            "Quyết định 140/QĐ-UBND của UBND tỉnh Tây Ninh ban hành Kế hoạch cải cách hành chính trên địa bàn "
            "tỉnh năm 2024. Đây là kế hoạch của năm mà đợt học tập này hướng tới, được Kế hoạch năm 2024 của Sở "
            "nêu tên. " + _UNVERIFIED_NOTE
        ),
    },
    {
        "number": "120-KL/TW",
        "type": "ket_luan",
        "issuer": "Bộ Chính trị (khóa XI)",
        "date": "2016-01-07",
        "subject": (
            "về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện Quy chế dân chủ ở "
            "cơ sở"
        ),
        "section": "II.3",
        "tags": [DAN_CHU],
        "summary": (
            "Kết luận 120-KL/TW của Bộ Chính trị khóa XI được ban hành sau khi tổng kết việc thực hiện Chỉ thị "
            "30-CT/TW năm 1998 của Bộ Chính trị về xây dựng và thực hiện Quy chế dân chủ ở cơ sở. Bộ Chính trị "
            "đánh giá việc thực hiện dân chủ ở cơ sở đã góp phần phát huy quyền làm chủ của Nhân dân, song ở "
            "nhiều nơi còn hình thức, chưa thường xuyên. Kết luận yêu cầu tiếp tục nâng cao nhận thức, trách "
            "nhiệm của cấp ủy, chính quyền và người đứng đầu; hoàn thiện thể chế về dân chủ ở cơ sở; thực hiện "
            "dân chủ gắn với kỷ cương ở xã, phường, thị trấn, ở cơ quan, đơn vị và doanh nghiệp. Kết luận là "
            "một trong những cơ sở chính trị để sau này Quốc hội ban hành Luật Thực hiện dân chủ ở cơ sở."
        ),
        "body": """
## Những điểm chính
- Thực hiện dân chủ ở cơ sở là nhiệm vụ quan trọng, thường xuyên của cả hệ thống chính trị; dân chủ phải đi đôi với kỷ cương, pháp luật.
- Cấp ủy, chính quyền, người đứng đầu chịu trách nhiệm lãnh đạo, tổ chức thực hiện; khắc phục tình trạng hình thức.
- Hoàn thiện thể chế về dân chủ ở cơ sở, tiến tới nâng cao hiệu lực pháp lý của các quy định về dân chủ.
- Phát huy vai trò của Mặt trận Tổ quốc, các đoàn thể và Ban Thanh tra nhân dân trong giám sát.
""",
    },
    {
        "number": "10/2022/QH15",
        "type": "luat",
        "issuer": "Quốc hội (khóa XV)",
        "date": "2022-11-10",
        "effective": "2023-07-01",
        "subject": "Luật Thực hiện dân chủ ở cơ sở",
        "title": "Luật Thực hiện dân chủ ở cơ sở",
        "section": "II.3",
        "tags": [DAN_CHU],
        "summary": (
            "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 được Quốc hội khóa XV thông qua ngày 10/11/2022 và có "
            "hiệu lực từ ngày 01/07/2023. Luật quy định nguyên tắc, nội dung và hình thức thực hiện dân chủ ở "
            "xã, phường, thị trấn; ở cơ quan nhà nước, đơn vị sự nghiệp công lập; và ở doanh nghiệp, tổ chức "
            "có sử dụng lao động. Luật cụ thể hóa phương châm \u201cdân biết, dân bàn, dân làm, dân kiểm tra, dân "
            "giám sát, dân thụ hưởng\u201d thành các nhóm nội dung: được công khai thông tin, được bàn và quyết "
            "định, được tham gia ý kiến, được kiểm tra, giám sát. Trong cơ quan hành chính, cán bộ, công chức, "
            "viên chức và người lao động có quyền được biết, tham gia ý kiến và giám sát hoạt động của cơ quan; "
            "người đứng đầu có trách nhiệm bảo đảm các quyền này."
        ),
        "body": """
## Phạm vi
Luật điều chỉnh việc thực hiện dân chủ ở ba phạm vi cơ sở: xã, phường, thị trấn; cơ quan nhà nước và đơn vị sự nghiệp công lập; doanh nghiệp và tổ chức có sử dụng lao động theo hợp đồng lao động.

## Nguyên tắc
- Bảo đảm sự lãnh đạo của Đảng, quản lý của Nhà nước và quyền làm chủ của Nhân dân.
- Dân chủ trong khuôn khổ Hiến pháp và pháp luật, gắn với kỷ cương, trật tự xã hội.
- Công khai, minh bạch, bình đẳng; tôn trọng ý kiến của đa số, đồng thời tôn trọng ý kiến của thiểu số.

## Trong cơ quan, đơn vị
Cán bộ, công chức, viên chức và người lao động được biết những nội dung phải công khai, được tham gia ý kiến về kế hoạch công tác, quy chế nội bộ và các vấn đề liên quan đến quyền, lợi ích của mình, được kiểm tra, giám sát hoạt động của cơ quan. Hình thức thực hiện gồm hội nghị cán bộ, công chức, viên chức, niêm yết, đăng tải thông tin, lấy ý kiến bằng văn bản và đối thoại.
""",
    },
    {
        "number": "59/2023/NĐ-CP",
        "type": "nghi_dinh",
        "issuer": "Chính phủ",
        "date": "2023-08-14",
        "effective": "2023-08-15",
        "subject": "quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
        "section": "II.3",
        "tags": [DAN_CHU],
        "summary": (
            "Nghị định 59/2023/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở "
            "cơ sở, có hiệu lực từ ngày 15/08/2023. Nghị định hướng dẫn cách thức để các quyền được biết, được "
            "bàn, được tham gia ý kiến và được kiểm tra, giám sát mà Luật quy định được thực hiện thống nhất "
            "trong thực tế. Đối với cơ quan hành chính, Nghị định là căn cứ để tổ chức công khai thông tin, hội "
            "nghị cán bộ, công chức, viên chức, lấy ý kiến và đối thoại trong nội bộ cơ quan. Kế hoạch năm 2024 "
            "của Sở Công Thương đặt chỉ tiêu thực hiện dân chủ trong cơ quan theo đúng Nghị định này."
        ),
        "body": """
## Ý nghĩa đối với cơ quan
- Là văn bản hướng dẫn trực tiếp để triển khai Luật Thực hiện dân chủ ở cơ sở từ ngày Luật có hiệu lực.
- Giúp cơ quan xây dựng, rà soát quy chế thực hiện dân chủ của mình cho đúng quy định.
- Là căn cứ tổ chức hội nghị cán bộ, công chức, viên chức và các hình thức công khai, lấy ý kiến, đối thoại trong cơ quan.

## Việc cần làm ở Sở
Rà soát quy chế dân chủ của cơ quan; công khai các nội dung phải công khai; tổ chức hội nghị cán bộ, công chức, viên chức đúng thành phần, nội dung; tiếp nhận và trả lời ý kiến của cán bộ, công chức, viên chức, người lao động.
""",
    },
    {
        "number": "26-KH/BCĐ",
        "type": "ke_hoach",
        "issuer": "Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh",
        "date": "2024-01-31",
        "subject": "về thực hiện dân chủ cơ sở năm 2024",
        "section": "II.3",
        "unverified": True,
        "tags": [DAN_CHU, TAY_NINH],
        "summary": (
            "Kế hoạch 26-KH/BCĐ của Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh "
            "về thực hiện dân chủ cơ sở năm 2024. Đây là kế hoạch của tỉnh cho năm 2024 trong lĩnh vực dân chủ "
            "cơ sở, được Kế hoạch năm 2024 của Sở nêu tên. " + _UNVERIFIED_NOTE
        ),
    },
    {
        "number": "575/UBND-NC",
        "type": "cong_van",
        "issuer": "UBND tỉnh Tây Ninh",
        "date": "2024-02-29",
        "subject": "về việc thực hiện dân chủ ở cơ sở năm 2024",
        "section": "II.3",
        "unverified": True,
        "tags": [DAN_CHU, TAY_NINH],
        "summary": (
            "Công văn 575/UBND-NC của UBND tỉnh Tây Ninh về việc thực hiện dân chủ ở cơ sở năm 2024. Văn bản được "
            "Kế hoạch năm 2024 của Sở nêu tên trong nhóm văn bản về dân chủ cơ sở. " + _UNVERIFIED_NOTE
        ),
    },
    {
        "number": "11-QĐi/TW",
        "type": "quy_dinh",
        "issuer": "Bộ Chính trị",
        "date": "2019-02-18",
        "subject": (
            "về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý "
            "những phản ánh, kiến nghị của dân"
        ),
        "section": "II.3",
        "tags": [TIEP_DAN],
        "summary": (
            "Quy định 11-QĐi/TW của Bộ Chính trị xác định trách nhiệm của người đứng đầu cấp ủy trong việc tiếp "
            "dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân. Người đứng đầu cấp ủy "
            "phải trực tiếp tiếp dân định kỳ và đột xuất khi cần thiết, chủ trì đối thoại khi có phản ánh, kiến "
            "nghị phức tạp, đông người, và chỉ đạo xử lý đến cùng những vấn đề dân nêu. Quy định gắn việc tiếp "
            "dân với trách nhiệm nêu gương và là căn cứ để xem xét, đánh giá người đứng đầu. Tinh thần của Quy "
            "định là lắng nghe, giải quyết kịp thời tâm tư, nguyện vọng chính đáng của Nhân dân ngay từ cơ sở."
        ),
        "body": """
## Những điểm chính
- Tiếp dân, đối thoại với dân là trách nhiệm trực tiếp của người đứng đầu cấp ủy, không khoán trắng cho bộ phận giúp việc.
- Tiếp dân định kỳ theo lịch và đột xuất khi có vụ việc bức xúc, phức tạp; đối thoại trực tiếp khi cần thiết.
- Chỉ đạo xử lý, trả lời phản ánh, kiến nghị đúng thời hạn, theo dõi đến khi giải quyết xong.
- Kết quả tiếp dân, đối thoại là một tiêu chí để đánh giá người đứng đầu.
""",
    },
    {
        "number": "42/2013/QH13",
        "type": "luat",
        "issuer": "Quốc hội",
        "date": "2013-11-25",
        "effective": "2014-07-01",
        "subject": "Luật Tiếp công dân",
        "title": "Luật Tiếp công dân",
        "section": "II.3",
        "tags": [TIEP_DAN],
        "summary": (
            "Luật Tiếp công dân số 42/2013/QH13 được Quốc hội thông qua ngày 25/11/2013 và có hiệu lực từ ngày "
            "01/07/2014. Luật quy định trách nhiệm tiếp công dân của cơ quan, tổ chức, đơn vị; quyền và nghĩa "
            "vụ của người đến khiếu nại, tố cáo, kiến nghị, phản ánh; và các điều kiện bảo đảm cho hoạt động "
            "tiếp công dân. Luật đặt ra các nguyên tắc: tiếp công dân tại nơi tiếp công dân của cơ quan; công "
            "khai, dân chủ, kịp thời; thủ tục đơn giản, thuận tiện; tôn trọng công dân và giữ bí mật cho người tố "
            "cáo. Luật cũng quy định trách nhiệm trực tiếp tiếp công dân của người đứng đầu và các trường hợp "
            "được từ chối tiếp công dân."
        ),
        "body": """
## Những điểm chính
- Người đứng đầu cơ quan, tổ chức, đơn vị có trách nhiệm tổ chức việc tiếp công dân và trực tiếp tiếp công dân theo quy định.
- Việc tiếp công dân phải bảo đảm công khai, dân chủ, kịp thời; thủ tục đơn giản, thuận tiện; tôn trọng, tạo điều kiện thuận lợi cho công dân.
- Người tiếp công dân không được gây phiền hà, sách nhiễu, không được tiết lộ thông tin về người tố cáo, không được từ chối tiếp công dân khi không có lý do chính đáng.
- Người đến nơi tiếp công dân phải tuân thủ nội quy, trình bày trung thực, không được gây rối trật tự, xúc phạm người tiếp công dân.
""",
    },
]

# Courses with their lessons. "directives" are numbers from DIRECTIVES above.
COURSES: list[dict] = [
    {
        "slug": "dan-van-chinh-quyen",
        "title": "Công tác dân vận chính quyền",
        "intro": (
            "Chuyên đề giới thiệu Quy chế công tác dân vận của hệ thống chính trị và các văn bản của Ban Bí thư, "
            "Thủ tướng Chính phủ về công tác dân vận trong cơ quan hành chính nhà nước."
        ),
        "directives": ["23-QĐ/TW", "1116-QĐ/TU", "114-KL/TW", "16/CT-TTg", "33/CT-TTg", "25-CT/TU", "392-CV/TU"],
        "lessons": [
            {
                "slug": "quy-che-cong-tac-dan-van",
                "title": "Quy chế công tác dân vận của hệ thống chính trị (Quyết định 23-QĐ/TW)",
                "directives": ["23-QĐ/TW", "1116-QĐ/TU"],
                "minutes": 15,
                "intro": (
                    "Bài học giúp nắm được vì sao công tác dân vận là trách nhiệm của cả hệ thống chính trị, "
                    "trách nhiệm của cơ quan nhà nước và của từng cán bộ, công chức theo Quy chế ban hành kèm "
                    "Quyết định 23-QĐ/TW."
                ),
                "body": """
## 1. Bối cảnh ban hành
Ngày 30/07/2021, Ban Chấp hành Trung ương ban hành Quyết định 23-QĐ/TW kèm theo Quy chế công tác dân vận của hệ thống chính trị. Quy chế mới thay thế Quy chế ban hành năm 2010, nhằm cụ thể hóa quan điểm của Đại hội XIII của Đảng về củng cố mối quan hệ máu thịt giữa Đảng với Nhân dân và phát huy quyền làm chủ của Nhân dân.

Trên cơ sở Quy chế của Trung ương, các địa phương ban hành quy chế của mình; tại Tây Ninh, Ban Thường vụ Tỉnh ủy ban hành Quyết định 1116-QĐ/TU về Quy chế công tác dân vận của hệ thống chính trị trên địa bàn tỉnh.

## 2. Quan điểm cốt lõi
> Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng.

Quy chế khẳng định công tác dân vận là nhiệm vụ có ý nghĩa chiến lược đối với sự nghiệp cách mạng; là điều kiện quan trọng bảo đảm cho sự lãnh đạo của Đảng và củng cố mối quan hệ giữa Đảng, Nhà nước với Nhân dân. Công tác dân vận không phải việc riêng của ban dân vận hay của đoàn thể, mà là trách nhiệm của cả hệ thống chính trị, của mọi cán bộ, đảng viên, công chức, viên chức.

## 3. Trách nhiệm của cơ quan nhà nước
Đối với cơ quan nhà nước, công tác dân vận được thực hiện chủ yếu thông qua chính công việc quản lý, điều hành và phục vụ Nhân dân hằng ngày:
- thể chế hóa chủ trương của Đảng thành chính sách, pháp luật hợp lòng dân, có sự tham gia ý kiến của Nhân dân;
- công khai, minh bạch hoạt động, đẩy mạnh cải cách hành chính, nhất là thủ tục hành chính liên quan trực tiếp đến người dân, doanh nghiệp;
- thực hiện dân chủ ở cơ sở; tiếp công dân, đối thoại, giải quyết kịp thời khiếu nại, tố cáo, kiến nghị, phản ánh;
- phối hợp với Mặt trận Tổ quốc và các đoàn thể, tạo điều kiện để Nhân dân giám sát, phản biện xã hội.

## 4. Trách nhiệm của mỗi cán bộ, công chức, viên chức
Mỗi người phải gương mẫu thực hiện chủ trương, chính sách; tôn trọng, lắng nghe và tận tụy phục vụ Nhân dân; giữ mối liên hệ mật thiết với Nhân dân nơi công tác và nơi cư trú. Những biểu hiện quan liêu, hách dịch, cửa quyền, gây phiền hà cho người dân, doanh nghiệp là trái với tinh thần của Quy chế.

## Ghi nhớ
- Công tác dân vận là trách nhiệm của cả hệ thống chính trị và của từng người.
- Ở cơ quan hành chính, làm tốt dân vận chính là giải quyết công việc của dân đúng luật, nhanh chóng, công khai, tận tình.
- Người đứng đầu chịu trách nhiệm trực tiếp về công tác dân vận của cơ quan, đơn vị.
""",
            },
            {
                "slug": "dan-van-cua-co-quan-nha-nuoc",
                "title": "Nâng cao hiệu quả công tác dân vận của cơ quan nhà nước (Kết luận 114-KL/TW)",
                "directives": ["114-KL/TW"],
                "minutes": 10,
                "intro": (
                    "Kết luận 114-KL/TW của Ban Bí thư khóa XI đặt yêu cầu riêng cho công tác dân vận của cơ quan "
                    "nhà nước các cấp. Bài học tóm lược những hạn chế được chỉ ra và các nhiệm vụ cần làm."
                ),
                "body": """
## 1. Vì sao có Kết luận 114-KL/TW
Ngày 14/07/2015, Ban Bí thư khóa XI ban hành Kết luận 114-KL/TW về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp. Kết luận nhìn nhận công tác dân vận của cơ quan nhà nước đã có chuyển biến, song vẫn còn những hạn chế: nhận thức của một số nơi chưa đầy đủ; một bộ phận cán bộ, công chức còn quan liêu, xa dân, thiếu trách nhiệm; thủ tục hành chính còn phiền hà; việc giải quyết khiếu nại, tố cáo ở một số nơi chưa kịp thời.

## 2. Nhiệm vụ trọng tâm
- Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền và người đứng đầu về công tác dân vận của cơ quan nhà nước.
- Xây dựng đội ngũ cán bộ, công chức có phẩm chất, năng lực, tác phong gần dân; xử lý nghiêm những hành vi gây phiền hà, sách nhiễu.
- Đẩy mạnh cải cách hành chính, công khai, minh bạch thủ tục và kết quả giải quyết công việc.
- Thực hiện tốt dân chủ ở cơ sở, tiếp dân, đối thoại và giải quyết kịp thời kiến nghị chính đáng của Nhân dân.
- Phối hợp với Mặt trận Tổ quốc và các đoàn thể; đẩy mạnh phong trào thi đua \u201cDân vận khéo\u201d.

## 3. Từ Kết luận đến hành động của Chính phủ
Để triển khai Kết luận 114-KL/TW, Thủ tướng Chính phủ ban hành Chỉ thị 16/CT-TTg ngày 16/05/2016, và sau đó là Chỉ thị 33/CT-TTg năm 2021. Vì vậy, khi học các chỉ thị của Thủ tướng, cần hiểu chúng là sự cụ thể hóa những yêu cầu của Kết luận này đối với bộ máy hành chính.

## Ghi nhớ
- Dân vận của cơ quan nhà nước gắn liền với chất lượng phục vụ người dân, doanh nghiệp.
- Quan liêu, hách dịch, sách nhiễu là những biểu hiện phải kiên quyết khắc phục.
""",
            },
            {
                "slug": "chi-thi-33-ct-ttg",
                "title": "Đổi mới công tác dân vận của cơ quan hành chính (Chỉ thị 16/CT-TTg và 33/CT-TTg)",
                "directives": ["16/CT-TTg", "33/CT-TTg", "392-CV/TU"],
                "minutes": 15,
                "intro": (
                    "Hai chỉ thị của Thủ tướng Chính phủ năm 2016 và năm 2021 đặt ra những việc cụ thể mà cơ quan "
                    "hành chính nhà nước, chính quyền các cấp phải làm để tăng cường và đổi mới công tác dân vận."
                ),
                "body": """
## 1. Hai chỉ thị nối tiếp nhau
Chỉ thị 16/CT-TTg ngày 16/05/2016 triển khai Kết luận 114-KL/TW trong khối hành chính. Sau 5 năm, trên cơ sở Quy chế công tác dân vận ban hành theo Quyết định 23-QĐ/TW, Thủ tướng ban hành Chỉ thị 33/CT-TTg ngày 26/11/2021 về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới.

## 2. Những yêu cầu chính của Chỉ thị 33/CT-TTg
### Nhận thức và trách nhiệm
Người đứng đầu cơ quan hành chính phải trực tiếp lãnh đạo, chỉ đạo công tác dân vận, coi đây là một nhiệm vụ thường xuyên gắn với nhiệm vụ chuyên môn của cơ quan.

### Gắn dân vận với cải cách hành chính
Đẩy mạnh cải cách hành chính, nhất là thủ tục hành chính; xây dựng chính quyền điện tử, chuyển đổi số; nâng cao chất lượng dịch vụ công, lấy sự hài lòng của người dân, doanh nghiệp làm thước đo.

### Dân chủ, công khai, đối thoại
Thực hiện nghiêm dân chủ ở cơ sở; công khai, minh bạch thông tin; lắng nghe ý kiến của Nhân dân; tiếp công dân, đối thoại và giải quyết dứt điểm khiếu nại, tố cáo, kiến nghị, phản ánh.

### Đội ngũ cán bộ, công chức
Xây dựng đội ngũ cán bộ, công chức, viên chức có đạo đức công vụ, gần dân, trọng dân, có trách nhiệm với dân; xử lý nghiêm hành vi nhũng nhiễu, gây phiền hà.

## 3. Phong trào thi đua \u201cDân vận khéo\u201d
Cả hai chỉ thị đều yêu cầu đẩy mạnh phong trào thi đua \u201cDân vận khéo\u201d. Ở Tây Ninh, Ban Thường vụ Tỉnh ủy có Công văn 392-CV/TU về đẩy mạnh phong trào giai đoạn 2021-2025. Mỗi phòng, đơn vị của Sở có thể đăng ký mô hình \u201cDân vận khéo\u201d gắn với nhiệm vụ chuyên môn, chẳng hạn rút ngắn thời gian giải quyết hồ sơ hay hướng dẫn doanh nghiệp thực hiện thủ tục trực tuyến.

## Ghi nhớ
- Chỉ thị 33/CT-TTg tiếp nối Chỉ thị 16/CT-TTg năm 2016.
- Khi tham chiếu Chỉ thị 16/CT-TTg cần ghi kèm ngày 16/05/2016, vì số hiệu này cũng được dùng cho một chỉ thị năm 2020.
- Dân vận chính quyền được đánh giá qua kết quả phục vụ người dân, doanh nghiệp.
""",
            },
        ],
    },
    {
        "slug": "cai-cach-hanh-chinh",
        "title": "Cải cách hành chính nhà nước giai đoạn 2021-2030",
        "intro": (
            "Chuyên đề về Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 và các văn bản "
            "triển khai của Thủ tướng Chính phủ, UBND tỉnh Tây Ninh."
        ),
        "directives": ["76/NQ-CP", "23/CT-TTg", "490/QĐ-UBND", "2631/QĐ-UBND", "140/QĐ-UBND"],
        "lessons": [
            {
                "slug": "chuong-trinh-tong-the-cchc",
                "title": "Chương trình tổng thể cải cách hành chính 2021-2030 (Nghị quyết 76/NQ-CP)",
                "directives": ["76/NQ-CP", "23/CT-TTg"],
                "minutes": 15,
                "intro": (
                    "Bài học giới thiệu mục tiêu, sáu nội dung cải cách của Chương trình tổng thể ban hành kèm Nghị "
                    "quyết 76/NQ-CP và yêu cầu đẩy mạnh thực hiện của Chỉ thị 23/CT-TTg."
                ),
                "body": """
## 1. Mục tiêu của Chương trình
Ngày 15/07/2021, Chính phủ ban hành Nghị quyết 76/NQ-CP kèm theo Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030. Chương trình hướng tới một nền hành chính dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu lực, hiệu quả, có năng lực kiến tạo phát triển, liêm chính, phục vụ Nhân dân.

## 2. Sáu nội dung cải cách
### Cải cách thể chế
Nâng cao chất lượng xây dựng, ban hành và tổ chức thi hành pháp luật; khắc phục chồng chéo, mâu thuẫn.

### Cải cách thủ tục hành chính
Cắt giảm, đơn giản hóa thủ tục hành chính và điều kiện kinh doanh; công khai, minh bạch; thực hiện cơ chế một cửa, một cửa liên thông và dịch vụ công trực tuyến. Đây là nội dung người dân, doanh nghiệp cảm nhận rõ nhất, và là phần việc trực tiếp của các phòng chuyên môn của Sở Công Thương.

### Cải cách tổ chức bộ máy
Sắp xếp bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả; đẩy mạnh phân cấp, phân quyền gắn với kiểm tra, giám sát.

### Cải cách chế độ công vụ
Xây dựng đội ngũ cán bộ, công chức, viên chức chuyên nghiệp, có phẩm chất, năng lực; tăng cường kỷ luật, kỷ cương hành chính.

### Cải cách tài chính công
Đổi mới cơ chế quản lý tài chính, ngân sách; thúc đẩy tự chủ của đơn vị sự nghiệp công lập.

### Chính phủ điện tử, Chính phủ số
Ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan nhà nước; chia sẻ dữ liệu; cung cấp dịch vụ công trên môi trường số.

## 3. Chỉ thị 23/CT-TTg: đẩy mạnh thực hiện
Ngày 02/09/2021, Thủ tướng Chính phủ ban hành Chỉ thị 23/CT-TTg yêu cầu người đứng đầu các bộ, ngành, địa phương trực tiếp chỉ đạo và chịu trách nhiệm về cải cách hành chính; xây dựng kế hoạch hằng năm với kết quả đo đếm được; tăng cường kiểm tra và làm tốt tuyên truyền về cải cách hành chính. Ở tỉnh, các kế hoạch cải cách hành chính của UBND tỉnh Tây Ninh cụ thể hóa Chương trình cho địa bàn tỉnh.

## Ghi nhớ
- Sáu nội dung: thể chế; thủ tục hành chính; tổ chức bộ máy; chế độ công vụ; tài chính công; Chính phủ điện tử, Chính phủ số.
- Sự hài lòng của người dân, doanh nghiệp là thước đo kết quả cải cách.
- Mỗi công chức góp phần cải cách hành chính qua việc giải quyết hồ sơ đúng hạn, đúng quy trình, công khai.
""",
            },
        ],
    },
    {
        "slug": "dan-chu-o-co-so",
        "title": "Thực hiện dân chủ ở cơ sở",
        "intro": (
            "Chuyên đề về chủ trương của Bộ Chính trị, Luật Thực hiện dân chủ ở cơ sở và Nghị định 59/2023/NĐ-CP, "
            "chú trọng việc thực hiện dân chủ trong cơ quan hành chính nhà nước."
        ),
        "directives": ["120-KL/TW", "10/2022/QH15", "59/2023/NĐ-CP", "26-KH/BCĐ", "575/UBND-NC"],
        "lessons": [
            {
                "slug": "ket-luan-120-kl-tw",
                "title": "Nâng cao chất lượng thực hiện Quy chế dân chủ ở cơ sở (Kết luận 120-KL/TW)",
                "directives": ["120-KL/TW"],
                "minutes": 10,
                "intro": (
                    "Kết luận 120-KL/TW của Bộ Chính trị tổng kết gần hai mươi năm thực hiện Chỉ thị 30-CT/TW và "
                    "định hướng cho việc thực hiện dân chủ ở cơ sở trong giai đoạn mới."
                ),
                "body": """
## 1. Từ Chỉ thị 30-CT/TW đến Kết luận 120-KL/TW
Năm 1998, Bộ Chính trị khóa VIII ban hành Chỉ thị 30-CT/TW về xây dựng và thực hiện Quy chế dân chủ ở cơ sở. Ngày 07/01/2016, sau khi tổng kết việc thực hiện Chỉ thị, Bộ Chính trị khóa XI ban hành Kết luận 120-KL/TW về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện Quy chế dân chủ ở cơ sở.

## 2. Đánh giá
Việc thực hiện dân chủ ở cơ sở đã góp phần phát huy quyền làm chủ của Nhân dân, tăng cường đồng thuận xã hội, phòng ngừa tiêu cực. Tuy vậy, ở một số nơi việc thực hiện còn hình thức; quyền được biết, được bàn, được kiểm tra của Nhân dân và của cán bộ, công chức chưa được bảo đảm đầy đủ.

## 3. Nhiệm vụ
- Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, người đứng đầu về thực hiện dân chủ ở cơ sở.
- Thực hiện dân chủ gắn với giữ vững kỷ cương; khắc phục cả tình trạng vi phạm quyền làm chủ của Nhân dân lẫn lợi dụng dân chủ để gây rối.
- Hoàn thiện thể chế về dân chủ ở cơ sở. Chủ trương này về sau được thể chế hóa bằng Luật Thực hiện dân chủ ở cơ sở năm 2022.
- Phát huy vai trò giám sát của Mặt trận Tổ quốc, các đoàn thể và Ban Thanh tra nhân dân.

## Ghi nhớ
- Dân chủ phải đi đôi với kỷ cương, pháp luật.
- Trong cơ quan, thực hiện dân chủ là bảo đảm cán bộ, công chức được biết, được tham gia ý kiến và được giám sát.
""",
            },
            {
                "slug": "luat-thuc-hien-dan-chu-o-co-so",
                "title": "Luật Thực hiện dân chủ ở cơ sở (Luật số 10/2022/QH15)",
                "directives": ["10/2022/QH15"],
                "minutes": 20,
                "intro": (
                    "Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ ngày 01/07/2023. Bài học giới thiệu phạm vi, "
                    "nguyên tắc và các quyền mà Luật bảo đảm, nhất là trong cơ quan hành chính nhà nước."
                ),
                "body": """
## 1. Một đạo luật thay cho các văn bản dưới luật
Trước đây, dân chủ ở cơ sở được quy định trong nhiều văn bản riêng rẽ: pháp lệnh về thực hiện dân chủ ở xã, phường, thị trấn và các nghị định về dân chủ trong cơ quan, đơn vị sự nghiệp, doanh nghiệp. Ngày 10/11/2022, Quốc hội khóa XV thông qua Luật Thực hiện dân chủ ở cơ sở, đưa các quy định này vào một đạo luật thống nhất, có hiệu lực từ ngày 01/07/2023.

## 2. Phạm vi áp dụng
Luật quy định việc thực hiện dân chủ ở ba loại cơ sở:
- xã, phường, thị trấn, nơi người dân trực tiếp tham gia quản lý ở địa bàn dân cư;
- cơ quan nhà nước, đơn vị sự nghiệp công lập, nơi cán bộ, công chức, viên chức và người lao động làm việc;
- doanh nghiệp và tổ chức có sử dụng lao động theo hợp đồng lao động.

## 3. Nguyên tắc
> Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng.

Việc thực hiện dân chủ phải bảo đảm sự lãnh đạo của Đảng, quản lý của Nhà nước và quyền làm chủ của Nhân dân; diễn ra trong khuôn khổ Hiến pháp và pháp luật; công khai, minh bạch, bình đẳng; tôn trọng ý kiến đa số đồng thời tôn trọng ý kiến thiểu số. Luật nghiêm cấm việc lợi dụng dân chủ để xâm phạm lợi ích của Nhà nước, quyền và lợi ích hợp pháp của tổ chức, cá nhân, cũng như hành vi cản trở, trù dập người thực hiện quyền dân chủ.

## 4. Dân chủ trong cơ quan hành chính
Với một cơ quan như Sở Công Thương, Luật bảo đảm cho cán bộ, công chức, viên chức và người lao động:
- <b>được biết</b>: kế hoạch công tác, việc sử dụng kinh phí, tuyển dụng, nâng lương, khen thưởng, kỷ luật và các nội dung khác phải công khai;
- <b>được tham gia ý kiến</b>: về kế hoạch, quy chế nội bộ và các biện pháp cải tiến công việc;
- <b>được kiểm tra, giám sát</b>: hoạt động của cơ quan và việc thực hiện các nội dung đã công khai.

Hình thức thực hiện gồm hội nghị cán bộ, công chức, viên chức; niêm yết, thông báo, đăng tải trên mạng nội bộ; lấy ý kiến bằng văn bản; đối thoại giữa người đứng đầu với cán bộ, công chức, viên chức.

## 5. Trách nhiệm của người đứng đầu
Người đứng đầu cơ quan có trách nhiệm ban hành và tổ chức thực hiện quy chế dân chủ của cơ quan, công khai thông tin đúng thời hạn, tiếp thu và phản hồi ý kiến, và chịu trách nhiệm nếu để xảy ra vi phạm dân chủ.

## Ghi nhớ
- Số hiệu: 10/2022/QH15; thông qua 10/11/2022; hiệu lực 01/07/2023.
- Bốn nhóm quyền: được biết; được bàn và quyết định (ở xã, phường, thị trấn); được tham gia ý kiến; được kiểm tra, giám sát.
- Chi tiết thi hành được hướng dẫn tại Nghị định 59/2023/NĐ-CP.
""",
            },
            {
                "slug": "nghi-dinh-59-2023",
                "title": "Hướng dẫn thi hành Luật Thực hiện dân chủ ở cơ sở (Nghị định 59/2023/NĐ-CP)",
                "directives": ["59/2023/NĐ-CP", "26-KH/BCĐ", "575/UBND-NC"],
                "minutes": 12,
                "intro": (
                    "Nghị định 59/2023/NĐ-CP quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở. "
                    "Bài học nêu ý nghĩa của Nghị định và những việc cơ quan, mỗi người cần làm."
                ),
                "body": """
## 1. Vị trí của Nghị định
Ngày 14/08/2023, Chính phủ ban hành Nghị định 59/2023/NĐ-CP quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở; Nghị định có hiệu lực từ ngày 15/08/2023. Luật nêu các quyền và nguyên tắc; Nghị định hướng dẫn cách tổ chức thực hiện để các quyền đó được bảo đảm thống nhất trong thực tế.

## 2. Trong cơ quan, việc thực hiện được thể hiện qua
- quy chế thực hiện dân chủ của cơ quan, được rà soát, sửa đổi cho phù hợp với Luật và Nghị định;
- công khai các nội dung cán bộ, công chức, viên chức được biết, bằng hình thức và trong thời hạn phù hợp;
- hội nghị cán bộ, công chức, viên chức, nơi đánh giá việc thực hiện nhiệm vụ, bàn biện pháp và thảo luận các quy chế nội bộ;
- lấy ý kiến, đối thoại và phản hồi ý kiến của cán bộ, công chức, viên chức, người lao động.

## 3. Kế hoạch của tỉnh năm 2024
Ở tỉnh, Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh có Kế hoạch 26-KH/BCĐ và UBND tỉnh có Công văn 575/UBND-NC về thực hiện dân chủ ở cơ sở năm 2024. Kế hoạch năm 2024 của Sở Công Thương đặt chỉ tiêu thực hiện dân chủ trong cơ quan theo Nghị định 59/2023/NĐ-CP; nội dung cụ thể của các văn bản tỉnh cần đọc trong văn bản gốc.

## 4. Việc của mỗi người
- Đọc và nắm quy chế dân chủ của cơ quan.
- Tham gia ý kiến đầy đủ, có trách nhiệm tại hội nghị cán bộ, công chức, viên chức và khi được lấy ý kiến.
- Theo dõi, giám sát việc thực hiện các nội dung đã công khai; phản ánh qua đúng kênh khi phát hiện vi phạm.

## Ghi nhớ
- Nghị định 59/2023/NĐ-CP: ban hành 14/08/2023, hiệu lực 15/08/2023.
- Thực hiện dân chủ trong cơ quan theo Nghị định là một chỉ tiêu trong Kế hoạch năm 2024 của Sở.
""",
            },
        ],
    },
    {
        "slug": "tiep-cong-dan",
        "title": "Tiếp công dân, đối thoại với Nhân dân",
        "intro": (
            "Chuyên đề về Luật Tiếp công dân và Quy định của Bộ Chính trị về trách nhiệm của người đứng đầu cấp "
            "ủy trong tiếp dân, đối thoại và xử lý phản ánh, kiến nghị của dân."
        ),
        "directives": ["42/2013/QH13", "11-QĐi/TW"],
        "lessons": [
            {
                "slug": "luat-tiep-cong-dan",
                "title": "Luật Tiếp công dân (Luật số 42/2013/QH13)",
                "directives": ["42/2013/QH13"],
                "minutes": 15,
                "intro": (
                    "Bài học giới thiệu nguyên tắc tiếp công dân, quyền và nghĩa vụ của người đến khiếu nại, tố cáo, "
                    "kiến nghị, phản ánh và trách nhiệm của cơ quan, của người tiếp công dân."
                ),
                "body": """
## 1. Khái quát
Luật Tiếp công dân số 42/2013/QH13 được Quốc hội thông qua ngày 25/11/2013, có hiệu lực từ ngày 01/07/2014. Luật quy định trách nhiệm tiếp công dân của cơ quan, tổ chức, đơn vị; quyền và nghĩa vụ của người đến khiếu nại, tố cáo, kiến nghị, phản ánh; và điều kiện bảo đảm cho hoạt động tiếp công dân.

## 2. Nguyên tắc tiếp công dân
- Tiến hành tại nơi tiếp công dân của cơ quan, tổ chức, đơn vị.
- Bảo đảm công khai, dân chủ, kịp thời; thủ tục đơn giản, thuận tiện.
- Giữ bí mật và bảo đảm an toàn cho người tố cáo theo quy định của pháp luật.
- Tôn trọng, tạo điều kiện thuận lợi cho công dân; bảo đảm khách quan, bình đẳng, không phân biệt đối xử.

## 3. Quyền và nghĩa vụ của người đến nơi tiếp công dân
Người đến có quyền trình bày nội dung khiếu nại, tố cáo, kiến nghị, phản ánh; được hướng dẫn, giải thích; được nhận thông báo về việc tiếp nhận và kết quả xử lý; được sử dụng người phiên dịch nếu không thông thạo tiếng Việt. Đồng thời, họ có nghĩa vụ xuất trình giấy tờ tùy thân, có thái độ đúng mực, trình bày trung thực, tuân thủ nội quy nơi tiếp công dân.

## 4. Trách nhiệm của người tiếp công dân
Người tiếp công dân phải có trang phục chỉnh tề, đeo thẻ công chức hoặc phù hiệu; có thái độ đúng mực, tôn trọng công dân; lắng nghe, ghi chép đầy đủ; giải thích, hướng dẫn công dân thực hiện quyền đúng quy định; chuyển đơn, báo cáo để vụ việc được xử lý đúng thẩm quyền.

## 5. Những hành vi bị nghiêm cấm
- Gây phiền hà, sách nhiễu hoặc cản trở người đến khiếu nại, tố cáo, kiến nghị, phản ánh.
- Thiếu trách nhiệm, làm mất hoặc làm sai lệch thông tin, tài liệu do người đến cung cấp.
- Phân biệt đối xử; tiết lộ thông tin về người tố cáo.
- Từ chối tiếp công dân khi không có lý do chính đáng.
- Về phía người đến: gây rối trật tự, xúc phạm, đe dọa người tiếp công dân; lợi dụng quyền khiếu nại, tố cáo để xuyên tạc, vu khống.

## 6. Trách nhiệm của người đứng đầu
Người đứng đầu cơ quan có trách nhiệm tổ chức việc tiếp công dân, bố trí nơi tiếp và người tiếp, và trực tiếp tiếp công dân theo quy định; trực tiếp tiếp đột xuất khi có vụ việc phức tạp, đông người hoặc có thể gây hậu quả nghiêm trọng.

## Ghi nhớ
- Số hiệu 42/2013/QH13; thông qua 25/11/2013; hiệu lực 01/07/2014.
- Tiếp công dân tận tình, đúng luật là một biểu hiện cụ thể của công tác dân vận chính quyền.
""",
            },
            {
                "slug": "quy-dinh-11-qdi-tw",
                "title": "Trách nhiệm của người đứng đầu trong tiếp dân, đối thoại (Quy định 11-QĐi/TW)",
                "directives": ["11-QĐi/TW"],
                "minutes": 10,
                "intro": (
                    "Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị đặt trách nhiệm trực tiếp cho người đứng "
                    "đầu cấp ủy trong việc tiếp dân, đối thoại và xử lý phản ánh, kiến nghị của dân."
                ),
                "body": """
## 1. Mục đích
Quy định 11-QĐi/TW nhằm tăng cường mối quan hệ giữa Đảng với Nhân dân, kịp thời nắm bắt tâm tư, nguyện vọng của Nhân dân và giải quyết từ sớm, từ cơ sở những vấn đề bức xúc, không để phát sinh điểm nóng. Việc tiếp dân được coi là trách nhiệm trực tiếp của người đứng đầu cấp ủy, không phải việc có thể giao hẳn cho bộ phận giúp việc.

## 2. Trách nhiệm chính của người đứng đầu cấp ủy
- Tiếp dân định kỳ theo lịch (theo Quy định là ít nhất một ngày trong tháng) và tiếp đột xuất khi có vụ việc phức tạp, đông người.
- Đối thoại trực tiếp với dân khi có phản ánh, kiến nghị liên quan đến chủ trương, chính sách hoặc khi cần làm rõ vụ việc.
- Chỉ đạo xử lý phản ánh, kiến nghị đúng thẩm quyền, đúng thời hạn; theo dõi, đôn đốc đến khi có kết quả và trả lời cho dân.
- Nêu gương; chịu trách nhiệm khi để xảy ra chậm trễ, né tránh, đùn đẩy trong giải quyết kiến nghị của dân.

## 3. Liên hệ với cơ quan hành chính
Quy định của Đảng đối với người đứng đầu cấp ủy cùng với Luật Tiếp công dân đối với người đứng đầu cơ quan nhà nước tạo nên một hệ thống trách nhiệm thống nhất: ở mỗi cấp, người đứng đầu phải trực tiếp lắng nghe dân. Tại Sở, đó là việc Ban Giám đốc tiếp công dân, đối thoại với doanh nghiệp và xử lý kịp thời phản ánh, kiến nghị về các lĩnh vực công thương.

## Ghi nhớ
- Tiếp dân, đối thoại là trách nhiệm trực tiếp của người đứng đầu.
- Kết quả tiếp dân, xử lý kiến nghị là căn cứ đánh giá người đứng đầu.
""",
            },
        ],
    },
]
