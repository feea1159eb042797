#pragma once

// A real SQLite database in a test's temporary folder (tests that link bandmate_core).

#include "core/library/Songs.h"
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

/// `count` new songs titled "<prefix> 0", "<prefix> 1", ... added at once; their ids.
inline QStringList addSongs(core::Database& db, int count, const QString& prefix = QStringLiteral("Son"))
{
    QList<core::library::Song> songs;
    for (int i = 0; i < count; ++i) {
        core::library::Song song;
        song.title = QStringLiteral("%1 %2").arg(prefix).arg(i);
        song.bpm = 90 + i % 60;
        songs.append(song);
    }
    auto ids = core::library::SongRepository(db).addMany(songs);
    EXPECT_TRUE(ids.has_value()) << (ids ? "" : ids.error().toString());
    return ids.value_or(QStringList{});
}

/// How many songs a database shows (not deleted).
inline int liveSongs(core::Database& db)
{
    return core::sql::scalar(db.connection(), QStringLiteral("SELECT count(*) FROM song WHERE deleted = 0"))->toInt();
}

}  // namespace bandmate::test
