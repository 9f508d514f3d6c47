"""Demo question banks in GIFT: one quiz for each of the 19 documents of the 2024 plan.

Every fact asked is taught in the lesson that covers the document (courses/demo_data.py, COURSES);
metadata (number, type, issuer, date, subject) is exactly the plan's. Documents the library could
not verify ("unverified" in courses/demo_data.py) get 8 questions on what their number, date and
subject line say and how they sit among the other documents; the others get 10.

Only the three kinds a compliance quiz needs: multiple choice with one right answer, multiple
answers with % weights (wrong ones negative), and true/false, about half of them true in each
quiz. The right answer's place and length carry no signal: tests/quizzes/test_demo.py checks it.
"""

# slug, title, directive numbers, GIFT bank — in the plan's order.
QUIZZES = [
    ("kiem-tra-23-qd-tw", "Kiểm tra: Quy chế công tác dân vận (Quyết định 23-QĐ/TW)", ["23-QĐ/TW"], r"""
::Cơ quan ban hành::Quyết định 23-QĐ/TW ban hành Quy chế công tác dân vận của hệ thống chính trị do cơ quan nào ban hành? {
	=Ban Chấp hành Trung ương
	~Bộ Chính trị
	~Ban Bí thư
	~Ban Thường vụ Tỉnh ủy Tây Ninh
	####Quyết định 23-QĐ/TW do Ban Chấp hành Trung ương ban hành ngày 30/07/2021.
}

::Ngày ban hành::Quyết định 23-QĐ/TW được ban hành ngày nào? {
	~29/09/2021
	~26/11/2021
	~15/07/2021
	=30/07/2021
}

::Ý nghĩa chiến lược::Quy chế khẳng định công tác dân vận là nhiệm vụ có ý nghĩa chiến lược và là trách nhiệm của cả hệ thống chính trị. {TRUE#Chưa đúng. Quy chế khẳng định đúng như vậy.#Đúng.}

::Của riêng ai::Theo Quy chế, công tác dân vận trước hết là việc của ban dân vận và các đoàn thể; cơ quan nhà nước chỉ phối hợp khi được đề nghị. {FALSE#Chưa đúng. Công tác dân vận là trách nhiệm của cả hệ thống chính trị, trong đó có cơ quan nhà nước.#Đúng. Đây là trách nhiệm của cả hệ thống chính trị.}

::Cách làm của chính quyền::Theo Quy chế, cơ quan nhà nước làm công tác dân vận chủ yếu bằng cách nào? {
	~Qua các đợt tuyên truyền, mít tinh tổ chức vào những ngày kỷ niệm lớn trong năm
	=Qua chính hoạt động quản lý, điều hành và phục vụ Nhân dân hằng ngày
	~Qua việc cử cán bộ sang sinh hoạt định kỳ tại Mặt trận Tổ quốc và các đoàn thể
	~Qua báo cáo định kỳ gửi ban dân vận của cấp ủy cùng cấp
}

::Phương châm::Phương châm phát huy quyền làm chủ của Nhân dân mà Quy chế quán triệt là gì? {
	~Dân biết, dân bàn, dân làm, dân kiểm tra
	~Dân biết, dân bàn, dân quyết, dân làm, dân kiểm tra, dân giám sát, dân hưởng lợi
	~Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát
	=Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng
	####Thành tố “dân thụ hưởng” do Đại hội XIII của Đảng bổ sung.
}

::Thay thế::Quy chế năm 2021 thay thế Quy chế công tác dân vận ban hành kèm văn bản nào? {
	=Quyết định 290-QĐ/TW năm 2010
	~Kết luận 114-KL/TW năm 2015
	~Chỉ thị 16/CT-TTg năm 2016
	~Quyết định 1116-QĐ/TU năm 2021
}

::Người đứng đầu::Người đứng đầu cấp ủy, cơ quan, đơn vị chịu trách nhiệm trực tiếp về công tác dân vận ở nơi mình phụ trách. {TRUE#Chưa đúng. Quy chế giao trách nhiệm trực tiếp cho người đứng đầu.#Đúng.}

::Quy chế của tỉnh::Quy chế công tác dân vận của hệ thống chính trị trên địa bàn tỉnh Tây Ninh được ban hành bằng chính Quyết định 23-QĐ/TW. {FALSE#Chưa đúng. Quy chế của tỉnh là văn bản riêng, Quyết định 1116-QĐ/TU của Ban Thường vụ Tỉnh ủy.#Đúng. Đó là Quyết định 1116-QĐ/TU.}

::Cơ quan nhà nước::Theo Quy chế, những việc nào thuộc trách nhiệm dân vận của cơ quan nhà nước? {
	~%-50%Chỉ lấy ý kiến Nhân dân sau khi chính sách đã được ban hành
	~%33.33333%Công khai, minh bạch hoạt động, đẩy mạnh cải cách thủ tục hành chính
	~%-50%Giao việc vận động Nhân dân hoàn toàn cho Mặt trận Tổ quốc
	~%33.33333%Tiếp công dân, đối thoại, giải quyết kịp thời kiến nghị, phản ánh
	~%33.33334%Thể chế hóa chủ trương của Đảng thành chính sách có sự tham gia ý kiến của Nhân dân
}
"""),
    ("kiem-tra-1116-qd-tu", "Kiểm tra: Quy chế công tác dân vận trên địa bàn tỉnh (Quyết định 1116-QĐ/TU)",
     ["1116-QĐ/TU"], r"""
::Cơ quan ban hành::Quyết định 1116-QĐ/TU do cơ quan nào ban hành? {
	~UBND tỉnh Tây Ninh
	=Ban Thường vụ Tỉnh ủy Tây Ninh
	~Ban Chấp hành Trung ương
	~Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh
}

::Ngày ban hành::Quyết định 1116-QĐ/TU được ban hành ngày nào? {
	~30/07/2021
	~25/02/2021
	=29/09/2021
	~31/12/2021
}

::Trích yếu::Trích yếu của Quyết định 1116-QĐ/TU là gì? {
	~Về việc tăng cường sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới
	~Về việc đẩy mạnh phong trào thi đua “Dân vận khéo” giai đoạn 2021-2025
	~Về thực hiện dân chủ cơ sở năm 2024
	=Ban hành Quy chế công tác dân vận của hệ thống chính trị trên địa bàn tỉnh
}

::Sau Trung ương::Quyết định 1116-QĐ/TU được ban hành sau Quyết định 23-QĐ/TW của Ban Chấp hành Trung ương về Quy chế công tác dân vận. {TRUE#Chưa đúng. Quyết định 23-QĐ/TW ngày 30/07/2021, Quyết định 1116-QĐ/TU ngày 29/09/2021.#Đúng. Hai tháng sau.}

::Học gì trước::Bài học khuyên đọc bản gốc của tỉnh trước, rồi mới tìm hiểu Quy chế của Trung ương. {FALSE#Chưa đúng. Nên nắm Quy chế của Trung ương trước, rồi đọc bản gốc của tỉnh.#Đúng. Nắm Quy chế của Trung ương trước.}

::Nhóm văn bản::Kế hoạch năm 2024 của Sở xếp Quyết định 1116-QĐ/TU vào nhóm văn bản nào? {
	=Nhóm văn bản về công tác dân vận (mục II.1)
	~Nhóm văn bản về cải cách hành chính (mục II.2)
	~Nhóm văn bản về dân chủ ở cơ sở và tiếp công dân (mục II.3)
	~Nhóm văn bản về thi đua, khen thưởng của ngành công thương
}

::Trùng tên::Trích yếu của Quyết định 1116-QĐ/TU trùng tên Quy chế ban hành kèm Quyết định 23-QĐ/TW, thêm phạm vi “trên địa bàn tỉnh”. {TRUE#Chưa đúng. Trích yếu trùng tên Quy chế của Trung ương, thêm phạm vi “trên địa bàn tỉnh”.#Đúng.}

::Cùng cơ quan::Cả ba văn bản của tỉnh về công tác dân vận trong Kế hoạch năm 2024 của Sở đều do UBND tỉnh Tây Ninh ban hành. {FALSE#Chưa đúng. Cả ba do Ban Thường vụ Tỉnh ủy Tây Ninh ban hành.#Đúng. Cả ba do Ban Thường vụ Tỉnh ủy ban hành.}
"""),
    ("kiem-tra-114-kl-tw", "Kiểm tra: Kết luận 114-KL/TW về công tác dân vận của cơ quan nhà nước", ["114-KL/TW"], r"""
::Cơ quan ban hành::Kết luận 114-KL/TW do cơ quan nào ban hành? {
	~Bộ Chính trị (khóa XI)
	~Ban Chấp hành Trung ương (khóa XI)
	~Thủ tướng Chính phủ
	=Ban Bí thư (khóa XI)
}

::Ngày ban hành::Kết luận 114-KL/TW được ban hành ngày nào? {
	~07/01/2016
	=14/07/2015
	~16/05/2016
	~18/02/2019
}

::Chủ đề::Kết luận 114-KL/TW bàn về vấn đề gì? {
	~Tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới
	=Nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp
	~Tiếp tục nâng cao chất lượng, hiệu quả việc thực hiện Quy chế dân chủ ở cơ sở
	~Trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại với dân
}

::Hạn chế::Kết luận 114-KL/TW chỉ ra rằng một bộ phận cán bộ, công chức còn quan liêu, xa dân, thiếu trách nhiệm. {TRUE#Chưa đúng. Đây là một hạn chế Kết luận đã chỉ ra.#Đúng.}

::Của một bộ phận::Theo Kết luận, công tác dân vận của cơ quan nhà nước là nhiệm vụ riêng của bộ phận tiếp công dân. {FALSE#Chưa đúng. Đó là nhiệm vụ thường xuyên, gắn với chức năng quản lý, điều hành và phục vụ Nhân dân.#Đúng.}

::Chỉ thị triển khai::Văn bản nào của Thủ tướng Chính phủ được ban hành năm 2016 để triển khai Kết luận 114-KL/TW? {
	~Chỉ thị 33/CT-TTg
	~Chỉ thị 23/CT-TTg
	~Nghị quyết 76/NQ-CP
	=Chỉ thị 16/CT-TTg
}

::Nhiệm vụ::Kết luận 114-KL/TW nêu những nhiệm vụ trọng tâm nào? {
	~%33.33333%Đẩy mạnh cải cách hành chính, công khai, minh bạch thủ tục
	~%-50%Giảm số buổi đối thoại để tránh phát sinh khiếu nại
	~%33.33333%Thực hiện tốt dân chủ ở cơ sở, tiếp dân và đối thoại với Nhân dân
	~%-50%Chuyển việc giải quyết kiến nghị của dân sang các đoàn thể
	~%33.33334%Phối hợp với Mặt trận Tổ quốc, đẩy mạnh phong trào “Dân vận khéo”
}

::Tiếp nối::Sau Chỉ thị 16/CT-TTg, năm 2021 Thủ tướng Chính phủ ban hành tiếp Chỉ thị 33/CT-TTg về công tác dân vận của cơ quan hành chính nhà nước. {TRUE#Chưa đúng. Chỉ thị 33/CT-TTg năm 2021 tiếp nối Chỉ thị 16/CT-TTg.#Đúng.}

::Thứ tự::Kết luận 114-KL/TW được ban hành sau Chỉ thị 16/CT-TTg để hướng dẫn thực hiện Chỉ thị đó. {FALSE#Chưa đúng. Kết luận có trước (2015); Chỉ thị 16/CT-TTg năm 2016 triển khai Kết luận.#Đúng. Kết luận có trước.}

::Khắc phục::Biểu hiện nào của cán bộ, công chức mà Kết luận yêu cầu kiên quyết khắc phục? {
	~Xin ý kiến cấp trên khi hồ sơ vượt thẩm quyền giải quyết của mình
	~Yêu cầu bổ sung giấy tờ đúng theo danh mục thủ tục đã công bố
	=Quan liêu, hách dịch, cửa quyền, sách nhiễu
	~Từ chối nhận hồ sơ khi người nộp đến sau giờ làm việc
}
"""),
    ("kiem-tra-16-ct-ttg", "Kiểm tra: Chỉ thị 16/CT-TTg năm 2016 về công tác dân vận", ["16/CT-TTg"], r"""
::Ngày ban hành::Chỉ thị 16/CT-TTg về tăng cường và đổi mới công tác dân vận được ban hành ngày nào? {
	~14/07/2015
	~26/11/2021
	=16/05/2016
	~02/09/2021
}

::Ban hành::Chỉ thị 16/CT-TTg về công tác dân vận do ai ban hành? {
	=Thủ tướng Chính phủ
	~Chính phủ
	~Ban Bí thư
	~Bộ trưởng Bộ Nội vụ
}

::Triển khai::Chỉ thị 16/CT-TTg triển khai văn bản nào trong khối cơ quan hành chính? {
	~Quyết định 23-QĐ/TW của Ban Chấp hành Trung ương
	~Kết luận 120-KL/TW của Bộ Chính trị
	=Kết luận 114-KL/TW của Ban Bí thư
	~Nghị quyết 76/NQ-CP của Chính phủ
}

::Số hiệu dùng lại::Số hiệu 16/CT-TTg còn được dùng cho một chỉ thị năm 2020, nên khi trích dẫn cần ghi kèm ngày 16/05/2016. {TRUE#Chưa đúng. Số hiệu này còn được dùng cho chỉ thị năm 2020 về phòng, chống dịch COVID-19.#Đúng.}

::Thứ tự::Chỉ thị 16/CT-TTg được ban hành sau Quy chế công tác dân vận năm 2021 để hướng dẫn thực hiện Quy chế đó. {FALSE#Chưa đúng. Chỉ thị 16/CT-TTg có từ năm 2016; Quy chế mới ban hành năm 2021.#Đúng.}

::Yêu cầu::Chỉ thị 16/CT-TTg yêu cầu những việc nào? {
	~%-50%Tạm dừng đối thoại với Nhân dân trong thời gian sắp xếp bộ máy
	~%33.33333%Nâng cao trách nhiệm của người đứng đầu về công tác dân vận
	~%33.33333%Đổi mới tác phong, lề lối làm việc theo hướng gần dân, phục vụ Nhân dân
	~%33.33334%Đẩy mạnh phong trào thi đua “Dân vận khéo”
	~%-50%Thu hẹp việc công khai thủ tục để giảm khiếu nại
}

::Gắn với::Chỉ thị 16/CT-TTg yêu cầu gắn công tác dân vận với cải cách hành chính, công khai, minh bạch và thực hiện dân chủ ở cơ sở. {TRUE#Chưa đúng. Chỉ thị yêu cầu đúng như vậy.#Đúng.}

::Phạm vi::Chỉ thị 16/CT-TTg áp dụng cho cơ quan của Đảng và các đoàn thể, không áp dụng cho chính quyền các cấp. {FALSE#Chưa đúng. Chỉ thị về công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp.#Đúng.}

::Văn bản tiếp nối::Văn bản nào tiếp nối Chỉ thị 16/CT-TTg? {
	~Chỉ thị 23/CT-TTg năm 2021
	~Quyết định 23-QĐ/TW năm 2021
	~Kết luận 114-KL/TW năm 2015
	=Chỉ thị 33/CT-TTg năm 2021
}

::Trích dẫn::Cách ghi nào trích dẫn đúng chỉ thị về công tác dân vận mà bài học nói đến? {
	~Chỉ thị 16/CT-TTg năm 2020 của Thủ tướng Chính phủ
	=Chỉ thị 16/CT-TTg ngày 16/05/2016 của Thủ tướng Chính phủ
	~Chỉ thị 16-CT/TW ngày 16/05/2016 của Ban Bí thư Trung ương
	~Chỉ thị 16/CT-TTg ngày 16/05/2016 của Bộ trưởng Bộ Nội vụ
}
"""),
    ("kiem-tra-33-ct-ttg", "Kiểm tra: Chỉ thị 33/CT-TTg về công tác dân vận chính quyền", ["33/CT-TTg"], r"""
::Ngày ban hành::Chỉ thị 33/CT-TTg được ban hành ngày nào? {
	~30/07/2021
	~02/09/2021
	~16/05/2016
	=26/11/2021
}

::Ban hành::Chỉ thị 33/CT-TTg do ai ban hành? {
	~Chính phủ
	=Thủ tướng Chính phủ
	~Ban Dân vận Trung ương
	~Ban Chấp hành Trung ương
}

::Sau Quy chế::Chỉ thị 33/CT-TTg được ban hành sau khi Ban Chấp hành Trung ương ban hành Quy chế công tác dân vận theo Quyết định 23-QĐ/TW. {TRUE#Chưa đúng. Quy chế ngày 30/07/2021, Chỉ thị ngày 26/11/2021.#Đúng.}

::Hạn chế::Theo Chỉ thị 33/CT-TTg, công tác dân vận của cơ quan hành chính đã thực sự đi vào chiều sâu, không còn hạn chế. {FALSE#Chưa đúng. Chỉ thị nêu công tác dân vận chưa thực sự đi vào chiều sâu, nhận thức ở một số nơi chưa đầy đủ.#Đúng.}

::Cách vận động::Chỉ thị 33/CT-TTg yêu cầu tuyên truyền, vận động người dân theo cách nào? {
	=Dễ hiểu, dễ nhớ, dễ thực hiện
	~Ngắn gọn, đúng thời hạn, đúng thẩm quyền
	~Công khai, minh bạch, đúng pháp luật
	~Kịp thời, chính xác, đầy đủ
}

::Dân vận khéo gắn với::Chỉ thị 33/CT-TTg yêu cầu phong trào “Dân vận khéo” gắn với việc thực hiện văn bản nào? {
	~Kết luận 114-KL/TW năm 2015 của Ban Bí thư
	~Nghị quyết 76/NQ-CP năm 2021 của Chính phủ
	=Kết luận 01-KL/TW năm 2021 của Bộ Chính trị
	~Quy định 11-QĐi/TW năm 2019 của Bộ Chính trị
	####Kết luận 01-KL/TW ngày 18/05/2021 về tiếp tục thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.
}

::Yêu cầu::Chỉ thị 33/CT-TTg yêu cầu những việc nào? {
	~%33.33333%Gắn công tác dân vận với phục hồi và phát triển kinh tế - xã hội sau đại dịch COVID-19
	~%-50%Coi công tác dân vận là việc riêng của ngành nội vụ
	~%33.33333%Quan tâm tuyên truyền ở vùng đồng bào dân tộc thiểu số, vùng tôn giáo
	~%-50%Dừng phong trào “Dân vận khéo” để tập trung cho chuyển đổi số
	~%33.33334%Tiếp tục phong trào thi đua “Dân vận khéo” trên các lĩnh vực
}

::Của ai::Chỉ thị 33/CT-TTg xác định công tác dân vận là nhiệm vụ riêng của cơ quan hành chính nhà nước. {FALSE#Chưa đúng. Chỉ thị xác định đây là nhiệm vụ của cả hệ thống chính trị.#Đúng. Đó là nhiệm vụ của cả hệ thống chính trị.}

::Nền hành chính::Chỉ thị 33/CT-TTg đặt yêu cầu xây dựng nền hành chính nhà nước phục vụ Nhân dân, dân chủ, pháp quyền, chuyên nghiệp. {TRUE#Chưa đúng. Chỉ thị nêu đúng yêu cầu này.#Đúng.}

::Áp dụng::Với một chuyên viên của Sở, việc nào thể hiện đúng tinh thần Chỉ thị 33/CT-TTg? {
	~Trả lời doanh nghiệp bằng cách gửi nguyên văn các điều luật liên quan để họ tự tìm hiểu
	~Chỉ nhận hồ sơ nộp trực tiếp để kiểm soát chặt chẽ hơn hồ sơ trực tuyến
	~Hẹn doanh nghiệp quay lại nhiều lần, mỗi lần bổ sung một loại giấy tờ
	=Giải thích chính sách bằng lời lẽ dễ hiểu và giải quyết hồ sơ đúng hạn
}
"""),
    ("kiem-tra-25-ct-tu", "Kiểm tra: Chỉ thị 25-CT/TU của Ban Thường vụ Tỉnh ủy về công tác dân vận", ["25-CT/TU"], r"""
::Loại văn bản::Văn bản số 25-CT/TU của Ban Thường vụ Tỉnh ủy Tây Ninh thuộc loại văn bản nào? {
	~Quyết định
	~Công văn
	=Chỉ thị
	~Kết luận
}

::Ngày ban hành::Văn bản 25-CT/TU được ban hành ngày nào? {
	=25/02/2021
	~29/09/2021
	~26/11/2021
	~05/03/2021
}

::Trích yếu::Trích yếu của văn bản 25-CT/TU là gì? {
	~Ban hành Quy chế công tác dân vận của hệ thống chính trị trên địa bàn tỉnh
	=Về việc tăng cường sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới
	~Về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp
	~Về việc đẩy mạnh phong trào thi đua “Dân vận khéo” giai đoạn 2021-2025
}

::Trước Quy chế::Văn bản 25-CT/TU được ban hành trước Quyết định 23-QĐ/TW ngày 30/07/2021 của Ban Chấp hành Trung ương. {TRUE#Chưa đúng. Văn bản ngày 25/02/2021, trước Quy chế của Trung ương.#Đúng.}

::Của ai::Văn bản 25-CT/TU là chỉ thị của Thủ tướng Chính phủ về công tác dân vận. {FALSE#Chưa đúng. Đây là chỉ thị của Ban Thường vụ Tỉnh ủy Tây Ninh.#Đúng. Đây là văn bản của Ban Thường vụ Tỉnh ủy Tây Ninh.}

::Trong cơ quan::Theo bài học, trong một cơ quan như Sở, sự lãnh đạo của Đảng đối với công tác dân vận thể hiện ở việc nào? {
	=Cấp ủy đưa công tác dân vận vào chương trình công tác, đảng viên gương mẫu với dân
	~Thủ trưởng cơ quan tự quyết định toàn bộ công tác dân vận, cấp ủy không cần bàn đến
	~Ban dân vận của cấp ủy trực tiếp nhận và giải quyết hồ sơ thủ tục hành chính của Sở
	~Công đoàn cơ sở thay cấp ủy xây dựng và quyết định chương trình công tác dân vận
}

::Nhóm văn bản::Kế hoạch năm 2024 của Sở xếp văn bản 25-CT/TU vào nhóm văn bản về công tác dân vận cần học tập, quán triệt. {TRUE#Chưa đúng. Văn bản thuộc nhóm về công tác dân vận (mục II.1).#Đúng.}

::Bản gốc::Nội dung cụ thể của văn bản 25-CT/TU đã được tóm tắt đầy đủ trên trang văn bản nên không cần đọc bản gốc. {FALSE#Chưa đúng. Trang văn bản chỉ dựa vào số, ngày và trích yếu; nội dung cụ thể cần đọc trong bản gốc.#Đúng. Cần đọc bản gốc.}
"""),
    ("kiem-tra-392-cv-tu", "Kiểm tra: Phong trào “Dân vận khéo” giai đoạn 2021-2025 (Công văn 392-CV/TU)",
     ["392-CV/TU"], r"""
::Loại văn bản::Văn bản số 392-CV/TU của Ban Thường vụ Tỉnh ủy Tây Ninh thuộc loại văn bản nào? {
	~Chỉ thị
	~Kế hoạch
	~Quyết định
	=Công văn
}

::Ngày ban hành::Công văn 392-CV/TU được ban hành ngày nào? {
	~29/09/2021
	=31/12/2021
	~25/02/2021
	~29/02/2024
}

::Giai đoạn::Công văn 392-CV/TU đặt phong trào “Dân vận khéo” ở tỉnh trong giai đoạn 2021-2030. {FALSE#Chưa đúng. Giai đoạn là 2021-2025.#Đúng. Giai đoạn 2021-2025.}

::Nguồn gốc::Tên phong trào “Dân vận khéo” gợi lại lời Chủ tịch Hồ Chí Minh trong bài báo “Dân vận” năm 1949. {TRUE#Chưa đúng. Tên phong trào gợi lại lời Bác trong bài “Dân vận” năm 1949.#Đúng.}

::Lời Bác::Theo lời Chủ tịch Hồ Chí Minh, “Dân vận khéo thì …” {
	~việc khó mấy cũng xong
	~dân tin, dân theo
	=việc gì cũng thành công
	~mọi việc đều thuận lợi
}

::Mô hình::Theo bài học, mô hình nào là ví dụ “Dân vận khéo” gắn với nhiệm vụ chuyên môn của Sở? {
	~%33.33333%Rút ngắn thời gian giải quyết một loại hồ sơ, công khai tiến độ cho người nộp
	~%-50%Tổ chức văn nghệ trong cơ quan chào mừng các ngày lễ lớn
	~%33.33333%Hướng dẫn doanh nghiệp thực hiện thủ tục trực tuyến
	~%33.33334%Đối thoại với doanh nghiệp, hộ kinh doanh về vướng mắc trong lĩnh vực công thương
	~%-50%Tổ chức hội thao giữa các phòng nhân ngày thành lập ngành
}

::Cơ quan ban hành::Công văn 392-CV/TU do UBND tỉnh Tây Ninh ban hành để phát động phong trào trong các sở, ngành. {FALSE#Chưa đúng. Công văn do Ban Thường vụ Tỉnh ủy Tây Ninh ban hành.#Đúng.}

::Văn bản Trung ương::Phong trào thi đua “Dân vận khéo” cũng được các chỉ thị của Thủ tướng Chính phủ về công tác dân vận chính quyền yêu cầu đẩy mạnh. {TRUE#Chưa đúng. Chỉ thị 16/CT-TTg và Chỉ thị 33/CT-TTg đều yêu cầu như vậy.#Đúng.}
"""),
    ("kiem-tra-76-nq-cp", "Kiểm tra: Chương trình tổng thể cải cách hành chính 2021-2030 (76/NQ-CP)", ["76/NQ-CP"], r"""
::Ban hành::Nghị quyết 76/NQ-CP do cơ quan nào ban hành? {
	~Thủ tướng Chính phủ
	~Quốc hội
	=Chính phủ
	~Bộ Nội vụ
}

::Ngày ban hành::Nghị quyết 76/NQ-CP được ban hành ngày nào? {
	=15/07/2021
	~02/09/2021
	~30/07/2021
	~05/03/2021
}

::Giai đoạn::Chương trình tổng thể cải cách hành chính nhà nước ban hành kèm Nghị quyết 76/NQ-CP áp dụng cho giai đoạn nào? {
	~2011-2020
	~2021-2025
	~2016-2025
	=2021-2030
}

::Số nội dung::Chương trình tổng thể cải cách hành chính giai đoạn 2021-2030 gồm bao nhiêu nội dung cải cách? {
	~4
	~5
	=6
	~7
}

::Nội dung::Những nội dung nào thuộc Chương trình tổng thể cải cách hành chính 2021-2030? {
	~%-50%Cải cách tư pháp
	~%33.33333%Cải cách chế độ công vụ
	~%-50%Cải cách hệ thống giáo dục quốc dân
	~%33.33333%Cải cách tài chính công
	~%33.33334%Xây dựng và phát triển Chính phủ điện tử, Chính phủ số
}

::Phạm vi hẹp::Chương trình tổng thể giai đoạn 2021-2030 chỉ gồm cải cách thủ tục hành chính và Chính phủ điện tử. {FALSE#Chưa đúng. Chương trình có sáu nội dung, từ thể chế đến Chính phủ số.#Đúng. Chương trình có sáu nội dung.}

::Thước đo::Sự hài lòng của người dân, doanh nghiệp là thước đo chất lượng phục vụ của cơ quan hành chính theo Chương trình. {TRUE#Chưa đúng. Chương trình lấy sự hài lòng của người dân, doanh nghiệp làm thước đo.#Đúng.}

::Tiếp nối::Chương trình 2021-2030 tiếp nối Chương trình tổng thể giai đoạn 2011-2020 ban hành theo văn bản nào? {
	~Chỉ thị 23/CT-TTg năm 2021
	=Nghị quyết 30c/NQ-CP năm 2011
	~Kết luận 114-KL/TW năm 2015
	~Quyết định 2631/QĐ-UBND năm 2021
}

::Một cửa::Giải quyết thủ tục qua cơ chế một cửa, một cửa liên thông và dịch vụ công trực tuyến thuộc nội dung cải cách thủ tục hành chính. {TRUE#Chưa đúng. Đây là một phần của cải cách thủ tục hành chính.#Đúng.}

::Phân cấp::Theo Chương trình, cải cách tổ chức bộ máy hướng tới tập trung quyền quyết định ở cấp trên, hạn chế phân cấp, phân quyền. {FALSE#Chưa đúng. Chương trình đẩy mạnh phân cấp, phân quyền gắn với kiểm tra, giám sát.#Đúng.}
"""),
    ("kiem-tra-23-ct-ttg", "Kiểm tra: Chỉ thị 23/CT-TTg về đẩy mạnh cải cách hành chính", ["23/CT-TTg"], r"""
::Ngày ban hành::Chỉ thị 23/CT-TTg được ban hành ngày nào? {
	~15/07/2021
	=02/09/2021
	~14/10/2021
	~26/11/2021
}

::Ban hành::Chỉ thị 23/CT-TTg do ai ban hành? {
	~Chính phủ
	~Bộ trưởng Bộ Nội vụ
	~Ban Chỉ đạo cải cách hành chính của Chính phủ
	=Thủ tướng Chính phủ
}

::Trích yếu::Trích yếu của Chỉ thị 23/CT-TTg là gì? {
	~Ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030
	~Ban hành Kế hoạch cải cách hành chính giai đoạn 2021-2030 trên địa bàn tỉnh Tây Ninh
	=Về việc đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030
	~Về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước
}

::Thời điểm::Chỉ thị 23/CT-TTg được ban hành chưa đầy hai tháng sau Nghị quyết 76/NQ-CP. {TRUE#Chưa đúng. Nghị quyết ngày 15/07/2021, Chỉ thị ngày 02/09/2021.#Đúng.}

::Trách nhiệm::Theo Chỉ thị 23/CT-TTg, trách nhiệm về kết quả cải cách hành chính thuộc về bộ phận một cửa, không phải người đứng đầu. {FALSE#Chưa đúng. Người đứng đầu trực tiếp chỉ đạo và chịu trách nhiệm về kết quả cải cách hành chính.#Đúng.}

::Kế hoạch hằng năm::Chỉ thị yêu cầu kế hoạch cải cách hành chính hằng năm phải như thế nào? {
	=Bám sát Chương trình tổng thể và có kết quả đo đếm được
	~Giữ nguyên nội dung của năm trước để bảo đảm sự ổn định
	~Nêu mục tiêu chung, để các phòng tự đặt chỉ tiêu khi thực hiện
	~Do từng công chức tự xây dựng theo công việc của mình
}

::Yêu cầu::Chỉ thị 23/CT-TTg yêu cầu những việc nào? {
	~%-50%Tạm dừng dịch vụ công trực tuyến để rà soát lại toàn bộ
	~%33.33333%Người đứng đầu trực tiếp lãnh đạo, chỉ đạo cải cách hành chính
	~%33.33333%Tăng cường kiểm tra, đánh giá kết quả cải cách hành chính
	~%-50%Giao toàn bộ việc cải cách cho cơ quan cấp trên thực hiện
	~%33.33334%Làm tốt thông tin, tuyên truyền về cải cách hành chính
}

::Đẩy mạnh::Chỉ thị 23/CT-TTg nhằm đẩy mạnh thực hiện Chương trình tổng thể ban hành kèm Nghị quyết 76/NQ-CP. {TRUE#Chưa đúng. Chỉ thị đẩy mạnh thực hiện chính Chương trình đó.#Đúng.}

::Chương trình mới::Chỉ thị 23/CT-TTg ban hành một chương trình cải cách hành chính mới thay cho Nghị quyết 76/NQ-CP. {FALSE#Chưa đúng. Chỉ thị không ban hành chương trình mới mà yêu cầu đẩy mạnh thực hiện Chương trình đã có.#Đúng.}

::Việc của công chức::Việc nào của một công chức góp phần trực tiếp vào cải cách thủ tục hành chính? {
	=Giải quyết hồ sơ đúng hạn, không đòi thêm giấy tờ ngoài quy định
	~Yêu cầu nộp bản sao chứng thực mọi giấy tờ để phòng ngừa rủi ro
	~Giữ hồ sơ tại phòng đến khi người nộp đến hỏi kết quả
	~Hướng dẫn người nộp hồ sơ đến trực tiếp thay vì nộp trực tuyến
}
"""),
    ("kiem-tra-490-qd-ubnd", "Kiểm tra: Chương trình hành động cải cách hành chính 2021-2025 (490/QĐ-UBND)",
     ["490/QĐ-UBND"], r"""
::Cơ quan ban hành::Quyết định 490/QĐ-UBND do cơ quan nào ban hành? {
	~Ban Thường vụ Tỉnh ủy Tây Ninh
	~Chính phủ
	=UBND tỉnh Tây Ninh
	~Sở Nội vụ tỉnh Tây Ninh
}

::Ngày ban hành::Quyết định 490/QĐ-UBND được ban hành ngày nào? {
	~14/10/2021
	~19/01/2024
	~25/02/2021
	=05/03/2021
}

::Giai đoạn::Chương trình hành động ban hành kèm Quyết định 490/QĐ-UBND dành cho giai đoạn nào? {
	=2021-2025
	~2021-2030
	~2020-2025
	~Năm 2024
}

::Thực hiện nghị quyết::Chương trình hành động theo Quyết định 490/QĐ-UBND thực hiện nghị quyết nào? {
	~Nghị quyết 76/NQ-CP của Chính phủ về Chương trình tổng thể
	=Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI
	~Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng
	~Nghị quyết của Hội đồng nhân dân tỉnh về kế hoạch năm 2021
}

::Trước Nghị quyết 76::Quyết định 490/QĐ-UBND được ban hành trước Nghị quyết 76/NQ-CP của Chính phủ. {TRUE#Chưa đúng. Quyết định ngày 05/03/2021, Nghị quyết 76/NQ-CP ngày 15/07/2021.#Đúng.}

::Năm 2024::Quyết định 490/QĐ-UBND ban hành kế hoạch cải cách hành chính năm 2024 của tỉnh. {FALSE#Chưa đúng. Kế hoạch năm 2024 là Quyết định 140/QĐ-UBND.#Đúng. Đó là Quyết định 140/QĐ-UBND.}

::Nhóm văn bản::Kế hoạch năm 2024 của Sở nêu Quyết định 490/QĐ-UBND trong nhóm văn bản về cải cách hành chính (mục II.2). {TRUE#Chưa đúng. Quyết định thuộc nhóm văn bản về cải cách hành chính.#Đúng.}

::Chỉ thị 23::Quyết định 490/QĐ-UBND được ban hành để thực hiện Chỉ thị 23/CT-TTg của Thủ tướng Chính phủ. {FALSE#Chưa đúng. Quyết định có trước Chỉ thị 23/CT-TTg (02/09/2021) và thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI.#Đúng.}
"""),
    ("kiem-tra-2631-qd-ubnd", "Kiểm tra: Kế hoạch cải cách hành chính tỉnh giai đoạn 2021-2030 (2631/QĐ-UBND)",
     ["2631/QĐ-UBND"], r"""
::Ngày ban hành::Quyết định 2631/QĐ-UBND được ban hành ngày nào? {
	=14/10/2021
	~05/03/2021
	~02/09/2021
	~19/01/2024
}

::Giai đoạn::Kế hoạch cải cách hành chính ban hành kèm Quyết định 2631/QĐ-UBND dành cho giai đoạn nào? {
	~2021-2025
	~2011-2020
	=2021-2030
	~2024-2030
}

::Cơ quan ban hành::Quyết định 2631/QĐ-UBND do cơ quan nào ban hành? {
	~Chính phủ
	~Ban Thường vụ Tỉnh ủy Tây Ninh
	~Ban Chỉ đạo cải cách hành chính của Chính phủ
	=UBND tỉnh Tây Ninh
}

::Thứ tự::Quyết định 2631/QĐ-UBND được ban hành sau cả Nghị quyết 76/NQ-CP và Chỉ thị 23/CT-TTg. {TRUE#Chưa đúng. Nghị quyết 76/NQ-CP (15/07/2021) và Chỉ thị 23/CT-TTg (02/09/2021) đều có trước ngày 14/10/2021.#Đúng.}

::Cùng giai đoạn::Kế hoạch theo Quyết định 2631/QĐ-UBND có khung thời gian khác với Chương trình tổng thể của Chính phủ. {FALSE#Chưa đúng. Cả hai cùng giai đoạn 2021-2030.#Đúng. Cùng giai đoạn 2021-2030.}

::Kế hoạch năm::Văn bản nào là kế hoạch cải cách hành chính của tỉnh cho riêng năm 2024? {
	~Quyết định 2631/QĐ-UBND
	=Quyết định 140/QĐ-UBND
	~Quyết định 490/QĐ-UBND
	~Công văn 575/UBND-NC
}

::Cùng cơ quan::Cả ba quyết định về cải cách hành chính của tỉnh trong Kế hoạch năm 2024 của Sở đều do UBND tỉnh Tây Ninh ban hành. {TRUE#Chưa đúng. Cả ba (490, 2631, 140) đều do UBND tỉnh ban hành.#Đúng.}

::Nhầm văn bản::Quyết định 2631/QĐ-UBND ban hành Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI. {FALSE#Chưa đúng. Đó là Quyết định 490/QĐ-UBND; 2631/QĐ-UBND là kế hoạch 2021-2030.#Đúng.}
"""),
    ("kiem-tra-140-qd-ubnd", "Kiểm tra: Kế hoạch cải cách hành chính tỉnh năm 2024 (140/QĐ-UBND)", ["140/QĐ-UBND"], r"""
::Ngày ban hành::Quyết định 140/QĐ-UBND được ban hành ngày nào? {
	~31/01/2024
	~29/02/2024
	=19/01/2024
	~14/10/2021
}

::Thời gian::Kế hoạch cải cách hành chính ban hành kèm Quyết định 140/QĐ-UBND dành cho thời gian nào? {
	~Giai đoạn 2021-2025
	~Giai đoạn 2021-2030
	~Năm 2023
	=Năm 2024
}

::Cơ quan ban hành::Quyết định 140/QĐ-UBND do cơ quan nào ban hành? {
	=UBND tỉnh Tây Ninh
	~Sở Công Thương Tây Ninh
	~Ban Thường vụ Tỉnh ủy Tây Ninh
	~Thủ tướng Chính phủ
}

::Kế hoạch hằng năm::Chỉ thị 23/CT-TTg yêu cầu xây dựng kế hoạch cải cách hành chính hằng năm; Quyết định 140/QĐ-UBND là kế hoạch năm 2024 của tỉnh. {TRUE#Chưa đúng. Quyết định 140/QĐ-UBND là kế hoạch năm của tỉnh cho năm 2024.#Đúng.}

::Tổng kết::Quyết định 140/QĐ-UBND được ban hành sau khi năm 2024 kết thúc để tổng kết cải cách hành chính. {FALSE#Chưa đúng. Quyết định ban hành ngày 19/01/2024, đầu năm, để giao nhiệm vụ trong năm.#Đúng.}

::Chỉ tiêu của Sở::Trong Kế hoạch năm 2024 của Sở, chỉ tiêu nào gắn với cải cách hành chính? {
	~Giảm một nửa số thủ tục hành chính thuộc thẩm quyền của Sở ngay trong năm 2024
	~Chuyển toàn bộ việc nhận hồ sơ về nộp trực tiếp tại bộ phận một cửa của tỉnh
	=Thực hiện tốt nhiệm vụ cải cách hành chính, giữ vững sự hài lòng của người dân
	~Tổ chức mỗi tháng một cuộc họp chuyên đề về cải cách hành chính ở từng phòng
}

::Nhiệm vụ của Sở::Nhiệm vụ cụ thể tỉnh giao cho Sở Công Thương trong năm 2024 cần được đọc trong bản gốc của Quyết định 140/QĐ-UBND. {TRUE#Chưa đúng. Bài học không nêu được nhiệm vụ cụ thể; cần đọc trong bản gốc.#Đúng.}

::Khung thời gian::Quyết định 140/QĐ-UBND và Quyết định 2631/QĐ-UBND có cùng khung thời gian thực hiện. {FALSE#Chưa đúng. 140/QĐ-UBND cho năm 2024; 2631/QĐ-UBND cho giai đoạn 2021-2030.#Đúng.}
"""),
    ("kiem-tra-120-kl-tw", "Kiểm tra: Kết luận 120-KL/TW về Quy chế dân chủ ở cơ sở", ["120-KL/TW"], r"""
::Ban hành::Kết luận 120-KL/TW do cơ quan nào ban hành? {
	~Ban Bí thư (khóa XI)
	=Bộ Chính trị (khóa XI)
	~Ban Chấp hành Trung ương (khóa XI)
	~Quốc hội (khóa XIII)
}

::Ngày ban hành::Kết luận 120-KL/TW được ban hành ngày nào? {
	~14/07/2015
	~18/02/2019
	=07/01/2016
	~16/05/2016
}

::Chỉ thị 30::Kết luận 120-KL/TW được ban hành sau khi tổng kết việc thực hiện chỉ thị nào? {
	~Chỉ thị 16/CT-TTg năm 2016 về công tác dân vận của cơ quan hành chính
	~Chỉ thị 25-CT/TU năm 2021 của Ban Thường vụ Tỉnh ủy Tây Ninh
	~Chỉ thị 33/CT-TTg năm 2021 về công tác dân vận chính quyền
	=Chỉ thị 30-CT/TW năm 1998 về xây dựng và thực hiện Quy chế dân chủ ở cơ sở
}

::Kỷ cương::Theo Kết luận 120-KL/TW, dân chủ ở cơ sở phải đi đôi với kỷ cương, pháp luật. {TRUE#Chưa đúng. Kết luận yêu cầu dân chủ đi đôi với kỷ cương, pháp luật.#Đúng.}

::Hình thức::Kết luận 120-KL/TW đánh giá việc thực hiện dân chủ ở cơ sở đã thực chất ở mọi nơi, không còn hình thức. {FALSE#Chưa đúng. Kết luận nêu ở một số nơi việc thực hiện còn hình thức.#Đúng.}

::Nhiệm vụ::Kết luận 120-KL/TW nêu những nhiệm vụ nào? {
	~%33.33333%Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, người đứng đầu
	~%-50%Hạn chế lấy ý kiến Nhân dân để giữ vững kỷ cương
	~%33.33333%Hoàn thiện thể chế về dân chủ ở cơ sở
	~%33.33334%Phát huy vai trò giám sát của Mặt trận Tổ quốc, các đoàn thể và Ban Thanh tra nhân dân
	~%-50%Thay Ban Thanh tra nhân dân bằng tổ giám sát do chính quyền chỉ định
}

::Thể chế hóa::Chủ trương hoàn thiện thể chế về dân chủ ở cơ sở của Kết luận về sau được thể chế hóa bằng văn bản nào? {
	=Luật Thực hiện dân chủ ở cơ sở năm 2022
	~Luật Tiếp công dân năm 2013
	~Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn năm 2007
	~Nghị quyết 76/NQ-CP năm 2021
}

::Hai chiều::Kết luận 120-KL/TW yêu cầu khắc phục cả việc vi phạm quyền làm chủ của Nhân dân lẫn việc lợi dụng dân chủ để gây rối. {TRUE#Chưa đúng. Kết luận yêu cầu khắc phục cả hai.#Đúng.}

::Cơ quan ban hành::Kết luận 120-KL/TW do Chính phủ ban hành để hướng dẫn Luật Thực hiện dân chủ ở cơ sở. {FALSE#Chưa đúng. Kết luận của Bộ Chính trị năm 2016, trước khi có Luật năm 2022.#Đúng.}

::Trong cơ quan::Trong một cơ quan, thực hiện dân chủ theo tinh thần Kết luận là bảo đảm cán bộ, công chức được gì? {
	~Được bàn và quyết định mọi việc của cơ quan bằng biểu quyết
	=Được biết, được tham gia ý kiến và được giám sát
	~Được tự chọn nhiệm vụ và thời gian làm việc của mình
	~Được thông báo kết quả sau khi cơ quan đã quyết định
}
"""),
    ("kiem-tra-10-2022-qh15", "Kiểm tra: Luật Thực hiện dân chủ ở cơ sở (10/2022/QH15)", ["10/2022/QH15"], r"""
::Số hiệu::Luật Thực hiện dân chủ ở cơ sở có số hiệu là gì? {
	~42/2013/QH13
	~11/2022/QH15
	=10/2022/QH15
	~59/2023/NĐ-CP
}

::Ngày thông qua::Luật Thực hiện dân chủ ở cơ sở được Quốc hội khóa XV thông qua ngày nào? {
	~01/07/2023
	=10/11/2022
	~14/08/2023
	~25/11/2013
}

::Hiệu lực::Luật Thực hiện dân chủ ở cơ sở có hiệu lực thi hành từ ngày nào? {
	~10/11/2022
	~15/08/2023
	~01/01/2023
	=01/07/2023
}

::Phạm vi::Theo Luật, cơ sở gồm những loại nào? {
	~%33.33333%Cơ quan nhà nước, đơn vị sự nghiệp công lập
	~%-100%Hộ gia đình
	~%33.33333%Xã, phường, thị trấn và cộng đồng dân cư
	~%33.33334%Tổ chức có sử dụng lao động
}

::Bàn và quyết định::Trong bốn nhóm nội dung của Luật, nhóm nào dành cho công dân ở xã, phường, thị trấn mà cán bộ, công chức trong cơ quan không có? {
	=Được bàn và quyết định
	~Được biết
	~Được tham gia ý kiến
	~Được kiểm tra, giám sát
}

::Phương châm::Luật Thực hiện dân chủ ở cơ sở thể chế hóa phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”. {TRUE#Chưa đúng. Luật thể chế hóa phương châm này của Đại hội XIII.#Đúng.}

::Thiểu số::Theo Luật, khi đã lấy ý kiến đa số thì không cần tôn trọng ý kiến của thiểu số. {FALSE#Chưa đúng. Nguyên tắc là tôn trọng ý kiến đa số, đồng thời tôn trọng ý kiến thiểu số.#Đúng.}

::Giám sát::Cán bộ, công chức có thể thực hiện quyền kiểm tra, giám sát thông qua Ban Thanh tra nhân dân của cơ quan. {TRUE#Chưa đúng. Ban Thanh tra nhân dân là một kênh giám sát trong cơ quan.#Đúng.}

::Hội nghị::Hội nghị cán bộ, công chức, viên chức là hình thức thực hiện dân chủ ở xã, phường, thị trấn, không áp dụng trong cơ quan nhà nước. {FALSE#Chưa đúng. Đây là hình thức thực hiện dân chủ trong cơ quan, đơn vị.#Đúng.}

::Thống nhất::Luật đưa vào một đạo luật thống nhất những quy định trước đây nằm trong văn bản nào? {
	~Luật Tiếp công dân năm 2013
	~Nghị định 59/2023/NĐ-CP của Chính phủ
	=Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn năm 2007
	~Kết luận 120-KL/TW năm 2016 của Bộ Chính trị
}
"""),
    ("kiem-tra-59-2023-nd-cp", "Kiểm tra: Nghị định 59/2023/NĐ-CP quy định chi tiết Luật Thực hiện dân chủ ở cơ sở",
     ["59/2023/NĐ-CP"], r"""
::Cơ quan ban hành::Nghị định 59/2023/NĐ-CP do cơ quan nào ban hành? {
	~Thủ tướng Chính phủ
	=Chính phủ
	~Quốc hội
	~Ủy ban Thường vụ Quốc hội
}

::Ngày ban hành::Nghị định 59/2023/NĐ-CP được ban hành ngày nào? {
	~15/08/2023
	~10/11/2022
	~01/07/2023
	=14/08/2023
}

::Hiệu lực::Nghị định 59/2023/NĐ-CP có hiệu lực từ ngày nào? {
	=15/08/2023
	~14/08/2023
	~01/07/2023
	~01/01/2024
}

::Luật gốc::Nghị định 59/2023/NĐ-CP quy định chi tiết một số điều của luật nào? {
	~Luật Tiếp công dân
	~Luật Khiếu nại
	=Luật Thực hiện dân chủ ở cơ sở
	~Luật Cán bộ, công chức
}

::Ban Thanh tra nhân dân::Nghị định 59/2023/NĐ-CP quy định tổ chức và hoạt động của Ban Thanh tra nhân dân ở cơ quan, đơn vị. {TRUE#Chưa đúng. Đây là phần của Nghị định liên quan trực tiếp đến cơ quan.#Đúng.}

::Công khai::Các việc người đứng đầu phải công khai trong cơ quan được quy định ở Nghị định 59/2023/NĐ-CP chứ không có trong Luật. {FALSE#Chưa đúng. Các việc phải công khai được quy định ngay trong Luật.#Đúng. Chúng được quy định trong Luật.}

::Nội dung::Nghị định 59/2023/NĐ-CP quy định chi tiết những nội dung nào? {
	~%-50%Trình tự giải quyết khiếu nại quyết định hành chính
	~%33.33333%Tổ chức cuộc họp của cộng đồng dân cư ở thôn, tổ dân phố
	~%-50%Quy trình tuyển dụng công chức của cơ quan hành chính
	~%33.33333%Quy trình bầu, cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố
	~%33.33334%Tổ chức và hoạt động của Ban Giám sát đầu tư của cộng đồng
}

::Chỉ tiêu của Sở::Kế hoạch năm 2024 của Sở đặt chỉ tiêu thực hiện dân chủ trong cơ quan theo Nghị định 59/2023/NĐ-CP. {TRUE#Chưa đúng. Đây là một chỉ tiêu của Kế hoạch năm 2024 của Sở.#Đúng.}

::Cùng ngày::Nghị định 59/2023/NĐ-CP có hiệu lực cùng ngày với Luật Thực hiện dân chủ ở cơ sở. {FALSE#Chưa đúng. Luật có hiệu lực 01/07/2023, Nghị định từ 15/08/2023.#Đúng.}

::Phản ánh::Theo bài học, khi phát hiện quy chế dân chủ của cơ quan không được thực hiện, công chức nên phản ánh với ai? {
	~Ban Giám sát đầu tư của cộng đồng
	~Trưởng thôn nơi mình cư trú
	~Tổ trưởng tổ dân phố nơi cơ quan đóng trụ sở
	=Ban Thanh tra nhân dân của cơ quan
}
"""),
    ("kiem-tra-26-kh-bcd", "Kiểm tra: Kế hoạch 26-KH/BCĐ về thực hiện dân chủ cơ sở năm 2024", ["26-KH/BCĐ"], r"""
::Cơ quan ban hành::Kế hoạch 26-KH/BCĐ do cơ quan nào ban hành? {
	~UBND tỉnh Tây Ninh
	~Ban Thường vụ Tỉnh ủy Tây Ninh
	=Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh
	~Sở Nội vụ tỉnh Tây Ninh
}

::Loại văn bản::Văn bản số 26-KH/BCĐ thuộc loại văn bản nào? {
	=Kế hoạch
	~Công văn
	~Quyết định
	~Chỉ thị
}

::Ngày ban hành::Kế hoạch 26-KH/BCĐ được ban hành ngày nào? {
	=31/01/2024
	~29/02/2024
	~19/01/2024
	~25/02/2021
}

::Thứ tự::Kế hoạch 26-KH/BCĐ được ban hành trước Công văn 575/UBND-NC của UBND tỉnh. {TRUE#Chưa đúng. Kế hoạch ngày 31/01/2024, Công văn ngày 29/02/2024.#Đúng.}

::Thời gian::Kế hoạch 26-KH/BCĐ hướng dẫn thực hiện dân chủ ở cơ sở cho cả giai đoạn 2021-2025. {FALSE#Chưa đúng. Kế hoạch về thực hiện dân chủ cơ sở năm 2024.#Đúng. Kế hoạch cho năm 2024.}

::Lĩnh vực::Theo tên gọi, Ban Chỉ đạo ban hành Kế hoạch 26-KH/BCĐ phụ trách những lĩnh vực nào? {
	~Cải cách hành chính và chuyển đổi số trong các cơ quan của tỉnh
	~Tiếp công dân, giải quyết khiếu nại, tố cáo trên địa bàn tỉnh
	~Thi đua, khen thưởng và phong trào “Dân vận khéo” của tỉnh
	=Thực hiện quy chế dân chủ và công tác vận động quần chúng
}

::Ban Thanh tra nhân dân::Trong cơ quan, Ban Thanh tra nhân dân giám sát việc thực hiện quy chế dân chủ. {TRUE#Chưa đúng. Đây là một nhiệm vụ của Ban Thanh tra nhân dân.#Đúng.}

::Khi chưa có bản gốc::Khi chưa có bản gốc của Kế hoạch 26-KH/BCĐ, cơ quan có thể tạm dừng thực hiện dân chủ trong năm 2024. {FALSE#Chưa đúng. Việc thực hiện dân chủ vẫn theo Luật Thực hiện dân chủ ở cơ sở và Nghị định 59/2023/NĐ-CP.#Đúng.}
"""),
    ("kiem-tra-575-ubnd-nc", "Kiểm tra: Công văn 575/UBND-NC về thực hiện dân chủ ở cơ sở năm 2024", ["575/UBND-NC"], r"""
::Cơ quan ban hành::Công văn 575/UBND-NC do cơ quan nào ban hành? {
	~Ban Thường vụ Tỉnh ủy Tây Ninh
	~Ban Chỉ đạo thực hiện quy chế dân chủ và công tác vận động quần chúng tỉnh
	~Chính phủ
	=UBND tỉnh Tây Ninh
}

::Ngày ban hành::Công văn 575/UBND-NC được ban hành ngày nào? {
	=29/02/2024
	~31/01/2024
	~19/01/2024
	~14/08/2023
}

::Loại văn bản::Văn bản 575/UBND-NC là một kế hoạch của Ban Chỉ đạo tỉnh. {FALSE#Chưa đúng. Đây là công văn của UBND tỉnh Tây Ninh.#Đúng. Đây là công văn của UBND tỉnh.}

::Thứ tự::Công văn 575/UBND-NC được ban hành khoảng một tháng sau Kế hoạch 26-KH/BCĐ. {TRUE#Chưa đúng. Kế hoạch ngày 31/01/2024, Công văn ngày 29/02/2024.#Đúng.}

::Chủ đề::Công văn 575/UBND-NC là văn bản về cải cách hành chính năm 2024. {FALSE#Chưa đúng. Công văn về việc thực hiện dân chủ ở cơ sở năm 2024.#Đúng.}

::Chỉ đạo trực tiếp::Vì sao văn bản của UBND tỉnh là chỉ đạo trực tiếp đối với Sở Công Thương? {
	~Vì Sở là đơn vị trực thuộc Ban Chỉ đạo của tỉnh
	=Vì Sở là cơ quan chuyên môn thuộc UBND tỉnh
	~Vì Sở do Hội đồng nhân dân tỉnh trực tiếp thành lập
	~Vì Sở chịu sự chỉ đạo trực tiếp của Bộ Nội vụ
}

::Căn cứ::Ngoài chỉ đạo của tỉnh, việc thực hiện dân chủ trong cơ quan năm 2024 vẫn phải theo những văn bản nào? {
	~%-50%Nghị quyết 76/NQ-CP
	~%50%Luật Thực hiện dân chủ ở cơ sở
	~%-50%Quyết định 140/QĐ-UBND
	~%50%Nghị định 59/2023/NĐ-CP
}

::Hội nghị::Hội nghị cán bộ, công chức, viên chức là một hình thức thực hiện dân chủ trong cơ quan. {TRUE#Chưa đúng. Đây là một hình thức thực hiện dân chủ trong cơ quan.#Đúng.}
"""),
    ("kiem-tra-11-qdi-tw", "Kiểm tra: Quy định 11-QĐi/TW về trách nhiệm tiếp dân của người đứng đầu cấp ủy",
     ["11-QĐi/TW"], r"""
::Cơ quan ban hành::Quy định 11-QĐi/TW do cơ quan nào ban hành? {
	~Ban Bí thư
	~Ban Chấp hành Trung ương
	=Bộ Chính trị
	~Ủy ban Kiểm tra Trung ương
}

::Ngày ban hành::Quy định 11-QĐi/TW được ban hành ngày nào? {
	~25/11/2013
	=18/02/2019
	~07/01/2016
	~14/07/2015
}

::Cấp tỉnh::Theo Quy định 11-QĐi/TW, người đứng đầu cấp ủy cấp tỉnh tiếp dân định kỳ ít nhất bao lâu một lần? {
	~1 ngày trong 1 tuần
	~2 ngày trong 1 tháng
	~1 ngày trong 1 quý
	=1 ngày trong 1 tháng
}

::Cấp xã::Theo Quy định 11-QĐi/TW, người đứng đầu cấp ủy cấp xã tiếp dân định kỳ ít nhất bao lâu một lần? {
	=2 ngày trong 1 tháng
	~1 ngày trong 1 tháng
	~1 ngày trong 1 tuần
	~3 ngày trong 1 quý
}

::Thông báo::Người đứng đầu cấp ủy thông báo bằng văn bản cho người phản ánh về việc tiếp nhận hoặc chuyển xử lý trong thời hạn nào? {
	~5 ngày làm việc
	=10 ngày làm việc
	~15 ngày
	~30 ngày
}

::Đột xuất::Người đứng đầu cấp ủy tiếp dân đột xuất trong những trường hợp nào? {
	~%-50%Vụ việc đã có kết quả giải quyết và người phản ánh đã đồng ý
	~%50%Vụ việc nổi cộm, phức tạp, kéo dài, có nhiều người tham gia
	~%50%Vụ việc có thể gây hậu quả nghiêm trọng, ảnh hưởng đến an ninh, trật tự
	~%-50%Người dân đề nghị gặp riêng để trao đổi việc gia đình
}

::Trách nhiệm trực tiếp::Theo Quy định 11-QĐi/TW, tiếp dân, đối thoại với dân là trách nhiệm trực tiếp của người đứng đầu cấp ủy. {TRUE#Chưa đúng. Đây là trách nhiệm trực tiếp của người đứng đầu cấp ủy.#Đúng.}

::Giao hẳn::Người đứng đầu cấp ủy có thể giao hẳn việc tiếp dân định kỳ cho bộ phận giúp việc. {FALSE#Chưa đúng. Việc tiếp dân không thể giao hẳn cho bộ phận giúp việc.#Đúng.}

::Sửa đổi::Năm 2025, Bộ Chính trị đã sửa đổi, bổ sung một số điểm của Quy định 11-QĐi/TW. {TRUE#Chưa đúng. Kết luận 215-KL/TW ngày 23/11/2025 đã sửa đổi, bổ sung Quy định.#Đúng.}

::Luật Tiếp công dân::Quy định 11-QĐi/TW thay thế Luật Tiếp công dân đối với người đứng đầu cơ quan hành chính như Giám đốc Sở. {FALSE#Chưa đúng. Quy định của Đảng và Luật Tiếp công dân bổ sung cho nhau, không thay thế nhau.#Đúng.}
"""),
    ("kiem-tra-42-2013-qh13", "Kiểm tra: Luật Tiếp công dân (42/2013/QH13)", ["42/2013/QH13"], r"""
::Số hiệu::Luật Tiếp công dân có số hiệu là gì? {
	~10/2022/QH15
	=42/2013/QH13
	~02/2011/QH13
	~25/2018/QH14
}

::Ngày thông qua::Luật Tiếp công dân được Quốc hội thông qua ngày nào? {
	~01/07/2014
	~10/11/2022
	=25/11/2013
	~18/02/2019
}

::Hiệu lực::Luật Tiếp công dân có hiệu lực thi hành từ ngày nào? {
	~25/11/2013
	~01/01/2014
	~01/07/2023
	=01/07/2014
}

::Nguyên tắc::Việc tiếp công dân phải bảo đảm những nguyên tắc nào? {
	~%-50%Tiếp ở bất kỳ địa điểm nào thuận tiện cho cán bộ tiếp dân
	~%33.33333%Công khai, dân chủ, kịp thời
	~%-50%Chỉ tiếp người có giấy giới thiệu của cơ quan, tổ chức
	~%33.33333%Thủ tục đơn giản, thuận tiện
	~%33.33334%Giữ bí mật và bảo đảm an toàn cho người tố cáo
}

::Phiên dịch::Người đến nơi tiếp công dân mà không thông thạo tiếng Việt được sử dụng người phiên dịch. {TRUE#Chưa đúng. Luật cho phép sử dụng người phiên dịch.#Đúng.}

::Bí mật::Người tiếp công dân được cho người bị tố cáo biết thông tin về người tố cáo để hai bên đối chất. {FALSE#Chưa đúng. Luật nghiêm cấm tiết lộ thông tin về người tố cáo.#Đúng. Luật nghiêm cấm việc này.}

::Được từ chối::Trường hợp nào người tiếp công dân được từ chối tiếp? {
	~Người đến lần đầu, chưa từng gửi đơn đến cơ quan
	=Người có hành vi đe dọa, xúc phạm người tiếp công dân
	~Người trình bày bằng lời, không mang đơn viết sẵn
	~Người cư trú ở một huyện khác trong tỉnh
}

::Khiếu nại kéo dài::Được từ chối tiếp người khiếu nại về vụ việc đã được giải quyết đúng pháp luật, đã được rà soát, thông báo bằng văn bản, đã được giải thích nhưng vẫn cố tình khiếu nại kéo dài. {TRUE#Chưa đúng. Đây là một trường hợp được từ chối tiếp theo Luật.#Đúng.}

::Người đứng đầu::Người đứng đầu cơ quan có thể giao toàn bộ việc tiếp công dân cho cán bộ tiếp dân và không phải trực tiếp tiếp công dân. {FALSE#Chưa đúng. Người đứng đầu phải trực tiếp tiếp công dân theo quy định.#Đúng.}

::Khi tiếp::Khi tiếp công dân, người tiếp công dân phải làm gì? {
	=Đeo thẻ công chức, lắng nghe, ghi chép đầy đủ và hướng dẫn đúng quy định
	~Yêu cầu công dân viết lại đơn theo mẫu của cơ quan trước khi trình bày
	~Chỉ ghi nhận những nội dung thuộc thẩm quyền giải quyết của cơ quan mình
	~Hẹn công dân quay lại khi có đủ thành phần lãnh đạo cùng tiếp
}
"""),
]

# The quizzes the demo staff have taken (quizzes.demo.seed_attempts): those of the eight documents the
# 2024 sessions and the demo's history were built around. The other quizzes are open and untaken.
ATTEMPTED = [
    "kiem-tra-23-qd-tw", "kiem-tra-33-ct-ttg", "kiem-tra-10-2022-qh15", "kiem-tra-59-2023-nd-cp",
    "kiem-tra-76-nq-cp", "kiem-tra-114-kl-tw", "kiem-tra-120-kl-tw", "kiem-tra-42-2013-qh13",
]
