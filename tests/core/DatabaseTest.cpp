#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "core/util/Uuid.h"
#include "tests/support/TestFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <string>

using namespace bandmate::core;
using bandmate::test::TempDir;

namespace {

// Writes directly through a separate raw connection, as another program would.
void rawExec(const QString& path, const QStringList& statements)
{
    const QString name = QStringLiteral("raw-test-connection");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        for (const QString& statement : statements) {
            QSqlQuery query(db);
            ASSERT_TRUE(query.exec(statement)) << statement.toStdString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// A database with some rows, closed (WAL checkpointed into the main file).
void makePopulatedDatabase(const QString& path, int rows)
{
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().toString();
    const QSqlDatabase c = (*db)->connection();
    ASSERT_TRUE(sql::exec(c, QStringLiteral("BEGIN")).has_value());
    UuidV7Generator ids;
    for (int i = 0; i < rows; ++i) {
        ASSERT_TRUE(sql::exec(c, QStringLiteral("INSERT INTO profile (id, artist_name, goals) VALUES (?, ?, ?)"),
                              {ids.next(), QStringLiteral("Artist %1").arg(i),
                               QString(200, QLatin1Char('g'))})
                        .has_value());
    }
    ASSERT_TRUE(sql::exec(c, QStringLiteral("COMMIT")).has_value());
}

/// The side files SQLite keeps next to `path`, when there are any.
QStringList sideFiles(const QString& path)
{
    QStringList found;
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        if (QFileInfo::exists(path + QLatin1String(suffix))) {
            found.append(QLatin1String(suffix));
        }
    }
    return found;
}

}  // namespace

TEST(Database, ARefusedReadOnlyFileLeavesNoSideFilesAndOpensOnceItIsWritableAgain)
{
    TempDir dir;
    const QString folder = dir.file(QStringLiteral("shared"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("user.sqlite"));
    const std::string complaint = bandmate::test::runAsOrdinaryUser(folder, [&]() -> std::string {
        {
            auto db = Database::open(path);
            if (!db) {
                return "cannot create: " + db.error().toString();
            }
        }
        if (!sideFiles(path).isEmpty()) {
            return "a closed database left side files";
        }
        const QByteArray before = bandmate::test::sha256(path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser | QFile::ReadGroup | QFile::ReadOther);
        auto refused = Database::open(path);
        if (refused || refused.error().code != ErrorCode::ReadOnly) {
            return "a read-only file was not refused as read-only";
        }
        if (!sideFiles(path).isEmpty()) {
            return "the refusal left " + sideFiles(path).join(QLatin1Char(' ')).toStdString() + " behind";
        }
        // Looking at it is allowed, and leaves nothing behind either.
        {
            auto inspected = Database::open(path, {.mode = Database::Mode::Inspect});
            if (!inspected || (*inspected)->schemaVersion() != Database::latestSchemaVersion()) {
                return "a read-only file could not be inspected: " + (inspected ? std::string() : inspected.error().toString());
            }
        }
        if (!sideFiles(path).isEmpty() || bandmate::test::sha256(path) != before) {
            return "inspecting a read-only file changed it or left side files";
        }
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        auto db = Database::open(path);
        if (!db) {
            return "writable again, but refused: " + db.error().toString();
        }
        if (auto ok = sql::exec((*db)->connection(), QStringLiteral("INSERT INTO profile (id, artist_name) VALUES ('p', 'Celia')")); !ok) {
            return "writable again, but a write failed: " + ok.error().toString();
        }
        return {};
    });
    EXPECT_EQ(complaint, "");
}

TEST(Database, AHealthyWalDatabaseInAReadOnlyFolderIsReadOnlyNotDamaged)
{
    TempDir dir;
    const QString folder = dir.file(QStringLiteral("shared"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("user.sqlite"));
    const std::string complaint = bandmate::test::runAsOrdinaryUser(folder, [&]() -> std::string {
        {
            auto db = Database::open(path);
            if (!db) {
                return "cannot create: " + db.error().toString();
            }
        }
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser | QFile::ExeUser);
        auto inspected = Database::open(path, {.mode = Database::Mode::Inspect});
        auto refused = Database::open(path);
        const bool readable = inspected && (*inspected)->schemaVersion() == Database::latestSchemaVersion();
        inspected = fail(ErrorCode::Internal, "closed");
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
        if (!readable) {
            return "a healthy database in a read-only folder could not be inspected";
        }
        if (refused || refused.error().code != ErrorCode::ReadOnly) {
            return "opening it to write was not refused as read-only: " + (refused ? std::string("opened") : refused.error().toString());
        }
        return {};
    });
    EXPECT_EQ(complaint, "");
}

TEST(Database, AnotherProgramsNumberedSchemaIsRefusedUnchanged)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("notes.sqlite"));
    rawExec(path, {QStringLiteral("CREATE TABLE note (body TEXT)"), QStringLiteral("INSERT INTO note VALUES ('buy strings')"),
                   QStringLiteral("PRAGMA user_version = 5")});
    for (const int version : {5, -3}) {
        rawExec(path, {QStringLiteral("PRAGMA user_version = %1").arg(version)});
        const QByteArray before = bandmate::test::sha256(path);
        auto db = Database::open(path);
        ASSERT_FALSE(db.has_value()) << version;
        EXPECT_EQ(db.error().code, ErrorCode::NotADatabase) << db.error().toString();
        EXPECT_NE(db.error().message.find("not one of Bandmate's"), std::string::npos);
        EXPECT_EQ(bandmate::test::sha256(path), before);
        EXPECT_TRUE(sideFiles(path).isEmpty());
    }
    // A file with Bandmate's tables but another program's mark is not ours either.
    const QString marked = dir.file(QStringLiteral("marked.sqlite"));
    ASSERT_TRUE(Database::open(marked).has_value());
    rawExec(marked, {QStringLiteral("PRAGMA application_id = 1")});
    const QByteArray before = bandmate::test::sha256(marked);
    auto db = Database::open(marked);
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::NotADatabase);
    EXPECT_EQ(bandmate::test::sha256(marked), before);
}

