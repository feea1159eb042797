#pragma once

// A real SQLite database in a test's temporary folder (tests that link bandmate_core).

#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "tests/support/TestFiles.h"

#include <gtest/gtest.h>

#include <memory>

namespace bandmate::test {

/// Opens (creating and migrating) `name` in `dir`; nullptr and a test failure when it cannot.
inline std::unique_ptr<core::Database> openTestDatabase(const TempDir& dir, const QString& name = QStringLiteral("test.sqlite"))
{
    auto db = core::Database::open(dir.file(name));
    EXPECT_TRUE(db.has_value()) << (db ? "" : db.error().toString());
    return db ? std::move(*db) : nullptr;
}

/// How many fields wait to be pushed.
inline int outboxSize(core::Database& db)
{
    return core::sql::scalar(db.connection(), QStringLiteral("SELECT count(*) FROM outbox"))->toInt();
}

}  // namespace bandmate::test
