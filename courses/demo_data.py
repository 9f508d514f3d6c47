"""The directive library of the 2024 plan of Sở Công Thương Tây Ninh (docs/content.md, "Demo library").

Numbers, types, issuers, dates and subject lines are exactly those of the plan. Summaries, bodies
and lessons are written for learners; for the documents only the plan names ("unverified") they
keep to what the number, date and subject line say and invent nothing. docs/content.md lists,
document by document, which facts come from the plan and which could not be checked here.

Bodies and lessons use a small markup read by `courses.demo.blocks_from_text`: "## " and "### "
headings, "> " quotes, "- " list items, and blank-line separated paragraphs (with <b>/<i> allowed).
A lesson's reading time is not written here: `courses.demo.reading_minutes` computes it from the text.
"""

from __future__ import annotations

DAN_VAN = "Dân vận"
DAN_VAN_KHEO = "Dân vận khéo"
CCHC = "Cải cách hành chính"
DAN_CHU = "Dân chủ cơ sở"
TIEP_DAN = "Tiếp công dân"
TAY_NINH = "Văn bản của tỉnh Tây Ninh"

_UNVERIFIED_NOTE = (
    "Kế hoạch năm 2024 của Sở Công Thương nêu văn bản này trong danh mục cần học tập, quán triệt. "
    "Thư viện chỉ ghi số, ngày, cơ quan ban hành và trích yếu như Kế hoạch đã nêu; nội dung cụ thể cần đọc "
    "trong bản gốc do cơ quan ban hành phát hành."
)

_UNVERIFIED_SOURCE = """
## Về nguồn của trang này
Trang này được biên soạn khi chưa có bản gốc: thông tin chỉ gồm số, ngày, cơ quan ban hành và trích yếu như Kế hoạch năm 2024 của Sở đã nêu, cùng mối liên hệ có thể thấy từ các thông tin đó. Trang không tóm tắt những điều khoản chưa được đối chiếu với bản gốc.
"""

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
            "Quyết định 23-QĐ/TW ngày 30/07/2021 của Ban Chấp hành Trung ương ban hành Quy chế công tác dân vận "
            "của hệ thống chính trị, thay thế Quy chế ban hành kèm Quyết định 290-QĐ/TW năm 2010. Quy chế khẳng "
            "định công tác dân vận là nhiệm vụ có ý nghĩa chiến lược và là trách nhiệm của cả hệ thống chính trị, "
            "của mọi cán bộ, đảng viên, công chức, viên chức, đoàn viên, hội viên. Quy chế xác định trách nhiệm "
            "của cấp ủy, tổ chức đảng, của Nhà nước và chính quyền các cấp, của Mặt trận Tổ quốc, các đoàn thể "
            "chính trị - xã hội và lực lượng vũ trang. Tinh thần xuyên suốt là tôn trọng, phát huy quyền làm chủ "
            "của Nhân dân theo phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ "
            "hưởng”. Ở cơ quan hành chính như Sở Công Thương, làm dân vận trước hết là quản lý, điều hành và phục "
            "vụ người dân, doanh nghiệp đúng pháp luật, công khai, tận tình."
        ),
        "body": """
## Những điểm cần nắm
- Công tác dân vận là nhiệm vụ có ý nghĩa chiến lược, đặt dưới sự lãnh đạo của Đảng, là trách nhiệm của cả hệ thống chính trị chứ không riêng của ban dân vận hay các đoàn thể.
- Chính quyền các cấp làm công tác dân vận thông qua chính hoạt động quản lý, điều hành và phục vụ Nhân dân.
- Chủ trương, chính sách phải xuất phát từ lợi ích chính đáng của Nhân dân, có sự tham gia ý kiến và giám sát của Nhân dân.
- Người đứng đầu cấp ủy, cơ quan, đơn vị chịu trách nhiệm trực tiếp về công tác dân vận ở nơi mình phụ trách.

## Cán bộ, công chức, viên chức cần làm gì
- Giải quyết công việc của người dân, doanh nghiệp đúng pháp luật, đúng hạn, công khai, không gây phiền hà.
- Tôn trọng, lắng nghe ý kiến của Nhân dân; giữ mối liên hệ với Nhân dân nơi công tác và nơi cư trú.
- Gương mẫu thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước; tham gia phong trào thi đua “Dân vận khéo” của cơ quan.
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
            "Quyết định 1116-QĐ/TU ngày 29/09/2021 của Ban Thường vụ Tỉnh ủy Tây Ninh ban hành Quy chế công tác "
            "dân vận của hệ thống chính trị trên địa bàn tỉnh. Văn bản ra đời hai tháng sau Quyết định 23-QĐ/TW "
            "của Ban Chấp hành Trung ương, và trích yếu của nó trùng tên Quy chế của Trung ương, thêm phạm vi "
            "“trên địa bàn tỉnh”. " + _UNVERIFIED_NOTE
        ),
        "body": """
## Văn bản này là gì
Quyết định của Ban Thường vụ Tỉnh ủy Tây Ninh, ngày 29/09/2021, ban hành Quy chế công tác dân vận của hệ thống chính trị trên địa bàn tỉnh. Kế hoạch năm 2024 của Sở xếp văn bản vào nhóm văn bản về công tác dân vận (mục II.1), cùng với Quyết định 23-QĐ/TW của Trung ương.

## Liên hệ với Quy chế của Trung ương
Trích yếu của Quyết định trùng tên Quy chế ban hành kèm Quyết định 23-QĐ/TW ngày 30/07/2021, thêm phạm vi “trên địa bàn tỉnh”. Vì vậy, khi học, hãy nắm Quy chế của Trung ương trước, rồi đọc bản gốc của tỉnh để biết những điểm áp dụng riêng tại Tây Ninh.

## Cán bộ, công chức, viên chức cần làm gì
- Học bài “Văn bản của tỉnh về công tác dân vận” và bài về Quyết định 23-QĐ/TW.
- Đọc bản gốc khi cơ quan đính kèm trên trang này hoặc phổ biến tại hội nghị.
- Thực hiện trách nhiệm dân vận ngay trong công việc chuyên môn hằng ngày.
""" + _UNVERIFIED_SOURCE,
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
            "Kết luận 114-KL/TW ngày 14/07/2015 của Ban Bí thư khóa XI bàn về việc nâng cao hiệu quả công tác dân "
            "vận của cơ quan nhà nước các cấp. Kết luận ghi nhận chuyển biến nhưng chỉ ra hạn chế: một bộ phận cán "
            "bộ, công chức còn quan liêu, xa dân, thiếu trách nhiệm, có biểu hiện gây phiền hà, sách nhiễu người "
            "dân, doanh nghiệp. Kết luận yêu cầu nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền và người "
            "đứng đầu, gắn công tác dân vận với cải cách hành chính, dân chủ ở cơ sở, tiếp dân và giải quyết kiến "
            "nghị của Nhân dân. Năm 2016, Thủ tướng Chính phủ ban hành Chỉ thị 16/CT-TTg để triển khai Kết luận "
            "trong khối cơ quan hành chính."
        ),
        "body": """
## Những điểm cần nắm
- Công tác dân vận của cơ quan nhà nước là nhiệm vụ thường xuyên, gắn với chức năng quản lý, điều hành và phục vụ Nhân dân.
- Kiên quyết khắc phục tình trạng quan liêu, hách dịch, cửa quyền, sách nhiễu; xây dựng đội ngũ cán bộ, công chức tận tụy phục vụ Nhân dân.
- Đẩy mạnh cải cách hành chính, công khai, minh bạch thủ tục; thực hiện tốt dân chủ ở cơ sở; tiếp dân, đối thoại và giải quyết kịp thời kiến nghị chính đáng của Nhân dân.
- Phối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể; phát huy phong trào thi đua “Dân vận khéo”.

## Cán bộ, công chức, viên chức cần làm gì
Coi việc giải quyết đúng, nhanh, công khai công việc của người dân, doanh nghiệp là công tác dân vận của chính mình; không để người dân phải đi lại nhiều lần; tiếp thu góp ý về thái độ phục vụ.
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
            "Chỉ thị 16/CT-TTg ngày 16/05/2016 của Thủ tướng Chính phủ triển khai Kết luận 114-KL/TW của Ban Bí "
            "thư trong khối cơ quan hành chính nhà nước và chính quyền các cấp. Chỉ thị yêu cầu nâng cao nhận thức "
            "và trách nhiệm của người đứng đầu về công tác dân vận, đổi mới tác phong, lề lối làm việc của cán bộ, "
            "công chức theo hướng gần dân, phục vụ Nhân dân. Trọng tâm là gắn công tác dân vận với cải cách hành "
            "chính, công khai, minh bạch, dân chủ ở cơ sở, tiếp dân, đối thoại, cùng với đẩy mạnh phong trào thi "
            "đua “Dân vận khéo”. Số hiệu 16/CT-TTg còn được dùng cho một chỉ thị khác năm 2020, vì vậy khi trích "
            "dẫn cần ghi kèm ngày ban hành."
        ),
        "body": """
## Những điểm cần nắm
- Người đứng đầu cơ quan hành chính chịu trách nhiệm lãnh đạo, chỉ đạo công tác dân vận ở cơ quan mình.
- Đổi mới tác phong, lề lối làm việc của cán bộ, công chức theo hướng gần dân, phục vụ Nhân dân.
- Gắn công tác dân vận với cải cách hành chính, công khai, minh bạch, thực hiện dân chủ ở cơ sở, tiếp dân và đối thoại.
- Đẩy mạnh phong trào thi đua “Dân vận khéo”.

## Lưu ý khi trích dẫn
Chỉ thị được tiếp nối bằng Chỉ thị 33/CT-TTg năm 2021. Vì số hiệu 16/CT-TTg cũng được dùng cho chỉ thị năm 2020 về phòng, chống dịch COVID-19, hãy ghi đầy đủ: “Chỉ thị 16/CT-TTg ngày 16/05/2016 của Thủ tướng Chính phủ”.
""",
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
            "Chỉ thị 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ yêu cầu tiếp tục tăng cường và đổi mới công "
            "tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp, tiếp nối Chỉ thị 16/CT-TTg năm "
            "2016. Chỉ thị ghi nhận kết quả nhưng chỉ ra hạn chế: nhận thức của một số lãnh đạo, cán bộ, công chức "
            "có lúc, có nơi chưa đầy đủ, công tác dân vận chưa thực sự đi vào chiều sâu. Chỉ thị yêu cầu xác định "
            "công tác dân vận là nhiệm vụ của cả hệ thống chính trị, xây dựng nền hành chính phục vụ Nhân dân, "
            "tuyên truyền, vận động theo cách dễ hiểu, dễ nhớ, dễ thực hiện. Phong trào thi đua “Dân vận khéo” "
            "được yêu cầu gắn với Kết luận 01-KL/TW năm 2021 của Bộ Chính trị về học tập và làm theo tư tưởng, "
            "đạo đức, phong cách Hồ Chí Minh."
        ),
        "body": """
## Những điểm cần nắm
- Quán triệt, thể chế hóa chủ trương của Đảng, chính sách, pháp luật về công tác dân vận, gắn với phục hồi và phát triển kinh tế - xã hội sau đại dịch COVID-19.
- Công tác dân vận là nhiệm vụ của cả hệ thống chính trị; xây dựng nền hành chính nhà nước phục vụ Nhân dân, dân chủ, pháp quyền, chuyên nghiệp.
- Tuyên truyền, vận động dễ hiểu, dễ nhớ, dễ thực hiện; quan tâm vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số, vùng tôn giáo.
- Tiếp tục phong trào thi đua “Dân vận khéo” trên các lĩnh vực, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.

## Cán bộ, công chức, viên chức cần làm gì
- Giải quyết hồ sơ đúng hạn, công khai; không nhũng nhiễu, gây phiền hà người dân, doanh nghiệp.
- Khi hướng dẫn, giải thích chính sách, nói và viết sao cho người dân dễ hiểu, dễ làm theo.
- Tham gia mô hình “Dân vận khéo” của phòng, đơn vị mình.
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
            "Chỉ thị 25-CT/TU ngày 25/02/2021 của Ban Thường vụ Tỉnh ủy Tây Ninh về việc tăng cường sự lãnh đạo "
            "của Đảng đối với công tác dân vận trong tình hình mới. Văn bản được ban hành đầu năm 2021, trước khi "
            "Ban Chấp hành Trung ương ban hành Quy chế công tác dân vận mới bằng Quyết định 23-QĐ/TW. "
            + _UNVERIFIED_NOTE
        ),
        "body": """
