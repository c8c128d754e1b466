"""The loader's messages: what a model file must hold, and what is wrong with it.

Each entry is a ``(Vietnamese, English)`` pair of templates (see :mod:`eakit.messages`).
"""

from __future__ import annotations

LOADER: dict[str, tuple[str, str]] = {
    # words
    "word.or": ("hoặc", "or"),
    "word.and": ("và", "and"),
    # what a field expects (eakit.loader.expect)
    "expect.id": (
        "một mã (chữ thường không dấu, chữ số và '-', ví dụ 'so-tu-phap')",
        "an id (lower-case letters, digits and '-', like 'so-tu-phap')",
    ),
    "expect.period": ("hai năm, ví dụ 2016-2020", "two years like 2016-2020"),
    "expect.between": ("{noun} từ {low} đến {high}", "{noun} from {low} to {high}"),
    "expect.at_least": ("{noun} không nhỏ hơn {low}", "{noun} of at least {low}"),
    "expect.at_most": ("{noun} không lớn hơn {high}", "{noun} of at most {high}"),
    "expect.year": ("một năm", "a year"),
    "expect.integer": ("một số nguyên", "an integer"),
    "expect.number": ("một số", "a number"),
    "expect.bool": ("true hoặc false", "true or false"),
    "expect.pattern": ("văn bản khớp mẫu {pattern}", "text matching {pattern}"),
    "expect.text": ("văn bản", "text"),
    "expect.date": ("một ngày dạng YYYY-MM-DD", "a date YYYY-MM-DD"),
    "expect.id_list": (
        "một danh sách mã, ví dụ [so-tu-phap, so-tt-tt]",
        "a list of ids, like [so-tu-phap, so-tt-tt]",
    ),
    "expect.list": ("một danh sách", "a list"),
    "expect.mapping": ("một bảng khóa: giá trị", "a mapping of keys to values"),
    "expect.valid": ("một giá trị hợp lệ", "a valid value"),
    # values and fields as a message shows them (eakit.loader.errors)
    "shown.empty": ("giá trị rỗng", "an empty value"),
    "shown.list": ("một danh sách", "a list"),
    "shown.mapping": ("một bảng khóa: giá trị", "a mapping"),
    "shown.long": ("'{head}...' ({count} ký tự)", "'{head}...' ({count} characters)"),
    "shown.single": ("một giá trị đơn {value}", "a single value {value}"),
    "what.of": ("{field} của {what}", "{field} of {what}"),
    "what.component": ("thành phần", "component"),
    "what.component_id": ("thành phần '{id}'", "component '{id}'"),
    "what.kind_id": ("{kind} '{id}'", "{kind} '{id}'"),
    "what.relation": ("quan hệ", "relation"),
    "what.manifest": ("tệp khai báo eakit.yaml", "eakit.yaml"),
    # hints appended to a message
    "hint.did_you_mean": (" (có phải là '{option}'?)", " (did you mean '{option}'?)"),
    "hint.belongs_to": (" ('{key}' là trường của {kinds})", " ('{key}' belongs to {kinds})"),
    "hint.try": (" (thử '{value}')", " (try '{value}')"),
    "hint.unquote": (" (viết không có dấu nháy)", " (write it without quotes)"),
    "hint.as_list": (" (viết [{value}])", " (write [{value}])"),
    "hint.quote": (" (đặt trong dấu nháy)", " (put it in quotes)"),
    "hint.date_day": (
        " (ngày nằm ngoài khoảng cho phép)",
        " (day value is outside expected range)",
    ),
    "hint.date_month": (
        " (tháng nằm ngoài khoảng cho phép)",
        " (month value is outside expected range)",
    ),
    "hint.date_year": (
        " (năm nằm ngoài khoảng cho phép)",
        " (year value is outside expected range)",
    ),
    # schema problems (eakit.loader.errors)
    "schema.unknown_key": (
        "khóa không hợp lệ {key} trong {where}{hint}",
        "unknown key {key} in {where}{hint}",
    ),
    "schema.too_long": (
        "{field} dài {length} ký tự, vượt giới hạn {limit}",
        "{field} is {length} characters long, over the limit of {limit}",
    ),
    "schema.empty": (
        "{field} đang để trống; hãy ghi giá trị hoặc bỏ khóa này",
        "{field} is empty; write a value or remove the key",
    ),
    "schema.must_be": (
        "{field} phải là {expected}, nhưng đang là {got}{hint}",
        "{field} must be {expected}, got {got}{hint}",
    ),
    "schema.choice": (
        "giá trị {got} không hợp lệ cho {field}; chấp nhận: {expected}{hint}",
        "{field} must be {expected}, got {got}{hint}",
    ),
    "schema.one_of_many": (
        "giá trị {got} không hợp lệ cho {field}; chấp nhận một trong {count} giá trị đã định{hint}",
        "{field} must be one of {count} known values, got {got}{hint}",
    ),
    "schema.key_not_text": (
        "khóa {key} trong {where} phải là văn bản (đặt trong dấu nháy)",
        "key {key} in {where} must be text (put it in quotes)",
    ),
    "schema.missing": (
        "thiếu trường bắt buộc {field} trong {where}",
        "missing required key {field} in {where}",
    ),
    "schema.invalid": ("{field}: {reason}", "{field}: {reason}"),
    # kinds and model files (eakit.loader.collect)
    "kind.keys_fit": (" (các khóa của nó khớp loại '{kind}')", " (its keys fit kind '{kind}')"),
    "kind.archimate_example": (
        "một loại phần tử ArchiMate (business_process, application_service, ...)",
        "an ArchiMate element kind (business_process, application_service, ...)",
    ),
    "relation.archimate_refused": (
        "quan hệ '{type}' từ {source_kind} '{source}' ({source_type}) tới {target_kind} "
        "'{target}' ({target_type}) không được ArchiMate 3.2 cho phép; được phép: {allowed}",
        "relation '{type}' from {source_kind} '{source}' ({source_type}) to {target_kind} "
        "'{target}' ({target_type}) is not allowed by ArchiMate 3.2; allowed: {allowed}",
    ),
    "relation.attribute_owner": (
        "chỉ dùng cho quan hệ '{owner}', không cho '{kind}'",
        "is for '{owner}' relations only, not '{kind}'",
    ),
    "kind.use_one_of": ("; dùng một trong các loại {kinds}", "; use one of {kinds}"),
    "kind.missing": ("{what} không có 'kind'{hint}", "{what} has no 'kind'{hint}"),
    "kind.not_text": (
        "'kind' phải là một trong các loại {kinds}, nhưng đang là {got}",
        "'kind' must be one of {kinds}, got {got}",
    ),
    "kind.unknown": ("loại thành phần không hợp lệ {got}{hint}", "unknown kind {got}{hint}"),
    "model.empty_file": (
        "tệp rỗng: hãy thêm 'components:' hoặc 'relations:', hoặc xóa tệp",
        "file is empty: add 'components:' or 'relations:', or remove the file",
    ),
    "model.component_not_mapping": (
        "một thành phần phải là một bảng khóa: giá trị có 'id', 'kind' và 'name', "
        "nhưng đang là {got}",
        "a component must be a mapping with 'id', 'kind' and 'name', got {got}",
    ),
    "model.duplicate_id": (
        "mã '{id}' bị trùng (đã khai báo tại {first})",
        "duplicate id '{id}' (first defined at {first})",
    ),
    "model.relation_not_mapping": (
        "một quan hệ phải là một bảng khóa: giá trị như {{from: a, to: b, type: t}}, "
        "nhưng đang là {got}",
        "a relation must be a mapping like {{from: a, to: b, type: t}}, got {got}",
    ),
    "model.file_not_mapping": (
        "một tệp mô hình là bảng khóa: giá trị có 'components:' và/hoặc 'relations:', "
        "nhưng tệp này chứa {what}",
        "a model file is a mapping with 'components:' and/or 'relations:', "
        "but this file holds {what}",
    ),
    "model.unknown_top_key": (
        "khóa cấp cao nhất không hợp lệ {key}{hint}",
        "unknown top-level key {key}{hint}",
    ),
    "model.top_keys": (
        "; một tệp mô hình chứa 'components' và 'relations'",
        "; a model file holds 'components' and 'relations'",
    ),
    "model.not_a_list": (
        "'{key}' phải là một danh sách (mỗi mục bắt đầu bằng '- '), nhưng đang là {got}",
        "'{key}' must be a list (each item starts with '- '), got {got}",
    ),
    # references (eakit.loader.references)
    "kind.any": ("bất kỳ loại nào", "any kind"),
    "ref.unknown": (
        "{what} tham chiếu tới thành phần không tồn tại '{target}'{hint}",
        "{what} refers to unknown component '{target}'{hint}",
    ),
    "ref.wrong_kind": (
        "{what} phải tham chiếu tới {kinds}, nhưng '{target}' thuộc loại {kind}",
        "{what} must refer to {kinds}, but '{target}' is of kind {kind}",
    ),
    "ref.itself": (
        "{field} của '{id}' tham chiếu tới chính nó",
        "{field} of '{id}' refers to itself",
    ),
    "ref.relation_end": ("{end} của quan hệ", "relation {end}"),
    "ref.architecture": ("{field} của kiến trúc", "architecture {field}"),
    "relation.wrong_ends": (
        "quan hệ '{type}' không thể đi từ {source_kind} '{source}' tới {target_kind} "
        "'{target}' (quan hệ này đi từ {from_kinds} tới {to_kinds})",
        "relation '{type}' cannot go from {source_kind} '{source}' to {target_kind} "
        "'{target}' (it goes from {from_kinds} to {to_kinds})",
    ),
    "relation.itself": (
        "quan hệ '{type}' nối '{source}' với chính nó",
        "relation '{type}' connects '{source}' to itself",
    ),
    "relation.duplicate": (
        "quan hệ bị trùng {source} --{type}--> {target} (đã khai báo tại {first})",
        "duplicate relation {source} --{type}--> {target} (first declared at {first})",
    ),
    # files, paths and bounds (eakit.loader)
    "files.glob_inside_name": (
        "mẫu include '{pattern}' dùng '**' bên trong một tên; '**' phải là cả một phần của đường "
        "dẫn, như '**/*.yaml'",
        "include pattern '{pattern}' uses '**' inside a name; '**' must be a whole path part, as "
        "in '**/*.yaml'",
    ),
    "files.glob_leaves_root": (
        "mẫu include '{pattern}' đi ra ngoài thư mục mô hình; hãy dùng mẫu tương đối với thư mục "
        "chứa eakit.yaml",
        "include pattern '{pattern}' leaves the model root; use a glob relative to the folder of "
        "eakit.yaml",
    ),
    "files.waivers_outside": (
        "tệp miễn trừ '{path}' nằm ngoài thư mục mô hình; hãy để nó trong thư mục mô hình",
        "waivers file '{path}' is outside the model root; keep it in the model folder",
    ),
    "what.waivers_file": ("tệp miễn trừ", "waivers file"),
    "what.rule_pack": ("bộ quy tắc", "rule pack"),
    "files.pack_outside": (
        "bộ quy tắc '{path}' nằm ngoài thư mục mô hình",
        "rule pack '{path}' is outside the model root",
    ),
    "files.link_loop": (
        "là một liên kết vòng trở lại chính nó; hãy xóa nó",
        "is a link that loops back on itself; remove it",
    ),
    "files.broken_link": (
        "là một liên kết hỏng (đích của nó không tồn tại); hãy xóa hoặc sửa đích",
        "is a broken link (its target does not exist); remove it or fix the target",
    ),
    "io.cannot_read": ("không đọc được: {reason}", "cannot be read: {reason}"),
    "io.folder_cannot_read": (
        "không đọc được thư mục: {reason}",
        "folder cannot be read: {reason}",
    ),
    "files.link_folder_outside": (
        "là liên kết tới một thư mục ngoài thư mục mô hình; eakit không đọc gì ở ngoài",
        "is a link to a folder outside the model root; eakit reads nothing outside it",
    ),
    "files.glob_relative": (
        "mẫu include '{pattern}' đi ra ngoài thư mục mô hình; hãy dùng mẫu tương đối",
        "include pattern '{pattern}' leaves the model root; use a relative glob",
    ),
    "files.too_many": (
        "thư mục mô hình chứa hơn {count} tệp và thư mục; eakit dừng tìm: chỉ để các tệp của mô "
        "hình trong đó",
        "the model folder holds more than {count} files and folders; eakit stops looking: keep "
        "only the model's files in it",
    ),
    "files.link_file_outside": (
        "là liên kết tới một tệp ngoài thư mục mô hình; eakit không đọc gì ở ngoài",
        "is a link to a file outside the model root; eakit reads nothing outside it",
    ),
    "files.folder_matches": (
        "là một thư mục nhưng khớp mẫu include; hãy đổi tên hoặc loại trừ nó",
        "is a folder but matches the include pattern; rename it or exclude it",
    ),
    "files.not_regular": (
        "không phải tệp thông thường (một pipe, socket hoặc thiết bị); hãy xóa nó",
        "is not a regular file (a pipe, socket or device); remove it",
    ),
    "files.link_read_already": (
        "là liên kết tới '{first}', tệp đã được đọc; hãy xóa liên kết hoặc loại trừ nó",
        "is a link to '{first}', which is read already; remove the link or exclude it",
    ),
    "confine.absolute": (
        "{what} '{path}' là đường dẫn tuyệt đối; eakit chỉ đọc các tệp trong thư mục mô hình: hãy "
        "chép tệp vào đó và ghi đường dẫn tương đối",
        "{what} '{path}' is an absolute path; eakit reads only files inside the model folder: "
        "copy the file into it and write a path relative to it",
    ),
    "confine.climbs": (
        "{what} '{path}' đi ra ngoài thư mục mô hình ('..'); eakit chỉ đọc các tệp trong đó: hãy "
        "chép tệp vào thư mục mô hình",
        "{what} '{path}' leaves the model folder ('..'); eakit reads only files inside it: copy "
        "the file into the model folder",
    ),
    "confine.link": (
        "{what} '{path}' là (hoặc đi qua) một liên kết tới nơi ngoài thư mục mô hình; eakit chỉ "
        "đọc các tệp trong đó: hãy thay liên kết bằng chính tệp",
        "{what} '{path}' is (or passes through) a link to a place outside the model folder; eakit "
        "reads only files inside it: replace the link by the file",
    ),
    "confine.cannot_read": (
        "không đọc được {what} '{path}': {reason}",
        "{what} '{path}' cannot be read: {reason}",
    ),
    "confine.folder": ("một thư mục", "a folder"),
    "confine.not_regular": (
        "không phải tệp thông thường (một pipe hoặc thiết bị)",
        "not a regular file (a pipe or device)",
    ),
    "confine.not_a_file": (
        "{what} '{path}' là {kind}; hãy chỉ tới một tệp YAML",
        "{what} '{path}' is {kind}; name a YAML file",
    ),
    "limits.bytes": (
        "các tệp mô hình có tổng cộng {total} byte, vượt giới hạn {limit} byte; nếu mô hình thực "
        "sự lớn như vậy, hãy nâng giới hạn bằng --max-model-bytes (hoặc EAKIT_MAX_MODEL_BYTES)",
        "the model files total {total} bytes, over the limit of {limit} bytes; raise it with "
        "--max-model-bytes (or EAKIT_MAX_MODEL_BYTES) if the model is really this large",
    ),
    "limits.components": (
        "mô hình có hơn {limit} thành phần, vượt giới hạn; nếu mô hình thực sự lớn như vậy, hãy "
        "nâng giới hạn bằng --max-components (hoặc EAKIT_MAX_COMPONENTS)",
        "the model has more than {limit} components, over the limit; raise it with "
        "--max-components (or EAKIT_MAX_COMPONENTS) if the model is really this large",
    ),
    "manifest.empty": (
        "tệp khai báo rỗng: cần có 'eakit: 1' và 'architecture:'",
        "the manifest is empty: it needs 'eakit: 1' and 'architecture:'",
    ),
    "io.file_too_large": (
        "tệp có {size} byte, vượt giới hạn {limit} byte; hãy tách nhỏ",
        "file is {size} bytes, over the {limit}-byte limit; split it",
    ),
    "manifest.not_folder": (
        "thư mục mô hình không phải là thư mục",
        "model folder is not a folder",
    ),
    "manifest.no_folder": ("không tìm thấy thư mục mô hình", "model folder not found"),
    "manifest.missing": (
        "không có eakit.yaml ở đây: một thư mục mô hình cần tệp khai báo này (xem 'eakit init')",
        "no eakit.yaml here: a model folder needs this manifest (see 'eakit init')",
    ),
    "manifest.not_mapping": (
        "tệp khai báo phải là một bảng khóa: giá trị có 'eakit: 1' và 'architecture:', nhưng đang "
        "chứa {got}",
        "the manifest must be a mapping with 'eakit: 1' and 'architecture:', but it holds {got}",
    ),
    # operating-system reasons
    "os.not_found": ("không tồn tại", "No such file or directory"),
    "os.denied": ("không có quyền truy cập", "Permission denied"),
    "os.is_folder": ("là một thư mục", "Is a directory"),
    "os.not_folder": ("không phải là thư mục", "Not a directory"),
    "os.loop": ("có quá nhiều liên kết lồng nhau", "Too many levels of symbolic links"),
    "os.io": ("lỗi vào/ra của thiết bị", "Input/output error"),
    # YAML and encodings (eakit.loader.yamlio)
    "yaml.long_number": (
        "số có {digits} ký tự, vượt giới hạn {limit} chữ số; nếu đây là văn bản, hãy đặt trong "
        "dấu nháy",
        "number of {digits} characters, over the limit of {limit} digits; put it in quotes if it "
        "is text",
    ),
    "yaml.alias_bomb": (
        "quá nhiều nút sau khi mở rộng bí danh (có thể là bom bí danh); hãy bỏ các neo (&) và bí "
        "danh (*)",
        "too many nodes after alias expansion (possible alias bomb); remove the anchors and "
        "aliases",
    ),
    "yaml.too_deep": ("lồng sâu hơn {limit} cấp", "nesting deeper than {limit} levels"),
    "yaml.tag_plain": (
        "không cho phép thẻ '{tag}': eakit chỉ đọc YAML thuần",
        "tag '{tag}' is not allowed: eakit reads plain YAML only",
    ),
    "yaml.key_scalar": ("khóa của bảng phải là giá trị đơn", "mapping keys must be scalars"),
    "yaml.merge_key": ("không cho phép khóa gộp ('<<')", "merge keys ('<<') are not allowed"),
    "yaml.tag": ("không cho phép thẻ '{tag}'", "tag '{tag}' is not allowed"),
    "yaml.duplicate_key": (
        "khóa '{key}' bị trùng (đã khai báo ở dòng {line})",
        "duplicate key '{key}' (first defined at line {line})",
    ),
    "yaml.never_closed": (
        "YAML không hợp lệ: '{bracket}' không được đóng (cần ',' hoặc '{closing}' trước dòng "
        "{line}, cột {col})",
        "invalid YAML: '{bracket}' is never closed (expected ',' or '{closing}' before line "
        "{line}, column {col})",
    ),
    "yaml.quote_open": (
        "YAML không hợp lệ: dấu nháy này không được đóng",
        "invalid YAML: this quote is never closed",
    ),
    "yaml.tab": (
        "ký tự tab: hãy thụt lề bằng dấu cách, không dùng tab",
        "tab character: indent with spaces, not tabs",
    ),
    "yaml.bad_start": (
        "YAML không hợp lệ: một giá trị không thể bắt đầu bằng '{char}'; hãy đặt trong dấu nháy",
        "invalid YAML: a value cannot start with '{char}'; put it in quotes",
    ),
    "yaml.long_key": (
        "khóa dài {length} ký tự, vượt giới hạn {limit}",
        "key is {length} characters long, over the limit of {limit}",
    ),
    "yaml.unexpected_colon": (
        "YAML không hợp lệ: dấu ':' không đúng chỗ (kiểm tra thụt lề ở trên, hoặc đặt giá trị có "
        "': ' trong dấu nháy)",
        "invalid YAML: unexpected ':' (check the indentation above, or put a value containing ': "
        "' in quotes)",
    ),
    "yaml.expected_colon": (
        "YAML không hợp lệ: cần 'khóa: giá trị' (có thiếu dấu ':' không?)",
        "invalid YAML: expected 'key: value' (is a ':' missing?)",
    ),
    "yaml.indentation": (
        "YAML không hợp lệ: thụt lề sai: dòng này không thẳng hàng với các dòng trên",
        "invalid YAML: bad indentation: this line does not line up with the lines above",
    ),
    "yaml.undefined_alias": (
        "bí danh '*{alias}' không có neo '&{alias}' ở trước",
        "alias '*{alias}' has no anchor '&{alias}' before it",
    ),
    "yaml.anchor_twice": (
        "neo được khai báo hai lần (lần đầu ở dòng {line}); hãy đổi tên một neo",
        "anchor defined twice (first at line {line}); rename one",
    ),
    "yaml.second_document": (
        "một tệp mô hình chứa một tài liệu YAML; dấu '---' này mở tài liệu thứ hai (hãy tách "
        "thành hai tệp)",
        "a model file holds one YAML document; this '---' starts a second one (split it into two "
        "files)",
    ),
    "yaml.invalid": ("YAML không hợp lệ", "invalid YAML"),
    "yaml.invalid_because": (
        "YAML không hợp lệ (thông báo của bộ đọc YAML: {problem})",
        "invalid YAML: {problem}",
    ),
    "encoding.wide": (
        "tệp dùng bảng mã {encoding}; hãy lưu lại dưới dạng UTF-8",
        "the file is {encoding}; save it as UTF-8",
    ),
    "encoding.not_utf8": (
        "không phải UTF-8 hợp lệ (byte 0x{byte}); hãy lưu tệp dưới dạng UTF-8 (chuyển văn bản "
        "TCVN3, VNI hoặc Windows-1258 trước)",
        "not valid UTF-8 (byte 0x{byte}); save the file as UTF-8 (convert TCVN3, VNI or "
        "Windows-1258 text first)",
    ),
    "encoding.nul": (
        "ký tự NUL: đây không phải tệp văn bản",
        "NUL character: this is not a text file",
    ),
    "encoding.line_separator": (
        "ký tự ngăn dòng U+{code}: hãy dùng dấu xuống dòng thông thường",
        "line separator U+{code}: use a plain line break",
    ),
    "encoding.control": (
        "ký tự điều khiển U+{code}: hãy xóa nó",
        "control character U+{code}: remove it",
    ),
    # refused by the model's own validators (eakit.model)
    "model.name_control": (
        "tên không được chứa ký tự điều khiển {code} (kể cả chuỗi thoát và ký tự đảo chiều "
        "hiển thị): hãy xóa nó",
        "a name cannot hold the control character {code} (escape sequences and direction "
        "overrides included): remove it",
    ),
    "model.ends_before_start": (
        "{end} ở trước ngày hiệu lực {start} (valid_from): một thành phần không thể kết thúc "
        "trước khi bắt đầu",
        "{end} is before valid_from {start}: a component cannot end before it begins",
    ),
}
