// Linked only into bandmate-cli-crashtest (tests/CMakeLists.txt), never into what ships: with
// BANDMATE_CRASH_AT_COMMIT=N the process ends at once (exit code 86), as a kill there would end
// it, at the Nth commit of its database connection: right after the commit reached the
// write-ahead log, or with BANDMATE_CRASH_WHEN=before just before it is made (what was done
// outside the database, such as a push the server took, is then done and not recorded).
// tests/e2e/CrashConsistencyTest walks N over every commit of a command.
#include "core/storage/ConnectionHook.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <atomic>
#include <cstdlib>

namespace {

std::atomic<int> left{0};

void countOne()
{
    if (left.fetch_sub(1) == 1) {
        std::_Exit(86);
    }
}

int afterCommit(void*, sqlite3* db, const char* name, int frames)
{
    countOne();
    // What SQLite's own hook (which this one replaces) does: a checkpoint now and then.
    if (frames >= 1000) {
        (void)sqlite3_wal_checkpoint(db, name);
    }
    return SQLITE_OK;
}

int beforeCommit(void*)
{
    countOne();
    return 0;
}

void watch(const QSqlDatabase& db)
{
    const QVariant driver = db.driver()->handle();
    if (!driver.isValid() || qstrcmp(driver.typeName(), "sqlite3*") != 0) {
        return;
    }
    sqlite3* handle = *static_cast<sqlite3* const*>(driver.constData());
    if (qgetenv("BANDMATE_CRASH_WHEN") == "before") {
        sqlite3_commit_hook(handle, beforeCommit, nullptr);
    } else {
        sqlite3_wal_hook(handle, afterCommit, nullptr);
    }
}

const bool installed = [] {
    bool given = false;
    const int at = qEnvironmentVariableIntValue("BANDMATE_CRASH_AT_COMMIT", &given);
    if (!given || at <= 0) {
        return false;
    }
    left = at;  // once per process: every connection counts on the same commits
    bandmate::core::setConnectionHook(&watch);
    return true;
}();

}  // namespace