## Văn bản này là gì
Chỉ thị của Ban Thường vụ Tỉnh ủy Tây Ninh, ngày 25/02/2021, về việc tăng cường sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới. Kế hoạch năm 2024 của Sở xếp văn bản vào nhóm văn bản về công tác dân vận (mục II.1).

## Ý nghĩa đối với cơ quan
Trích yếu nhấn mạnh sự lãnh đạo của Đảng đối với công tác dân vận. Trong một cơ quan như Sở, điều đó thể hiện ở việc cấp ủy cơ quan đưa công tác dân vận vào chương trình công tác và mỗi đảng viên gương mẫu trong quan hệ với người dân, doanh nghiệp. Những yêu cầu cụ thể của Chỉ thị cần đọc trong bản gốc.

## Cán bộ, công chức, viên chức cần làm gì
- Học bài “Văn bản của tỉnh về công tác dân vận”.
- Đọc bản gốc khi cơ quan đính kèm trên trang này hoặc phổ biến tại hội nghị.
""" + _UNVERIFIED_SOURCE,
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
            "Công văn 392-CV/TU ngày 31/12/2021 của Ban Thường vụ Tỉnh ủy Tây Ninh về việc đẩy mạnh phong trào "
            "thi đua “Dân vận khéo” giai đoạn 2021-2025. Phong trào “Dân vận khéo” cũng được Chỉ thị 16/CT-TTg và "
            "Chỉ thị 33/CT-TTg của Thủ tướng Chính phủ yêu cầu đẩy mạnh. " + _UNVERIFIED_NOTE
        ),
        "body": """
## Văn bản này là gì
Công văn của Ban Thường vụ Tỉnh ủy Tây Ninh, ngày 31/12/2021, về việc đẩy mạnh phong trào thi đua “Dân vận khéo” trong giai đoạn 2021-2025. Kế hoạch năm 2024 của Sở xếp văn bản vào nhóm văn bản về công tác dân vận (mục II.1).

## “Dân vận khéo” ở một cơ quan chuyên môn
Tên phong trào gợi lại lời Chủ tịch Hồ Chí Minh trong bài báo “Dân vận” năm 1949: “Dân vận kém thì việc gì cũng kém. Dân vận khéo thì việc gì cũng thành công.” Ở Sở Công Thương, một mô hình “Dân vận khéo” thường gắn với chính nhiệm vụ chuyên môn của phòng, đơn vị, chẳng hạn rút ngắn thời gian giải quyết một loại hồ sơ hay hướng dẫn doanh nghiệp làm thủ tục trực tuyến. Cách đăng ký và tiêu chí đánh giá mô hình theo văn bản của tỉnh cần đọc trong bản gốc.

## Cán bộ, công chức, viên chức cần làm gì
- Học bài “Văn bản của tỉnh về công tác dân vận”.
- Cùng phòng, đơn vị chọn và thực hiện một mô hình “Dân vận khéo” gắn với nhiệm vụ chuyên môn.
""" + _UNVERIFIED_SOURCE,
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
            "Nghị quyết 76/NQ-CP ngày 15/07/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính "
            "nhà nước giai đoạn 2021-2030, tiếp nối Chương trình tổng thể giai đoạn 2011-2020. Chương trình đặt "
            "mục tiêu xây dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu lực, hiệu quả, có "
            "năng lực kiến tạo phát triển, liêm chính, phục vụ Nhân dân. Nội dung cải cách gồm sáu lĩnh vực: thể "
            "chế; thủ tục hành chính; tổ chức bộ máy hành chính nhà nước; chế độ công vụ; tài chính công; xây "
            "dựng và phát triển Chính phủ điện tử, Chính phủ số. Sự hài lòng của người dân, doanh nghiệp là thước "
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

## Cán bộ, công chức, viên chức cần làm gì
Giải quyết thủ tục hành chính đúng hạn, đúng quy trình, không đòi thêm giấy tờ ngoài quy định; hướng dẫn người dân, doanh nghiệp dùng dịch vụ công trực tuyến; góp ý để cơ quan đề xuất cắt giảm những thủ tục rườm rà.
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
            "Chỉ thị 23/CT-TTg ngày 02/09/2021 của Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương đẩy mạnh "
            "thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030 ban hành kèm Nghị "
            "quyết 76/NQ-CP. Chỉ thị nhấn mạnh trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo cải cách hành "
            "chính và yêu cầu xây dựng kế hoạch cải cách hành chính hằng năm có kết quả đo đếm được. Trọng tâm là "
            "cải cách thủ tục hành chính, dịch vụ công trực tuyến và chuyển đổi số, gắn với kiểm tra, đánh giá và "
            "tuyên truyền về cải cách hành chính."
        ),
        "body": """
## Những điểm cần nắm
- Người đứng đầu trực tiếp lãnh đạo, chỉ đạo và chịu trách nhiệm về kết quả cải cách hành chính của cơ quan, đơn vị.
- Xây dựng và triển khai kế hoạch cải cách hành chính hằng năm, bám sát Chương trình tổng thể giai đoạn 2021-2030.
- Rà soát, cắt giảm, đơn giản hóa thủ tục hành chính; nâng cao chất lượng giải quyết thủ tục và dịch vụ công trực tuyến.
- Tăng cường kiểm tra, đánh giá; làm tốt công tác thông tin, tuyên truyền về cải cách hành chính.

