#pragma once

// What the `junheng` client says to clerks and bureau staff: results, refusals, hints. One entry
// per sentence, Chinese first, English beside it; $0 … $9 are the values.

#include "common/i18n/message.h"

namespace junheng::i18n::client {

inline constexpr Msg kUnreachable{
    "unreachable", "无法连接服务器 $0（$1）；请检查 --server 设置和网络，或联系管理员后重试",
    "the server at $0 is unreachable or unavailable ($1); check --server and the network, or ask "
    "the operator, then try again"};

}  // namespace junheng::i18n::client