TEST(Database, AFileFromBeforeTheMarkIsRecognisedByItsTablesAndMarkedWhenUpgraded)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("user.sqlite"));
    {
        auto db = Database::open(path, {.targetVersion = 13});
        ASSERT_TRUE(db.has_value()) << db.error().toString();
        EXPECT_EQ(sql::scalar((*db)->connection(), QStringLiteral("PRAGMA application_id"))->toLongLong(), 0);
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().toString();
    EXPECT_EQ(sql::scalar((*db)->connection(), QStringLiteral("PRAGMA application_id"))->toLongLong(), 0x426E644D);
}

TEST(Database, AFailedUpgradeLeavesTheFileAsItWasAndNamesTheBackup)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("user.sqlite"));
    {
        auto db = Database::open(path, {.targetVersion = 11});
        ASSERT_TRUE(db.has_value()) << db.error().toString();
        ASSERT_TRUE(sql::exec((*db)->connection(), QStringLiteral("INSERT INTO profile (id, artist_name) VALUES ('p', 'Tito')")).has_value());
        // Something in the file that the second of the migrations to run trips over (migration
        // 13 makes this table): migration 12 alone must not stay.
        ASSERT_TRUE(sql::exec((*db)->connection(), QStringLiteral("CREATE TABLE sync_held_delete (x)")).has_value());
    }
    auto db = Database::open(path);
    ASSERT_FALSE(db.has_value());
    const std::string message = db.error().toString();
    EXPECT_NE(message.find("left as it was (schema 11)"), std::string::npos) << message;
    const QStringList backups = QDir(dir.path()).entryList({QStringLiteral("user.sqlite.v11-*.backup")}, QDir::Files);
    ASSERT_EQ(backups.size(), 1);
    EXPECT_NE(message.find(backups.first().toStdString()), std::string::npos) << message;
    // Not half-way: the file is still at 11, with its data, and opens at 11.
    auto old = Database::open(path, {.targetVersion = 11});
    ASSERT_TRUE(old.has_value()) << old.error().toString();
    EXPECT_EQ((*old)->schemaVersion(), 11);
    EXPECT_EQ(sql::scalar((*old)->connection(), QStringLiteral("SELECT artist_name FROM profile"))->toString(), QStringLiteral("Tito"));
}

