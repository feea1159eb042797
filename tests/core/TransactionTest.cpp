// Nested transactions are savepoints inside the outer one.
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "tests/support/TestDatabase.h"

using namespace bandmate::core;

namespace {

int profiles(const Database& db)
{
    return sql::scalar(db.connection(), QStringLiteral("SELECT count(*) FROM profile"))->toInt();
}

void insert(const Database& db, const char* id)
{
    ASSERT_TRUE(sql::exec(db.connection(), QStringLiteral("INSERT INTO profile (id) VALUES (?)"), {QString::fromLatin1(id)}).has_value());
}

}  // namespace

TEST(Transaction, InnerTransactionsAreSavepointsOfTheOuterOne)
{
    bandmate::test::TempDir dir;
    auto db = bandmate::test::openTestDatabase(dir);
    ASSERT_NE(db, nullptr);
    {
        auto outer = Transaction::begin(db->connection());
        ASSERT_TRUE(outer.has_value());
        insert(*db, "a");
        {
            auto rolledBack = Transaction::begin(db->connection());
            ASSERT_TRUE(rolledBack.has_value()) << rolledBack.error().toString();
            insert(*db, "b");
        }  // not committed: only "b" goes
        EXPECT_EQ(profiles(*db), 1);
        {
            auto kept = Transaction::begin(db->connection());
            ASSERT_TRUE(kept.has_value());
            insert(*db, "c");
            ASSERT_TRUE(kept->commit().has_value());
        }
        EXPECT_EQ(profiles(*db), 2);
    }  // the outer one was never committed: everything goes
    EXPECT_EQ(profiles(*db), 0);

    auto outer = Transaction::begin(db->connection());
    ASSERT_TRUE(outer.has_value());
    {
        auto inner = Transaction::begin(db->connection());
        insert(*db, "d");
        ASSERT_TRUE(inner->commit().has_value());
    }
    ASSERT_TRUE(outer->commit().has_value());
    EXPECT_EQ(profiles(*db), 1);
    auto next = Transaction::begin(db->connection());
    ASSERT_TRUE(next.has_value()) << "after the outer commit a new outer transaction starts";
    ASSERT_TRUE(next->commit().has_value());
}
