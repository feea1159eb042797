#include "core/storage/Database.h"
#include "core/storage/RowStatement.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "tests/support/TestFiles.h"

#include <QSqlQuery>
#include <QStringList>

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>

using namespace bandmate::core;
using bandmate::test::TempDir;

namespace {

std::unique_ptr<Database> openDb(const QString& path)
{
    auto db = Database::open(path);
    EXPECT_TRUE(db.has_value()) << (db ? "" : db.error().toString());
    return db ? std::move(*db) : nullptr;
}

}  // namespace

TEST(RowStatement, BindsEachValueAsQtsDriverWould)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(sql::exec(db->connection(), QStringLiteral("CREATE TABLE t (k INTEGER, v)")).has_value());
    auto insert = sql::RowStatement::prepare(db->connection(), QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"));
    ASSERT_TRUE(insert.has_value()) << insert.error().toString();
    const qint64 big = 9'007'199'254'740'993;  // 2^53 + 1: a double would lose the 1
    const QList<QVariant> values{QVariant(),
                                 QVariant(QString()),
                                 QStringLiteral("Lágrimas \"negras\" ♭ 🎺"),
                                 QStringLiteral(""),
                                 big,
                                 true,
                                 96.5,
                                 QByteArray("\0\1\2", 3),
                                 QStringList{QStringLiteral("salsa"), QStringLiteral("son")},
                                 std::numeric_limits<qulonglong>::max()};
    for (qsizetype i = 0; i < values.size(); ++i) {
        const std::array<QVariant, 2> row{qint64(i), values[i]};
        ASSERT_TRUE(insert->run(row).has_value()) << i;
    }
    auto rows = sql::run(db->connection(), QStringLiteral("SELECT typeof(v), v FROM t ORDER BY k"));
    ASSERT_TRUE(rows.has_value());
    QStringList types;
    QVariantList stored;
    while (rows->next()) {
        types << rows->value(0).toString();
        stored << rows->value(1);
    }
    EXPECT_EQ(types, (QStringList{"null", "null", "text", "text", "integer", "integer", "real", "blob", "text", "text"}));
    EXPECT_EQ(stored[2].toString(), values[2].toString());
    EXPECT_EQ(stored[4].toLongLong(), big);
    EXPECT_EQ(stored[5].toLongLong(), 1);
    EXPECT_EQ(stored[6].toDouble(), 96.5);
    EXPECT_EQ(stored[7].toByteArray(), QByteArray("\0\1\2", 3));
    EXPECT_EQ(stored[8].toString(), QStringLiteral("[\"salsa\",\"son\"]"));
    EXPECT_EQ(stored[9].toString(), QStringLiteral("18446744073709551615"));
}

TEST(RowStatement, AFailedRowSaysWhichStatementAndTheNextRowStillRuns)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(sql::exec(db->connection(), QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)")).has_value());
    auto insert = sql::RowStatement::prepare(db->connection(), QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"));
    ASSERT_TRUE(insert.has_value());
    const std::array<QVariant, 2> nullValue{1, QVariant()};
    auto refused = insert->run(nullValue);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::Sql);
    EXPECT_NE(refused.error().message.find("NOT NULL"), std::string::npos) << refused.error().message;
    EXPECT_NE(refused.error().where.find("INSERT INTO t"), std::string::npos);
    const std::array<QVariant, 2> good{1, QStringLiteral("ok")};
    EXPECT_TRUE(insert->run(good).has_value());
    const std::array<QVariant, 1> tooFew{2};
    EXPECT_FALSE(insert->run(tooFew).has_value());
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM t"))->toInt(), 1);

    auto broken = sql::RowStatement::prepare(db->connection(), QStringLiteral("INSERT INTO nowhere VALUES (?)"));
    ASSERT_FALSE(broken.has_value());
    EXPECT_NE(broken.error().message.find("nowhere"), std::string::npos) << broken.error().message;
}