TEST(Database, CreatesANewFileAtTheNewestSchemaWithWalAndForeignKeys)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("nested/folder/user.sqlite"));
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().toString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_GE(Database::latestSchemaVersion(), 2);
    EXPECT_TRUE((*db)->backupPath().isEmpty());
    EXPECT_TRUE(UuidV7Generator::isV7((*db)->deviceId()));
    const QSqlDatabase c = (*db)->connection();
    EXPECT_EQ(sql::scalar(c, QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
    EXPECT_EQ(sql::scalar(c, QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
    EXPECT_EQ(sql::scalar(c, QStringLiteral("PRAGMA synchronous"))->toInt(), 1);  // NORMAL
    EXPECT_EQ(sql::scalar(c, QStringLiteral("PRAGMA user_version"))->toInt(), Database::latestSchemaVersion());
}

TEST(Database, EveryMigrationFileInResourcesIsCompiledIn)
{
    const QDir migrations(QStringLiteral(BANDMATE_SOURCE_DIR "/resources/migrations"));
    const QStringList files = migrations.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    ASSERT_FALSE(files.isEmpty());
    EXPECT_EQ(Database::latestSchemaVersion(), files.size());
    for (int i = 0; i < files.size(); ++i) {
        EXPECT_TRUE(files[i].startsWith(QStringLiteral("%1_").arg(i + 1, 4, 10, QLatin1Char('0'))))
            << files[i].toStdString();
    }
}

TEST(Database, ReopeningKeepsDataAndIdentityAndMakesNoBackup)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("user.sqlite"));
    QString deviceId;
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.has_value());
        deviceId = (*db)->deviceId();
        ASSERT_TRUE(sql::exec((*db)->connection(),
                              QStringLiteral("INSERT INTO profile (id, artist_name) VALUES ('p1', 'La India')"))
                        .has_value());
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().toString();
    EXPECT_EQ((*db)->deviceId(), deviceId);
    EXPECT_TRUE((*db)->backupPath().isEmpty());
    EXPECT_EQ(sql::scalar((*db)->connection(), QStringLiteral("SELECT artist_name FROM profile WHERE id = 'p1'"))
                  ->toString(),
              QStringLiteral("La India"));
    EXPECT_EQ(QDir(dir.path()).entryList({QStringLiteral("*.backup")}, QDir::Files).size(), 0);
}

TEST(Database, UpgradingExistingDataBacksItUpFirst)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("user.sqlite"));
    {
        auto db = Database::open(path, {.targetVersion = 1});
        ASSERT_TRUE(db.has_value()) << db.error().toString();
        EXPECT_EQ((*db)->schemaVersion(), 1);
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.has_value()) << db.error().toString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    ASSERT_FALSE((*db)->backupPath().isEmpty());
    ASSERT_TRUE(QFileInfo::exists((*db)->backupPath()));
    auto backup = Database::open((*db)->backupPath(), {.mode = Database::Mode::Inspect});
    ASSERT_TRUE(backup.has_value()) << backup.error().toString();
    EXPECT_EQ((*backup)->schemaVersion(), 1);
    EXPECT_EQ((*backup)->deviceId(), (*db)->deviceId());
}

namespace {

QStringList g_logged;

void collect(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    if (QLatin1String(context.category) == QLatin1String("bandmate.core.database")) {
        g_logged << message;
    }
}

}  // namespace

