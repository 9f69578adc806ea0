#pragma once

// What `junheng --help` and `junheng COMMAND --help` say: the program, its commands and options,
// CLI11's own words (Usage, OPTIONS, ...), and the sentence that tells a person what to do after a
// command line CLI11 could not parse. The help is built after the language is known (main.cc), so
// each text is read once, in the chosen language.

#include "common/i18n/message.h"

namespace junheng::i18n::help {

// CLI11's labels (CLI::Formatter::label) and group names.
inline constexpr Msg kUsage{"help.usage", "用法", "Usage"};
inline constexpr Msg kOptionsBadge{"help.options_badge", "选项", "OPTIONS"};
inline constexpr Msg kSubcommandBadge{"help.subcommand_badge", "命令", "SUBCOMMAND"};
inline constexpr Msg kRequired{"help.required", "必填", "REQUIRED"};
inline constexpr Msg kPositionals{"help.positionals", "参数", "POSITIONALS"};
inline constexpr Msg kEnv{"help.env", "环境变量", "Env"};
inline constexpr Msg kNeeds{"help.needs", "需要", "Needs"};
inline constexpr Msg kExcludes{"help.excludes", "不能同时用", "Excludes"};
inline constexpr Msg kOptionsGroup{"help.options_group", "选项", "Options"};
inline constexpr Msg kSubcommandsGroup{"help.subcommands_group", "命令", "Subcommands"};
inline constexpr Msg kHelpFlag{"help.help_flag", "显示本帮助并退出",
                               "Print this help message and exit"};

// What CLI11 could not parse, then what to do; $1 is the command, e.g. `junheng submit`.
inline constexpr Msg kParseExtras{"help.parse_extras",
                                  "不认识的参数：$0；请运行 `$1 --help` 查看这条命令的写法",
                                  "unexpected argument(s): $0; run `$1 --help` to see how this "
                                  "command is written"};
inline constexpr Msg kParseRequired{"help.parse_required",
                                    "缺少 $0；请运行 `$1 --help` 查看这条命令的写法",
                                    "$0 is required; run `$1 --help` to see how this command is "
                                    "written"};
inline constexpr Msg kParseNoCommand{"help.parse_no_command",
                                     "缺少命令；请运行 `$0 --help` 查看有哪些命令",
                                     "a command is required; run `$0 --help` to see the commands"};
inline constexpr Msg kParseValue{"help.parse_value", "$0；请运行 `$1 --help` 查看这条命令的写法",
                                 "$0; run `$1 --help` to see how this command is written"};
inline constexpr Msg kParseConfigKey{
    "help.parse_config_key", "配置文件 $0 里的 $1 不是可用的设置（拼写错了？）；可用的设置：$2",
    "$1 in the config file $0 is not a setting (misspelt?); the settings are: $2"};
inline constexpr Msg kParseOther{
    "help.parse_other", "命令写法有误（CLI11：$0）；请运行 `$1 --help` 查看这条命令的写法",
    "the command line is wrong ($0); run `$1 --help` to see how this command is written"};

// What the command line's validators refuse; $0 is the value given.
inline constexpr Msg kNotPositive{"help.not_positive", "$0 不行：必须是大于 0 的数",
                                  "$0: must be a number greater than 0"};
inline constexpr Msg kNegativeNumber{"help.negative_number", "$0 不行：必须是 0 或更大的数",
                                     "$0: must be a number, 0 or more"};
inline constexpr Msg kNotOneOf{"help.not_one_of", "$0 不行：请写其中之一：$1",
                               "$0: write one of $1"};

// The program and its global options.
inline constexpr Msg kProgram{
    "help.program",
    "junheng：准备、检查并提交学校报表；查看县里收到了什么。\n"
    "退出码：0 成功，1 报表有错或被拒绝，2 命令写法有误，3 连不上服务器。",
    "junheng: prepare, validate and submit school reports; follow what the county received.\n"
    "Exit codes: 0 ok, 1 invalid or rejected, 2 usage, 3 server unreachable."};
inline constexpr Msg kLang{"help.lang",
                           "提示和帮助的语言：zh（中文，默认）或 en（英文）；LANG=en_* 也是英文",
                           "language of messages and help: zh (Chinese, the default) or en; "
                           "LANG=en_* also gives English"};
inline constexpr Msg kConfig{
    "help.config", "TOML 配置文件，写默认值：server = \"主机:端口\"、county = \"140430\" 等",
    "TOML file with defaults: server = \"host:port\", county = \"140430\", "
    "..."};
inline constexpr Msg kServer{"help.server", "junheng-server 的地址（主机:端口）",
                             "address of junheng-server (host:port)"};
inline constexpr Msg kCounty{"help.county", "6 位县级行政区划代码，例如 140430",
                             "6-digit county code, e.g. 140430"};
inline constexpr Msg kFormat{
    "help.format",
    "输出格式：text、json、csv 或 xlsx，视命令而定（默认按 --output "
    "的扩展名，否则为 text）",
    "output: text, json, csv or xlsx, as the command offers (default: from "
    "--output's extension, else text)"};
inline constexpr Msg kOutput{"help.output", "把结果写入文件 FILE，不显示在终端",
                             "write the result to FILE instead of the terminal"};
inline constexpr Msg kDeadline{"help.deadline", "每次调用等待服务器的秒数",
                               "seconds to wait for the server per call"};
inline constexpr Msg kSubmitter{"help.submitter", "你的姓名，记在回执上",
                                "your name, recorded on the receipt"};
inline constexpr Msg kOutbox{
    "help.outbox",
    "发件箱目录：存放等待回执的报表（回执存在它旁边的 receipts/）；默认 "
    "~/.local/share/junheng/outbox",
    "outbox directory for reports waiting for a receipt (receipts are kept "
    "in receipts/ beside it); default ~/.local/share/junheng/outbox"};
inline constexpr Msg kToken{"help.token",
                            "教育局发的访问令牌（更好的做法：写进配置文件 token = \"...\"，或用 "
                            "$JUNHENG_TOKEN）",
                            "bearer token from the bureau (better: token = \"...\" in the config, "
                            "or $JUNHENG_TOKEN)"};
inline constexpr Msg kCa{"help.ca", "县里的 CA 证书（PEM），服务器的证书须由它签发",
                         "the county CA certificate (PEM) the server's certificate must chain to"};
inline constexpr Msg kCert{"help.cert", "本校的客户端证书（双向 TLS）",
                           "this school's client certificate (mutual TLS)"};
inline constexpr Msg kKey{"help.key", "客户端证书的私钥", "the client certificate's private key"};
inline constexpr Msg kInsecurePlaintext{
    "help.insecure_plaintext",
    "不用 TLS：只用于在 127.0.0.1 上以 --insecure-plaintext 启动的演示服务器",
    "no TLS: only for a demo server on 127.0.0.1 started with --insecure-plaintext"};

// Options many commands share.
inline constexpr Msg kSchoolOption{"help.school_option", "学校标识码 school_code", "school_code"};
inline constexpr Msg kPeriodOption{"help.period_option", "填报期，例如 2024",
                                   "period label, e.g. 2024"};
inline constexpr Msg kVersionOption{"help.version_option", "指定的版本（默认：最新版本）",
                                    "a specific version (default: the latest)"};
inline constexpr Msg kReportFile{"help.report_file", "报表文件（xlsx、CSV 或 JSON）",
                                 "report file (xlsx, CSV or JSON)"};
inline constexpr Msg kOutboxId{"help.outbox_id", "`junheng outbox list` 列出的提交编号",
                               "submission id from `junheng outbox list`"};
inline constexpr Msg kOutboxDropFailed{"help.outbox_drop_failed", "删除所有被服务器拒收的项",
                                       "drop every item the server refused"};
inline constexpr Msg kOutboxDropWhat{"help.outbox_drop_what",
                                     "要删除哪一项？给出提交编号，或用 --failed 删除所有被拒收的项",
                                     "which item? give its submission id, or --failed for every "
                                     "refused item"};

// The clerk's commands.
inline constexpr Msg kTemplate{"help.template",
                               "生成某校某填报期要填写的报表文件：学校-填报期.xlsx，或用 --format "
                               "csv|json，或 -o FILE",
                               "write the report file to fill in for a school and period: "
                               "SCHOOL-PERIOD.xlsx, or --format csv|json, or -o FILE"};
inline constexpr Msg kSchoolType{
    "help.school_type",
    "问不到服务器时给出学校类型（primary、junior、nine_year、twelve_year、complete_middle、"
    "teaching_point，或其中文名）",
    "the school's type when the server cannot be asked (primary, junior, nine_year, twelve_year, "
    "complete_middle, teaching_point, or its Chinese name)"};
inline constexpr Msg kFromLatest{"help.from_latest", "填入本校该填报期最近一次存下的数值",
                                 "fill in the school's latest stored values for the period"};
inline constexpr Msg kValidate{"help.validate", "检查报表文件，不发送",
                               "check a report file without sending it"};
inline constexpr Msg kSchoolsFile{"help.schools_file",
                                  "学校名册 schools.csv，用来再检查学段与各校的学校类型是否相符",
                                  "schools.csv, to also check sections against each school's type"};
inline constexpr Msg kSubmit{"help.submit", "检查并提交报表文件",
                             "validate and submit a report file"};
inline constexpr Msg kReplaces{"help.replaces", "本报表替换的版本（默认：服务器上最新的版本）",
                               "the version this report replaces (default: the latest stored "
                               "version)"};
inline constexpr Msg kShow{"help.show", "查看县里存下的报表（默认最新版本）及其回执",
                           "show a stored report (the latest version by default) and its receipt"};
inline constexpr Msg kHistory{"help.history", "列出某校报表存下的所有版本",
                              "list every stored version of a school's report"};
inline constexpr Msg kDue{"help.due", "本校现在应报什么、截止到何时（供填报员使用）",
                          "what a school owes and by when (for clerks)"};
inline constexpr Msg kDueSchool{"help.due_school", "本校的学校标识码 school_code",
                                "your school_code"};
inline constexpr Msg kOutboxCommand{"help.outbox_command",
                                    "等待服务器确认的报表（另见 `junheng agent`）",
                                    "reports kept until the server acknowledges them (see also "
                                    "`junheng agent`)"};
inline constexpr Msg kOutboxList{"help.outbox_list", "列出待发送和发送失败的报表及最近一次的错误",
                                 "list pending and failed reports with their last error"};
inline constexpr Msg kOutboxRetry{
    "help.outbox_retry", "现在发送待发送的报表；给出 ID 时也重发那一项失败的报表",
    "send pending reports now; with ID, also resend that failed item"};
inline constexpr Msg kOutboxDrop{"help.outbox_drop", "从发件箱删除一项，不发送",
                                 "remove an item from the outbox without sending it"};
inline constexpr Msg kAgent{"help.agent",
                            "在前台投递发件箱（systemd：deploy/systemd/），按退避间隔重试，直到每份"
                            "报表都有回执",
                            "deliver the outbox in the foreground (systemd: deploy/systemd/), "
                            "retrying with backoff until every report has a receipt"};
inline constexpr Msg kWatch{"help.watch",
                            "投放文件夹：放进来的报表文件排入发件箱，然后移到 processed/",
                            "drop folder: report files put here are queued, then moved to "
                            "processed/"};
inline constexpr Msg kPoll{"help.poll", "两次查看文件夹和发件箱之间的秒数",
                           "seconds between looks at the folder and outbox"};
inline constexpr Msg kBackoffMin{"help.backoff_min", "第一次重试前等待的秒数",
                                 "first retry delay in seconds"};
inline constexpr Msg kBackoffMax{"help.backoff_max", "重试前最长等待的秒数",
                                 "longest retry delay in seconds"};
inline constexpr Msg kUntilEmpty{"help.until_empty", "没有要投递的报表时退出",
                                 "exit once nothing is left to deliver"};

// The bureau's commands.
inline constexpr Msg kReports{"help.reports", "列出每所已报送学校的最新报表",
                              "list the latest report of every school that reported"};
inline constexpr Msg kValues{"help.values", "某填报期各校填报的数值，一张表（--format xlsx|csv）",
                             "every school's submitted values for a period in one table (--format "
                             "xlsx|csv)"};
inline constexpr Msg kAcceptedOnly{"help.accepted_only", "只要教育局审核通过的版本",
                                   "only the versions the bureau accepted"};
inline constexpr Msg kSchools{"help.schools", "本县的学校名册", "the county's school registry"};
inline constexpr Msg kSchoolsImport{"help.schools_import", "从 schools.csv 新增或更新学校",
                                    "add or update schools from schools.csv"};
inline constexpr Msg kSchoolsImportFile{"help.schools_import_file", "学校名册文件（CSV 或 JSON）",
                                        "schools CSV or JSON"};
inline constexpr Msg kSchoolsList{"help.schools_list", "列出已登记的学校（也可 --format csv）",
                                  "list the registered schools (--format csv too)"};
inline constexpr Msg kPeriod{"help.period", "本县的填报期（教育局）",
                             "the county's reporting periods (bureau)"};
inline constexpr Msg kPeriodDefine{"help.period_define",
                                   "定义或修改填报期的时间；只写日期表示北京时间的那一整天",
                                   "define or change a period's window; a bare date is a whole day "
                                   "in China time"};
inline constexpr Msg kOpens{"help.opens", "开始时间，例如 2024-09-01", "e.g. 2024-09-01"};
inline constexpr Msg kPeriodDeadline{"help.period_deadline",
                                     "截止时间，例如 2024-10-15（当天结束时）",
                                     "e.g. 2024-10-15 (end of that day)"};
inline constexpr Msg kCloses{"help.closes", "关闭时间，例如 2024-10-31；此前仍可逾期报送",
                             "e.g. 2024-10-31; late reports until then"};
inline constexpr Msg kPastWindow{"help.past_window",
                                 "窗口已经过去也照样定义（会立即生成截止、关闭快照）",
                                 "define it even though the window has passed (its deadline and "
                                 "close snapshots are taken at once)"};
inline constexpr Msg kPeriodList{"help.period_list", "列出已定义的填报期",
                                 "list the defined periods"};
inline constexpr Msg kPeriodException{"help.period_exception",
                                      "允许一所学校在时间窗口之外提交，直到指定时间",
                                      "let one school submit outside the window until a given "
                                      "time"};
inline constexpr Msg kUntil{"help.until", "到期时间，例如 2024-11-10", "expiry, e.g. 2024-11-10"};
inline constexpr Msg kReason{"help.reason", "原因，记入审计日志", "why, for the audit log"};
inline constexpr Msg kReview{"help.review",
                             "审核某校的报表：accept 通过（并锁定）、return 退回并写意见、reopen "
                             "重新打开",
                             "accept a school's report (locks it), return it with a comment, or "
                             "reopen it"};
inline constexpr Msg kReviewVersion{"help.review_version", "审核的版本（默认：最新）",
                                    "the version reviewed (default: latest)"};
inline constexpr Msg kComment{"help.comment", "退回时必填：要更正什么",
                              "required with return: what to correct"};
inline constexpr Msg kStatus{"help.status", "某填报期哪些学校已报送，按时还是逾期",
                             "who has reported for a period, on time or late"};
inline constexpr Msg kMissing{"help.missing", "只列出仍欠报的学校",
                              "only the schools that still owe a report"};
inline constexpr Msg kRemind{"help.remind", "截止前 N 天之内仍欠报的学校及其联系人",
                             "schools that owe a report once the deadline is within N days, with "
                             "contacts"};
inline constexpr Msg kDays{"help.days", "截止前的天数", "days before the deadline"};

// Credentials and the audit log.
inline constexpr Msg kAdmin{"help.admin", "本县的访问凭据（bureau_admin）",
                            "credentials of the county (bureau_admin)"};
inline constexpr Msg kTokenCommand{"help.token_command", "签发、列出、吊销访问令牌",
                                   "issue, list and revoke bearer tokens"};
inline constexpr Msg kTokenIssue{"help.token_issue",
                                 "签发令牌；令牌只在标准输出显示这一次（详情在标准错误）",
                                 "issue a token; it is printed once on stdout (details on stderr)"};
inline constexpr Msg kTokenSchool{"help.token_school", "学校标识码（仅 school_clerk）",
                                  "school_code (school_clerk only)"};
inline constexpr Msg kTokenExpires{"help.token_expires", "有效期（90d、12h）或日期时间；默认一年",
                                   "lifetime (90d, 12h) or date/time; default one year"};
inline constexpr Msg kOnboard{"help.onboard", "签发令牌并打印网页端登录单（一次性链接和二维码）",
                              "issue tokens and write web console sign-in sheets (one-time link "
                              "and QR code)"};
inline constexpr Msg kOnboardSchools{"help.onboard_schools", "学校名册文件：每校签发一名填报员",
                                     "registry file: a clerk for each school"};
inline constexpr Msg kOnboardWebUrl{
    "help.onboard_web_url", "网页端地址（服务器的 --http-listen），例如 https://192.168.1.10:8443",
    "the web console's address (the server's --http-listen)"};
inline constexpr Msg kOnboardOut{"help.onboard_out", "登录单写到这个目录",
                                 "directory for the sheets"};
inline constexpr Msg kTokenLabel{"help.token_label", "持有人，显示在 `token list` 里",
                                 "who holds it, for `token list`"};
inline constexpr Msg kTokenRevoke{"help.token_revoke", "立即吊销令牌", "revoke a token at once"};
inline constexpr Msg kTokenId{"help.token_id", "`junheng admin token list` 列出的令牌编号",
                              "token id from `junheng admin token list`"};
inline constexpr Msg kTokenList{"help.token_list", "列出本县的令牌（从不显示密钥）",
                                "list the county's tokens (never their secrets)"};
inline constexpr Msg kAudit{"help.audit", "本县防篡改的审计日志（auditor）",
                            "the county's tamper-evident audit log (auditor)"};
inline constexpr Msg kAuditList{"help.audit_list", "按时间先后列出审计条目",
                                "list audit entries, oldest first"};
inline constexpr Msg kAuditSchool{"help.audit_school", "关于这所学校的条目",
                                  "entries about this school"};
inline constexpr Msg kAuditActor{"help.audit_actor", "操作者含有这段文字的条目（令牌编号）",
                                 "entries whose actor contains this (a token id)"};
inline constexpr Msg kAuditFrom{"help.audit_from", "从这个时间起（只写日期：当天开始）",
                                "from this time (a date: its start)"};
inline constexpr Msg kAuditTo{"help.audit_to", "到这个时间止（只写日期：当天结束）",
                              "until this time (a date: its end)"};
inline constexpr Msg kAuditLimit{"help.audit_limit", "最多列出这么多条，取最新的（默认 1000）",
                                 "at most this many, the newest (default 1000)"};
inline constexpr Msg kAuditVerify{"help.audit_verify", "检查哈希链；指出第一处断开的地方",
                                  "check the hash chain; names the first broken link"};

// The evaluation's commands, as the program's command list names them (their options are the
// evaluation's own, client/cli/evaluation_commands.cc).
inline constexpr Msg kEval{"help.eval",
                           "按 2017 年评估办法评估全县（离线读文件，或在服务器上）并输出报告",
                           "evaluate a county against the 2017 method (offline, from files, or on "
                           "the server) and print the report"};
inline constexpr Msg kFacts{"help.facts", "教育局每个填报期录入的全县数据",
                            "the county facts the bureau enters per period"};
inline constexpr Msg kSnapshots{"help.snapshots", "某填报期存下的评估结果",
                                "stored evaluations of a period"};
inline constexpr Msg kStanding{"help.standing",
                               "一所学校自己的达标情况：各项指标与最低要求、还需增加多少",
                               "one school's own standing: its indicators against the minimums, "
                               "what to add"};
inline constexpr Msg kTrend{"help.trend", "逐年：各项指标的差异系数和达标学校数",
                            "per year: each indicator's coefficient and the schools meeting the "
                            "standard"};
inline constexpr Msg kForms{"help.forms", "国家申报表 表Ⅰ–表Ⅵ，写成一个工作簿（-o 文件.xlsx）",
                            "the national submission forms 申报表 表Ⅰ-表Ⅵ as one workbook (-o "
                            "FILE.xlsx)"};

// `junheng region` (issue 15): cities and provinces, every county under them.
inline constexpr Msg kRegion{"help.region", "市、省：下辖各县的报送、评估、按指标排名和逐年趋势",
                             "cities and provinces: every county's submissions, evaluation, "
                             "ranking by indicator and trend"};
inline constexpr Msg kRegionList{"help.region_list",
                                 "区划表（省、市）和本服务器上的县及其学校数；列出未归入区划的县",
                                 "the region registry (provinces, cities) and the counties held "
                                 "with their schools; lists the unplaced counties"};
inline constexpr Msg kRegionStatus{
    "help.region_status", "某填报期各县的报送情况：学校数、已报、按时、逾期、报送率、及时率",
    "each county's submissions for a period: schools, submitted, on time, late, completeness, "
    "timeliness"};
inline constexpr Msg kRegionEval{"help.region_eval",
                                 "某年各县的评估结论、各学段最大差异系数，以及按每项指标差异系数的"
                                 "排名（1 = 最均衡）",
                                 "each county's verdict and largest coefficient per level for a "
                                 "period, and the ranking by each indicator's coefficient (1 = "
                                 "most balanced)"};
inline constexpr Msg kRegionTrend{"help.region_trend",
                                  "逐年各县的结论、达标学校数和各学段最大差异系数",
                                  "per county and year: verdict, schools meeting the standard and "
                                  "the largest coefficient per level"};
inline constexpr Msg kRegionCode{"help.region_code",
                                 "区划代码：2 位省级（例如 14）或 4 位市级（例如 1404）；不写时取 "
                                 "--county（它是 2 位或 4 位时）",
                                 "region code: 2 digits for a province (e.g. 14) or 4 for a city "
                                 "(e.g. 1404); default: --county when it has 2 or 4 digits"};
inline constexpr Msg kRegionListCode{"help.region_list_code",
                                     "只列这个省（2 位）或市（4 位）之下的；不写时列出全部",
                                     "only what is under this province (2 digits) or city (4 "
                                     "digits); default: everything"};
inline constexpr Msg kRegionProfile{
    "help.region_profile", "内置评估标准的名称（默认：服务器的默认标准）；每个县都用它评估",
    "built-in profile (default: the server's); every county is evaluated with it"};
inline constexpr Msg kRegionFrom{"help.region_from", "起始年份，例如 2022",
                                 "first year, e.g. 2022"};
inline constexpr Msg kRegionTo{"help.region_to", "截止年份，例如 2029", "last year, e.g. 2029"};
inline constexpr Msg kRegionVerbose{"help.region_verbose",
                                    "在标准错误输出上显示服务器读取数据和评估所用的时间",
                                    "print the server's reading and evaluation time on standard "
                                    "error"};

}  // namespace junheng::i18n::help
