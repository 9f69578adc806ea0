#pragma once

// What a person is told about a file they give junheng (common/io): where in it a problem is,
// what the file is when it cannot be read, and how to write a cell.

#include "common/i18n/message.h"

namespace junheng::i18n::file {

inline constexpr Msg kSaveAs{"file.save_as", "请另存为“CSV UTF-8（逗号分隔）”或 .xlsx",
                             "save the file as CSV UTF-8 (逗号分隔) or as .xlsx"};
inline constexpr Msg kRowColumn{"file.row_column", "第 $0 行 $1 列", "row $0, column $1"};
inline constexpr Msg kLineColumn{"file.line_column", "第 $0 行第 $1 列", "line $0, column $1"};
inline constexpr Msg kLine{"file.line", "第 $0 行", "line $0"};
inline constexpr Msg kRow{"file.row", "第 $0 行", "row $0"};
inline constexpr Msg kOldWorkbook{
    "file.xls",
    "这是 Excel 97-2003 或旧版 WPS 的 .xls/.et 工作簿（或加了密码的工作簿），junheng 读不了；请在 "
    "Excel 或 WPS "
    "中打开，去掉密码后$0",
    "the file is an .xls or .et workbook of Excel 97-2003 or older WPS (or a password-protected "
    "workbook), which junheng cannot read; open it in Excel or WPS, remove any password and $0"};
inline constexpr Msg kEmpty{"file.empty", "文件是空的；请用 `junheng template` 生成的模板填写后$0",
                            "the file is empty; fill in the template from `junheng template` and "
                            "$0"};
inline constexpr Msg kFolder{"file.folder", "$0 是文件夹，不是文件；请写出其中的文件名",
                             "$0 is a folder, not a file; name a file inside it"};
inline constexpr Msg kCannotOpen{"file.cannot_open", "打不开 $0（$1）；请检查文件名",
                                 "cannot open $0: $1; check the file name"};
inline constexpr Msg kNotText{"file.not_text", "$0$1；$2", "$0 $1; $2"};
inline constexpr Msg kBadUtf16{"file.bad_utf16", "不是有效的 UTF-16 文本，但文件开头有 UTF-16 标记",
                               "is not valid UTF-16 text although the file starts with a UTF-16 "
                               "byte-order mark"};
inline constexpr Msg kNulBytes{"file.nul",
                               "含有 NUL 字节，不是文本文件（或是去掉了 BOM 的 UTF-16 文本）",
                               "holds NUL bytes, so this is not a text file (or it is UTF-16 text "
                               "saved without its byte-order mark)"};
inline constexpr Msg kBadUtf8Bom{"file.bad_utf8_bom", "不是有效的 UTF-8，但文件开头有 UTF-8 标记",
                                 "is not valid UTF-8 although the file starts with a UTF-8 "
                                 "byte-order mark"};
inline constexpr Msg kAmbiguous{
    "file.ambiguous", "按 GBK 读是中文、按 UTF-8 读是希腊或西里尔字母，无法判断编码",
    "reads as Chinese in GBK but as Greek or Cyrillic letters in UTF-8, "
    "so its encoding cannot be told"};
inline constexpr Msg kMixed{"file.mixed", "不是 UTF-8，而第 $0 行是：文件混用了两种编码",
                            "is not UTF-8 although line $0 is: the file mixes two encodings"};
inline constexpr Msg kSemicolons{
    "file.semicolons", "$0 用分号（;）而不是逗号分隔，某些地区设置下的 Excel 会这样保存；$1",
    "$0 is separated by semicolons (;) instead of commas, as Excel "
    "saves CSV under some regional settings; $1"};
inline constexpr Msg kNoHeader{
    "file.no_header",
    "$0 没有表头：前几行都没有用字段名（$1）或中文名称（$2）标出项目；请从 `junheng template` "
    "生成的模板开始，"
    "或使用 docs/report-fields.md 列出的项目",
    "$0 has no header row: none of its first rows names a field by its name ($1) or its label "
    "($2); "
    "start from `junheng template`, or use the columns of docs/report-fields.md"};
inline constexpr Msg kUnknownColumn{
    "file.unknown_column",
    "$0：没有“$1”这一项；可填的项目见 docs/report-fields.md，或运行 `junheng template`",
    "$0: unknown column '$1'; the columns are listed in docs/report-fields.md, or run `junheng "
    "template`"};
inline constexpr Msg kDuplicateColumn{"file.duplicate_column",
                                      "$0：“$1”和前面的“$3”都是 $2；请只保留一列",
                                      "$0: column '$1' names $2 again after '$3'; keep one"};
inline constexpr Msg kNoColumnHeader{"file.no_column_header",
                                     "$0：“$1”所在的列没有表头；请清空该格或给这一列写上项目名",
                                     "$0: '$1' is in a column without a header; clear the cell or "
                                     "give its column a field name"};
inline constexpr Msg kNotWhole{"file.not_whole", "“$0”不是整数；只写数字，例如 120",
                               "'$0' is not a whole number; write digits only, e.g. 120"};
inline constexpr Msg kNotNumber{
    "file.not_number",
    "“$0”不是数字；只写数字，可带小数点，例如 2450.5（不带单位、不加千位分隔符）",
    "'$0' is not a number; write digits with an optional decimal "
    "point, e.g. 2450.5 (no units, no thousands separators)"};
inline constexpr Msg kNotYesNo{"file.not_yes_no", "“$0”不是“是/否”；请填 是 或 否",
                               "'$0' is not yes/no; write 是 or 否 (true or false)"};
inline constexpr Msg kNoCsvForm{"file.no_csv_form", "$0 没有表格形式；请用 JSON",
                                "$0 records have no CSV form; use the JSON form"};

}  // namespace junheng::i18n::file