TEST(Database, CreatingAFileIsQuietAndAnUpgradeSaysOnceWhereTheCopyIs)
{
    QLoggingCategory::setFilterRules(QStringLiteral("bandmate.core.database.debug=true\nbandmate.core.database.info=true"));
    g_logged.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collect);
    TempDir dir;
    const QString path = dir.file(QStringLiteral("user.sqlite"));
    {
        auto db = Database::open(path, {.targetVersion = 3});
        ASSERT_TRUE(db.has_value()) << db.error().toString();
    }
    const QStringList created = g_logged;
    g_logged.clear();
    auto db = Database::open(path);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules({});
    ASSERT_TRUE(db.has_value()) << db.error().toString();
    EXPECT_TRUE(created.isEmpty()) << created.join(QLatin1Char('\n')).toStdString();
    ASSERT_EQ(g_logged.size(), 1) << g_logged.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(g_logged.front().contains(QStringLiteral("from schema 3 to %1").arg(Database::latestSchemaVersion())))
        << g_logged.front().toStdString();
    EXPECT_TRUE(g_logged.front().contains((*db)->backupPath())) << g_logged.front().toStdString();
}

TEST(Database, RefusesAFileThatIsNotSqliteAndLeavesItUnchanged)
{
    TempDir dir;
    for (const QByteArray& content :
         {QByteArray("These are my lyrics, not a database.\n"), QByteArray(4096, '\x5a'),
          QByteArray("SQLite format 3")}) {
        const QString path = dir.file(QStringLiteral("notes.txt"));
        bandmate::test::writeAll(path, content);
        auto db = Database::open(path);
        ASSERT_FALSE(db.has_value());
        EXPECT_EQ(db.error().code, ErrorCode::NotADatabase);
        EXPECT_NE(db.error().toString().find("notes.txt"), std::string::npos) << db.error().toString();
        EXPECT_EQ(bandmate::test::readAll(path), content);
        EXPECT_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
    }
}

TEST(Database, RefusesAnotherProgramsSqliteDatabaseAndLeavesItUnchanged)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("places.sqlite"));
    rawExec(path, {QStringLiteral("CREATE TABLE bookmarks (url TEXT)"),
                   QStringLiteral("INSERT INTO bookmarks VALUES ('https://example.org')")});
    const QByteArray before = bandmate::test::sha256(path);
    auto db = Database::open(path);
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::NotADatabase);
    EXPECT_NE(db.error().message.find("not one of Bandmate's"), std::string::npos);
    EXPECT_EQ(bandmate::test::sha256(path), before);
}

TEST(Database, RefusesADamagedFileAndLeavesItUnchanged)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("user.sqlite"));
    makePopulatedDatabase(path, 400);
    QByteArray bytes = bandmate::test::readAll(path);
    ASSERT_GT(bytes.size(), 16 * 4096);

    // A file cut short in the middle of its pages: the cheap check at every open sees it.
    bandmate::test::writeAll(path, bytes.left(bytes.size() / 2 + 123));
    QByteArray before = bandmate::test::sha256(path);
    auto cut = Database::open(path);
    ASSERT_FALSE(cut.has_value());
    EXPECT_EQ(cut.error().code, ErrorCode::Corrupt) << cut.error().toString();
    EXPECT_EQ(bandmate::test::sha256(path), before);

    // Cut at a page boundary: every page that is there reads, but the header counts more.
    bandmate::test::writeAll(path, bytes.left(bytes.size() / 4096 / 2 * 4096));
    before = bandmate::test::sha256(path);
    auto short_ = Database::open(path);
    ASSERT_FALSE(short_.has_value());
    EXPECT_EQ(short_.error().code, ErrorCode::Corrupt) << short_.error().toString();
    EXPECT_EQ(bandmate::test::sha256(path), before);

    // Garbage over the middle pages (the header survives, so only reading every page can tell):
    // the full check finds it, at an open that asks for it and in the weekly check.
    QByteArray damaged = bytes;
    QRandomGenerator random(3);
    for (qsizetype i = 4096 * 2; i < damaged.size() - 4096; ++i) {
        damaged[i] = static_cast<char>(random.bounded(256));
    }
    bandmate::test::writeAll(path, damaged);
    before = bandmate::test::sha256(path);
    auto full = Database::open(path, {.check = Database::Check::Full});
    ASSERT_FALSE(full.has_value());
    EXPECT_EQ(full.error().code, ErrorCode::Corrupt) << full.error().toString();
    auto weekly = Database::quickCheck(path);
    ASSERT_TRUE(weekly.has_value()) << weekly.error().toString();
    EXPECT_NE(*weekly, QStringLiteral("ok"));
    EXPECT_EQ(bandmate::test::sha256(path), before);
}

