#pragma once

// What junheng-server's operator commands `check` (a config before a restart) and `health` (the
// running server's grpc.health.v1 status) tell the operator, in the operator's language
// (LANG=en_US.UTF-8: English). The setting a line is about (data-dir, tls-key, ...) is written
// before it; reasons quoted from the server's own checks stay English, like its log. One entry
// per sentence, Chinese first, English beside it; $0 … $9 are the values.

#include "common/i18n/message.h"

namespace junheng::i18n::ops {

// The verdict of one line of `check`.
inline constexpr Msg kOk{"check.ok", "正常", "ok"};
inline constexpr Msg kWarning{"check.warning", "警告", "warning"};
inline constexpr Msg kError{"check.error", "错误", "error"};

// The config file itself (exit 2).
inline constexpr Msg kChecking{"check.checking", "检查配置文件 $0：",
                               "checking the config file $0:"};
inline constexpr Msg kConfigUnreadable{"check.config_unreadable",
                                       "无法读取配置文件 $0；请检查路径和权限",
                                       "cannot read the config file $0; check its path and "
                                       "permissions"};
inline constexpr Msg kUnknownKey{"check.unknown_key",
                                 "配置文件 $1 中的 $0 不是设置项（拼错了？）；可用的设置项：$2",
                                 "$0 in the config file $1 is not a setting (misspelt?); the "
                                 "settings are: $2"};
inline constexpr Msg kConfigInvalid{"check.config_invalid", "配置文件 $0 有误：$1",
                                    "the config file $0 is wrong: $1"};

// The summary.
inline constexpr Msg kAllGood{"check.all_good",
                              "配置没有问题，junheng-server 可以用它启动（$0 条警告）",
                              "the config is good: junheng-server can start with it ($0 "
                              "warning(s))"};
inline constexpr Msg kProblems{"check.problems",
                               "配置有 $0 个错误、$1 条警告；请先改正错误，再重启 junheng-server",
                               "the config has $0 error(s) and $1 warning(s); fix the errors "
                               "before restarting junheng-server"};

// data-dir.
inline constexpr Msg kDataDirUnset{"check.data_dir_unset",
                                   "没有设置；请写 data-dir = \"/var/lib/junheng\"",
                                   "not set; add data-dir = \"/var/lib/junheng\""};
inline constexpr Msg kDataDirRefused{"check.data_dir_refused", "服务器不会接受它：$0",
                                     "the server would refuse it: $0"};
inline constexpr Msg kDataDirNew{"check.data_dir_new",
                                 "$0 为空或尚不存在，用户 $1 可以在这里建库：首次启动时创建数据库",
                                 "$0 is empty or new and $1 may create the database there: the "
                                 "first start does"};
inline constexpr Msg kDataDirCannotCreate{
    "check.data_dir_cannot_create",
    "$0 不存在，用户 $1 也无法创建它（$2 不存在或不可写）；请先建好 $0，并把它交给运行服务器的用户",
    "$0 does not exist and $1 cannot create it ($2 is missing or not writable); create $0 and "
    "give it to the user the server runs as"};
inline constexpr Msg kDataDirNotWritable{
    "check.data_dir_not_writable",
    "用户 $1 不能写入 $0（或其中的 LOCK 文件）；请把它交给运行服务器的用户（例如 chown -R "
    "junheng: $0），并以该用户运行本检查",
    "$0 (or its LOCK file) is not writable by $1; give it to the user the server runs as (e.g. "
    "chown -R junheng: $0) and run this check as that user"};
inline constexpr Msg kDataDirReadOnly{
    "check.data_dir_read_only", "$0 在只读文件系统上；请把它重新挂载为可写，或换一个 data-dir",
    "$0 is on a read-only file system; remount it read-write or "
    "choose another data-dir"};
inline constexpr Msg kDataDirDatabase{
    "check.data_dir_database", "$0 是 junheng 数据库（模式版本 $1，本程序可读），用户 $2 可写",
    "$0 is a junheng database of schema $1, which this build "
    "reads, and writable by $2"};
inline constexpr Msg kDataDirInUse{"check.data_dir_in_use",
                                   "正在使用中：进程 $0（$1）持有它的 LOCK；重启时先停掉它",
                                   "in use: process $0 ($1) holds its LOCK; a restart stops it "
                                   "first"};

// listen, http-listen.
inline constexpr Msg kListenMalformed{"check.listen_malformed", "'$0' 不是 HOST:PORT；例如 $1",
                                      "'$0' is not HOST:PORT; write e.g. $1"};
inline constexpr Msg kHttpHostNotIp{"check.http_host_not_ip",
                                    "'$0' 的主机部分必须是 IP 地址（或 localhost）；例如 $1",
                                    "the host of '$0' must be an IP address (or localhost); "
                                    "write e.g. $1"};
inline constexpr Msg kPortFree{"check.port_free", "$0 空闲，可以监听", "$0 is free to listen on"};
inline constexpr Msg kPortZero{"check.port_zero", "$0：端口 0，启动时任选一个空闲端口",
                               "$0: port 0, the server picks a free port when it starts"};
inline constexpr Msg kPortHeldByServer{
    "check.port_held_by_server",
    "$0 正被在本 data-dir 上运行的 junheng-server（进程 $1）占用；重启时它会释放",
    "$0 is held by the junheng-server running on this data-dir (process $1); a restart frees it"};
inline constexpr Msg kPortInUse{"check.port_in_use",
                                "$0 已被另一个程序占用$1；请换一个端口，或停掉那个程序",
                                "$0 is in use by another program$1; choose another port or stop "
                                "that program"};
inline constexpr Msg kPortHolder{"check.port_holder", "（进程 $0，$1）", " (process $0, $1)"};
inline constexpr Msg kAddressNotLocal{"check.address_not_local",
                                      "$0：$1 不是本机的地址；请写本机的一个 IP，或用 0.0.0.0 "
                                      "监听所有地址",
                                      "$0: $1 is not an address of this machine; give one of its "
                                      "IP addresses, or 0.0.0.0 for all of them"};
inline constexpr Msg kPortDenied{"check.port_denied",
                                 "$0：低于 1024 的端口 $1 需要特权；请用 1024 以上的端口",
                                 "$0: port $1 is below 1024 and needs a privilege; choose a port "
                                 "above 1024"};
inline constexpr Msg kHostUnknown{"check.host_unknown", "$0：找不到主机 $1（$2）；请写 IP 地址",
                                  "$0: the host $1 is unknown ($2); write an IP address"};
inline constexpr Msg kBindFailed{"check.bind_failed", "$0：无法监听（$1）",
                                 "$0: cannot be listened on ($1)"};
inline constexpr Msg kHttpOff{"check.http_off", "未设置：不开网页控制台和 HTTP 接口",
                              "not set: no web console or HTTP API"};

// Transport security.
inline constexpr Msg kTransport{"check.transport", "传输安全设置有误：$0",
                                "transport security: $0"};
inline constexpr Msg kPlaintext{"check.plaintext",
                                "明文传输（不加密）：令牌和报表不加密地经过网络，只适合本机演示",
                                "plain text: tokens and reports cross the network unencrypted; "
                                "for a local demo only"};
inline constexpr Msg kFileUnreadable{"check.file_unreadable",
                                     "无法读取 $0；请检查路径，以及运行服务器的用户能否读它",
                                     "cannot read $0; check the path and that the user the server "
                                     "runs as may read it"};
inline constexpr Msg kNotPemCertificate{"check.not_pem_certificate",
                                        "$0 中没有 PEM 证书；请给出以 -----BEGIN CERTIFICATE----- "
                                        "开头的文件",
                                        "$0 holds no PEM certificate; give the file that starts "
                                        "with -----BEGIN CERTIFICATE-----"};
inline constexpr Msg kNotPemKey{"check.not_pem_key",
                                "$0 中没有可读的 PEM 私钥（或它有密码保护）；请给出与证书一起生成的"
                                "无密码私钥",
                                "$0 holds no PEM private key that can be read (or it has a "
                                "passphrase); give the unencrypted key made with the certificate"};
inline constexpr Msg kKeyMismatch{"check.key_mismatch",
                                  "$0 不是证书 $1 的私钥；请给出与该证书一起生成的私钥",
                                  "$0 is not the key of the certificate $1; give the key made "
                                  "together with that certificate"};
inline constexpr Msg kKeyMatches{"check.key_matches", "$0 是证书 $1 的私钥",
                                 "$0 is the key of the certificate $1"};
inline constexpr Msg kCertificateValid{"check.certificate_valid", "$0（$1）有效期至 $2，还有 $3 天",
                                       "$0 ($1) is valid until $2, $3 days from now"};
inline constexpr Msg kCertificateExpiresSoon{
    "check.certificate_expires_soon",
    "证书 $0 将于 $1 过期（还剩 $2 天）；请在此之前换新证书（deploy/tls/make-certs.sh）",
    "the certificate $0 expires on $1 (in $2 days); renew it before then "
    "(deploy/tls/make-certs.sh)"};
inline constexpr Msg kCertificateExpired{
    "check.certificate_expired", "证书 $0 已于 $1 过期；请换新证书（deploy/tls/make-certs.sh）",
    "the certificate $0 expired on $1; renew it "
    "(deploy/tls/make-certs.sh)"};
inline constexpr Msg kCertificateNotYetValid{"check.certificate_not_yet_valid",
                                             "证书 $0 要到 $1 才生效；请检查本机时钟或该证书",
                                             "the certificate $0 is not valid until $1; check this "
                                             "machine's clock or the certificate"};
inline constexpr Msg kChainVerifies{"check.chain_verifies", "$0：服务器证书由它签发",
                                    "$0: the server's certificate chains to it"};
inline constexpr Msg kChainDoesNotVerify{
    "check.chain_does_not_verify",
    "服务器证书不是由 $0 签发的（$1）：以它为 ca 的客户端会拒绝服务器；若是有意如此，可忽略",
    "the server's certificate does not chain to $0 ($1): clients that use it as their ca refuse "
    "the server; ignore this if that is intended"};

// web-root, profile, log-format.
inline constexpr Msg kWebRootMissing{
    "check.web_root_missing",
    "$0 不是目录；请指向网页控制台的页面目录（安装包放在哪里就指向哪里，源码中是 web/public）",
    "$0 is not a directory; point web-root at the web console's pages (where the package installs "
    "them, or web/public of the source tree)"};
inline constexpr Msg kWebRootNoIndex{"check.web_root_no_index",
                                     "$0 中没有 index.html；请指向网页控制台的页面目录",
                                     "$0 holds no index.html; point web-root at the directory of "
                                     "the web console's pages"};
inline constexpr Msg kWebRootOk{"check.web_root_ok", "$0 中有网页控制台的页面",
                                "$0 holds the web console's pages"};
inline constexpr Msg kWebRootWithoutHttp{"check.web_root_without_http",
                                         "设置了 web-root 但没有 http-listen：网页控制台不会启动",
                                         "web-root is set but http-listen is not: the web console "
                                         "does not start"};
inline constexpr Msg kProfileBad{"check.profile_bad", "无法加载：$0", "cannot be loaded: $0"};
inline constexpr Msg kProfileOk{"check.profile_ok", "$0 可以加载", "$0 loads"};

// `junheng-server health`.
inline constexpr Msg kHealthUnknownService{
    "health.unknown_service",
    "$0 上的服务器不认识服务 '$1'；整个服务器请用 --service \"\"，单个服务请写全名，例如 "
    "junheng.v1.ReportingService",
    "the server at $0 does not know the service '$1'; give --service \"\" for the whole server or "
    "a full name such as junheng.v1.ReportingService"};
inline constexpr Msg kHealthFailed{"health.failed", "向 $0 询问健康状态失败：$1",
                                   "the health check through $0 failed: $1"};

}  // namespace junheng::i18n::ops
