#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "tests/support/TestFiles.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using namespace bandmate::core;
using bandmate::test::TempDir;

namespace {

std::unique_ptr<Database> openDb(const QString& path, HybridLogicalClock::WallClock wall = {})
{
    auto db = Database::open(path, {.wallClock = std::move(wall)});
    EXPECT_TRUE(db.has_value()) << (db ? "" : db.error().toString());
    return db ? std::move(*db) : nullptr;
}

qint64 count(const Database& db, const QString& statement)
{
    return sql::scalar(db.connection(), statement)->toLongLong();
}

// Every synced row and its field stamps, as one comparable text.
QString snapshot(const Database& db)
{
    QString out;
    auto rows = sql::run(db.connection(), QStringLiteral("SELECT id, artist_name, goals, deleted FROM profile ORDER BY id"));
    while (rows->next()) {
        out += QStringLiteral("%1|%2|%3|%4\n")
                   .arg(rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
                        rows->value(3).toString());
    }
    auto clocks = sql::run(db.connection(),
                           QStringLiteral("SELECT entity, id, field, hlc, device_id FROM field_clock ORDER BY 1, 2, 3"));
    while (clocks->next()) {
        QStringList cells;
        for (int i = 0; i < 5; ++i) {
            cells.append(clocks->value(i).toString());
        }
        out += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
    }
    return out;
}

}  // namespace

TEST(ChangeTracker, WriteRecordsRowClocksAndOutboxTogether)
{
    TempDir dir;
    qint64 wall = 1'000'000;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")), [&] { return wall; });
    ChangeTracker tracker(*db);
    auto tx = Transaction::begin(db->connection());
    ASSERT_TRUE(tx.has_value());
    auto stamp = tracker.write(QStringLiteral("profile"), QStringLiteral("p1"),
                               {{QStringLiteral("artist_name"), QStringLiteral("Marc Anthony")},
                                {QStringLiteral("goals"), QStringLiteral("Sell out the Garden")}});
    ASSERT_TRUE(stamp.has_value()) << stamp.error().toString();
    ASSERT_TRUE(tx->commit().has_value());

    EXPECT_EQ(stamp->hlc, (Hlc{1'000'000, 0}));
    EXPECT_EQ(stamp->deviceId, db->deviceId());
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM profile WHERE artist_name = 'Marc Anthony'")), 1);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM field_clock WHERE entity = 'profile' AND id = 'p1'")), 2);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM outbox")), 2);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT last_hlc FROM sync_state")), stamp->hlc.packed());

    auto pending = tracker.pending(100);
    ASSERT_TRUE(pending.has_value());
    ASSERT_EQ(pending->size(), 2);
    for (const FieldChange& change : *pending) {
        EXPECT_EQ(change.stamp, *stamp);
        EXPECT_EQ(change.value.toString(), change.field == QLatin1String("goals") ? QStringLiteral("Sell out the Garden")
                                                                                 : QStringLiteral("Marc Anthony"));
    }
}

