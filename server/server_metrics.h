#pragma once

#include <string>

#include "common/time/clock.h"
#include "server/auth/web_sessions.h"
#include "server/observability/metrics.h"
#include "server/storage/store.h"

namespace junheng::server {

// The metrics read when GET /metrics is scraped rather than counted as things happen
// (docs/monitoring.md): the report writer's group commits and RocksDB's own figures
// (Store::group_commit_stats, Store::engine_stats), whether the store accepts writes, the data
// dir's file system (statvfs), which reporting periods are open at `clock`'s now and how many of
// their county's schools have reported, the server's version, and the process (/proc/self).
// `store` and `clock` must outlive every scrape.
void AddStoreMetrics(metrics::Registry& registry, const storage::Store* store, const Clock* clock,
                     std::string data_dir);

// junheng_web_sessions: the web console's sessions in use. `sessions` must outlive every scrape.
void AddSessionMetrics(metrics::Registry& registry, const auth::WebSessions* sessions);

}  // namespace junheng::server
