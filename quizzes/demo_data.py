"""Demo question banks, one quiz per main directive of the 2024 plan, written in GIFT.

Facts are limited to what the documents themselves state (number, issuer, date, subject, main
content); see shared/domain/directives-2024.md and the directive summaries in courses/demo_data.py.
"""

# slug, title, directive numbers, GIFT bank
QUIZZES = [
    ("kiem-tra-23-qd-tw", "Kiểm tra: Quy chế công tác dân vận (Quyết định 23-QĐ/TW)", ["23-QĐ/TW"], r"""
::Cơ quan ban hành::Quyết định 23-QĐ/TW ban hành Quy chế công tác dân vận của hệ thống chính trị do cơ quan nào ban hành? {
	=Ban Chấp hành Trung ương Đảng#Đúng. Quyết định do Ban Chấp hành Trung ương ban hành.
	~Quốc hội
	~Chính phủ
	~Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam
}

::Ngày ban hành::Quyết định 23-QĐ/TW được ban hành ngày nào? {
	=30/07/2021
	~26/11/2021
	~15/07/2021
	~10/11/2022
	####Quyết định 23-QĐ/TW ngày 30/07/2021.
}

::Thay thế::Quy chế ban hành kèm theo Quyết định 23-QĐ/TW thay thế Quy chế công tác dân vận ban hành năm 2010. {TRUE#Chưa đúng. Quy chế năm 2021 thay thế Quy chế năm 2010 (Quyết định 290-QĐ/TW).#Đúng.}

::Trách nhiệm::Theo Quy chế, công tác dân vận là trách nhiệm của ai? {
	=Của cả hệ thống chính trị, của mọi cán bộ, đảng viên, công chức, viên chức, đoàn viên, hội viên
	~Chỉ của Ban Dân vận các cấp
	~Chỉ của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội
	~Chỉ của người đứng đầu cơ quan
}

::Phương châm::Phương châm phát huy quyền làm chủ của Nhân dân được Quy chế nhấn mạnh là gì? {
	=Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng
	~Dân biết, dân làm, dân hưởng
	~Dân bàn, dân quyết, dân làm
	~Dân hỏi, dân đáp, dân làm
}

::Chủ thể::Những chủ thể nào được Quy chế giao trách nhiệm trong công tác dân vận? (chọn các đáp án đúng) {
	~%25%Cấp ủy, tổ chức đảng
	~%25%Cơ quan nhà nước, chính quyền các cấp
	~%25%Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội
	~%25%Lực lượng vũ trang
	~%-100%Chỉ riêng các doanh nghiệp nhà nước
}

::Chính quyền::Chính quyền các cấp thực hiện công tác dân vận chủ yếu thông qua hoạt động nào? {
	=Quản lý, điều hành và phục vụ Nhân dân
	~Chỉ tổ chức mít tinh, kỷ niệm
	~Chỉ phát tài liệu tuyên truyền
	~Giao toàn bộ cho Mặt trận Tổ quốc
}

::Người đứng đầu::Người đứng đầu cấp ủy, cơ quan, đơn vị chịu trách nhiệm trực tiếp về công tác dân vận ở nơi mình phụ trách. {TRUE}

::Chủ trương::Theo tinh thần Quy chế, chủ trương, chính sách cần xuất phát từ đâu? {
	=Lợi ích chính đáng của Nhân dân, có sự tham gia ý kiến và giám sát của Nhân dân
	~Ý chí riêng của cơ quan ban hành
	~Yêu cầu của một số doanh nghiệp lớn
	~Kinh nghiệm của nước ngoài
}

::Cơ quan hành chính::Đối với cơ quan hành chính như Sở Công Thương, việc nào thể hiện đúng công tác dân vận? {
	=Công khai, minh bạch hoạt động, cải cách thủ tục hành chính và giải quyết kịp thời kiến nghị của người dân, doanh nghiệp
	~Hạn chế tiếp xúc với người dân để tránh phiền phức
	~Chỉ báo cáo số liệu lên cấp trên
	~Giải quyết hồ sơ theo thứ tự quen biết
}
"""),
    ("kiem-tra-33-ct-ttg", "Kiểm tra: Chỉ thị 33/CT-TTg về công tác dân vận chính quyền", ["33/CT-TTg"], r"""
::Ban hành::Chỉ thị 33/CT-TTg do ai ban hành? {
	=Thủ tướng Chính phủ
	~Ban Bí thư
	~Quốc hội
	~Bộ trưởng Bộ Nội vụ
}

::Ngày::Chỉ thị 33/CT-TTg được ban hành ngày nào? {
	=26/11/2021
	~30/07/2021
	~16/05/2016
	~14/08/2023
}

::Nội dung::Chỉ thị 33/CT-TTg về vấn đề gì? {
	=Tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới
	~Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030
	~Quy định chi tiết Luật Thực hiện dân chủ ở cơ sở
	~Trách nhiệm của người đứng đầu cấp ủy trong tiếp dân
}

::Căn cứ::Chỉ thị 33/CT-TTg được ban hành trên cơ sở Quy chế công tác dân vận theo Quyết định 23-QĐ/TW. {TRUE}

::Tinh thần phục vụ::Chỉ thị yêu cầu cán bộ, công chức, viên chức có tinh thần phục vụ như thế nào? {
	=Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân
	~Chỉ làm đúng giờ hành chính
	~Ưu tiên giải quyết việc của người quen
	~Chờ người dân đến hỏi mới hướng dẫn
}

::Gắn với::Chỉ thị yêu cầu gắn công tác dân vận với những nhiệm vụ nào? (chọn các đáp án đúng) {
	~%34%Cải cách hành chính, xây dựng chính quyền điện tử
	~%33%Thực hiện dân chủ ở cơ sở
	~%33%Giải quyết kịp thời, đúng pháp luật khiếu nại, tố cáo, kiến nghị của Nhân dân
	~%-100%Giảm bớt việc công khai thông tin
}

::Thi đua::Phong trào thi đua nào được Chỉ thị 33/CT-TTg yêu cầu tiếp tục đẩy mạnh? {
	=Dân vận khéo
	~Cả nước chung tay vì người nghèo
	~Ngày thứ Bảy tình nguyện
	~Thanh niên lập nghiệp
}

::Người đứng đầu::Theo Chỉ thị, trách nhiệm của người đứng đầu cơ quan hành chính về công tác dân vận được đề cao. {TRUE}

::Nhũng nhiễu::Hành vi nhũng nhiễu, gây phiền hà người dân, doanh nghiệp của cán bộ, công chức có thể được bỏ qua nếu hồ sơ vẫn được giải quyết đúng hạn. {FALSE#Chưa đúng. Chỉ thị yêu cầu nâng cao đạo đức công vụ; hành vi nhũng nhiễu phải được xử lý nghiêm.#Đúng.}

::Báo cáo::Theo Chỉ thị, kết quả thực hiện công tác dân vận chính quyền được theo dõi thế nào? {
	=Định kỳ kiểm tra, đánh giá và báo cáo kết quả thực hiện
	~Không cần báo cáo
	~Chỉ báo cáo khi có khiếu nại
	~Do người dân tự tổng hợp
}
"""),
    ("kiem-tra-10-2022-qh15", "Kiểm tra: Luật Thực hiện dân chủ ở cơ sở (10/2022/QH15)", ["10/2022/QH15"], r"""
::Số hiệu::Luật Thực hiện dân chủ ở cơ sở có số hiệu là gì? {
	=10/2022/QH15
	~42/2013/QH13
	~59/2023/NĐ-CP
	~76/NQ-CP
}

::Ngày thông qua::Luật Thực hiện dân chủ ở cơ sở được Quốc hội khóa XV thông qua ngày nào? {
	=10/11/2022
	~25/11/2013
	~01/07/2023
	~14/08/2023
}

::Hiệu lực::Luật Thực hiện dân chủ ở cơ sở có hiệu lực thi hành từ ngày nào? {
	=01/07/2023
	~01/01/2023
	~15/08/2023
	~01/07/2014
}

::Phạm vi::Luật điều chỉnh việc thực hiện dân chủ ở những phạm vi cơ sở nào? (chọn các đáp án đúng) {
	~%34%Xã, phường, thị trấn
	~%33%Cơ quan nhà nước, đơn vị sự nghiệp công lập
	~%33%Doanh nghiệp, tổ chức có sử dụng lao động
	~%-100%Chỉ các cơ quan của Quốc hội
}

::Nội dung::Luật cụ thể hóa quyền của Nhân dân thành các nhóm nội dung nào? {
	=Được công khai thông tin; được bàn và quyết định; được tham gia ý kiến; được kiểm tra, giám sát
	~Chỉ được công khai thông tin
	~Chỉ được bầu cử và ứng cử
	~Chỉ được khiếu nại, tố cáo
}

::Kỷ cương::Theo Luật, thực hiện dân chủ ở cơ sở phải trong khuôn khổ Hiến pháp và pháp luật, gắn với kỷ cương, trật tự xã hội. {TRUE}

::Đa số::Nguyên tắc của Luật là tôn trọng ý kiến của đa số, đồng thời tôn trọng ý kiến của thiểu số. {TRUE}

::Trong cơ quan::Trong cơ quan nhà nước, ai có quyền được biết, tham gia ý kiến và giám sát hoạt động của cơ quan theo Luật? {
	=Cán bộ, công chức, viên chức và người lao động của cơ quan
	~Chỉ Ban Giám đốc
	~Chỉ đảng viên
	~Chỉ người đứng đầu cơ quan
}

::Hình thức::Hình thức nào là hình thức thực hiện dân chủ trong cơ quan, đơn vị? {
	=Hội nghị cán bộ, công chức, viên chức
	~Họp báo quốc tế
	~Trưng cầu ý dân toàn quốc
	~Phiên chất vấn của Quốc hội
}

::Người đứng đầu::Trách nhiệm bảo đảm quyền dân chủ của cán bộ, công chức, viên chức trong cơ quan thuộc về người đứng đầu cơ quan. {TRUE}
"""),
    ("kiem-tra-59-2023-nd-cp", "Kiểm tra: Nghị định 59/2023/NĐ-CP hướng dẫn Luật Thực hiện dân chủ ở cơ sở", ["59/2023/NĐ-CP"], r"""
::Cơ quan ban hành::Nghị định 59/2023/NĐ-CP do cơ quan nào ban hành? {
	=Chính phủ
	~Quốc hội
	~Thủ tướng Chính phủ
	~Bộ Nội vụ
}

::Ngày ban hành::Nghị định 59/2023/NĐ-CP được ban hành ngày nào? {
	=14/08/2023
	~10/11/2022
	~01/07/2023
	~26/11/2021
}

::Hiệu lực::Nghị định 59/2023/NĐ-CP có hiệu lực từ ngày nào? {
	=15/08/2023
	~01/07/2023
	~01/01/2024
	~14/08/2023
}

::Nội dung::Nghị định 59/2023/NĐ-CP quy định về vấn đề gì? {
	=Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở
	~Quy định chi tiết Luật Tiếp công dân
	~Ban hành Chương trình tổng thể cải cách hành chính
	~Ban hành Quy chế công tác dân vận
}

::Luật gốc::Luật được Nghị định 59/2023/NĐ-CP quy định chi tiết có số hiệu là gì? {
	=10/2022/QH15
	~42/2013/QH13
	~02/2011/QH13
	~22/2008/QH12
}

::Trong cơ quan::Nghị định là căn cứ để cơ quan tổ chức công khai thông tin, hội nghị cán bộ, công chức, viên chức, lấy ý kiến và đối thoại trong nội bộ. {TRUE}

::Việc cần làm::Theo tinh thần Nghị định, cơ quan cần làm gì với quy chế thực hiện dân chủ của mình? {
	=Rà soát, xây dựng lại cho đúng quy định của Luật và Nghị định
	~Giữ nguyên vì không liên quan
	~Bãi bỏ quy chế
	~Chỉ áp dụng cho Ban Giám đốc
}

::Quyền::Nghị định hướng dẫn cách thực hiện những quyền nào mà Luật quy định? (chọn các đáp án đúng) {
	~%25%Quyền được biết
	~%25%Quyền được bàn, quyết định
	~%25%Quyền được tham gia ý kiến
	~%25%Quyền được kiểm tra, giám sát
	~%-100%Quyền từ chối thực hiện nhiệm vụ được giao
}

::Chỉ tiêu::Kế hoạch năm 2024 của Sở Công Thương đặt chỉ tiêu thực hiện dân chủ trong cơ quan theo Nghị định 59/2023/NĐ-CP. {TRUE}

::Trả lời ý kiến::Khi cán bộ, công chức, viên chức, người lao động nêu ý kiến, cơ quan cần làm gì? {
	=Tiếp nhận, xem xét và trả lời theo quy định
	~Không cần phản hồi
	~Chỉ ghi nhận ý kiến của lãnh đạo
	~Chuyển toàn bộ cho Công đoàn tự giải quyết
}
"""),
    ("kiem-tra-76-nq-cp", "Kiểm tra: Chương trình tổng thể cải cách hành chính 2021-2030 (76/NQ-CP)", ["76/NQ-CP"], r"""
::Ban hành::Nghị quyết 76/NQ-CP do cơ quan nào ban hành? {
	=Chính phủ
	~Quốc hội
	~Bộ Chính trị
	~Ủy ban Thường vụ Quốc hội
}

::Ngày::Nghị quyết 76/NQ-CP được ban hành ngày nào? {
	=15/07/2021
	~02/09/2021
	~30/07/2021
	~26/11/2021
}

::Giai đoạn::Chương trình tổng thể cải cách hành chính nhà nước ban hành theo Nghị quyết 76/NQ-CP áp dụng cho giai đoạn nào? {
	=2021-2030
	~2011-2020
	~2021-2025
	~2016-2020
}

::Số nội dung::Chương trình tổng thể cải cách hành chính giai đoạn 2021-2030 gồm bao nhiêu nội dung cải cách? {
	=6
	~4
	~5
	~8
}

::Nội dung::Những nội dung nào thuộc Chương trình tổng thể cải cách hành chính 2021-2030? (chọn các đáp án đúng) {
	~%25%Cải cách thể chế
	~%25%Cải cách thủ tục hành chính
	~%25%Cải cách chế độ công vụ
	~%25%Xây dựng và phát triển Chính phủ điện tử, Chính phủ số
	~%-100%Cải cách chế độ bầu cử
}

::Tài chính công::Cải cách tài chính công là một nội dung của Chương trình tổng thể cải cách hành chính 2021-2030. {TRUE}

::Mục tiêu::Chương trình hướng tới xây dựng nền hành chính như thế nào? {
	=Dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu lực, hiệu quả, liêm chính, phục vụ Nhân dân
	~Tập trung quan liêu, bao cấp
	~Chỉ tập trung tăng số lượng công chức
	~Giữ nguyên mọi thủ tục hiện có
}

::Thước đo::Thước đo quan trọng để đánh giá kết quả cải cách hành chính là gì? {
	=Sự hài lòng của người dân, doanh nghiệp
	~Số lượng văn bản ban hành
	~Số cuộc họp đã tổ chức
	~Số lượng biên chế tăng thêm
}

::Một cửa::Giải quyết thủ tục hành chính qua bộ phận một cửa và dịch vụ công trực tuyến thuộc nội dung cải cách thủ tục hành chính. {TRUE}

::Chỉ thị::Thủ tướng Chính phủ đã ban hành chỉ thị nào để đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính 2021-2030? {
	=Chỉ thị 23/CT-TTg ngày 02/09/2021
	~Chỉ thị 33/CT-TTg ngày 26/11/2021
	~Chỉ thị 16/CT-TTg ngày 16/05/2016
	~Chỉ thị 25-CT/TU ngày 25/02/2021
}
"""),
    ("kiem-tra-114-kl-tw", "Kiểm tra: Kết luận 114-KL/TW về công tác dân vận của cơ quan nhà nước", ["114-KL/TW"], r"""
::Ban hành::Kết luận 114-KL/TW do cơ quan nào ban hành? {
	=Ban Bí thư (khóa XI)
	~Bộ Chính trị (khóa XIII)
	~Quốc hội
	~Chính phủ
}

::Ngày::Kết luận 114-KL/TW được ban hành ngày nào? {
	=14/07/2015
	~07/01/2016
	~16/05/2016
	~30/07/2021
}

::Chủ đề::Kết luận 114-KL/TW bàn về vấn đề gì? {
	=Nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp
	~Cải cách chế độ tiền lương
	~Thực hiện Luật Tiếp công dân ở cấp xã
	~Phòng, chống thiên tai
}

::Hạn chế::Kết luận chỉ ra hạn chế nào của một bộ phận cán bộ, công chức? {
	=Quan liêu, xa dân, thiếu trách nhiệm, gây phiền hà, sách nhiễu người dân, doanh nghiệp
	~Quá gần gũi với người dân
	~Giải quyết hồ sơ quá nhanh
	~Công khai quá nhiều thông tin
}

::Gắn với::Kết luận yêu cầu gắn công tác dân vận của cơ quan nhà nước với những việc nào? (chọn các đáp án đúng) {
	~%34%Cải cách hành chính
	~%33%Thực hiện dân chủ ở cơ sở
	~%33%Tiếp dân, giải quyết khiếu nại, tố cáo
	~%-100%Hạn chế đối thoại với Nhân dân
}

::Người đứng đầu::Kết luận 114-KL/TW đề cao trách nhiệm của người đứng đầu trong công tác dân vận. {TRUE}

::Chỉ thị triển khai::Văn bản nào của Thủ tướng Chính phủ được ban hành năm 2016 để triển khai Kết luận 114-KL/TW? {
	=Chỉ thị 16/CT-TTg
	~Chỉ thị 33/CT-TTg
	~Nghị quyết 76/NQ-CP
	~Nghị định 59/2023/NĐ-CP
}

::Thường xuyên::Theo Kết luận, công tác dân vận của cơ quan nhà nước là nhiệm vụ thường xuyên, gắn với chức năng quản lý, điều hành và phục vụ Nhân dân. {TRUE}

::Phối hợp::Cơ quan nhà nước cần phối hợp chặt chẽ với tổ chức nào trong công tác dân vận? {
	=Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội
	~Chỉ các doanh nghiệp tư nhân
	~Chỉ các cơ quan báo chí
	~Không cần phối hợp
}

::Thủ tục::Kết luận yêu cầu đẩy mạnh cải cách hành chính theo hướng nào? {
	=Công khai, minh bạch thủ tục, tạo thuận lợi cho người dân, doanh nghiệp
	~Tăng thêm giấy tờ để kiểm soát chặt
	~Giữ bí mật quy trình giải quyết hồ sơ
	~Chỉ nhận hồ sơ giấy
}
"""),
    ("kiem-tra-120-kl-tw", "Kiểm tra: Kết luận 120-KL/TW về Quy chế dân chủ ở cơ sở", ["120-KL/TW"], r"""
::Ban hành::Kết luận 120-KL/TW do cơ quan nào ban hành? {
	=Bộ Chính trị (khóa XI)
	~Ban Bí thư (khóa XI)
	~Ban Chấp hành Trung ương (khóa XIII)
	~Chính phủ
}

::Ngày::Kết luận 120-KL/TW được ban hành ngày nào? {
	=07/01/2016
	~14/07/2015
	~18/02/2019
	~10/11/2022
}

::Chủ đề::Kết luận 120-KL/TW về vấn đề gì? {
	=Tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện Quy chế dân chủ ở cơ sở
	~Cải cách hành chính nhà nước giai đoạn 2021-2030
	~Trách nhiệm tiếp dân của người đứng đầu cấp ủy
	~Phong trào thi đua Dân vận khéo
}

::Chỉ thị 30::Kết luận 120-KL/TW được ban hành sau khi tổng kết việc thực hiện Chỉ thị nào của Bộ Chính trị? {
	=Chỉ thị 30-CT/TW năm 1998 về xây dựng và thực hiện Quy chế dân chủ ở cơ sở
	~Chỉ thị 33/CT-TTg năm 2021
	~Chỉ thị 16/CT-TTg năm 2016
	~Chỉ thị 25-CT/TU năm 2021
}

::Kỷ cương::Theo Kết luận, dân chủ ở cơ sở phải đi đôi với kỷ cương, pháp luật. {TRUE}

::Hình thức::Kết luận đánh giá việc thực hiện dân chủ ở cơ sở ở nhiều nơi vẫn còn hình thức, chưa thường xuyên. {TRUE}

::Phạm vi::Kết luận yêu cầu thực hiện dân chủ gắn với kỷ cương ở những nơi nào? (chọn các đáp án đúng) {
	~%34%Xã, phường, thị trấn
	~%33%Cơ quan, đơn vị
	~%33%Doanh nghiệp
	~%-100%Chỉ ở cơ quan Trung ương
}

::Thể chế::Kết luận yêu cầu hoàn thiện thể chế về dân chủ ở cơ sở; sau đó Quốc hội đã ban hành luật nào? {
	=Luật Thực hiện dân chủ ở cơ sở (10/2022/QH15)
	~Luật Tiếp công dân (42/2013/QH13)
	~Luật Cán bộ, công chức
	~Luật Khiếu nại
}

::Giám sát::Tổ chức nào được Kết luận nhấn mạnh vai trò giám sát trong thực hiện dân chủ ở cơ sở? {
	=Mặt trận Tổ quốc, các đoàn thể và Ban Thanh tra nhân dân
	~Chỉ Hội đồng nhân dân cấp tỉnh
	~Chỉ Kiểm toán Nhà nước
	~Các doanh nghiệp
}

::Trách nhiệm::Trách nhiệm lãnh đạo, tổ chức thực hiện dân chủ ở cơ sở thuộc về ai? {
	=Cấp ủy, chính quyền và người đứng đầu
	~Chỉ người dân
	~Chỉ Mặt trận Tổ quốc
	~Chỉ cơ quan báo chí
}
"""),
    ("kiem-tra-42-2013-qh13", "Kiểm tra: Luật Tiếp công dân (42/2013/QH13)", ["42/2013/QH13"], r"""
::Số hiệu::Luật Tiếp công dân có số hiệu là gì? {
	=42/2013/QH13
	~10/2022/QH15
	~02/2011/QH13
	~03/2011/QH13
}

::Thông qua::Luật Tiếp công dân được Quốc hội thông qua ngày nào? {
	=25/11/2013
	~01/07/2014
	~10/11/2022
	~18/02/2019
}

::Hiệu lực::Luật Tiếp công dân có hiệu lực thi hành từ ngày nào? {
	=01/07/2014
	~01/01/2014
	~25/11/2013
	~01/07/2023
}

::Nguyên tắc::Việc tiếp công dân phải bảo đảm những yêu cầu nào? (chọn các đáp án đúng) {
	~%34%Công khai, dân chủ, kịp thời
	~%33%Thủ tục đơn giản, thuận tiện
	~%33%Tôn trọng, tạo điều kiện thuận lợi cho công dân
	~%-100%Chỉ tiếp người có giấy giới thiệu của cơ quan
}

::Người đứng đầu::Theo Luật, người đứng đầu cơ quan, tổ chức, đơn vị có trách nhiệm tổ chức việc tiếp công dân và trực tiếp tiếp công dân. {TRUE}

::Bí mật::Người tiếp công dân được phép tiết lộ thông tin về người tố cáo cho người bị tố cáo biết để đối chất. {FALSE#Chưa đúng. Luật nghiêm cấm tiết lộ thông tin về người tố cáo.#Đúng. Luật yêu cầu giữ bí mật cho người tố cáo.}

::Cấm::Hành vi nào của người tiếp công dân bị Luật nghiêm cấm? {
	=Gây phiền hà, sách nhiễu hoặc từ chối tiếp công dân không có lý do chính đáng
	~Hướng dẫn công dân viết đơn đúng quy định
	~Ghi chép đầy đủ nội dung công dân trình bày
	~Chuyển đơn đến đúng cơ quan có thẩm quyền
}

::Nghĩa vụ công dân::Người đến nơi tiếp công dân có nghĩa vụ gì? {
	=Tuân thủ nội quy, trình bày trung thực, không gây rối trật tự, không xúc phạm người tiếp công dân
	~Không có nghĩa vụ nào
	~Phải có luật sư đi cùng
	~Phải nộp lệ phí tiếp công dân
}

::Từ chối::Trường hợp nào người tiếp công dân được từ chối tiếp? {
	=Người có hành vi đe dọa, xúc phạm cơ quan, người tiếp công dân
	~Người đến lần đầu
	~Người không mang theo đơn viết sẵn
	~Người ở địa phương khác
}

::Cấp xã::Theo Luật, Chủ tịch Ủy ban nhân dân cấp xã trực tiếp tiếp công dân tại trụ sở ít nhất bao lâu một lần? {
	=01 ngày trong 01 tuần
	~01 ngày trong 01 tháng
	~01 ngày trong 01 quý
	~01 ngày trong 01 năm
}
"""),
]