## Cán bộ, công chức, viên chức cần làm gì
Nắm nhiệm vụ cải cách hành chính của phòng, đơn vị mình trong kế hoạch năm; thực hiện đúng, đủ và báo cáo kết quả đúng hạn khi được yêu cầu.
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
            "Quyết định 490/QĐ-UBND ngày 05/03/2021 của UBND tỉnh Tây Ninh ban hành Chương trình hành động thực "
            "hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI về cải cách hành chính giai đoạn 2021-2025. "
            "Văn bản được ban hành trước Nghị quyết 76/NQ-CP của Chính phủ về Chương trình tổng thể 2021-2030. "
            + _UNVERIFIED_NOTE
        ),
        "body": """
## Văn bản này là gì
Quyết định của UBND tỉnh Tây Ninh, ngày 05/03/2021, ban hành Chương trình hành động của tỉnh về cải cách hành chính cho năm năm 2021-2025, để thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI. Kế hoạch năm 2024 của Sở xếp văn bản vào nhóm văn bản về cải cách hành chính (mục II.2).

## Vị trí giữa các kế hoạch
Đây là văn bản sớm nhất trong ba văn bản của tỉnh về cải cách hành chính mà Kế hoạch của Sở nêu; sau nó là Kế hoạch giai đoạn 2021-2030 (Quyết định 2631/QĐ-UBND) và Kế hoạch năm 2024 (Quyết định 140/QĐ-UBND).

## Cán bộ, công chức, viên chức cần làm gì
- Học bài “Cải cách hành chính ở tỉnh Tây Ninh”.
- Đọc bản gốc khi cơ quan đính kèm để biết nhiệm vụ của tỉnh giao cho ngành công thương.
""" + _UNVERIFIED_SOURCE,
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
            "Quyết định 2631/QĐ-UBND ngày 14/10/2021 của UBND tỉnh Tây Ninh ban hành Kế hoạch cải cách hành chính "
            "giai đoạn 2021-2030 trên địa bàn tỉnh. Kế hoạch có cùng giai đoạn với Chương trình tổng thể cải cách "
            "hành chính nhà nước 2021-2030 của Chính phủ và được ban hành sau Nghị quyết 76/NQ-CP, Chỉ thị "
            "23/CT-TTg. " + _UNVERIFIED_NOTE
        ),
        "body": """
## Văn bản này là gì
Quyết định của UBND tỉnh Tây Ninh, ngày 14/10/2021, ban hành Kế hoạch cải cách hành chính giai đoạn 2021-2030 trên địa bàn tỉnh. Kế hoạch năm 2024 của Sở xếp văn bản vào nhóm văn bản về cải cách hành chính (mục II.2).

## Vị trí giữa các kế hoạch
Kế hoạch có cùng khung thời gian 2021-2030 với Chương trình tổng thể ban hành kèm Nghị quyết 76/NQ-CP ngày 15/07/2021, và ra đời sau Chỉ thị 23/CT-TTg ngày 02/09/2021 về đẩy mạnh thực hiện Chương trình đó. Mỗi năm, kế hoạch cải cách hành chính của tỉnh (như Quyết định 140/QĐ-UBND cho năm 2024) giao nhiệm vụ cụ thể trong năm.

## Cán bộ, công chức, viên chức cần làm gì
- Học bài “Cải cách hành chính ở tỉnh Tây Ninh”.
- Đọc bản gốc khi cơ quan đính kèm để biết mục tiêu của tỉnh đến năm 2030.
""" + _UNVERIFIED_SOURCE,
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
            "Quyết định 140/QĐ-UBND ngày 19/01/2024 của UBND tỉnh Tây Ninh ban hành Kế hoạch cải cách hành chính "
            "trên địa bàn tỉnh năm 2024. Đây là kế hoạch của chính năm mà đợt học tập này hướng tới, đúng với yêu "
            "cầu xây dựng kế hoạch cải cách hành chính hằng năm của Chỉ thị 23/CT-TTg. " + _UNVERIFIED_NOTE
        ),
        "body": """
## Văn bản này là gì
Quyết định của UBND tỉnh Tây Ninh, ngày 19/01/2024, ban hành Kế hoạch cải cách hành chính trên địa bàn tỉnh năm 2024. Kế hoạch năm 2024 của Sở xếp văn bản vào nhóm văn bản về cải cách hành chính (mục II.2).

## Liên hệ với Kế hoạch của Sở
Trong các chỉ tiêu của Kế hoạch năm 2024, Sở đặt yêu cầu thực hiện tốt nhiệm vụ cải cách hành chính và giữ vững sự hài lòng của người dân, doanh nghiệp. Nhiệm vụ cụ thể tỉnh giao cho Sở Công Thương trong năm cần đọc trong bản gốc của Quyết định.

## Cán bộ, công chức, viên chức cần làm gì
- Học bài “Cải cách hành chính ở tỉnh Tây Ninh”.
- Biết nhiệm vụ cải cách hành chính năm 2024 của phòng, đơn vị mình và báo cáo kết quả đúng hạn.
""" + _UNVERIFIED_SOURCE,
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
            "Kết luận 120-KL/TW ngày 07/01/2016 của Bộ Chính trị khóa XI được ban hành sau khi tổng kết việc thực "
            "hiện Chỉ thị 30-CT/TW năm 1998 của Bộ Chính trị về xây dựng và thực hiện Quy chế dân chủ ở cơ sở. Bộ "
            "Chính trị đánh giá việc thực hiện dân chủ ở cơ sở đã góp phần phát huy quyền làm chủ của Nhân dân, "
            "song ở một số nơi còn hình thức. Kết luận yêu cầu nâng cao nhận thức, trách nhiệm của cấp ủy, chính "
            "quyền và người đứng đầu, hoàn thiện thể chế về dân chủ ở cơ sở và thực hiện dân chủ gắn với kỷ cương. "
            "Chủ trương hoàn thiện thể chế về sau được thể chế hóa bằng Luật Thực hiện dân chủ ở cơ sở năm 2022."
        ),
        "body": """
## Những điểm cần nắm
- Thực hiện dân chủ ở cơ sở là nhiệm vụ quan trọng, thường xuyên của cả hệ thống chính trị; dân chủ phải đi đôi với kỷ cương, pháp luật.
- Cấp ủy, chính quyền, người đứng đầu chịu trách nhiệm lãnh đạo, tổ chức thực hiện; khắc phục tình trạng hình thức.
- Hoàn thiện thể chế về dân chủ ở cơ sở.
- Phát huy vai trò giám sát của Mặt trận Tổ quốc, các đoàn thể và Ban Thanh tra nhân dân.

## Cán bộ, công chức, viên chức cần làm gì
Trong cơ quan, thực hiện dân chủ là bảo đảm cán bộ, công chức được biết, được tham gia ý kiến và được giám sát; mỗi người vừa thực hiện quyền của mình vừa giữ kỷ luật, kỷ cương công vụ.
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
            "hiệu lực từ ngày 01/07/2023. Luật quy định nội dung, cách thức thực hiện dân chủ ở xã, phường, thị "
            "trấn; ở cơ quan nhà nước, đơn vị sự nghiệp công lập; và ở tổ chức có sử dụng lao động. Luật thể chế "
            "hóa phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng” thành bốn "
            "nhóm nội dung: được biết; được bàn và quyết định; được tham gia ý kiến; được kiểm tra, giám sát. "
            "Trong cơ quan hành chính, cán bộ, công chức, viên chức và người lao động được biết, được tham gia ý "
            "kiến và được kiểm tra, giám sát hoạt động của cơ quan; người đứng đầu có trách nhiệm bảo đảm các "
            "quyền này."
        ),
        "body": """
## Phạm vi
Luật điều chỉnh việc thực hiện dân chủ ở ba loại cơ sở: xã, phường, thị trấn và cộng đồng dân cư; cơ quan nhà nước, đơn vị sự nghiệp công lập; tổ chức có sử dụng lao động.

## Nguyên tắc
- Bảo đảm sự lãnh đạo của Đảng, quản lý của Nhà nước và quyền làm chủ của Nhân dân.
- Dân chủ trong khuôn khổ Hiến pháp và pháp luật, gắn với kỷ cương, trật tự xã hội.
- Công khai, minh bạch, bình đẳng; tôn trọng ý kiến của đa số, đồng thời tôn trọng ý kiến của thiểu số.

## Cán bộ, công chức, viên chức cần làm gì
- Nắm những nội dung mình được biết, được tham gia ý kiến và được kiểm tra, giám sát trong cơ quan.
- Tham dự hội nghị cán bộ, công chức, viên chức và góp ý có trách nhiệm khi được lấy ý kiến.
- Khi phát hiện vi phạm, phản ánh qua đúng kênh, trong đó có Ban Thanh tra nhân dân của cơ quan.
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
            "Nghị định 59/2023/NĐ-CP ngày 14/08/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực "
            "hiện dân chủ ở cơ sở và có hiệu lực từ ngày 15/08/2023. Ở thôn, tổ dân phố, Nghị định quy định cách "
            "tổ chức cuộc họp của cộng đồng dân cư, phát phiếu lấy ý kiến hộ gia đình, biểu quyết trực tuyến và "
            "bầu Trưởng thôn, Tổ trưởng tổ dân phố. Nghị định cũng quy định tổ chức và hoạt động của Ban Thanh "
            "tra nhân dân ở xã, phường, thị trấn và ở cơ quan, đơn vị, của Ban Giám sát đầu tư của cộng đồng. "
            "Kế hoạch năm 2024 của Sở Công Thương đặt chỉ tiêu thực hiện dân chủ trong cơ quan theo Nghị định này."
        ),
        "body": """
## Những điểm cần nắm
- Nghị định quy định chi tiết những điều Luật Thực hiện dân chủ ở cơ sở giao cho Chính phủ, chủ yếu về cách tổ chức và hoạt động của các thiết chế thực hiện dân chủ.
- Ở thôn, tổ dân phố: cuộc họp của cộng đồng dân cư, phát phiếu lấy ý kiến hộ gia đình, biểu quyết trực tuyến, bầu và cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố.
- Ở xã, phường, thị trấn: Ban Thanh tra nhân dân và Ban Giám sát đầu tư của cộng đồng.
- Ở cơ quan, đơn vị và doanh nghiệp nhà nước: tổ chức và hoạt động của Ban Thanh tra nhân dân.

## Cán bộ, công chức, viên chức cần làm gì
Biết Ban Thanh tra nhân dân của cơ quan gồm những ai, tham gia bầu Ban tại hội nghị cán bộ, công chức, viên chức, và phản ánh với Ban khi thấy quy chế dân chủ của cơ quan không được thực hiện. Các việc người đứng đầu phải công khai và các việc cán bộ, công chức tham gia ý kiến được quy định ngay trong Luật.
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
            "Kế hoạch 26-KH/BCĐ ngày 31/01/2024 của Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần "
            "chúng tỉnh về thực hiện dân chủ cơ sở năm 2024. Đây là kế hoạch của tỉnh cho năm 2024 trong lĩnh vực "
            "dân chủ ở cơ sở, ban hành trước Công văn 575/UBND-NC của UBND tỉnh về cùng chủ đề. " + _UNVERIFIED_NOTE
        ),
        "body": """
## Văn bản này là gì
Kế hoạch của Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh, ngày 31/01/2024, về thực hiện dân chủ cơ sở năm 2024. Kế hoạch năm 2024 của Sở xếp văn bản vào nhóm văn bản về dân chủ ở cơ sở và tiếp công dân (mục II.3).

## Dân chủ trong cơ quan năm 2024
Dù trang này không tóm tắt nội dung cụ thể của Kế hoạch, việc thực hiện dân chủ ở cơ quan năm 2024 vẫn theo Luật Thực hiện dân chủ ở cơ sở và Nghị định 59/2023/NĐ-CP: cán bộ, công chức, viên chức được biết, được tham gia ý kiến, được kiểm tra, giám sát; Ban Thanh tra nhân dân của cơ quan giám sát việc thực hiện quy chế dân chủ.

## Cán bộ, công chức, viên chức cần làm gì
- Học bài “Dân chủ ở cơ sở: văn bản của tỉnh năm 2024”.
- Đọc bản gốc khi cơ quan đính kèm trên trang này hoặc phổ biến tại hội nghị.
""" + _UNVERIFIED_SOURCE,
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
            "Công văn 575/UBND-NC ngày 29/02/2024 của UBND tỉnh Tây Ninh về việc thực hiện dân chủ ở cơ sở năm "
            "2024. Văn bản được ban hành khoảng một tháng sau Kế hoạch 26-KH/BCĐ của Ban Chỉ đạo tỉnh, và là chỉ "
            "đạo trực tiếp với Sở Công Thương, một cơ quan chuyên môn thuộc UBND tỉnh. " + _UNVERIFIED_NOTE
        ),
        "body": """
## Văn bản này là gì
Công văn của UBND tỉnh Tây Ninh, ngày 29/02/2024, về việc thực hiện dân chủ ở cơ sở năm 2024. Kế hoạch năm 2024 của Sở xếp văn bản vào nhóm văn bản về dân chủ ở cơ sở và tiếp công dân (mục II.3).

## Vì sao liên quan trực tiếp đến Sở
Sở Công Thương là cơ quan chuyên môn thuộc UBND tỉnh, nên văn bản chỉ đạo của UBND tỉnh là chỉ đạo trực tiếp với Sở. Các yêu cầu cụ thể của Công văn cần đọc trong bản gốc.