TEST(Database, OpeningChecksCheaplyAndEveryPageWeeklyOrBeforeAnUpgrade)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("user.sqlite"));
    makePopulatedDatabase(path, 400);
    QByteArray bytes = bandmate::test::readAll(path);
    // Damage one page deep inside the file: the header, the schema and the length are intact.
    for (qsizetype i = bytes.size() - 3 * 4096; i < bytes.size() - 2 * 4096; ++i) {
        bytes[i] = static_cast<char>(0xA5);
    }
    bandmate::test::writeAll(path, bytes);
    {
        auto opened = Database::open(path);
        ASSERT_TRUE(opened.has_value()) << "an ordinary open does not read every page: " << opened.error().toString();
        auto due = (*opened)->fullCheckDue(QDateTime::currentDateTime());
        ASSERT_TRUE(due.has_value());
        EXPECT_TRUE(*due) << "never checked";
    }
    auto weekly = Database::quickCheck(path);
    ASSERT_TRUE(weekly.has_value());
    EXPECT_NE(*weekly, QStringLiteral("ok"));

    // A sound file's check is recorded; it is due again after a week.
    const QString sound = dir.file(QStringLiteral("sound.sqlite"));
    makePopulatedDatabase(sound, 10);
    auto db = Database::open(sound);
    ASSERT_TRUE(db.has_value());
    EXPECT_EQ(*Database::quickCheck(sound), QStringLiteral("ok"));
    const QDateTime now = QDateTime::currentDateTime();
    ASSERT_TRUE((*db)->markChecked(now).has_value());
    EXPECT_FALSE(*(*db)->fullCheckDue(now.addDays(6)));
    EXPECT_TRUE(*(*db)->fullCheckDue(now.addDays(7)));
    EXPECT_TRUE(*(*db)->fullCheckDue(now.addDays(-1))) << "a clock set back checks rather than waits";

    // A check asked to stop ends as cancelled, not as a verdict.
    std::atomic_bool stop{true};
    auto stopped = Database::quickCheck(sound, &stop);
    ASSERT_FALSE(stopped.has_value());
    EXPECT_EQ(stopped.error().code, ErrorCode::Cancelled);

    // Before an upgrade rewrites the file, every page is read: a damaged old file is refused.
    const QString old = dir.file(QStringLiteral("old.sqlite"));
    {
        auto made = Database::open(old, {.targetVersion = 3});
        ASSERT_TRUE(made.has_value());
    }
    QByteArray oldBytes = bandmate::test::readAll(old);
    ASSERT_GT(oldBytes.size(), 4 * 4096);
    for (qsizetype i = 4096; i < oldBytes.size(); ++i) {
        oldBytes[i] = static_cast<char>(0xA5);
    }
    bandmate::test::writeAll(old, oldBytes);
    const QByteArray before = bandmate::test::sha256(old);
    auto upgraded = Database::open(old);
    ASSERT_FALSE(upgraded.has_value());
    EXPECT_EQ(upgraded.error().code, ErrorCode::Corrupt) << upgraded.error().toString();
    EXPECT_EQ(bandmate::test::sha256(old), before);
}