TEST(ChangeTracker, WriteManyMatchesWritingRowByRow)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("many.sqlite")));
    ASSERT_NE(db, nullptr);
    const auto rowOf = [](const QString& title, double bpm, qint64 durationMs) {
        return QVariantMap{{QStringLiteral("title"), title}, {QStringLiteral("bpm"), bpm}, {QStringLiteral("duration_ms"), durationMs},
                           {QStringLiteral("notes"), QString()}};
    };
    const QString tricky = QStringLiteral("Quote \" back\\slash ' ñ 𝄞");
    {
        auto transaction = Transaction::begin(db->connection());
        ChangeTracker tracker(*db);
        ASSERT_TRUE(tracker.writeMany(QStringLiteral("song"), {{QStringLiteral("a"), rowOf(tricky, 96.5, 441'000)},
                                                               {QStringLiteral("b"), rowOf(QStringLiteral("Two"), 0, 9'007'199'254'740)}})
                        .has_value());
        ASSERT_TRUE(tracker.write(QStringLiteral("song"), QStringLiteral("c"), rowOf(QStringLiteral("Three"), 120, 1)).has_value());
        ASSERT_TRUE(transaction->commit().has_value());
    }
    auto row = sql::run(db->connection(), QStringLiteral("SELECT title, bpm, duration_ms, notes, typeof(bpm), typeof(duration_ms) FROM song WHERE id = 'a'"));
    ASSERT_TRUE(row->next());
    EXPECT_EQ(row->value(0).toString(), tricky);
    EXPECT_DOUBLE_EQ(row->value(1).toDouble(), 96.5);
    EXPECT_EQ(row->value(2).toLongLong(), 441'000);
    EXPECT_EQ(row->value(3).toString(), QString());
    EXPECT_EQ(row->value(4).toString(), QStringLiteral("real"));
    EXPECT_EQ(row->value(5).toString(), QStringLiteral("integer"));
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT duration_ms FROM song WHERE id = 'b'"))->toLongLong(), 9'007'199'254'740);
    // Stamped, dirty fields like a write of one row, except fields of a new row left at their
    // default (a: notes; b: bpm and notes); each row its own, rising HLC.
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM field_clock WHERE entity = 'song'")), 3 + 2 + 4);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'song'")), 3 + 2 + 4);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM field_clock WHERE id = 'b' AND field IN ('bpm', 'notes')")), 0);
    const qint64 a = count(*db, QStringLiteral("SELECT max(hlc) FROM field_clock WHERE id = 'a'"));
    const qint64 b = count(*db, QStringLiteral("SELECT max(hlc) FROM field_clock WHERE id = 'b'"));
    const qint64 c = count(*db, QStringLiteral("SELECT max(hlc) FROM field_clock WHERE id = 'c'"));
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(DISTINCT device_id) FROM field_clock")), 1);
    // An unstamped default loses to any other device's write of that field, however old.
    {
        auto transaction = Transaction::begin(db->connection());
        ChangeTracker tracker(*db);
        auto applied = tracker.applyRemote({QStringLiteral("song"), QStringLiteral("b"), QStringLiteral("bpm"), 104.0,
                                            {Hlc::fromPacked(1), QStringLiteral("other-device")}});
        ASSERT_TRUE(applied.has_value());
        EXPECT_TRUE(*applied);
        ASSERT_TRUE(transaction->commit().has_value());
    }
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT bpm FROM song WHERE id = 'b'"))->toDouble(), 104.0);
    // Writing a row that exists stamps every field given.
    {
        auto transaction = Transaction::begin(db->connection());
        ASSERT_TRUE(ChangeTracker(*db).writeMany(QStringLiteral("song"), {{QStringLiteral("b"), rowOf(QStringLiteral("Two"), 0, 5)}}).has_value());
        ASSERT_TRUE(transaction->commit().has_value());
    }
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM field_clock WHERE id = 'b'")), 4);
    // Rows that disagree on their fields are refused.
    ChangeTracker tracker(*db);
    EXPECT_FALSE(tracker.writeMany(QStringLiteral("song"), {{QStringLiteral("d"), rowOf(QStringLiteral("x"), 1, 1)},
                                                           {QStringLiteral("e"), {{QStringLiteral("title"), QStringLiteral("y")}}}})
                     .has_value());
    EXPECT_FALSE(tracker.writeMany(QStringLiteral("song"), {{QStringLiteral("f"), {{QStringLiteral("nope"), 1}}}}).has_value());
}

