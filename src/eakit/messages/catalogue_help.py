"""The command line's help (``eakit --help``, ``eakit COMMAND --help``): each command's
and each option's description, under ``help.COMMAND`` and ``help.COMMAND.OPTION``.

The code names these ids where typer expects a help text; :mod:`eakit.cli.helptext` puts
the words of the chosen language in their place when the application is built. Each entry
is a ``(Vietnamese, English)`` pair (see :mod:`eakit.messages`).
"""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # click's own words around the help texts
    "help.click.usage": ("Cách dùng:", "Usage:"),
    "help.click.options": ("Tùy chọn", "Options"),
    "help.click.arguments": ("Tham số", "Arguments"),
    "help.click.commands": ("Lệnh", "Commands"),
    "help.click.help_option": ("Hiển thị trợ giúp này rồi thoát.", "Show this message and exit."),
    "help.click.default": ("mặc định: ", "default: "),
    "help.click.env_var": ("biến môi trường: ", "env var: "),
    "help.click.required": ("bắt buộc", "required"),
    "help.analyse": (
        "Điểm lỗi đơn (điểm khớp, cầu nối) và các hệ thống trung tâm nhất của mạng tích hợp và "
        "mạng hạ tầng.",
        "Single points of failure (articulation points, bridges) and the most central systems "
        "of the integration and infrastructure networks.",
    ),
    "help.analyse.diagram": (
        "Vẽ thêm các mạng, tô đậm điểm lỗi đơn và cầu nối, vào tệp này (.svg, .png hoặc .dot).",
        "Also draw the networks with their single points of failure and bridges highlighted, "
        "to this file (.svg, .png or .dot).",
    ),
    "help.analyse.top": (
        "Số hệ thống trung tâm cần liệt kê.",
        "How many central systems to list.",
    ),
    "help.analysis.format": (
        "Định dạng kết quả.",
        "Output format.",
    ),
    "help.analysis.output": (
        "Ghi vào tệp này thay vì đầu ra chuẩn.",
        "Write to this file, not stdout.",
    ),
    "help.build": (
        "Kiểm tra mô hình và ghi mọi báo cáo vào một thư mục: check.json, check.sarif, "
        "findings.txt, diagrams/, readiness.xlsx, readiness.docx và trang web site/.",
        "Check a model and write every report into one folder: check.json, check.sarif, "
        "findings.txt, diagrams/, readiness.xlsx, readiness.docx and the site/.",
    ),
    "help.build.diagrams": (
        "Vẽ các sơ đồ Graphviz.",
        "Render the Graphviz diagrams.",
    ),
    "help.build.force": (
        "Thay thư mục do một lệnh eakit khác ghi (không bao giờ thay thư mục eakit không ghi).",
        "Replace a folder another eakit command wrote (never one eakit did not write).",
    ),
    "help.build.output": (
        "Thư mục kết quả (được thay toàn bộ).",
        "Output folder (replaced as a whole).",
    ),
    "help.check": (
        "Nạp, xác thực và kiểm tra mô hình theo các bộ quy tắc của nó.",
        "Load, validate and check a model against its rule packs.",
    ),
    "help.check.base_path": (
        "SARIF và JUnit: đường dẫn tệp tính từ thư mục này (mặc định: thư mục gốc git của mô "
        "hình, nếu không có thì thư mục hiện tại).",
        "SARIF and JUnit: file paths relative to this folder (default: the git top-level "
        "folder of the model, else the current folder).",
    ),
    "help.check.format": (
        "Định dạng kết quả.",
        "Output format.",
    ),
    "help.check.ignore": (
        "Bỏ qua các mã quy tắc này (có thể dùng ký tự đại diện).",
        "Skip these rule ids (globs).",
    ),
    "help.check.output": (
        "Ghi vào tệp này thay vì đầu ra chuẩn.",
        "Write to this file, not stdout.",
    ),
    "help.check.poll": (
        "Dùng với --watch: dò thay đổi định kỳ (thư mục mạng hoặc trong container).",
        "With --watch: poll for changes (network or container folders).",
    ),
    "help.check.select": (
        "Chỉ các mã quy tắc này (có thể dùng ký tự đại diện).",
        "Only these rule ids (globs).",
    ),
    "help.check.waivers": (
        "Tệp miễn trừ (mặc định: mục 'waivers' của eakit.yaml).",
        "Waivers file (default: the manifest's 'waivers').",
    ),
    "help.check.watch": (
        "Chạy liên tục: kiểm tra lại mỗi khi một tệp mô hình được lưu, chỉ đọc các tệp đã đổi, "
        "và in ra những phát hiện mà lần sửa vừa gây ra hoặc đã khắc phục (Ctrl+C để dừng).",
        "Keep running: re-check each time a model file is saved, reading only the changed "
        "files, and print what the edit brought and fixed (Ctrl+C stops).",
    ),
    "help.common.as_of": (
        "Đánh giá theo các văn bản có hiệu lực vào ngày này (YYYY-MM-DD) [mặc định: ngày hiện "
        "trạng của mô hình].",
        "Judge by the texts in force at this date (YYYY-MM-DD) [default: the model's as_of].",
    ),
    "help.common.fail_on": (
        "Thoát với mã 1 khi có phát hiện từ mức này trở lên.",
        "Exit 1 on findings at or above this.",
    ),
    "help.common.jobs": (
        "Số tiến trình: 1, hoặc 2 để chia việc đọc và kiểm tra một mô hình lớn cho tiến trình "
        "thứ hai [mặc định: 2 với mô hình lớn trên máy Linux nhiều lõi, còn lại 1].",
        "Processes to use: 1, or 2 to share reading and checking a large model with a second "
        "process [default: 2 for a large model on a multi-core Linux machine, else 1].",
    ),
    "help.common.lang": (
        "Ngôn ngữ của kết quả và thông báo: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh).",
        "Language of the output and messages: vi (Vietnamese, the default) or en.",
    ),
    "help.common.max_components": (
        "Từ chối mô hình có nhiều thành phần hơn số này.",
        "Refuse a model with more components than this.",
    ),
    "help.common.max_model_bytes": (
        "Từ chối mô hình có tổng dung lượng tệp vượt số byte này.",
        "Refuse a model whose files total more bytes than this.",
    ),
    "help.common.model": (
        "Thư mục mô hình (có eakit.yaml).",
        "Model folder (with eakit.yaml).",
    ),
    "help.diagram": (
        "Vẽ các sơ đồ của mô hình bằng Graphviz: tổng quan, tích hợp, hạ tầng, lộ trình, mỗi "
        "cơ quan một sơ đồ, hoặc vùng lân cận của một thành phần.",
        "Draw the views of a model with Graphviz: overview, integration, infrastructure, "
        "roadmap, one per agency, or the neighbourhood of one component.",
    ),
    "help.diagram.depth": (
        "Số bước quanh thành phần --focus.",
        "Hops around --focus.",
    ),
    "help.diagram.findings": (
        "Đánh dấu các phát hiện trên các nút.",
        "Mark rule findings on the nodes.",
    ),
    "help.diagram.focus": (
        "Vẽ vùng lân cận của thành phần có mã này.",
        "Draw the neighbourhood of this component id.",
    ),
    "help.diagram.format": (
        "svg (mặc định), png hoặc dot; lặp lại tùy chọn hoặc phân cách bằng dấu phẩy.",
        "svg (default), png or dot; repeat or comma-separate.",
    ),
    "help.diagram.list": (
        "Liệt kê các sơ đồ của mô hình rồi thoát.",
        "List the views of the model and exit.",
    ),
    "help.diagram.output": (
        "Thư mục kết quả; sơ đồ ghi vào thư mục con diagrams/.",
        "Output folder; diagrams go to its diagrams/.",
    ),
    "help.diagram.view": (
        "Chỉ sơ đồ này (có thể lặp lại); xem --list.",
        "Only this view (repeatable); see --list.",
    ),
    "help.diff": (
        "Liệt kê các thành phần và quan hệ được thêm, bỏ và thay đổi giữa hai phiên bản của mô "
        "hình, cùng các phát hiện và điểm sẵn sàng đã thay đổi.",
        "List components and relations added, removed and changed between two versions of a "
        "model, and the findings and readiness scores that changed.",
    ),
    "help.diff.format": (
        "Định dạng kết quả.",
        "Output format.",
    ),
    "help.diff.git": (
        "So sánh mô hình ở hai phiên bản git: REV1 REV2.",
        "Compare the model at two git revisions: REV1 REV2.",
    ),
    "help.diff.models": (
        "Thư mục mô hình CŨ và MỚI; với --git, một thư mục mô hình (mặc định: model).",
        "OLD and NEW model folders; with --git, the one model folder (default: model).",
    ),
    "help.diff.no_check": (
        "Chỉ so sánh mô hình, không so sánh các phát hiện.",
        "Compare the models only, not the findings.",
    ),
    "help.diff.output": (
        "Ghi vào tệp này thay vì đầu ra chuẩn.",
        "Write to this file, not stdout.",
    ),
    "help.docs": (
        "Tạo trang web tài liệu của mô hình (HTML mở được từ thư mục hoặc tệp zip).",
        "Build the documentation site of a model (HTML that opens from a folder or a zip).",
    ),
    "help.docs.diagrams": (
        "Nhúng các sơ đồ Graphviz.",
        "Embed the Graphviz diagrams.",
    ),
    "help.docs.output": (
        "Thư mục kết quả; trang web ghi vào OUTPUT/site/.",
        "Output folder; the site goes to OUTPUT/site/.",
    ),
    "help.eakit": (
        "Mô hình hóa kiến trúc và đánh giá mức độ phù hợp cho chính quyền điện tử, chính quyền "
        "số Việt Nam.",
        "Enterprise-architecture modelling and compliance for Vietnamese e-government.",
    ),
    "help.eakit.version": (
        "Hiển thị phiên bản.",
        "Show the version.",
    ),
    "help.export": (
        "Ghi mô hình theo định dạng của công cụ khác.",
        "Write the model in another tool's format.",
    ),
    "help.export_archimate": (
        "Ghi mô hình thành tệp ArchiMate 3 Open Exchange Format (cho Archi và các công cụ khác).",
        "Write the model as an ArchiMate 3 Open Exchange Format file (for Archi and others).",
    ),
    "help.export_archimate.output": (
        "Tệp trao đổi cần ghi (mặc định: đầu ra chuẩn).",
        "Exchange file to write (default: stdout).",
    ),
    "help.export_archimate.validate": (
        "Kiểm tra tệp theo các lược đồ XSD của ArchiMate.",
        "Check the file against the ArchiMate XSDs.",
    ),
    "help.export_graph": (
        "Ghi đồ thị mô hình, đủ mọi thuộc tính, cho networkx, Gephi và các công cụ đồ thị khác.",
        "Write the model graph, every attribute included, for networkx, Gephi and other graph "
        "tools.",
    ),
    "help.export_graph.format": (
        "json (node-link của networkx), graphml hoặc gexf (Gephi).",
        "json (networkx node-link), graphml or gexf (Gephi).",
    ),
    "help.export_graph.output": (
        "Tệp cần ghi (mặc định: đầu ra chuẩn).",
        "File to write (default: stdout).",
    ),
    "help.generate": (
        "Ghi một mô hình tổng hợp: khoảng 3.000 thành phần và 9.000 quan hệ mỗi tỉnh.\n\nDữ "
        "liệu là giả lập (tên tiếng Việt và tỷ lệ thiếu sót giống thực tế) để đo hiệu năng và "
        "kiểm thử; cùng tham số cho ra các tệp giống hệt từng byte.",
        "Write a synthetic model: about 3,000 components and 9,000 relations per "
        "province.\n\nThe data are invented (with realistic Vietnamese names and a realistic "
        "share of gaps) for benchmarks and tests; the same arguments give byte-identical files.",
    ),
    "help.generate.force": (
        "Thay thư mục OUT khi nó do một lệnh eakit khác ghi (không bao giờ thay thư mục eakit "
        "không ghi).",
        "Replace OUT when another eakit command wrote it (never a folder eakit did not write).",
    ),
    "help.generate.out": (
        "Thư mục để ghi mô hình vào.",
        "Folder to write the model into.",
    ),
    "help.generate.provinces": (
        "Số tỉnh (34 ≈ toàn quốc).",
        "Number of provinces (34 ≈ national).",
    ),
    "help.generate.seed": (
        "Hạt giống ngẫu nhiên; cùng hạt giống thì cùng kết quả từng byte.",
        "Random seed; same seed, same bytes.",
    ),
    "help.impact": (
        "Những gì ngừng hoạt động khi một thành phần gặp sự cố: mọi thứ phụ thuộc vào nó, trực "
        "tiếp hay gián tiếp (theo lớp và cơ quan, kèm chuỗi phụ thuộc).",
        "What stops if a component fails: everything that depends on it, transitively (by "
        "layer and agency, with the chain of dependencies).",
    ),
    "help.impact.as_of": (
        "Đánh giá những gì hoạt động vào ngày này (YYYY-MM-DD): thành phần theo kế hoạch được "
        "tính từ năm mục tiêu của nó [mặc định: ngày hiện trạng của mô hình].",
        "Judge what runs on this date (YYYY-MM-DD): planned components count from their target "
        "year on [default: the model's as_of].",
    ),
    "help.impact.component": (
        "Mã của thành phần bị sự cố.",
        "Id of the component that fails.",
    ),
    "help.impact.depth": (
        "Đi tối đa chừng này bước [mặc định: tất cả].",
        "At most this many steps [default: all].",
    ),
    "help.import": (
        "Tạo mô hình eakit từ tệp của công cụ khác.",
        "Make an eakit model from another tool's file.",
    ),
    "help.import_archimate": (
        "Chuyển tệp trao đổi ArchiMate thành thư mục mô hình eakit, kèm báo cáo những gì không "
        "chuyển được (cũng ghi vào thư mục thành import-report.md).",
        "Turn an ArchiMate exchange file into an eakit model folder, with a report of what "
        "could not be mapped (also written to the folder as import-report.md).",
    ),
    "help.import_archimate.as_of": (
        "Ngày của hiện trạng, YYYY-MM-DD (mặc định: ngày ghi trong tệp, nếu không có thì hôm nay).",
        "Date of the current state, YYYY-MM-DD (default: the file's date, else today).",
    ),
    "help.import_archimate.force": (
        "Thay thư mục mô hình eakit đã ghi trước đó (không bao giờ thay thư mục eakit không ghi).",
        "Replace a model folder eakit wrote earlier (never one it did not write).",
    ),
    "help.import_archimate.framework": (
        "Mã khung kiến trúc (mặc định: vn-egov-2.0, Khung kiến trúc Chính phủ điện tử Việt Nam "
        "2.0).",
        "Framework id (default: vn-egov-2.0).",
    ),
    "help.import_archimate.horizon": (
        "Năm mục tiêu (mặc định: năm hiện trạng + 5).",
        "Target year (default: as-of + 5).",
    ),
    "help.import_archimate.id": (
        "Mã kiến trúc (mặc định: lấy từ tệp).",
        "Architecture id (default: from the file).",
    ),
    "help.import_archimate.output": (
        "Thư mục mô hình cần tạo.",
        "Model folder to create.",
    ),
    "help.import_archimate.source": (
        "Tệp trao đổi ArchiMate 3 (.xml).",
        "ArchiMate 3 exchange file (.xml).",
    ),
    "help.import_archimate.validate": (
        "Kiểm tra tệp theo các lược đồ XSD trước.",
        "First check the file against the XSDs.",
    ),
    "help.import_survey": (
        "Nhập kết quả khảo sát hiện trạng: thêm thành phần mới vào survey/<lớp>.yaml và cập "
        "nhật thành phần đã có theo mã. Không ghi gì nếu toàn bộ khảo sát chưa hợp lệ.",
        "Import an inventory survey: add new components to survey/<layer>.yaml and update "
        "existing ones by id. Nothing is written unless the whole survey is valid.",
    ),
    "help.import_survey.output": (
        "Thư mục mô hình cần cập nhật (tạo từ bảng kiến trúc của mẫu khi chưa có eakit.yaml).",
        "Model folder to update (created from the template's architecture table when it has no "
        "eakit.yaml).",
    ),
    "help.import_survey.workbook": (
        "Sổ tính khảo sát hiện trạng đã điền (.xlsx).",
        "The filled-in inventory workbook (.xlsx).",
    ),
    "help.init": (
        "Tạo mô hình mới: tệp eakit.yaml, mỗi lớp một tệp với ví dụ mẫu cho mọi loại thành "
        "phần, và các JSON Schema để trình soạn thảo gợi ý. Kết quả đạt `eakit check`.",
        "Create a new model: a manifest, one file per layer with worked examples of every "
        "kind, and the JSON Schemas for editor completion. The result passes `eakit check`.",
    ),
    "help.init.as_of": (
        "Ngày của hiện trạng (YYYY-MM-DD; mặc định: hôm nay).",
        "Date of the current state (YYYY-MM-DD; default: today).",
    ),
    "help.init.folder": (
        "Thư mục mới (hoặc trống) cho mô hình.",
        "New (or empty) folder for the model.",
    ),
    "help.init.framework": (
        "Khung kiến trúc quốc gia mà mô hình tuân theo.",
        "National framework the model follows.",
    ),
    "help.init.horizon": (
        "Năm mục tiêu (mặc định: cuối kỳ kế hoạch hiện tại).",
        "Target year (default: end of the current plan period).",
    ),
    "help.init.id": (
        "Mã kiến trúc, ví dụ 'can-tho' (mặc định: tên thư mục).",
        "Architecture id, e.g. 'can-tho' (default: the folder's name).",
    ),
    "help.init.name": (
        "Tên tiếng Việt của kiến trúc.",
        "Vietnamese name of the architecture.",
    ),
    "help.init.name_en": (
        "Tên tiếng Anh của kiến trúc.",
        "English name of the architecture.",
    ),
    "help.lsp": (
        "Chạy máy chủ ngôn ngữ (báo lỗi khi gõ, đi tới định nghĩa, đổi tên, ...).",
        "Run the language server (errors as you type, go to definition, rename, ...).",
    ),
    "help.lsp.model": (
        "Thư mục mô hình (có eakit.yaml) [mặc định: thư mục làm việc của trình soạn thảo, một "
        "thư mục con có eakit.yaml, hoặc thư mục gần nhất phía trên tệp mở đầu tiên].",
        "Model folder (with eakit.yaml) [default: the editor's workspace folder, a folder "
        "below it with eakit.yaml, or the nearest above the first file opened].",
    ),
    "help.lsp.stdio": (
        "Trao đổi qua đầu vào và đầu ra chuẩn (cách duy nhất).",
        "Talk over stdin and stdout (the only way).",
    ),
    "help.merge": (
        "Hợp nhất mô hình của nhiều tỉnh thành một (ví dụ --into can-tho), giữ một bản cho các "
        "hệ thống dùng chung quốc gia và đổi các mã trùng.",
        "Merge the models of several provinces into one (e.g. --into can-tho), keeping shared "
        "national systems once and renaming clashing ids.",
    ),
    "help.merge.force": (
        "Thay thư mục mô hình eakit đã ghi trước đó (không bao giờ thay thư mục eakit không ghi).",
        "Replace a model folder eakit wrote earlier (never one it did not write).",
    ),
    "help.merge.into": (
        "Mã của kiến trúc hợp nhất.",
        "Id of the merged architecture.",
    ),
    "help.merge.models": (
        "Các thư mục mô hình cần hợp nhất, thư mục đầu tiên là chính.",
        "The model folders to merge, first one leading.",
    ),
    "help.merge.name": (
        "Tên tiếng Việt của kiến trúc hợp nhất.",
        "Vietnamese name of the merged architecture.",
    ),
    "help.merge.name_en": (
        "Tên tiếng Anh.",
        "English name.",
    ),
    "help.merge.on_clash": (
        "rename: thêm mã nguồn vào trước các mã trùng; fail: chỉ báo cáo.",
        "rename: prefix clashing ids with the source id; fail: only report.",
    ),
    "help.merge.output": (
        "Thư mục mô hình cần tạo.",
        "Model folder to create.",
    ),
    "help.merge.owner_agency": (
        "Mã của cơ quan chủ quản.",
        "Id of the owning agency.",
    ),
    "help.merge.province": (
        "Mã của Ủy ban nhân dân tỉnh mới.",
        "Id of the new province's committee.",
    ),
    "help.report": (
        "Ghi sổ tính đánh giá mức độ sẵn sàng (readiness.xlsx) hoặc văn bản báo cáo "
        "(readiness.docx) của mô hình.",
        "Write the readiness workbook (readiness.xlsx) or the report document (readiness.docx) "
        "of a model.",
    ),
    "help.report.empty": (
        "Dùng với --template: chỉ có tiêu đề, không có thành phần.",
        "With --template: headings only, no components.",
    ),
    "help.report.format": (
        "xlsx: sổ tính đánh giá mức độ sẵn sàng; docx: văn bản báo cáo chính thức (thể thức theo "
        "Nghị định 30/2020/NĐ-CP) gửi Ủy ban nhân dân tỉnh.",
        "xlsx: the readiness workbook; docx: the official report document (Decree 30/2020 "
        "layout) for the Provincial People's Committee.",
    ),
    "help.report.output": (
        "Thư mục kết quả: sổ tính ghi vào OUTPUT/readiness.xlsx, văn bản báo cáo ghi vào "
        "OUTPUT/readiness.docx.",
        "Output folder: the workbook goes to OUTPUT/readiness.xlsx, the report document to "
        "OUTPUT/readiness.docx.",
    ),
    "help.report.template": (
        "Ghi mẫu khảo sát hiện trạng (inventory.xlsx) thay cho sổ tính đánh giá; các cơ quan "
        "điền vào để dùng với 'eakit import-survey'.",
        "Write the inventory survey template (inventory.xlsx) instead of the readiness "
        "workbook; agencies fill it in for 'eakit import-survey'.",
    ),
    "help.rules": (
        "Liệt kê mọi quy tắc có sẵn với nhóm, mức độ và căn cứ pháp lý tại một ngày (văn bản, "
        "điều khoản, trích dẫn, nguồn, xác minh) [ngày mặc định: hôm nay].",
        "List every bundled rule with its category, severity and legal basis at a date (text, "
        "article, quote, source, verification) [default date: today].",
    ),
    "help.rules.as_of": (
        "Hiển thị căn cứ có hiệu lực vào ngày này (YYYY-MM-DD).",
        "Show the basis in force at this date (YYYY-MM-DD).",
    ),
    "help.rules.format": (
        "Định dạng kết quả: text hoặc json.",
        "Output format: text or json.",
    ),
    "help.schema": (
        "Ghi JSON Schema của các tệp mô hình (hoặc của eakit.yaml) cho trình soạn thảo.",
        "Write the JSON Schema of model files (or of eakit.yaml) for editors.",
    ),
    "help.schema.for": (
        "'model' (các tệp mô hình) hoặc 'manifest' (eakit.yaml).",
        "'model' (model files) or 'manifest' (eakit.yaml).",
    ),
    "help.schema.output": (
        "Ghi vào tệp này thay vì đầu ra chuẩn.",
        "Write to this file, not stdout.",
    ),
}
