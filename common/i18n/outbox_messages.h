#pragma once

// What the client's outbox says: `junheng outbox list|retry|drop`, the agent's log lines, and the
// problems of the files a clerk's reports and receipts are kept in. One entry per sentence,
// Chinese first, English beside it; $0 … $9 are the values.

#include "common/i18n/message.h"

namespace junheng::i18n::outbox {

// outbox list.
inline constexpr Msg kItemPending{"outbox.pending", "待发送", "pending"};
inline constexpr Msg kItemFailed{"outbox.failed", "发送失败", "FAILED"};
inline constexpr Msg kCounts{"outbox.counts", "$2 里：待发送 $0 份，失败 $1 份；回执在 $3",
                             "$0 pending, $1 failed in $2; receipts in $3"};
inline constexpr Msg kFailedNote{"outbox.failed_note",
                                 "发送失败的报表不会自动重发：请改正报表后重新提交，然后运行 "
                                 "`junheng outbox drop ID`",
                                 "failed items are not resent: fix the report and submit it again, "
                                 "then `junheng outbox drop ID`"};
inline constexpr Msg kColReplaces{"column.replaces", "替换版本", "replaces"};
inline constexpr Msg kColAttempts{"column.attempts", "尝试次数", "attempts"};
inline constexpr Msg kColQueued{"column.queued", "排队时间", "queued"};
inline constexpr Msg kColLastError{"column.last_error", "最近的错误", "last error"};

// outbox retry, drop.
inline constexpr Msg kNoItem{"outbox.no_item", "发件箱 $1 里没有 $0（见 `junheng outbox list`）",
                             "no item $0 in the outbox $1 (see `junheng outbox list`)"};
inline constexpr Msg kDelivered{"outbox.delivered", "已投递：$0 / $1 第 $2 版，回执号 $3",
                                "delivered: $0 / $1 version $2 receipt $3"};
inline constexpr Msg kDeliveredAlreadyStored{"outbox.delivered_already_stored",
                                             "已经存过：$0 / $1 第 $2 版，回执号 $3",
                                             "already stored: $0 / $1 version $2 receipt $3"};
inline constexpr Msg kRetryRejected{"outbox.rejected", "被拒绝 $0 / $1（$2）：$3",
                                    "rejected $0 / $1 ($2): $3"};
inline constexpr Msg kKept{"outbox.kept", "$0 份报表仍在发件箱里：$1",
                           "$0 report(s) kept in the outbox: $1"};
inline constexpr Msg kRetryDone{"outbox.retry_done", "投递 $0 份，被拒绝 $1 份，没有待发送的了",
                                "$0 delivered, $1 rejected, nothing pending"};
inline constexpr Msg kNoItemToDrop{"outbox.no_item_to_drop", "发件箱 $1 里没有 $0",
                                   "no item $0 in the outbox $1"};
inline constexpr Msg kDropped{"outbox.dropped", "已从发件箱删除 $0；这一项没有投递",
                              "dropped $0 from the outbox; it was not delivered by this item"};
inline constexpr Msg kDroppedFailed{"outbox.dropped_failed",
                                    "已从发件箱删除 $0 项被服务器拒收的报表",
                                    "dropped $0 items the server had refused from the outbox"};
inline constexpr Msg kWatchNotDir{"agent.watch_not_dir", "--watch $0 不是文件夹",
                                  "--watch $0 is not a directory"};

// The agent's log.
inline constexpr Msg kAgentStart{"agent.start", "junheng agent：发件箱 $0，服务器 $1$2",
                                 "junheng agent: outbox $0, server $1$2"};
inline constexpr Msg kAgentWatching{"agent.watching", "，监视 $0", ", watching $0"};
inline constexpr Msg kAgentDelivered{"agent.delivered",
                                     "已投递 $0 / $1（$2）：第 $3 版，回执号 $4$5",
                                     "delivered $0 / $1 ($2): version $3, receipt $4$5"};
inline constexpr Msg kAgentAlreadyStored{"agent.already_stored", "（已经存过）",
                                         " (already stored)"};
inline constexpr Msg kAgentRejected{"agent.rejected",
                                    "被拒绝 $0 / $1（$2），在发件箱里标为发送失败：$3",
                                    "rejected $0 / $1 ($2), kept as failed in the outbox: $3"};
inline constexpr Msg kAgentCannotRead{"agent.cannot_read", "无法读取发件箱 $0：$1",
                                      "cannot read the outbox $0: $1"};
inline constexpr Msg kAgentWaiting{"agent.waiting", "$0 份报表等待发送：$1；按退避间隔重试",
                                   "$0 report(s) waiting: $1; retrying with backoff"};
inline constexpr Msg kAgentNextAttempt{"agent.next_attempt", "$0 毫秒后再试",
                                       "next attempt in $0 ms"};
inline constexpr Msg kAgentServerBack{"agent.server_back", "服务器又有响应了",
                                      "the server answers again"};
inline constexpr Msg kAgentNothingLeft{"agent.nothing_left", "没有要投递的了",
                                       "nothing left to deliver"};
inline constexpr Msg kAgentStopped{"agent.stopped", "junheng agent 已停止；没有投递的报表留在 $0",
                                   "junheng agent stopped; undelivered reports stay in $0"};
inline constexpr Msg kDropNoCounty{"agent.drop_no_county",
                                   "不知道是哪个县：请加 --county，或在文件里加 county_code 列",
                                   "the county is unknown: give --county or add a county_code "
                                   "column"};
inline constexpr Msg kNotQueued{"agent.not_queued", "$0 没有排入发件箱，已移到 $1：$2",
                                "$0 is not queued, moved to $1: $2"};
inline constexpr Msg kCannotQueue{"agent.cannot_queue",
                                  "无法把 $0（来自 $1）排入发件箱：$2；文件留在投放文件夹里",
                                  "cannot queue $0 from $1: $2; the file stays in the drop folder"};
inline constexpr Msg kQueued{"agent.queued", "已从 $1 排入 $0 份报表，文件移到 $2",
                             "queued $0 report(s) from $1, file moved to $2"};

// The outbox's files.
inline constexpr Msg kCannotReadFile{"outbox.cannot_read_file", "无法读取 $0", "cannot read $0"};
inline constexpr Msg kNotAnOutboxFile{"outbox.not_an_outbox_file", "$0 不是能读取的发件箱文件：$1",
                                      "$0 cannot be read as an outbox file: $1"};
inline constexpr Msg kDirEmpty{"outbox.dir_empty", "发件箱目录没有给出",
                               "the outbox directory is empty"};
inline constexpr Msg kCannotCreateDir{
    "outbox.cannot_create_dir", "无法建立发件箱目录 $0：$1；请用 --outbox 指定一个能写入的目录",
    "cannot create the outbox directory $0: $1; give a writable "
    "--outbox DIR"};
inline constexpr Msg kBadSubmissionId{"outbox.bad_submission_id", "提交编号 '$0' 无效",
                                      "submission_id '$0' is not valid"};
inline constexpr Msg kItemExists{"outbox.item_exists", "发件箱里已经有 $0",
                                 "outbox item $0 exists already"};
inline constexpr Msg kCannotList{"outbox.cannot_list", "无法列出 $0：$1", "cannot list $0: $1"};
inline constexpr Msg kBatchAnswerShort{"outbox.batch_answer_short",
                                       "服务器只回答了 $0 份报表（发送了 $1 份）；其余的稍后重发",
                                       "the server answered $0 of the $1 reports sent; the rest "
                                       "will be sent again"};
inline constexpr Msg kReceiptNotKept{"outbox.receipt_not_kept", "已投递，但回执无法存在本机：$0",
                                     "delivered, but the receipt cannot be stored locally: $0"};
inline constexpr Msg kItemNotUpdated{"outbox.item_not_updated",
                                     "$0（发件箱里的这一项也没能更新：$1）",
                                     "$0 (and the outbox item could not be updated: $1)"};

// Writing a file so that it survives a power cut (durable_file.cc); $1 is the system's reason.
inline constexpr Msg kCannotOpenDir{"file.cannot_open_dir", "无法打开目录 $0：$1",
                                    "cannot open directory $0: $1"};
inline constexpr Msg kCannotSyncDir{"file.cannot_sync_dir", "无法同步目录 $0：$1",
                                    "cannot sync directory $0: $1"};
inline constexpr Msg kCannotCreate{"file.cannot_create", "无法建立 $0：$1", "cannot create $0: $1"};
inline constexpr Msg kCannotWrite{"file.cannot_write", "无法写入 $0：$1", "cannot write $0: $1"};
inline constexpr Msg kCannotSync{"file.cannot_sync", "无法同步 $0：$1", "cannot sync $0: $1"};
inline constexpr Msg kCannotRename{"file.cannot_rename", "无法改名为 $0：$1",
                                   "cannot rename into $0: $1"};
inline constexpr Msg kCannotRemove{"file.cannot_remove", "无法删除 $0：$1", "cannot remove $0: $1"};

// Report and registry files a clerk names (record_files.cc).
inline constexpr Msg kFileProblems{"file.problems", "$0：\n$1", "$0:\n$1"};
inline constexpr Msg kNoRows{"file.no_rows", "$0：表头下面没有报表行",
                             "$0: no report rows below the header"};

}  // namespace junheng::i18n::outbox