## Cán bộ, công chức, viên chức cần làm gì
- Học bài “Dân chủ ở cơ sở: văn bản của tỉnh năm 2024”.
- Thực hiện quyền và trách nhiệm của mình theo quy chế dân chủ của cơ quan.
""" + _UNVERIFIED_SOURCE,
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
            "Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị xác định trách nhiệm của người đứng đầu cấp ủy "
            "trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân. Người "
            "đứng đầu cấp ủy phải trực tiếp tiếp dân định kỳ theo lịch và tiếp đột xuất khi có vụ việc phức tạp, "
            "đông người hoặc có thể gây hậu quả nghiêm trọng. Quy định đặt thời hạn thông báo cho người phản ánh "
            "về việc tiếp nhận, chuyển xử lý và yêu cầu theo dõi đến khi vụ việc được giải quyết. Năm 2025, Bộ "
            "Chính trị đã sửa đổi, bổ sung một số điểm của Quy định, vì vậy khi áp dụng cần đối chiếu văn bản "
            "sửa đổi."
        ),
        "body": """
## Những điểm cần nắm
- Tiếp dân, đối thoại với dân là trách nhiệm trực tiếp của người đứng đầu cấp ủy, không giao hẳn cho bộ phận giúp việc.
- Tiếp dân định kỳ: người đứng đầu cấp ủy cấp tỉnh, cấp huyện ít nhất 1 ngày trong 1 tháng; cấp xã ít nhất 2 ngày trong 1 tháng.
- Trong 10 ngày làm việc kể từ khi tiếp nhận, thông báo bằng văn bản cho người phản ánh về việc tiếp nhận hoặc chuyển cơ quan có thẩm quyền xử lý.
- Năm 2025, Bộ Chính trị sửa đổi, bổ sung một số điểm của Quy định (Kết luận 215-KL/TW).

## Cán bộ, công chức, viên chức cần làm gì
Quy định này đặt trách nhiệm cho người đứng đầu cấp ủy; người đứng đầu cơ quan nhà nước tiếp công dân theo Luật Tiếp công dân. Với mỗi cán bộ, công chức, tinh thần chung là lắng nghe, tiếp nhận và chuyển xử lý kịp thời phản ánh, kiến nghị của người dân, doanh nghiệp.
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
            "01/07/2014. Luật quy định trách nhiệm tiếp công dân của cơ quan, tổ chức, đơn vị; quyền và nghĩa vụ "
            "của người đến khiếu nại, tố cáo, kiến nghị, phản ánh; và các điều kiện bảo đảm cho hoạt động tiếp "
            "công dân. Việc tiếp công dân phải công khai, dân chủ, kịp thời, thủ tục đơn giản, thuận tiện, giữ bí "
            "mật và bảo đảm an toàn cho người tố cáo. Luật quy định trách nhiệm trực tiếp tiếp công dân của người "
            "đứng đầu và chỉ cho phép từ chối tiếp trong một số trường hợp Luật nêu."
        ),
        "body": """
## Những điểm cần nắm
- Người đứng đầu cơ quan, tổ chức, đơn vị có trách nhiệm tổ chức việc tiếp công dân và trực tiếp tiếp công dân theo quy định.
- Việc tiếp công dân phải bảo đảm công khai, dân chủ, kịp thời; thủ tục đơn giản, thuận tiện; tôn trọng, tạo điều kiện thuận lợi cho công dân.
- Nghiêm cấm gây phiền hà, sách nhiễu, phân biệt đối xử, tiết lộ thông tin về người tố cáo.
- Chỉ được từ chối tiếp trong các trường hợp Luật nêu, như người đe dọa, xúc phạm người tiếp công dân hoặc vi phạm nội quy nơi tiếp công dân.

## Cán bộ, công chức, viên chức cần làm gì
Khi được phân công tiếp công dân: đeo thẻ công chức, lắng nghe, ghi chép đầy đủ, hướng dẫn người dân thực hiện quyền đúng quy định và chuyển vụ việc đến đúng nơi có thẩm quyền. Khi không được phân công, hướng dẫn người dân đến nơi tiếp công dân của cơ quan.
""",
    },
]

