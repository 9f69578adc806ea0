#pragma once

// What the `junheng` client says to clerks and bureau staff: results, refusals, hints. One entry
// per sentence, Chinese first, English beside it; $0 … $9 are the values.

#include "common/i18n/message.h"

namespace junheng::i18n::client {

inline constexpr Msg kUnreachable{
    "unreachable", "无法连接服务器 $0（$1）；请检查 --server 设置和网络，或联系管理员后重试",
    "the server at $0 is unreachable or unavailable ($1); check --server and the network, or ask "
    "the operator, then try again"};

// The national forms and the evaluation workbook (issue 11).
inline constexpr Msg kFormsWritten{"forms_written", "已写出 $0 / $1 的申报表表Ⅰ—表Ⅵ：$2",
                                   "wrote the national forms 表Ⅰ-表Ⅵ of $0 / $1 to $2"};
inline constexpr Msg kFormsOffline{
    "forms_offline",
    "--forms 只用于离线评估（从文件读取）；服务器上的数据请运行 `junheng forms --period $0 -o "
    "申报表.xlsx`",
    "--forms works offline, from files; for the server's data run `junheng forms --period $0 -o "
    "FORMS.xlsx`"};
inline constexpr Msg kPeriodFlagRequired{"period_flag_required",
                                         "--period 必填，例如 --period 2024",
                                         "--period is required, e.g. --period 2024"};
// A validation warning printed before the data is sent anyway.
inline constexpr Msg kWarning{"warning", "警告：$0", "warning: $0"};

}  // namespace junheng::i18n::client