TEST(ChangeTracker, WriteManyWritesAndStampsEveryRowOfALargeBatch)
{
    // More rows than one statement takes (500 per statement for a song's 19 columns): each row
    // lands with its own values and exactly its own stamps, also past the statements' seams.
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    QList<QPair<QString, QVariantMap>> rows;
    QSet<QString> expectedStamps;
    for (int i = 0; i < 1'201; ++i) {
        const QString id = QStringLiteral("song-%1").arg(i, 4, 10, QLatin1Char('0'));
        const QVariantMap row{{QStringLiteral("title"), QStringLiteral("Tune %1").arg(i)},
                              {QStringLiteral("bpm"), i % 3 == 0 ? 0.0 : 80.0 + i % 120},
                              {QStringLiteral("year"), i % 5 == 0 ? 0 : 1960 + i % 60},
                              {QStringLiteral("notes"), i % 7 == 0 ? QStringLiteral("intro x%1").arg(i) : QString()}};
        rows.append({id, row});
        for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
            const bool text = it.key() == QLatin1String("title") || it.key() == QLatin1String("notes");
            const bool atDefault = text ? it->toString().isEmpty() : it->toDouble() == 0;
            if (!atDefault) {
                expectedStamps.insert(id + QLatin1Char('.') + it.key());
            }
        }
    }
    {
        auto transaction = Transaction::begin(db->connection());
        ASSERT_TRUE(ChangeTracker(*db).writeMany(QStringLiteral("song"), rows).has_value());
        ASSERT_TRUE(transaction->commit().has_value());
    }
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM song")), 1'201);
    for (const int i : {0, 1, 499, 500, 501, 999, 1'000, 1'200}) {
        const auto& [id, row] = rows[i];
        auto stored = sql::run(db->connection(), QStringLiteral("SELECT title, bpm, year, notes FROM song WHERE id = ?"), {id});
        ASSERT_TRUE(stored->next()) << i;
        EXPECT_EQ(stored->value(0).toString(), row.value(QStringLiteral("title")).toString()) << i;
        EXPECT_EQ(stored->value(1).toDouble(), row.value(QStringLiteral("bpm")).toDouble()) << i;
        EXPECT_EQ(stored->value(2).toInt(), row.value(QStringLiteral("year")).toInt()) << i;
        EXPECT_EQ(stored->value(3).toString(), row.value(QStringLiteral("notes")).toString()) << i;
    }
    QSet<QString> stamps;
    auto clocks = sql::run(db->connection(), QStringLiteral("SELECT id || '.' || field FROM field_clock WHERE entity = 'song'"));
    while (clocks->next()) {
        stamps.insert(clocks->value(0).toString());
    }
    EXPECT_EQ(stamps, expectedStamps);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'song'")), expectedStamps.size());
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM outbox o JOIN field_clock c USING (entity, id, field)")), expectedStamps.size());
    // Each row its own stamp, rising in the order given.
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(DISTINCT hlc) FROM field_clock WHERE entity = 'song'")), 1'201);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM (SELECT id, max(hlc) AS h, lag(max(hlc)) OVER (ORDER BY id) AS before "
                                        "FROM field_clock GROUP BY id) WHERE before >= h")),
              0);
    // The full-text index has every row.
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM song_fts WHERE song_fts MATCH 'tune'")), 1'201);
}

TEST(ChangeTracker, ARolledBackWriteLeavesNoTrace)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    ChangeTracker tracker(*db);
    {
        auto tx = Transaction::begin(db->connection());
        ASSERT_TRUE(tx.has_value());
        ASSERT_TRUE(tracker.write(QStringLiteral("profile"), QStringLiteral("p1"),
                                  {{QStringLiteral("artist_name"), QStringLiteral("x")}})
                        .has_value());
    }  // no commit
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM profile")), 0);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM field_clock")), 0);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

TEST(ChangeTracker, RefusesUnknownEntitiesAndFields)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    ChangeTracker tracker(*db);
    auto bad = tracker.write(QStringLiteral("sync_state"), QStringLiteral("1"), {{QStringLiteral("device_id"), 1}});
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
    bad = tracker.write(QStringLiteral("profile"), QStringLiteral("p"),
                        {{QStringLiteral("artist_name\" = 1; DROP TABLE profile; --"), 1}});
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().where, "profile.artist_name\" = 1; DROP TABLE profile; --");
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'profile'")), 1);
}