TEST(RowStatement, AQueryReadsEachRowAsUtf8AndLeavesNothingOpenHoweverItEnds)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(sql::exec(db->connection(), QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")).has_value());
    ASSERT_TRUE(sql::exec(db->connection(), QStringLiteral("INSERT INTO t VALUES (1, 'Ñandú 🎺'), (2, NULL), (3, 'three'), (4, 'four')")).has_value());
    auto select = sql::RowStatement::prepare(db->connection(), QStringLiteral("SELECT k, v FROM t WHERE k >= ? ORDER BY k"));
    ASSERT_TRUE(select.has_value());
    const std::array<QVariant, 1> from{1};
    QStringList read;
    const auto readAll = [&](const sql::RowStatement::Row& row) {
        read.append(QString::number(row.integer(0)) + QLatin1Char('=') + (row.isNull(1) ? QStringLiteral("null") : QString::fromUtf8(row.text(1))));
        return true;
    };
    ASSERT_TRUE(select->query(from, readAll).has_value());
    EXPECT_EQ(read.join(QLatin1Char(',')), QStringLiteral("1=Ñandú 🎺,2=null,3=three,4=four"));
    // Stopped after one row, or by a callback that throws: the next query reads everything again.
    int seen = 0;
    ASSERT_TRUE(select->query(from, [&](const sql::RowStatement::Row&) { return ++seen < 1; }).has_value());
    EXPECT_EQ(seen, 1);
    EXPECT_THROW((void)select->query(from, [](const sql::RowStatement::Row&) -> bool { throw std::runtime_error("out of memory"); }), std::runtime_error);
    read.clear();
    ASSERT_TRUE(select->query(from, readAll).has_value());
    EXPECT_EQ(read.size(), 4) << read.join(QLatin1Char(',')).toStdString();
    // A statement left mid-step would keep the table busy on its connection.
    const std::array<QVariant, 1> fromThree{3};
    EXPECT_THROW((void)select->query(fromThree, [](const sql::RowStatement::Row&) -> bool { throw std::runtime_error("out of memory"); }), std::runtime_error);
    auto dropped = sql::exec(db->connection(), QStringLiteral("DROP TABLE t"));
    EXPECT_TRUE(dropped.has_value()) << dropped.error().toString();
}

TEST(RowBatch, WritesEveryRowWhateverTheCountAndThePerStatementLimit)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(sql::exec(db->connection(), QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)")).has_value());
    // 7 per statement: none, fewer, exactly one statement, one more, several and a rest.
    int next = 0;
    for (const int rows : {0, 3, 7, 8, 7 * 5 + 2}) {
        sql::RowBatch batch(db->connection(), QStringLiteral("INSERT INTO t (k, v)"), 2, QStringLiteral("ON CONFLICT (k) DO UPDATE SET v = excluded.v"), 7);
        for (int i = 0; i < rows; ++i, ++next) {
            const std::array<QVariant, 2> row{next, QStringLiteral("row %1").arg(next)};
            ASSERT_TRUE(batch.add(row).has_value());
        }
        ASSERT_TRUE(batch.finish().has_value());
        EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM t"))->toInt(), next) << rows;
    }
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT group_concat(v, ',') FROM (SELECT v FROM t WHERE k IN (0, 17, 54) ORDER BY k)"))->toString(),
              QStringLiteral("row 0,row 17,row 54"));
    // The tail applies: a row written again updates.
    sql::RowBatch again(db->connection(), QStringLiteral("INSERT INTO t (k, v)"), 2, QStringLiteral("ON CONFLICT (k) DO UPDATE SET v = excluded.v"), 7);
    const std::array<QVariant, 2> row{17, QStringLiteral("again")};
    ASSERT_TRUE(again.add(row).has_value());
    ASSERT_TRUE(again.finish().has_value());
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT v FROM t WHERE k = 17"))->toString(), QStringLiteral("again"));
    // A row of the wrong width is refused before anything is written.
    const std::array<QVariant, 1> narrow{99};
    EXPECT_FALSE(again.add(narrow).has_value());
}

TEST(RowBatch, AFailingRowFailsItsStatementAndTheTransactionRollsItAllBack)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    ASSERT_TRUE(sql::exec(db->connection(), QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)")).has_value());
    {
        auto transaction = Transaction::begin(db->connection());
        ASSERT_TRUE(transaction.has_value());
        sql::RowBatch batch(db->connection(), QStringLiteral("INSERT INTO t (k, v)"), 2, {}, 4);
        bool failed = false;
        for (int i = 0; i < 10 && !failed; ++i) {
            const std::array<QVariant, 2> row{i, i == 5 ? QVariant() : QVariant(QStringLiteral("v"))};
            failed = !batch.add(row).has_value();  // the second statement (rows 4-7) holds the NULL
        }
        EXPECT_TRUE(failed);
    }  // not committed
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM t"))->toInt(), 0);
}
