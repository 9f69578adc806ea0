#pragma once

// What the `junheng` client says to clerks and bureau staff about reports: what every command
// shares (errors, formats, states), template, validate, submit and its receipts, show, history,
// reports and values. One entry per sentence, Chinese first, English beside it; $0 … $9 are the
// values. Column labels name what a listing shows; the sheet names of a workbook stay Chinese,
// like the county's own forms.

#include "common/i18n/message.h"

namespace junheng::i18n::client {

// Every command.
inline constexpr Msg kError{"client.error", "错误：$0", "error: $0"};
inline constexpr Msg kUnreachable{
    "unreachable", "无法连接服务器 $0（$1）；请检查 --server 设置和网络，或联系管理员后重试",
    "the server at $0 is unreachable or unavailable ($1); check --server and the network, or ask "
    "the operator, then try again"};
inline constexpr Msg kUntrustedCertificate{
    "connect.untrusted",
    "服务器 $0 的证书不是本机信任的 CA 签发的（现在信任的是：$1）；请把配置里的 ca（或 "
    "--ca）设为县里发的 "
    "ca.crt",
    "the server at $0 shows a certificate that no CA this client trusts has signed (trusted now: "
    "$1); set ca (or --ca) to the county's ca.crt"};
inline constexpr Msg kSystemRoots{"connect.system_roots", "本机系统自带的根证书，没有设 ca",
                                  "the system's root certificates, no ca set"};
inline constexpr Msg kCertificateNameMismatch{
    "connect.name_mismatch",
    "服务器 $0 的证书不是为这个地址签发的；请用证书上的名称作 "
    "--server，或请管理员为这个地址重新签发证书",
    "the server at $0 shows a certificate issued for another name; use the name in the "
    "certificate as --server, or ask the operator to reissue it for this address"};
inline constexpr Msg kServerIsPlaintext{
    "connect.server_plaintext",
    "$0 上的服务没有用 TLS 加密（或者不是 junheng 服务器）；请核对 --server "
    "的端口，或请管理员给服务器配置证书",
    "the service at $0 does not speak TLS (or is not a junheng server); check the port in "
    "--server, or ask the operator to give the server its certificate"};
inline constexpr Msg kServerIsTls{
    "connect.server_tls",
    "服务器 $0 要求 TLS 加密连接；请去掉 --insecure-plaintext，并把 ca 设为县里发的 ca.crt",
    "the server at $0 expects TLS; drop --insecure-plaintext and set ca to the county's ca.crt"};
inline constexpr Msg kNothingListening{
    "connect.refused",
    "$0 上没有服务在运行；请核对 --server 的地址和端口，或请管理员检查 junheng-server 是否已启动",
    "nothing is listening at $0; check the address and port in --server, or ask the operator "
    "whether junheng-server is running"};
inline constexpr Msg kUnknownHost{
    "connect.unknown_host", "找不到 $0 这个主机名；请核对 --server 的拼写和网络",
    "the host name in $0 is not known; check the spelling in --server and the network"};
inline constexpr Msg kCaNotPem{
    "connect.ca_not_pem",
    "$0 不是 PEM 格式的证书（应以 -----BEGIN CERTIFICATE----- 开头）；ca 请设为县里发的 ca.crt",
    "$0 is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----); set ca to the "
    "county's ca.crt"};
inline constexpr Msg kServerStopping{
    "connect.stopping", "服务器 $0 正在停止或重启，这次调用没有完成；稍后会自动重试，不会重复保存",
    "the server at $0 was stopping or restarting and did not complete the call; it is tried again, "
    "and nothing is stored twice"};
inline constexpr Msg kNoCounty{"client.no_county",
                               "不知道是哪个县；请加 --county 140430，或在配置文件里写 county = "
                               "\"140430\"",
                               "the county is unknown; give --county 140430 or set county in the "
                               "config file"};
inline constexpr Msg kFormatRefused{"client.format_refused",
                                    "`$0` 不能输出 --format $1；它能输出 $2",
                                    "`$0` cannot write --format $1; it writes $2"};
inline constexpr Msg kFormatRefusedByExtension{
    "client.format_refused_by_extension", "`$0` 不能按 --output $1 的扩展名输出；它能输出 $2",
    "`$0` cannot write --format from --output $1; it writes $2"};
inline constexpr Msg kXlsxToTerminal{
    "client.xlsx_to_terminal",
    "xlsx 工作簿是二进制文件，不能显示在终端；请用 --output "
    "文件名.xlsx 写入文件",
    "an xlsx workbook is a binary file; give --output FILE.xlsx to "
    "write it"};
inline constexpr Msg kCannotWriteOutput{
    "client.cannot_write_output", "无法写入 --output $0：请检查文件夹是否存在、能否写入",
    "cannot write --output $0: check that the folder exists and "
    "is writable"};
inline constexpr Msg kNoTempFile{"client.no_temp_file", "无法为工作簿建立临时文件",
                                 "cannot create a temporary file for the workbook"};

// The connection's security files (common/rpc/channel_security.cc).
inline constexpr Msg kCannotReadCa{"client.cannot_read_ca", "无法读取县里的 CA 证书（--ca）$0",
                                   "cannot read the county CA (--ca) $0"};
inline constexpr Msg kCannotReadCert{"client.cannot_read_cert", "无法读取客户端证书（--cert）$0",
                                     "cannot read the client certificate (--cert) $0"};
inline constexpr Msg kCannotReadKey{"client.cannot_read_key", "无法读取客户端私钥（--key）$0",
                                    "cannot read the client key (--key) $0"};
inline constexpr Msg kCertNeedsKey{"client.cert_needs_key", "客户端证书要同时给出 --cert 和 --key",
                                   "give both --cert and --key for a client certificate"};

// A school's submission state and a review's, as listings and receipts show them.
inline constexpr Msg kStateNotSubmitted{"state.not_submitted", "未报送", "not submitted"};
inline constexpr Msg kStateIncomplete{"state.incomplete", "未填完（空 $0 项）",
                                      "incomplete ($0 fields empty)"};
inline constexpr Msg kStateOnTime{"state.on_time", "按时报送", "on time"};
inline constexpr Msg kStateLate{"state.late", "逾期报送", "late"};
inline constexpr Msg kStateReturned{"state.returned", "已退回", "returned"};
inline constexpr Msg kStateAccepted{"state.accepted", "已审核通过", "accepted"};
inline constexpr Msg kStateReopened{"state.reopened", "已重新打开", "reopened"};

// template.
inline constexpr Msg kTemplateNeedsCodes{"template.needs_codes",
                                         "必须给出 --school 和 --period，例如 --school 2140043001 "
                                         "--period 2024",
                                         "--school and --period are required, e.g. --school "
                                         "2140043001 --period 2024"};
inline constexpr Msg kNotASchoolType{"template.not_a_school_type",
                                     "--school-type '$0' 不是学校类型；请写其中之一：$1",
                                     "--school-type '$0' is not a school type; write one of $1"};
inline constexpr Msg kTypeNotAsked{
    "template.type_not_asked",
    "注意：没能向服务器问到本校的学校类型（$0）；模板列出所有学段的字段。加 --school-type（例如 "
    "primary）可以去掉本校没有的学段。",
    "note: the school's type could not be asked of the server ($0); the template has the fields of "
    "every section. Give --school-type (e.g. primary) to leave out the sections the school does "
    "not have."};
inline constexpr Msg kNothingToFillIn{"template.nothing_to_fill_in",
                                      "注意：学校 $0 在填报期 $1 还没有存下的报表；模板是空白的",
                                      "note: school $0 has no stored report for period $1; the "
                                      "template is empty"};
inline constexpr Msg kTemplateWritten{
    "template.written",
    "已写入 $0：学校 $2、填报期 $3 的 $1 个字段。请用 Excel 或 WPS 填写，然后运行 `junheng "
    "validate $0`",
    "wrote $0: $1 fields of school $2, period $3. Fill it in with Excel or WPS, then run `junheng "
    "validate $0`"};
inline constexpr Msg kTemplateWrittenForType{
    "template.written_for_type",
    "已写入 $0：学校 $2（$4）、填报期 $3 的 $1 个字段。请用 Excel 或 WPS 填写，然后运行 "
    "`junheng validate $0`",
    "wrote $0: $1 fields for a school of type $4, school $2, period $3. Fill it in with Excel or "
    "WPS, then run `junheng validate $0`"};

// validate.
inline constexpr Msg kValid{"validate.valid", "$0 / $1：检查通过", "$0 / $1: valid"};
inline constexpr Msg kValidIncomplete{
    "validate.valid_incomplete", "$0 / $1：可以提交，但有 $2 项空着；报送后在教育局那里算“未填完”",
    "$0 / $1: can be submitted, but $2 fields are empty; the bureau will count it as incomplete"};
inline constexpr Msg kNoColumns{
    "validate.no_columns",
    "文件里没有这几列：$0；请加上这些列，或用 `junheng template` 生成的模板重新填",
    "the file has no column for: $0; add those columns, or fill in a template from `junheng "
    "template`"};
inline constexpr Msg kInvalid{"validate.invalid", "$0 / $1：有错", "$0 / $1: INVALID"};
inline constexpr Msg kIssueError{"validate.issue_error", "  错误  $0", "  error   $0"};
inline constexpr Msg kIssueWarning{"validate.issue_warning", "  提醒  $0", "  warning $0"};
inline constexpr Msg kInvalidCount{"validate.invalid_count",
                                   "$1 份报表中有 $0 份有错；请改正上面列出的各项",
                                   "$0 of $1 reports are invalid; fix the fields named above"};

// submit and its receipts.
inline constexpr Msg kFileNoCounty{
    "submit.file_no_county",
    "$0：不知道是哪个县；请加 --county 140430（或在配置文件里写 county "
    "= \"140430\"，或在文件里加 county_code 列）",
    "$0: the county is unknown; give --county 140430 (or set county "
    "= \"140430\" in the config file, or add a county_code column)"};
inline constexpr Msg kReplacesOneReport{"submit.replaces_one_report",
                                        "--replaces 指一份报表的版本，但 $0 里有 $1 份报表；请逐份"
                                        "提交",
                                        "--replaces names one report's version, but $0 holds $1 "
                                        "reports; submit them one by one"};
inline constexpr Msg kNothingSubmitted{"submit.nothing_submitted",
                                       "什么都没有提交：请改正上面列出的各项，然后再提交",
                                       "nothing was submitted: fix the fields above and submit "
                                       "again"};
inline constexpr Msg kCannotKeep{"submit.cannot_keep",
                                 "无法把 $0 / $1 存进发件箱 $2：$3；报表没有发送",
                                 "cannot keep $0 / $1 in the outbox $2: $3; it was not sent"};
inline constexpr Msg kIncompleteLine{
    "receipt.incomplete", "未填完：$0 项空着（$1），教育局的报送情况里算“未填完”，填齐后请再报一版",
    "incomplete: $0 fields empty ($1); the bureau counts it as incomplete until a complete version "
    "is submitted"};
inline constexpr Msg kAccepted{"submit.accepted", "已接收：", "accepted:"};
inline constexpr Msg kAlreadyStored{
    "submit.already_stored", "已经存过（与存下的内容相同，没有再存一份）：", "already stored:"};
inline constexpr Msg kRejected{"submit.rejected", "被拒绝 $0 / $1：$2", "rejected $0 / $1: $2"};
inline constexpr Msg kReceiptLine{"receipt.line", "  学校 $0  填报期 $1  版本 $2  回执号 $3",
                                  "  school $0  period $1  version $2  receipt $3"};
inline constexpr Msg kReceivedLine{"receipt.received", "  接收时间 $0，提交人 $1，内容 sha256 $2",
                                   "  received $0 by $1, content sha256 $2"};
inline constexpr Msg kLateLine{"receipt.late", "  在填报期截止之后收到：逾期",
                               "  received after the period's deadline: late"};
inline constexpr Msg kWarningsHeading{"submit.warnings", "  提醒（不影响提交；请核对这些数值）：",
                                      "  warnings (not blocking; check these values):"};
inline constexpr Msg kServerNotReached{"submit.server_not_reached",
                                       "无法连接服务器 $0；请检查 --server 设置和网络",
                                       "the server at $0 cannot be reached; check --server and the "
                                       "network"};
inline constexpr Msg kAlsoDelivered{"submit.also_delivered", "另外投递了发件箱里先前的 $0 份报表",
                                    "also delivered $0 earlier report(s) from the outbox"};
inline constexpr Msg kNotSentYet{
    "submit.not_sent_yet",
    "尚未发送：$0 份报表存在发件箱 $1 里。\n"
    "  原因：$2\n"
    "  它们保留原来的提交编号，由 `junheng outbox retry` 或 `junheng agent` 发送；\n"
    "  不会丢失，也不会重复保存。回执存到 $3",
    "NOT SENT YET: $0 report(s) are kept in the outbox $1.\n"
    "  reason: $2\n"
    "  They keep their submission id and are sent by `junheng outbox retry` or `junheng agent`;\n"
    "  nothing is lost and nothing will be stored twice. Receipts go to $3"};

// show, history.
inline constexpr Msg kShowHeading{"show.heading", "学校 $0 填报期 $1 的报表",
                                  "report of school $0 for period $1"};
inline constexpr Msg kReviewLine{"show.review", "  教育局审核：$0（$1，审核人 $2）",
                                 "  bureau review: $0 on $1 by $2"};
inline constexpr Msg kBureauComment{"show.bureau_comment", "  教育局意见：$0",
                                    "  bureau comment: $0"};
inline constexpr Msg kWarningsRecorded{"show.warnings", "接收时记下的提醒：",
                                       "warnings recorded at acceptance:"};
inline constexpr Msg kHistoryTitle{"history.title", "学校 $0 填报期 $1 的各个版本",
                                   "versions of school $0, period $1"};
inline constexpr Msg kNoReportYet{"history.no_report", "学校 $0 在填报期 $1 还没有报表",
                                  "no report from school $0 for period $1"};

// reports, values.
inline constexpr Msg kReportsTitle{"reports.title", "县 $0 填报期 $1 各校的最新报表",
                                   "latest reports, county $0, period $1"};
inline constexpr Msg kReportsCount{"reports.count", "县 $0 填报期 $1：已有 $2 所学校报送",
                                   "$2 schools have reported for period $1 in county $0"};
inline constexpr Msg kValuesTitle{"values.title", "县 $0 填报期 $1 各校填报数据（$2）",
                                  "values of county $0, period $1 ($2)"};
inline constexpr Msg kAcceptedVersions{"values.accepted_versions", "审核通过的版本",
                                       "accepted versions"};
inline constexpr Msg kLatestVersions{"values.latest_versions", "最新版本", "latest versions"};
inline constexpr Msg kValuesNote{"values.note", "共 $1 所学校，列出 $0 所；空格表示未填报",
                                 "$0 of $1 schools; an empty cell was not reported"};

// Column labels of the listings above.
inline constexpr Msg kColVersion{"column.version", "版本", "version"};
inline constexpr Msg kColReceived{"column.received", "接收时间", "received"};
inline constexpr Msg kColReceipt{"column.receipt", "回执号", "receipt"};
inline constexpr Msg kColSubmitter{"column.submitter", "提交人", "submitter"};
inline constexpr Msg kColContentHash{"column.content_hash", "内容 sha256", "content sha256"};
inline constexpr Msg kColSchoolCode{"column.school_code", "学校标识码", "school code"};

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