# Courses with their lessons. "directives" are numbers from DIRECTIVES above.
COURSES: list[dict] = [
    {
        "slug": "dan-van-chinh-quyen",
        "title": "Công tác dân vận chính quyền",
        "intro": (
            "Chuyên đề giới thiệu Quy chế công tác dân vận của hệ thống chính trị, các văn bản của Ban Bí thư, "
            "Thủ tướng Chính phủ về công tác dân vận trong cơ quan hành chính nhà nước và các văn bản của tỉnh."
        ),
        "directives": ["23-QĐ/TW", "1116-QĐ/TU", "114-KL/TW", "16/CT-TTg", "33/CT-TTg", "25-CT/TU", "392-CV/TU"],
        "lessons": [
            {
                "slug": "quy-che-cong-tac-dan-van",
                "title": "Quy chế công tác dân vận của hệ thống chính trị (Quyết định 23-QĐ/TW)",
                "directives": ["23-QĐ/TW"],
                "intro": (
                    "Bài học giúp nắm được vì sao công tác dân vận là trách nhiệm của cả hệ thống chính trị, "
                    "trách nhiệm của cơ quan nhà nước và của từng cán bộ, công chức theo Quy chế ban hành kèm "
                    "Quyết định 23-QĐ/TW."
                ),
                "body": """
## 1. Bối cảnh ban hành
Ngày 30/07/2021, Ban Chấp hành Trung ương ban hành Quyết định 23-QĐ/TW kèm theo Quy chế công tác dân vận của hệ thống chính trị. Quy chế mới thay thế Quy chế ban hành kèm Quyết định 290-QĐ/TW năm 2010, nhằm cụ thể hóa tinh thần Đại hội XIII của Đảng về củng cố mối quan hệ mật thiết giữa Đảng, Nhà nước với Nhân dân và phát huy quyền làm chủ của Nhân dân.

## 2. Quan điểm cốt lõi
> Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng.

Đây là phương châm phát huy quyền làm chủ của Nhân dân mà Quy chế quán triệt; thành tố “dân thụ hưởng” là điểm mới do Đại hội XIII của Đảng bổ sung.

Quy chế khẳng định công tác dân vận là nhiệm vụ có ý nghĩa chiến lược đối với sự nghiệp cách mạng, là điều kiện quan trọng bảo đảm sự lãnh đạo của Đảng và củng cố mối quan hệ giữa Đảng, Nhà nước với Nhân dân. Công tác dân vận không phải việc riêng của ban dân vận hay của các đoàn thể, mà là trách nhiệm của cả hệ thống chính trị, của mọi cán bộ, đảng viên, công chức, viên chức, đoàn viên, hội viên.

## 3. Các chủ thể và trách nhiệm
Quy chế giao trách nhiệm cho từng chủ thể của hệ thống chính trị:
- cấp ủy, tổ chức đảng lãnh đạo công tác dân vận;
- Nhà nước và chính quyền các cấp thể chế hóa chủ trương của Đảng và làm dân vận qua hoạt động quản lý, điều hành;
- Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tập hợp, vận động Nhân dân, thực hiện giám sát và phản biện xã hội;
- lực lượng vũ trang tham gia công tác dân vận ở địa bàn đóng quân.

Người đứng đầu cấp ủy, cơ quan, đơn vị chịu trách nhiệm trực tiếp về công tác dân vận ở nơi mình phụ trách.

## 4. Trách nhiệm của cơ quan nhà nước
Đối với cơ quan nhà nước, công tác dân vận được thực hiện chủ yếu qua chính công việc quản lý, điều hành và phục vụ Nhân dân hằng ngày:
- thể chế hóa chủ trương của Đảng thành chính sách, pháp luật hợp lòng dân, có sự tham gia ý kiến của Nhân dân;
- công khai, minh bạch hoạt động; đẩy mạnh cải cách hành chính, nhất là thủ tục hành chính liên quan trực tiếp đến người dân, doanh nghiệp;
- thực hiện dân chủ ở cơ sở; tiếp công dân, đối thoại, giải quyết kịp thời khiếu nại, tố cáo, kiến nghị, phản ánh;
- phối hợp với Mặt trận Tổ quốc và các đoàn thể, tạo điều kiện để Nhân dân giám sát, phản biện xã hội.

## 5. Trách nhiệm của mỗi cán bộ, công chức, viên chức
Mỗi người phải gương mẫu thực hiện chủ trương, chính sách; tôn trọng, lắng nghe và tận tụy phục vụ Nhân dân; giữ mối liên hệ mật thiết với Nhân dân nơi công tác và nơi cư trú. Những biểu hiện quan liêu, hách dịch, cửa quyền, gây phiền hà cho người dân, doanh nghiệp là trái với tinh thần của Quy chế.

## Ghi nhớ
- Quyết định 23-QĐ/TW: Ban Chấp hành Trung ương ban hành ngày 30/07/2021; thay thế Quy chế năm 2010.
- Công tác dân vận là trách nhiệm của cả hệ thống chính trị và của từng người.
- Ở cơ quan hành chính, làm tốt dân vận chính là giải quyết công việc của dân đúng luật, nhanh chóng, công khai, tận tình.
- Người đứng đầu chịu trách nhiệm trực tiếp về công tác dân vận của cơ quan, đơn vị.
- Quy chế của tỉnh là một văn bản riêng, Quyết định 1116-QĐ/TU của Ban Thường vụ Tỉnh ủy (xem bài “Văn bản của tỉnh về công tác dân vận”).
""",
            },
            {
                "slug": "van-ban-cua-tinh-ve-dan-van",
                "title": "Văn bản của tỉnh về công tác dân vận (1116-QĐ/TU, 25-CT/TU, 392-CV/TU)",
                "directives": ["1116-QĐ/TU", "25-CT/TU", "392-CV/TU"],
                "intro": (
                    "Ba văn bản của Ban Thường vụ Tỉnh ủy Tây Ninh về công tác dân vận mà Kế hoạch năm 2024 của Sở "
                    "yêu cầu học tập: chúng là gì, liên hệ thế nào với văn bản của Trung ương, và mỗi người cần "
                    "làm gì."
                ),
                "body": """
## 1. Ba văn bản của Ban Thường vụ Tỉnh ủy
Kế hoạch năm 2024 của Sở Công Thương (mục II.1) yêu cầu học tập, quán triệt ba văn bản của Ban Thường vụ Tỉnh ủy Tây Ninh về công tác dân vận:
- Chỉ thị 25-CT/TU ngày 25/02/2021 về việc tăng cường sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới;
- Quyết định 1116-QĐ/TU ngày 29/09/2021 ban hành Quy chế công tác dân vận của hệ thống chính trị trên địa bàn tỉnh;
- Công văn 392-CV/TU ngày 31/12/2021 về việc đẩy mạnh phong trào thi đua “Dân vận khéo” giai đoạn 2021-2025.

Bài học được biên soạn khi chưa có bản gốc của ba văn bản này, nên chỉ trình bày những gì biết chắc từ số, ngày và trích yếu, đặt chúng bên cạnh các văn bản của Trung ương, và nêu những việc mỗi người cần làm. Nội dung cụ thể cần đọc trong bản gốc khi cơ quan đính kèm.

## 2. Chỉ thị 25-CT/TU: sự lãnh đạo của Đảng đối với công tác dân vận
Chỉ thị được ban hành đầu năm 2021, trước khi Trung ương ban hành Quy chế công tác dân vận mới bằng Quyết định 23-QĐ/TW. Trích yếu nhấn mạnh sự lãnh đạo của Đảng: công tác dân vận đặt dưới sự lãnh đạo của cấp ủy. Trong một cơ quan như Sở, điều đó thể hiện ở việc cấp ủy cơ quan đưa công tác dân vận vào chương trình công tác, và mỗi đảng viên gương mẫu trong quan hệ với người dân, doanh nghiệp.

## 3. Quyết định 1116-QĐ/TU: Quy chế của tỉnh
Hai tháng sau Quyết định 23-QĐ/TW ngày 30/07/2021 của Ban Chấp hành Trung ương, Ban Thường vụ Tỉnh ủy ban hành Quyết định 1116-QĐ/TU. Trích yếu của Quyết định trùng tên Quy chế của Trung ương, thêm phạm vi “trên địa bàn tỉnh”. Vì vậy, khi học, hãy nắm Quy chế của Trung ương trước (công tác dân vận là trách nhiệm của cả hệ thống chính trị, người đứng đầu chịu trách nhiệm trực tiếp, cơ quan nhà nước làm dân vận qua công việc quản lý, phục vụ), rồi đọc bản gốc của tỉnh để biết những điểm áp dụng riêng tại Tây Ninh.

## 4. Công văn 392-CV/TU: phong trào “Dân vận khéo” 2021-2025
Tên phong trào gợi lại lời Chủ tịch Hồ Chí Minh trong bài báo “Dân vận” năm 1949:
> Dân vận kém thì việc gì cũng kém. Dân vận khéo thì việc gì cũng thành công.

Phong trào thi đua “Dân vận khéo” được Chỉ thị 16/CT-TTg và Chỉ thị 33/CT-TTg của Thủ tướng Chính phủ yêu cầu đẩy mạnh; Công văn 392-CV/TU đặt phong trào ở tỉnh trong giai đoạn 2021-2025.

Ở Sở Công Thương, một mô hình “Dân vận khéo” thường gắn với chính nhiệm vụ chuyên môn của phòng, đơn vị, ví dụ:
- rút ngắn thời gian giải quyết một loại hồ sơ và công khai tiến độ cho người nộp;
- hướng dẫn doanh nghiệp thực hiện thủ tục trực tuyến;
- tổ chức đối thoại với doanh nghiệp, hộ kinh doanh về vướng mắc trong lĩnh vực công thương.

Cách đăng ký và tiêu chí đánh giá mô hình do văn bản của tỉnh và kế hoạch của cơ quan quy định; hãy hỏi bộ phận phụ trách thi đua của Văn phòng Sở.

## 5. Việc của mỗi người
- Nắm số, ngày, trích yếu của ba văn bản và liên hệ của chúng với văn bản của Trung ương.
- Đọc bản gốc khi cơ quan đính kèm trên trang văn bản hoặc phổ biến tại hội nghị.
- Tham gia xây dựng, thực hiện mô hình “Dân vận khéo” của phòng, đơn vị mình.

## Ghi nhớ
- 25-CT/TU (25/02/2021): tăng cường sự lãnh đạo của Đảng đối với công tác dân vận.
- 1116-QĐ/TU (29/09/2021): Quy chế công tác dân vận của hệ thống chính trị trên địa bàn tỉnh.
- 392-CV/TU (31/12/2021): đẩy mạnh phong trào thi đua “Dân vận khéo” giai đoạn 2021-2025.
- Cả ba văn bản do Ban Thường vụ Tỉnh ủy Tây Ninh ban hành.
""",
            },
            {
                "slug": "dan-van-cua-co-quan-nha-nuoc",
                "title": "Nâng cao hiệu quả công tác dân vận của cơ quan nhà nước (Kết luận 114-KL/TW)",
                "directives": ["114-KL/TW"],
                "intro": (
                    "Kết luận 114-KL/TW của Ban Bí thư khóa XI đặt yêu cầu riêng cho công tác dân vận của cơ quan "
                    "nhà nước các cấp. Bài học tóm lược những hạn chế được chỉ ra và các nhiệm vụ cần làm."
                ),
                "body": """
## 1. Vì sao có Kết luận 114-KL/TW
Ngày 14/07/2015, Ban Bí thư khóa XI ban hành Kết luận 114-KL/TW về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp. Kết luận nhìn nhận công tác dân vận của cơ quan nhà nước đã có chuyển biến, song vẫn còn những hạn chế: nhận thức của một số nơi chưa đầy đủ; một bộ phận cán bộ, công chức còn quan liêu, xa dân, thiếu trách nhiệm; thủ tục hành chính còn phiền hà; việc giải quyết khiếu nại, tố cáo ở một số nơi chưa kịp thời.

## 2. Nhiệm vụ trọng tâm
Theo Kết luận, công tác dân vận của cơ quan nhà nước là nhiệm vụ thường xuyên, gắn với chức năng quản lý, điều hành và phục vụ Nhân dân, không phải việc riêng của một bộ phận nào. Các nhiệm vụ chính:
- nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền và người đứng đầu về công tác dân vận của cơ quan nhà nước;
- xây dựng đội ngũ cán bộ, công chức có phẩm chất, năng lực, tác phong gần dân; kiên quyết khắc phục quan liêu, hách dịch, cửa quyền, sách nhiễu;
- đẩy mạnh cải cách hành chính, công khai, minh bạch thủ tục và kết quả giải quyết công việc;
- thực hiện tốt dân chủ ở cơ sở, tiếp dân, đối thoại và giải quyết kịp thời kiến nghị chính đáng của Nhân dân;
- phối hợp với Mặt trận Tổ quốc và các đoàn thể; đẩy mạnh phong trào thi đua “Dân vận khéo”.

## 3. Từ Kết luận đến hành động của Chính phủ
Để triển khai Kết luận 114-KL/TW trong khối hành chính, Thủ tướng Chính phủ ban hành Chỉ thị 16/CT-TTg ngày 16/05/2016. Năm 2021, Chỉ thị 33/CT-TTg tiếp nối Chỉ thị 16/CT-TTg. Vì vậy, khi học các chỉ thị của Thủ tướng, hãy nhớ điểm xuất phát của chúng là yêu cầu của Kết luận này đối với bộ máy hành chính.

## 4. Việc của mỗi cán bộ, công chức
Coi việc giải quyết đúng, nhanh, công khai công việc của người dân, doanh nghiệp là công tác dân vận của chính mình; không để người dân phải đi lại nhiều lần; tiếp thu góp ý về thái độ phục vụ.

## Ghi nhớ
- Kết luận 114-KL/TW: Ban Bí thư khóa XI, ngày 14/07/2015.
- Dân vận của cơ quan nhà nước gắn liền với chất lượng phục vụ người dân, doanh nghiệp.
- Quan liêu, hách dịch, cửa quyền, sách nhiễu là những biểu hiện phải kiên quyết khắc phục.
""",
            },
            {
                "slug": "chi-thi-33-ct-ttg",
                "title": "Đổi mới công tác dân vận của cơ quan hành chính (Chỉ thị 16/CT-TTg và 33/CT-TTg)",
                "directives": ["16/CT-TTg", "33/CT-TTg"],
                "intro": (
                    "Hai chỉ thị của Thủ tướng Chính phủ năm 2016 và năm 2021 đặt ra những việc cụ thể mà cơ quan "
                    "hành chính nhà nước, chính quyền các cấp phải làm để tăng cường và đổi mới công tác dân vận."
                ),
                "body": """
## 1. Hai chỉ thị nối tiếp nhau
Chỉ thị 16/CT-TTg ngày 16/05/2016 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới triển khai Kết luận 114-KL/TW của Ban Bí thư trong khối hành chính. Hơn năm năm sau, ngày 26/11/2021, Thủ tướng ban hành Chỉ thị 33/CT-TTg về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới, sau khi Ban Chấp hành Trung ương ban hành Quy chế công tác dân vận theo Quyết định 23-QĐ/TW.

## 2. Chỉ thị 16/CT-TTg (năm 2016)
- Nâng cao nhận thức, trách nhiệm của người đứng đầu cơ quan hành chính về công tác dân vận.
- Đổi mới tác phong, lề lối làm việc của cán bộ, công chức theo hướng gần dân, phục vụ Nhân dân.
- Gắn công tác dân vận với cải cách hành chính, công khai, minh bạch, thực hiện dân chủ ở cơ sở, tiếp dân và đối thoại.
- Đẩy mạnh phong trào thi đua “Dân vận khéo”.

Lưu ý: số hiệu 16/CT-TTg còn được dùng cho chỉ thị năm 2020 về phòng, chống dịch COVID-19. Khi trích dẫn, ghi đầy đủ “Chỉ thị 16/CT-TTg ngày 16/05/2016 của Thủ tướng Chính phủ”.

## 3. Chỉ thị 33/CT-TTg (năm 2021)
Chỉ thị ghi nhận việc thực hiện Chỉ thị 16/CT-TTg đã góp phần quan trọng vào thành tựu chung, nhưng vẫn còn hạn chế: nhận thức của một số lãnh đạo, cán bộ, công chức về công tác dân vận có lúc, có nơi chưa đầy đủ, sâu sắc; công tác dân vận chưa thực sự đi vào chiều sâu. Từ đó, Chỉ thị yêu cầu:

### Quán triệt và thể chế hóa
Quán triệt, thể chế hóa chủ trương của Đảng, chính sách, pháp luật của Nhà nước về công tác dân vận trong tình hình mới, gắn với phục hồi và phát triển kinh tế - xã hội sau đại dịch COVID-19; xác định công tác dân vận là nhiệm vụ của cả hệ thống chính trị, trong đó xây dựng nền hành chính nhà nước phục vụ Nhân dân, dân chủ, pháp quyền, chuyên nghiệp.

### Tuyên truyền, vận động
Đẩy mạnh tuyên truyền, giáo dục để nâng cao nhận thức về công tác dân vận; đặc biệt quan tâm vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số, vùng tôn giáo; vận động theo cách dễ hiểu, dễ nhớ, dễ thực hiện.

### Phong trào “Dân vận khéo”
Tiếp tục thực hiện tốt phong trào thi đua “Dân vận khéo” trên các lĩnh vực, gắn với thực hiện Kết luận 01-KL/TW ngày 18/05/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.

### Phục vụ người dân, doanh nghiệp
Gắn công tác dân vận với cải cách hành chính, chuyển đổi số và chất lượng phục vụ người dân, doanh nghiệp; thực hiện dân chủ ở cơ sở; tiếp công dân, đối thoại, giải quyết kịp thời khiếu nại, tố cáo, kiến nghị, phản ánh.

## 4. Việc của mỗi cán bộ, công chức
- Giải quyết công việc của người dân, doanh nghiệp đúng hạn, công khai, tận tình; không nhũng nhiễu, gây phiền hà.
- Khi hướng dẫn, giải thích chính sách, nói và viết sao cho dễ hiểu, dễ nhớ, dễ thực hiện.
- Tham gia mô hình “Dân vận khéo” của phòng, đơn vị (xem bài về văn bản của tỉnh).
- Gắn việc học tập và làm theo Bác với công việc; chuyên đề năm 2024 là “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về thực hành tiết kiệm, đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí”.

## Ghi nhớ
- Chỉ thị 16/CT-TTg ngày 16/05/2016 và Chỉ thị 33/CT-TTg ngày 26/11/2021, cả hai do Thủ tướng Chính phủ ban hành.
- Chỉ thị 33/CT-TTg yêu cầu gắn “Dân vận khéo” với Kết luận 01-KL/TW về học tập và làm theo Bác.
- Tuyên truyền, vận động phải dễ hiểu, dễ nhớ, dễ thực hiện.
- Khi trích dẫn Chỉ thị 16/CT-TTg, ghi kèm ngày 16/05/2016.
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
                "title": "Chương trình tổng thể cải cách hành chính 2021-2030 (Nghị quyết 76/NQ-CP, Chỉ thị 23/CT-TTg)",
                "directives": ["76/NQ-CP", "23/CT-TTg"],
                "intro": (
                    "Bài học giới thiệu mục tiêu, sáu nội dung cải cách của Chương trình tổng thể ban hành kèm Nghị "
                    "quyết 76/NQ-CP và yêu cầu đẩy mạnh thực hiện của Chỉ thị 23/CT-TTg."
                ),
                "body": """
## 1. Mục tiêu của Chương trình
Ngày 15/07/2021, Chính phủ ban hành Nghị quyết 76/NQ-CP kèm theo Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030, tiếp nối Chương trình tổng thể giai đoạn 2011-2020 ban hành theo Nghị quyết 30c/NQ-CP năm 2011. Chương trình hướng tới một nền hành chính dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu lực, hiệu quả, có năng lực kiến tạo phát triển, liêm chính, phục vụ Nhân dân. Sự hài lòng của người dân, doanh nghiệp là thước đo chất lượng phục vụ của cơ quan hành chính.

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
Ngày 02/09/2021, chưa đầy hai tháng sau Nghị quyết 76/NQ-CP, Thủ tướng Chính phủ ban hành Chỉ thị 23/CT-TTg về việc đẩy mạnh thực hiện Chương trình tổng thể. Chỉ thị không ban hành chương trình mới mà yêu cầu:
- người đứng đầu các bộ, ngành, địa phương trực tiếp lãnh đạo, chỉ đạo và chịu trách nhiệm về kết quả cải cách hành chính;
- xây dựng kế hoạch cải cách hành chính hằng năm bám sát Chương trình, có kết quả đo đếm được;
- rà soát, cắt giảm, đơn giản hóa thủ tục hành chính; nâng cao chất lượng dịch vụ công trực tuyến;
- tăng cường kiểm tra, đánh giá và làm tốt thông tin, tuyên truyền về cải cách hành chính.

Ở tỉnh, các kế hoạch cải cách hành chính của UBND tỉnh Tây Ninh cụ thể hóa Chương trình cho địa bàn tỉnh (xem bài “Cải cách hành chính ở tỉnh Tây Ninh”).

## 4. Việc của mỗi công chức
- Giải quyết hồ sơ đúng hạn, đúng quy trình, công khai; không đòi thêm giấy tờ ngoài quy định.
- Hướng dẫn người dân, doanh nghiệp dùng dịch vụ công trực tuyến.
- Góp ý khi thấy thủ tục rườm rà, chồng chéo để cơ quan đề xuất cắt giảm, đơn giản hóa.

## Ghi nhớ
- Nghị quyết 76/NQ-CP: Chính phủ ban hành ngày 15/07/2021; Chỉ thị 23/CT-TTg: Thủ tướng Chính phủ ban hành ngày 02/09/2021.
- Sáu nội dung: thể chế; thủ tục hành chính; tổ chức bộ máy; chế độ công vụ; tài chính công; Chính phủ điện tử, Chính phủ số.
- Sự hài lòng của người dân, doanh nghiệp là thước đo kết quả cải cách.
""",
            },
            {
                "slug": "cai-cach-hanh-chinh-o-tay-ninh",
                "title": "Cải cách hành chính ở tỉnh Tây Ninh (490/QĐ-UBND, 2631/QĐ-UBND, 140/QĐ-UBND)",
                "directives": ["490/QĐ-UBND", "2631/QĐ-UBND", "140/QĐ-UBND"],
                "intro": (
                    "Ba quyết định của UBND tỉnh Tây Ninh về cải cách hành chính: ba khung thời gian, thứ tự ra đời, "
                    "liên hệ với văn bản của Chính phủ và với chỉ tiêu của Sở năm 2024."
                ),
                "body": """
## 1. Ba quyết định của UBND tỉnh
Kế hoạch năm 2024 của Sở (mục II.2) nêu ba quyết định của UBND tỉnh Tây Ninh về cải cách hành chính, bên cạnh Nghị quyết 76/NQ-CP và Chỉ thị 23/CT-TTg:
- Quyết định 490/QĐ-UBND ngày 05/03/2021 ban hành Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI về cải cách hành chính giai đoạn 2021-2025;
- Quyết định 2631/QĐ-UBND ngày 14/10/2021 ban hành Kế hoạch cải cách hành chính giai đoạn 2021-2030 trên địa bàn tỉnh Tây Ninh;
- Quyết định 140/QĐ-UBND ngày 19/01/2024 ban hành Kế hoạch cải cách hành chính trên địa bàn tỉnh Tây Ninh năm 2024.

Bài học được biên soạn khi chưa có bản gốc của ba quyết định, nên chỉ dựa vào số, ngày, trích yếu và thứ tự thời gian của chúng; nhiệm vụ cụ thể cần đọc trong bản gốc.

## 2. Ba khung thời gian
### Chương trình hành động 2021-2025 (490/QĐ-UBND)
Ban hành đầu năm 2021, trước cả Nghị quyết 76/NQ-CP của Chính phủ. Theo trích yếu, văn bản thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI trong lĩnh vực cải cách hành chính, cho năm năm 2021-2025.

### Kế hoạch 2021-2030 (2631/QĐ-UBND)
Ban hành ngày 14/10/2021, sau Nghị quyết 76/NQ-CP (15/07/2021) và Chỉ thị 23/CT-TTg (02/09/2021), cho cùng giai đoạn 2021-2030 với Chương trình tổng thể của Chính phủ.

### Kế hoạch năm 2024 (140/QĐ-UBND)
Ban hành ngày 19/01/2024, là kế hoạch của chính năm Sở tổ chức đợt học tập này. Chỉ thị 23/CT-TTg yêu cầu xây dựng kế hoạch cải cách hành chính hằng năm; kế hoạch năm của tỉnh là nơi giao nhiệm vụ cụ thể trong năm, nên nhiệm vụ của Sở Công Thương cần đọc trong bản gốc của Quyết định này.

## 3. Liên hệ với Kế hoạch của Sở năm 2024
Trong các chỉ tiêu của Kế hoạch năm 2024, Sở đặt yêu cầu thực hiện tốt nhiệm vụ cải cách hành chính và giữ vững sự hài lòng của người dân, doanh nghiệp. Kết quả của từng phòng, đơn vị góp vào kết quả chung của Sở.

## 4. Việc của mỗi người
- Biết nhiệm vụ cải cách hành chính năm nay của phòng, đơn vị mình.
- Giải quyết thủ tục hành chính đúng hạn, công khai; hướng dẫn dịch vụ công trực tuyến.
- Báo cáo đúng, đủ, đúng hạn kết quả cải cách hành chính khi được yêu cầu.

## Ghi nhớ
- 490/QĐ-UBND (05/03/2021): chương trình hành động 2021-2025 theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI.
- 2631/QĐ-UBND (14/10/2021): kế hoạch 2021-2030, cùng giai đoạn với Chương trình tổng thể của Chính phủ.
- 140/QĐ-UBND (19/01/2024): kế hoạch năm 2024.
- Cả ba do UBND tỉnh Tây Ninh ban hành.
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
                "intro": (
                    "Kết luận 120-KL/TW của Bộ Chính trị tổng kết việc thực hiện Chỉ thị 30-CT/TW và định hướng "
                    "cho việc thực hiện dân chủ ở cơ sở trong giai đoạn mới."
                ),
                "body": """
## 1. Từ Chỉ thị 30-CT/TW đến Kết luận 120-KL/TW
Ngày 18/02/1998, Bộ Chính trị khóa VIII ban hành Chỉ thị 30-CT/TW về xây dựng và thực hiện Quy chế dân chủ ở cơ sở. Năm 2007, Ủy ban Thường vụ Quốc hội ban hành Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn. Ngày 07/01/2016, sau khi tổng kết việc thực hiện Chỉ thị 30-CT/TW, Bộ Chính trị khóa XI ban hành Kết luận 120-KL/TW về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện Quy chế dân chủ ở cơ sở.

## 2. Đánh giá
Việc thực hiện dân chủ ở cơ sở đã góp phần phát huy quyền làm chủ của Nhân dân, tăng cường đồng thuận xã hội, phòng ngừa tiêu cực. Tuy vậy, ở một số nơi việc thực hiện còn hình thức; quyền được biết, được bàn, được kiểm tra của Nhân dân và của cán bộ, công chức chưa được bảo đảm đầy đủ.

## 3. Nhiệm vụ
- Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, người đứng đầu về thực hiện dân chủ ở cơ sở.
- Thực hiện dân chủ gắn với giữ vững kỷ cương; khắc phục cả tình trạng vi phạm quyền làm chủ của Nhân dân lẫn lợi dụng dân chủ để gây rối.
- Hoàn thiện thể chế về dân chủ ở cơ sở. Chủ trương này về sau được thể chế hóa bằng Luật Thực hiện dân chủ ở cơ sở năm 2022.
- Phát huy vai trò giám sát của Mặt trận Tổ quốc, các đoàn thể và Ban Thanh tra nhân dân.

## 4. Trong cơ quan
Thực hiện dân chủ trong cơ quan là bảo đảm cán bộ, công chức được biết, được tham gia ý kiến và được giám sát; quyền “bàn và quyết định” trực tiếp là của công dân ở xã, phường, thị trấn, không phải quyền quyết định mọi việc của cơ quan.

## Ghi nhớ
- Kết luận 120-KL/TW: Bộ Chính trị khóa XI, ngày 07/01/2016.
- Dân chủ phải đi đôi với kỷ cương, pháp luật.
- Trong cơ quan, cán bộ, công chức được biết, được tham gia ý kiến và được giám sát.
""",
            },
            {
                "slug": "luat-thuc-hien-dan-chu-o-co-so",
                "title": "Luật Thực hiện dân chủ ở cơ sở (Luật số 10/2022/QH15)",
                "directives": ["10/2022/QH15"],
                "intro": (
                    "Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ ngày 01/07/2023. Bài học giới thiệu phạm vi, "
                    "nguyên tắc và các quyền mà Luật bảo đảm, nhất là trong cơ quan hành chính nhà nước."
                ),
                "body": """
## 1. Một đạo luật thống nhất
Ngày 10/11/2022, tại kỳ họp thứ tư, Quốc hội khóa XV thông qua Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; Luật có hiệu lực từ ngày 01/07/2023. Trước đó, dân chủ ở cơ sở được quy định trong nhiều văn bản riêng rẽ: Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn năm 2007 và các nghị định về dân chủ trong cơ quan, đơn vị, doanh nghiệp. Luật đưa các quy định này vào một đạo luật thống nhất gồm 6 chương, 91 điều.

## 2. Phạm vi: ba loại cơ sở
Theo Luật, cơ sở gồm:
- xã, phường, thị trấn và cộng đồng dân cư trên địa bàn cấp xã;
- cơ quan nhà nước, đơn vị sự nghiệp công lập (gọi chung là cơ quan, đơn vị);
- tổ chức có sử dụng lao động.

Luật có chương riêng cho từng loại: Chương II về xã, phường, thị trấn; Chương III về cơ quan, đơn vị; Chương IV về tổ chức có sử dụng lao động.

## 3. Nguyên tắc
> Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng.

Luật thể chế hóa phương châm trên của Đại hội XIII của Đảng. Việc thực hiện dân chủ phải bảo đảm sự lãnh đạo của Đảng, quản lý của Nhà nước và quyền làm chủ của Nhân dân; diễn ra trong khuôn khổ Hiến pháp và pháp luật; công khai, minh bạch, bình đẳng; tôn trọng ý kiến đa số đồng thời tôn trọng ý kiến thiểu số. Luật nghiêm cấm lợi dụng việc thực hiện dân chủ để xâm phạm lợi ích của Nhà nước, quyền và lợi ích hợp pháp của tổ chức, cá nhân, cũng như hành vi cản trở, trù dập người thực hiện quyền dân chủ.

## 4. Bốn nhóm nội dung
Luật tổ chức quyền làm chủ thành bốn nhóm: được biết (thông tin phải công khai); được bàn và quyết định; được tham gia ý kiến; được kiểm tra, giám sát. Nhóm “bàn và quyết định” dành cho công dân ở xã, phường, thị trấn và cộng đồng dân cư, với những việc chung của thôn, tổ dân phố; trong cơ quan nhà nước, cán bộ, công chức có ba nhóm còn lại.

## 5. Dân chủ trong cơ quan hành chính
Với một cơ quan như Sở Công Thương, Luật bảo đảm cho cán bộ, công chức, viên chức và người lao động:
- <b>được biết</b>: kế hoạch công tác, việc sử dụng kinh phí, tuyển dụng, khen thưởng, kỷ luật và các nội dung khác phải công khai;
- <b>được tham gia ý kiến</b>: về kế hoạch, quy chế nội bộ và các biện pháp cải tiến công việc;
- <b>được kiểm tra, giám sát</b>: hoạt động của cơ quan và việc thực hiện các nội dung đã công khai, trong đó có qua Ban Thanh tra nhân dân của cơ quan.

Hình thức thực hiện gồm hội nghị cán bộ, công chức, viên chức; niêm yết, thông báo, đăng tải trên mạng nội bộ; lấy ý kiến bằng văn bản; đối thoại giữa người đứng đầu với cán bộ, công chức, viên chức.

## 6. Trách nhiệm của người đứng đầu
Người đứng đầu cơ quan có trách nhiệm tổ chức thực hiện dân chủ trong cơ quan, công khai thông tin đúng thời hạn, tiếp thu và phản hồi ý kiến, và chịu trách nhiệm nếu để xảy ra vi phạm dân chủ.

## Ghi nhớ
- Số hiệu 10/2022/QH15; Quốc hội khóa XV thông qua ngày 10/11/2022; hiệu lực 01/07/2023; 6 chương, 91 điều.
- Bốn nhóm nội dung: được biết; được bàn và quyết định (ở xã, phường, thị trấn); được tham gia ý kiến; được kiểm tra, giám sát.
- Chi tiết một số điều được quy định tại Nghị định 59/2023/NĐ-CP.
""",
            },
            {
                "slug": "nghi-dinh-59-2023",
                "title": "Quy định chi tiết Luật Thực hiện dân chủ ở cơ sở (Nghị định 59/2023/NĐ-CP)",
                "directives": ["59/2023/NĐ-CP"],
                "intro": (
                    "Nghị định 59/2023/NĐ-CP quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở. "
                    "Bài học nêu những gì Nghị định quy định, phần nào liên quan đến cơ quan và việc mỗi người cần làm."
                ),
                "body": """
## 1. Vị trí của Nghị định
Ngày 14/08/2023, Chính phủ ban hành Nghị định 59/2023/NĐ-CP quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở (Luật số 10/2022/QH15); Nghị định có hiệu lực từ ngày 15/08/2023, tức sau Luật hơn một tháng. Luật nêu quyền, nguyên tắc và nội dung; Nghị định quy định chi tiết những điều Luật giao cho Chính phủ, chủ yếu về cách tổ chức và hoạt động của các thiết chế thực hiện dân chủ.

## 2. Nghị định quy định những gì
- Ở thôn, tổ dân phố: tổ chức cuộc họp của cộng đồng dân cư; phát phiếu lấy ý kiến hộ gia đình; biểu quyết trực tuyến để Nhân dân bàn và quyết định; quy trình bầu, cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố; hội nghị định kỳ của cộng đồng dân cư.
- Ở xã, phường, thị trấn: tổ chức và hoạt động của Ban Thanh tra nhân dân và của Ban Giám sát đầu tư của cộng đồng.
- Ở cơ quan, đơn vị và doanh nghiệp nhà nước: tổ chức và hoạt động của Ban Thanh tra nhân dân.

Những nội dung khác về dân chủ trong cơ quan, như các việc người đứng đầu phải công khai, các việc cán bộ, công chức, viên chức tham gia ý kiến và hội nghị cán bộ, công chức, viên chức, được quy định ngay trong Luật.

## 3. Ban Thanh tra nhân dân ở cơ quan
Ban Thanh tra nhân dân là tổ chức để cán bộ, công chức, viên chức, người lao động giám sát việc thực hiện chính sách, pháp luật, việc giải quyết khiếu nại, tố cáo và việc thực hiện quy chế dân chủ của cơ quan. Nghị định quy định chi tiết cách bầu, thành phần, nhiệm vụ và điều kiện hoạt động của Ban ở cơ quan, đơn vị; các con số cụ thể cần đọc trong văn bản gốc.

## 4. Với Sở Công Thương
Kế hoạch năm 2024 của Sở đặt chỉ tiêu thực hiện dân chủ trong cơ quan theo Nghị định 59/2023/NĐ-CP. Việc của mỗi người:
- biết Ban Thanh tra nhân dân của cơ quan gồm những ai và phản ánh với Ban khi phát hiện vi phạm quy chế dân chủ;
- tham gia bầu Ban Thanh tra nhân dân tại hội nghị cán bộ, công chức, viên chức;
- nắm quy chế dân chủ của cơ quan, được rà soát theo Luật và Nghị định.

## Ghi nhớ
- Nghị định 59/2023/NĐ-CP: Chính phủ ban hành 14/08/2023, hiệu lực 15/08/2023.
- Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở.
- Trong cơ quan, phần liên quan trực tiếp là tổ chức và hoạt động của Ban Thanh tra nhân dân.
""",
            },
            {
                "slug": "dan-chu-co-so-van-ban-cua-tinh-2024",
                "title": "Dân chủ ở cơ sở: văn bản của tỉnh năm 2024 (26-KH/BCĐ, 575/UBND-NC)",
                "directives": ["26-KH/BCĐ", "575/UBND-NC"],
                "intro": (
                    "Hai văn bản của tỉnh về thực hiện dân chủ ở cơ sở năm 2024: ai ban hành, khi nào, vì sao liên "
                    "quan trực tiếp đến Sở và việc mỗi người cần làm trong cơ quan."
                ),
                "body": """
## 1. Hai văn bản đầu năm 2024
Kế hoạch năm 2024 của Sở (mục II.3) nêu hai văn bản của tỉnh về dân chủ ở cơ sở:
- Kế hoạch 26-KH/BCĐ ngày 31/01/2024 của Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh về thực hiện dân chủ cơ sở năm 2024;
- Công văn 575/UBND-NC ngày 29/02/2024 của UBND tỉnh Tây Ninh về việc thực hiện dân chủ ở cơ sở năm 2024.

Bài học được biên soạn khi chưa có bản gốc của hai văn bản, nên chỉ dựa vào số, ngày, trích yếu và đặt chúng bên cạnh Luật, Nghị định đã học; nội dung cụ thể cần đọc trong bản gốc.

## 2. Ban Chỉ đạo và chính quyền
Kế hoạch 26-KH/BCĐ do Ban Chỉ đạo của tỉnh ban hành; tên gọi của Ban cho thấy Ban phụ trách cả việc thực hiện quy chế dân chủ lẫn công tác vận động quần chúng. Khoảng một tháng sau, UBND tỉnh ban hành Công văn 575/UBND-NC về cùng chủ đề năm 2024. Sở Công Thương là cơ quan chuyên môn thuộc UBND tỉnh, nên văn bản của UBND tỉnh là chỉ đạo trực tiếp với Sở.

## 3. Dân chủ trong cơ quan: điều đã biết chắc
Dù bài học không trình bày nội dung cụ thể của hai văn bản, việc thực hiện dân chủ ở cơ quan năm 2024 vẫn theo Luật Thực hiện dân chủ ở cơ sở và Nghị định 59/2023/NĐ-CP:
- cán bộ, công chức, viên chức được biết, được tham gia ý kiến, được kiểm tra, giám sát;
- hội nghị cán bộ, công chức, viên chức là một hình thức thực hiện dân chủ trong cơ quan, cùng với công khai thông tin và đối thoại với người đứng đầu;
- Ban Thanh tra nhân dân của cơ quan giám sát việc thực hiện quy chế dân chủ.

## 4. Việc của mỗi người
- Đọc kế hoạch, quy chế của Sở về thực hiện dân chủ khi được phổ biến.
- Tham dự hội nghị cán bộ, công chức, viên chức và góp ý có trách nhiệm.
- Phản ánh qua đúng kênh khi thấy quy chế dân chủ không được thực hiện.

## Ghi nhớ
- 26-KH/BCĐ (31/01/2024): Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh.
- 575/UBND-NC (29/02/2024): UBND tỉnh Tây Ninh.
- Cả hai về thực hiện dân chủ ở cơ sở năm 2024.
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
                "intro": (
                    "Bài học giới thiệu nguyên tắc tiếp công dân, quyền và nghĩa vụ của người đến khiếu nại, tố cáo, "
                    "kiến nghị, phản ánh, trách nhiệm của người tiếp công dân và những trường hợp được từ chối tiếp."
                ),
                "body": """
## 1. Khái quát
Luật Tiếp công dân số 42/2013/QH13 được Quốc hội thông qua ngày 25/11/2013, có hiệu lực từ ngày 01/07/2014. Luật quy định trách nhiệm tiếp công dân của cơ quan, tổ chức, đơn vị; quyền và nghĩa vụ của người đến khiếu nại, tố cáo, kiến nghị, phản ánh; và điều kiện bảo đảm cho hoạt động tiếp công dân.

## 2. Nguyên tắc tiếp công dân
- Tiến hành tại nơi tiếp công dân của cơ quan, tổ chức, đơn vị.
- Bảo đảm công khai, dân chủ, kịp thời; thủ tục đơn giản, thuận tiện.
- Giữ bí mật và bảo đảm an toàn cho người tố cáo theo quy định của pháp luật.
- Bảo đảm khách quan, bình đẳng, không phân biệt đối xử; tôn trọng, tạo điều kiện thuận lợi cho công dân.

## 3. Quyền và nghĩa vụ của người đến nơi tiếp công dân
Người đến có quyền trình bày nội dung khiếu nại, tố cáo, kiến nghị, phản ánh; được hướng dẫn, giải thích; được nhận thông báo về việc tiếp nhận và kết quả xử lý; được sử dụng người phiên dịch nếu không thông thạo tiếng Việt. Đồng thời, họ có nghĩa vụ xuất trình giấy tờ tùy thân, có thái độ đúng mực, trình bày trung thực, tuân thủ nội quy nơi tiếp công dân.

## 4. Trách nhiệm của người tiếp công dân
Người tiếp công dân phải có trang phục chỉnh tề, đeo thẻ công chức hoặc phù hiệu; có thái độ đúng mực, tôn trọng công dân; lắng nghe, ghi chép đầy đủ; giải thích, hướng dẫn công dân thực hiện quyền đúng quy định; chuyển đơn, báo cáo để vụ việc được xử lý đúng thẩm quyền.

## 5. Những hành vi bị nghiêm cấm
- Gây phiền hà, sách nhiễu hoặc cản trở người đến khiếu nại, tố cáo, kiến nghị, phản ánh.
- Thiếu trách nhiệm, làm mất hoặc làm sai lệch thông tin, tài liệu do người đến cung cấp.
- Phân biệt đối xử; tiết lộ thông tin về người tố cáo.
- Về phía người đến: gây rối trật tự, xúc phạm, đe dọa người tiếp công dân; lợi dụng quyền khiếu nại, tố cáo để xuyên tạc, vu khống.

## 6. Khi nào được từ chối tiếp
Người tiếp công dân chỉ được từ chối tiếp trong các trường hợp Luật nêu:
- người trong tình trạng say do dùng chất kích thích, người mắc bệnh tâm thần hoặc bệnh khác làm mất khả năng nhận thức hoặc khả năng điều khiển hành vi;
- người có hành vi đe dọa, xúc phạm cơ quan, tổ chức, đơn vị, người tiếp công dân, người thi hành công vụ hoặc có hành vi khác vi phạm nội quy nơi tiếp công dân;
- người khiếu nại, tố cáo về vụ việc đã được giải quyết đúng chính sách, pháp luật, đã được kiểm tra, rà soát, thông báo bằng văn bản và đã được tiếp, giải thích, hướng dẫn nhưng vẫn cố tình khiếu nại, tố cáo kéo dài;
- những trường hợp khác theo quy định của pháp luật.

Người đến lần đầu, người trình bày bằng lời mà không mang đơn viết sẵn, hay người ở địa phương khác không thuộc các trường hợp trên; với vụ việc không thuộc thẩm quyền, người tiếp công dân hướng dẫn họ đến đúng nơi có thẩm quyền.

## 7. Trách nhiệm của người đứng đầu
Người đứng đầu cơ quan có trách nhiệm tổ chức việc tiếp công dân, bố trí nơi tiếp và người tiếp, và trực tiếp tiếp công dân theo quy định; không thể giao toàn bộ việc này cho cán bộ tiếp dân. Người đứng đầu trực tiếp tiếp đột xuất khi có vụ việc phức tạp, đông người hoặc có thể gây hậu quả nghiêm trọng.

## Ghi nhớ
- Số hiệu 42/2013/QH13; thông qua 25/11/2013; hiệu lực 01/07/2014.
- Chỉ được từ chối tiếp trong các trường hợp Luật nêu.
- Tiếp công dân tận tình, đúng luật là một biểu hiện cụ thể của công tác dân vận chính quyền.
""",
            },
            {
                "slug": "quy-dinh-11-qdi-tw",
                "title": "Trách nhiệm của người đứng đầu trong tiếp dân, đối thoại (Quy định 11-QĐi/TW)",
                "directives": ["11-QĐi/TW"],
                "intro": (
                    "Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị đặt trách nhiệm trực tiếp cho người đứng "
                    "đầu cấp ủy trong việc tiếp dân, đối thoại và xử lý phản ánh, kiến nghị của dân."
                ),
                "body": """
## 1. Mục đích
Quy định 11-QĐi/TW nhằm tăng cường mối quan hệ giữa Đảng với Nhân dân, kịp thời nắm bắt tâm tư, nguyện vọng của Nhân dân và giải quyết từ sớm, từ cơ sở những vấn đề bức xúc. Tiếp dân, đối thoại với dân là trách nhiệm trực tiếp của người đứng đầu cấp ủy, không phải việc có thể giao hẳn cho bộ phận giúp việc.

## 2. Tiếp dân định kỳ và đột xuất
Theo Quy định:
- người đứng đầu cấp ủy cấp tỉnh, cấp huyện tiếp dân định kỳ ít nhất 1 ngày trong 1 tháng;
- người đứng đầu cấp ủy cấp xã tiếp dân định kỳ ít nhất 2 ngày trong 1 tháng;
- người đứng đầu cấp ủy tiếp dân đột xuất khi vụ việc nổi cộm, phức tạp, kéo dài, có nhiều người tham gia, liên quan đến trách nhiệm của nhiều cơ quan, hoặc khi vụ việc có thể gây hậu quả nghiêm trọng, ảnh hưởng đến an ninh chính trị, trật tự, an toàn xã hội.

## 3. Xử lý phản ánh, kiến nghị
Trong thời hạn 10 ngày làm việc kể từ khi tiếp nhận phản ánh, kiến nghị, khiếu nại, tố cáo, người đứng đầu cấp ủy thông báo bằng văn bản cho người phản ánh về việc đã tiếp nhận để giải quyết, hoặc đã chuyển, chỉ đạo cơ quan có thẩm quyền xử lý. Người đứng đầu cấp ủy đối thoại trực tiếp với dân khi cần, theo dõi, đôn đốc đến khi vụ việc có kết quả, và chịu trách nhiệm khi để xảy ra chậm trễ, né tránh, đùn đẩy.

## 4. Liên hệ với cơ quan hành chính
Quy định của Đảng đặt trách nhiệm cho người đứng đầu cấp ủy; Luật Tiếp công dân đặt trách nhiệm cho người đứng đầu cơ quan nhà nước. Hai văn bản bổ sung cho nhau, không thay thế nhau: ở mỗi cấp, người đứng đầu phải trực tiếp lắng nghe dân. Tại Sở, đó là việc Ban Giám đốc tiếp công dân theo Luật Tiếp công dân, đối thoại với doanh nghiệp và xử lý kịp thời phản ánh, kiến nghị về các lĩnh vực công thương.

## 5. Lưu ý: Quy định đã được sửa đổi năm 2025
Ngày 23/11/2025, Bộ Chính trị ban hành Kết luận 215-KL/TW sửa đổi, bổ sung một số điểm của Quy định 11-QĐi/TW; theo đó, phạm vi áp dụng chỉ còn người đứng đầu cấp ủy cấp tỉnh và cấp xã. Bài học trình bày Quy định theo văn bản năm 2019 mà Kế hoạch năm 2024 của Sở yêu cầu học; khi áp dụng hiện nay, cần đối chiếu với văn bản đã sửa đổi.

## Ghi nhớ
- Quy định 11-QĐi/TW: Bộ Chính trị ban hành ngày 18/02/2019.
- Tiếp dân định kỳ: cấp tỉnh, cấp huyện ít nhất 1 ngày/tháng; cấp xã ít nhất 2 ngày/tháng.
- Thông báo bằng văn bản cho người phản ánh trong 10 ngày làm việc.
- Quy định của Đảng và Luật Tiếp công dân bổ sung cho nhau, không thay thế nhau.
""",
            },
        ],
    },
]