TEST(Database, RefusesASchemaNewerThanTheAppAndLeavesItUnchanged)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("future.sqlite"));
    makePopulatedDatabase(path, 3);
    rawExec(path, {QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 5)});
    const QByteArray before = bandmate::test::sha256(path);

    auto db = Database::open(path);
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::SchemaTooNew);
    EXPECT_NE(db.error().message.find("newer Bandmate"), std::string::npos);
    EXPECT_EQ(bandmate::test::sha256(path), before);

    // Inspecting it is still allowed, and also writes nothing.
    auto inspected = Database::open(path, {.mode = Database::Mode::Inspect});
    ASSERT_TRUE(inspected.has_value()) << inspected.error().toString();
    EXPECT_EQ((*inspected)->schemaVersion(), Database::latestSchemaVersion() + 5);
    inspected->reset();
    EXPECT_EQ(bandmate::test::sha256(path), before);
}

TEST(Database, RefusesAReadOnlyFileOrFolderAndLeavesItUnchanged)
{
    TempDir dir;
    const QString folder = dir.file(QStringLiteral("ro"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("user.sqlite"));
    makePopulatedDatabase(path, 3);
    const QByteArray before = bandmate::test::sha256(path);

    QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser);
    auto db = Database::open(path);
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::ReadOnly);
    EXPECT_EQ(bandmate::test::sha256(path), before);

    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadUser | QFile::ExeUser);
    db = Database::open(path);
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::ReadOnly);
    EXPECT_NE(db.error().message.find("read-only"), std::string::npos);
    EXPECT_EQ(bandmate::test::sha256(path), before);
    // A new file in a read-only folder is refused as well.
    db = Database::open(QDir(folder).filePath(QStringLiteral("new.sqlite")));
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::ReadOnly);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

TEST(Database, InspectModeNeverCreatesAFile)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("missing.sqlite"));
    auto db = Database::open(path, {.mode = Database::Mode::Inspect});
    ASSERT_FALSE(db.has_value());
    EXPECT_EQ(db.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(Database, RefusesAnEmptyPathOrAFolder)
{
    TempDir dir;
    EXPECT_EQ(Database::open(QString()).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(Database::open(dir.path()).error().code, ErrorCode::InvalidArgument);
}

TEST(Database, TwoConnectionsToOneFileSeeEachOthersCommits)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("shared.sqlite"));
    auto first = Database::open(path);
    auto second = Database::open(path);
    ASSERT_TRUE(first.has_value() && second.has_value());
    EXPECT_EQ((*first)->deviceId(), (*second)->deviceId());
    ASSERT_TRUE(sql::exec((*first)->connection(),
                          QStringLiteral("INSERT INTO profile (id, artist_name) VALUES ('x', 'Celia')"))
                    .has_value());
    EXPECT_EQ(sql::scalar((*second)->connection(), QStringLiteral("SELECT artist_name FROM profile"))->toString(),
              QStringLiteral("Celia"));
}

TEST(Database, InspectReportsCountsAndIntegrity)
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("user.sqlite"));
    makePopulatedDatabase(path, 7);
    auto db = Database::open(path, {.mode = Database::Mode::Inspect});
    ASSERT_TRUE(db.has_value());
    auto info = (*db)->inspect();
    ASSERT_TRUE(info.has_value()) << info.error().toString();
    EXPECT_EQ(info->integrity, QStringLiteral("ok"));
    EXPECT_EQ(info->schemaVersion, Database::latestSchemaVersion());
    bool sawProfile = false;
    for (const auto& [table, count] : info->rowCounts) {
        if (table == QLatin1String("profile")) {
            sawProfile = true;
            EXPECT_EQ(count, 7);
        }
    }
    EXPECT_TRUE(sawProfile);
}