TEST(ChangeTracker, StampsStayMonotonicAcrossRestartsWhenTheClockStepsBack)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("a.sqlite"));
    FieldStamp first;
    {
        auto db = openDb(path, [] { return qint64{9'000'000}; });
        ChangeTracker tracker(*db);
        first = *tracker.write(QStringLiteral("profile"), QStringLiteral("p"), {{QStringLiteral("goals"), 1}});
    }
    auto db = openDb(path, [] { return qint64{1'000}; });  // the clock went back hours
    ChangeTracker tracker(*db);
    const FieldStamp second = *tracker.write(QStringLiteral("profile"), QStringLiteral("p"), {{QStringLiteral("goals"), 2}});
    EXPECT_GT(second.hlc, first.hlc);
}

TEST(ChangeTracker, RemoteChangesFollowLastWriterWins)
{
    TempDir dir;
    qint64 wall = 5'000;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")), [&] { return wall; });
    ChangeTracker tracker(*db);
    ASSERT_TRUE(tracker.write(QStringLiteral("profile"), QStringLiteral("p"),
                              {{QStringLiteral("artist_name"), QStringLiteral("local")}})
                    .has_value());

    FieldChange older{QStringLiteral("profile"), QStringLiteral("p"), QStringLiteral("artist_name"),
                      QStringLiteral("older remote"), FieldStamp{Hlc{4'000, 0}, QStringLiteral("zz-device")}};
    auto won = tracker.applyRemote(older);
    ASSERT_TRUE(won.has_value());
    EXPECT_FALSE(*won);
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT artist_name FROM profile"))->toString(),
              QStringLiteral("local"));
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM outbox")), 1);

    FieldChange newer = older;
    newer.value = QStringLiteral("newer remote");
    newer.stamp.hlc = Hlc{6'000, 0};
    won = tracker.applyRemote(newer);
    ASSERT_TRUE(won.has_value());
    EXPECT_TRUE(*won);
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT artist_name FROM profile"))->toString(),
              QStringLiteral("newer remote"));
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM outbox")), 0);  // the local edit lost
    // The next local edit is stamped after what was received.
    const FieldStamp next = *tracker.write(QStringLiteral("profile"), QStringLiteral("p"), {{QStringLiteral("goals"), 1}});
    EXPECT_GT(next.hlc, newer.stamp.hlc);
}

TEST(ChangeTracker, RemoteChangesConvergeInAnyOrderWithDuplicates)
{
    QRandomGenerator random(777);
    const QStringList devices{QStringLiteral("dev-a"), QStringLiteral("dev-b"), QStringLiteral("dev-c")};
    const QStringList fields{QStringLiteral("artist_name"), QStringLiteral("goals"), QStringLiteral("deleted")};
    std::vector<FieldChange> changes;
    for (int i = 0; i < 120; ++i) {
        const QString field = fields[random.bounded(3)];
        changes.push_back(FieldChange{
            QStringLiteral("profile"), QStringLiteral("p%1").arg(random.bounded(4)), field,
            field == QLatin1String("deleted") ? QVariant(random.bounded(2))
                                              : QVariant(QStringLiteral("v%1").arg(random.bounded(1000))),
            FieldStamp{Hlc{1'000 + random.bounded(20), static_cast<quint16>(random.bounded(3))},
                       devices[random.bounded(3)]}});
    }

    TempDir dir;
    QString reference;
    for (int replica = 0; replica < 4; ++replica) {
        auto db = openDb(dir.file(QStringLiteral("r%1.sqlite").arg(replica)));
        ChangeTracker tracker(*db);
        std::vector<FieldChange> delivery = changes;
        delivery.insert(delivery.end(), changes.begin(), changes.begin() + 30);  // redelivered
        std::shuffle(delivery.begin(), delivery.end(), random);
        auto tx = Transaction::begin(db->connection());
        for (const FieldChange& change : delivery) {
            ASSERT_TRUE(tracker.applyRemote(change).has_value());
        }
        ASSERT_TRUE(tx->commit().has_value());
        const QString state = snapshot(*db);
        if (replica == 0) {
            reference = state;
            ASSERT_FALSE(reference.isEmpty());
        } else {
            EXPECT_EQ(state, reference) << "replica " << replica;
        }
    }
}

TEST(ChangeTracker, RemoveWritesATombstone)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    ChangeTracker tracker(*db);
    ASSERT_TRUE(tracker.write(QStringLiteral("profile"), QStringLiteral("p"), {{QStringLiteral("goals"), QStringLiteral("g")}})
                    .has_value());
    ASSERT_TRUE(tracker.remove(QStringLiteral("profile"), QStringLiteral("p")).has_value());
    EXPECT_EQ(count(*db, QStringLiteral("SELECT deleted FROM profile WHERE id = 'p'")), 1);
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM outbox WHERE field = 'deleted'")), 1);
}

TEST(ChangeTracker, TwoConnectionsToOneFileShareOneClock)
{
    // A library scan writes on a connection of its own while the window's connection applies
    // what a sync pulled: both must stamp from one clock, or a local edit made after a pulled
    // one can be stamped below it and lose on every other computer while it shows here.
    TempDir dir;
    const QString path = dir.file(QStringLiteral("shared.sqlite"));
    const qint64 wall = 50'000'000;
    auto window = openDb(path, [&] { return wall; });
    auto scanner = openDb(path, [&] { return wall; });
    ASSERT_NE(window, nullptr);
    ASSERT_NE(scanner, nullptr);
    ChangeTracker onWindow(*window);
    ChangeTracker onScanner(*scanner);
    ASSERT_TRUE(onScanner.write(QStringLiteral("song"), QStringLiteral("s"), {{QStringLiteral("title"), QStringLiteral("Scanned")}}).has_value());

    // Another computer's edit, its clock 3 minutes ahead (inside the 5-minute window).
    const FieldChange pulled{QStringLiteral("song"), QStringLiteral("s"), QStringLiteral("title"), QStringLiteral("From the laptop"),
                             FieldStamp{Hlc{wall + 180'000, 4}, QStringLiteral("laptop")}};
    {
        auto tx = Transaction::begin(window->connection());
        ASSERT_TRUE(onWindow.applyRemote(pulled).value());
        ASSERT_TRUE(tx->commit().has_value());
    }
    const qint64 afterPull = count(*window, QStringLiteral("SELECT last_hlc FROM sync_state"));
    EXPECT_GT(afterPull, pulled.stamp.hlc.packed() - 1);

    // The musician edits the title afterwards through the scanner's connection.
    FieldStamp edited;
    {
        auto tx = Transaction::begin(scanner->connection());
        auto stamp = onScanner.write(QStringLiteral("song"), QStringLiteral("s"), {{QStringLiteral("title"), QStringLiteral("Edited here")}});
        ASSERT_TRUE(stamp.has_value()) << stamp.error().toString();
        edited = *stamp;
        ASSERT_TRUE(tx->commit().has_value());
    }
    EXPECT_GT(edited.hlc, pulled.stamp.hlc) << "a later edit must win over what it replaced";
    EXPECT_GE(count(*window, QStringLiteral("SELECT last_hlc FROM sync_state")), afterPull) << "the saved clock went backwards";

    // And the other way: the window's next edit comes after the scanner's.
    {
        auto tx = Transaction::begin(window->connection());
        auto stamp = onWindow.write(QStringLiteral("song"), QStringLiteral("s"), {{QStringLiteral("artist"), QStringLiteral("Celia")}});
        ASSERT_TRUE(stamp.has_value());
        EXPECT_GT(stamp->hlc, edited.hlc);
        ASSERT_TRUE(tx->commit().has_value());
    }
    EXPECT_EQ(count(*window, QStringLiteral("SELECT max(hlc) FROM field_clock")), count(*window, QStringLiteral("SELECT last_hlc FROM sync_state")));
}

TEST(ChangeTracker, KeepsAsideWhatThisSchemaCannotHoldAndAppliesItOnceItCan)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("older.sqlite"));
    auto db = openDb(path);
    ASSERT_NE(db, nullptr);
    const auto change = [](const QString& entity, const QString& field, const QVariant& value, qint64 ms) {
        return FieldChange{entity, QStringLiteral("s1"), field, value, FieldStamp{Hlc{ms, 0}, QStringLiteral("newer-device")}};
    };
    // What a newer Bandmate, or an older server that let it through, may send.
    const QList<FieldChange> odd{
        change(QStringLiteral("song"), QStringLiteral("zz_new_field"), QStringLiteral("from the future"), 1'000),
        change(QStringLiteral("zz_new_entity"), QStringLiteral("title"), QStringLiteral("a new kind of thing"), 1'001),
        change(QStringLiteral("song"), QStringLiteral("artist"), QVariant(), 1'002),                     // null for NOT NULL
        change(QStringLiteral("song"), QStringLiteral("year"), QStringLiteral("nineteen"), 1'003),       // text for a number
        change(QStringLiteral("song"), QStringLiteral("rating"), 7, 1'004),                              // the schema's CHECK refuses it
    };
    {
        auto tx = Transaction::begin(db->connection());
        ChangeTracker tracker(*db);
        ASSERT_TRUE(tracker.applyRemote(change(QStringLiteral("song"), QStringLiteral("title"), QStringLiteral("Quimbara"), 999)).value());
        for (const FieldChange& c : odd) {
            auto applied = tracker.applyRemote(c);
            ASSERT_TRUE(applied.has_value()) << c.field.toStdString() << ": " << applied.error().toString();
            EXPECT_FALSE(*applied) << c.field.toStdString();
        }
        // An older write of a kept-aside field does not replace the newer one there.
        EXPECT_TRUE(tracker.keepAsideIfUnfit(change(QStringLiteral("song"), QStringLiteral("zz_new_field"), QStringLiteral("older"), 500)).value());
        EXPECT_FALSE(tracker.keepAsideIfUnfit(change(QStringLiteral("song"), QStringLiteral("bpm"), 96, 1'005)).value());
        ASSERT_TRUE(tx->commit().has_value());
    }
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM sync_kept_aside")), 5);
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT title || '|' || artist || '|' || year || '|' || rating FROM song"))->toString(),
              QStringLiteral("Quimbara||0|0"));
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT value FROM sync_kept_aside WHERE field = 'zz_new_field'"))->toString(),
              QStringLiteral("{\"v\":\"from the future\"}"));
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM outbox")), 0);
    EXPECT_GT(count(*db, QStringLiteral("SELECT last_hlc FROM sync_state")), (Hlc{1'004, 0}.packed()));

    // The newer Bandmate's upgrade adds the field; its write comes in, the rest keeps waiting.
    db.reset();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("upgrade"));
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        ASSERT_TRUE(sql::exec(raw, QStringLiteral("ALTER TABLE song ADD COLUMN zz_new_field TEXT NOT NULL DEFAULT ''")).has_value());
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("upgrade"));
    // Opening the upgraded file applies it, before anything could be edited.
    db = openDb(path);
    EXPECT_EQ(sql::scalar(db->connection(), QStringLiteral("SELECT zz_new_field FROM song"))->toString(), QStringLiteral("from the future"));
    EXPECT_EQ(count(*db, QStringLiteral("SELECT hlc FROM field_clock WHERE field = 'zz_new_field'")), (Hlc{1'000, 0}.packed()));
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM sync_kept_aside")), 4);
    // Nothing more to look at until the schema changes again.
    auto tx = Transaction::begin(db->connection());
    EXPECT_EQ(ChangeTracker(*db).keptAsideLookNeeded().value(), 0);
    EXPECT_EQ(ChangeTracker(*db).applyKeptAside().value(), 0);
    ASSERT_TRUE(tx->commit().has_value());
}

TEST(ChangeTracker, AWriteNoPushCouldCarryIsRefusedHere)
{
    TempDir dir;
    auto db = openDb(dir.file(QStringLiteral("a.sqlite")));
    ChangeTracker tracker(*db);
    const QString huge(static_cast<qsizetype>(kMaxFieldValueBytes) + 1, QLatin1Char('x'));
    auto refused = tracker.write(QStringLiteral("song"), QStringLiteral("s"), {{QStringLiteral("chart"), huge}});
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().where, "song.chart");
    EXPECT_FALSE(tracker.writeMany(QStringLiteral("song"), {{QStringLiteral("t"), {{QStringLiteral("notes"), huge}}}}).has_value());
    EXPECT_EQ(count(*db, QStringLiteral("SELECT count(*) FROM song")), 0);
    EXPECT_TRUE(tracker.write(QStringLiteral("song"), QStringLiteral("s"), {{QStringLiteral("chart"), huge.left(kMaxFieldValueBytes)}}).has_value());
}
