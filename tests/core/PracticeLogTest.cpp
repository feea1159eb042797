// Practice sessions in a real database.
#include "core/beats/PracticeLog.h"
#include "core/storage/Database.h"
#include "tests/support/TestFiles.h"

#include <gtest/gtest.h>

using namespace bandmate::core;
using namespace bandmate::core::beats;

TEST(PracticeLog, RecordsSessionsAndListsThemByTime)
{
    bandmate::test::TempDir dir;
    auto db = Database::open(dir.file(QStringLiteral("p.sqlite")));
    ASSERT_TRUE(db.has_value());
    PracticeLog log(**db);
    const QDateTime monday = QDateTime::fromString(QStringLiteral("2026-11-23T18:00:00Z"), Qt::ISODate);
    ASSERT_TRUE(log.record({{}, QStringLiteral("Salsa"), QStringLiteral("builtin:salsa"), monday.addDays(1), 600, 90, 120})
                    .has_value());
    ASSERT_TRUE(log.record({{}, QStringLiteral("Merengue"), QStringLiteral("builtin:merengue"), monday, 300, 130, 130})
                    .has_value());
    auto sessions = log.since(monday);
    ASSERT_TRUE(sessions.has_value());
    ASSERT_EQ(sessions->size(), 2);
    EXPECT_EQ(sessions->at(0).machineTitle, QStringLiteral("Merengue"));
    EXPECT_EQ(sessions->at(1).seconds, 600.0);
    EXPECT_EQ(sessions->at(1).bpmMax, 120.0);
    EXPECT_EQ(log.since(monday.addDays(1))->size(), 1);

    EXPECT_EQ(log.record({{}, QStringLiteral("x"), {}, monday, 0.2, 90, 90}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(log.record({{}, QStringLiteral("x"), {}, monday, 60, 20, 90}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(log.since(monday)->size(), 2) << "refused sessions write nothing";
}
