#include "core/storage/Database.h"

#include "core/storage/ConnectionHook.h"
#include "core/storage/Sql.h"
#include "core/util/SafeFiles.h"
#include "core/storage/StatementCache.h"
#include "core/storage/SqlScript.h"
#include "core/storage/Transaction.h"
#include "core/sync/ChangeTracker.h"
#include "core/util/Uuid.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QStorageInfo>
#include <QUrl>
#include <QSqlDriver>
#include <QUuid>

#include <sqlite3.h>

#include <mutex>

Q_LOGGING_CATEGORY(lcDatabase, "bandmate.core.database")

namespace bandmate::core {

namespace {

constexpr int kBusyTimeoutMs = 10000;
/// The migration that brought the kept-aside store of forward-compatible sync (0014).
constexpr int kKeptAsideSchema = 14;

struct Migration {
    int version = 0;
    QString resourcePath;
};

// The compiled-in migrations, ordered; numbering must run 1, 2, 3... without gaps.
const QList<Migration>& migrations()
{
    static const QList<Migration> list = [] {
        QList<Migration> found;
        static const QRegularExpression name(QStringLiteral(R"(^(\d{4})_[a-z0-9_]+\.sql$)"));
        const QDir dir(QStringLiteral(":/migrations"));
        for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
            const auto match = name.match(file);
            if (match.hasMatch()) {
                found.append(Migration{match.captured(1).toInt(), dir.filePath(file)});
            } else {
                qCCritical(lcDatabase) << "ignoring misnamed migration" << file;
            }
        }
        for (qsizetype i = 0; i < found.size(); ++i) {
            if (found[i].version != i + 1) {
                qCCritical(lcDatabase) << "migration numbering has a gap at" << found[i].resourcePath;
                found.resize(i);
                break;
            }
        }
        return found;
    }();
    return list;
}

std::string str(const QString& text)
{
    return text.toStdString();
}

// "SQLite format 3\0" is the first 16 bytes of every SQLite 3 database; an empty file is a new
// database to SQLite.
Result<void> checkHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::Io, "cannot read the file: " + str(file.errorString()), str(path));
    }
    if (file.size() == 0) {
        return {};
    }
    const QByteArray header = file.read(16);
    if (file.size() < 100 || header != QByteArray("SQLite format 3\0", 16)) {
        return fail(ErrorCode::NotADatabase,
                    "not a Bandmate database (the file is not an SQLite database)", str(path));
    }
    return {};
}

bool hasWritePermission(const QFileInfo& info)
{
    // access(2) says yes to root for any file; a file or folder with no write bit at all was
    // marked read-only on purpose and stays untouched even then.
    const QFile::Permissions perms = info.permissions();
    return info.isWritable() &&
           perms.testAnyFlags(QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther);
}

Result<void> checkWritable(const QString& path)
{
    const QFileInfo info(path);
    const QString dirPath = info.absolutePath();
    if (!QDir().mkpath(dirPath)) {
        return fail(ErrorCode::ReadOnly, "cannot create the folder for the database", str(dirPath));
    }
    if (!hasWritePermission(QFileInfo(dirPath))) {
        return fail(ErrorCode::ReadOnly,
                    "the database's folder is read-only (Bandmate needs to write its journal "
                    "next to the file)",
                    str(dirPath));
    }
    if (info.exists() && !hasWritePermission(info)) {
        return fail(ErrorCode::ReadOnly, "the database file is read-only", str(path));
    }
    return {};
}

/// How a connection opens the file.
enum class Access {
    ReadWrite,
    ReadOnly,
    /// Read-only and without SQLite's side files (-wal, -shm) or locks: for a file nobody can
    /// write (it or its folder lacks write permission) and that has no WAL content, so a look at
    /// it leaves nothing behind that could break a later writer.
    Immutable,
};

Result<QSqlDatabase> connect(const QString& connectionName, const QString& path, Access access)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
    const QUrl uri = QUrl::fromLocalFile(path);
    if (access == Access::Immutable && !uri.host().isEmpty()) {
        access = Access::ReadOnly;  // a UNC path: SQLite takes no host in a file: URI
    }
    if (access == Access::Immutable) {
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
        options += QStringLiteral(";QSQLITE_OPEN_URI");
    } else {
        db.setDatabaseName(path);
    }
    if (access != Access::ReadWrite) {
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    }
    db.setConnectOptions(options);
    if (!db.open()) {
        return fail(ErrorCode::Io, "cannot open the database: " + str(db.lastError().text()),
                    str(path));
    }
    return db;
}

/// How a read-only look at `path` opens it: without side files when nobody can write the file
/// (no write bit on it or on its folder: SQLite would create side files with the file's
/// read-only permissions, and a later writer could not use them) and there is no WAL content to
/// read. A file someone else may write is read the ordinary way, so changes are seen safely.
Access readOnlyAccess(const QString& path)
{
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const auto anyWriteBit = [](const QFileInfo& entry) {
        return entry.permissions().testAnyFlags(QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther);
    };
    const bool nobodyWrites = !anyWriteBit(info) || !anyWriteBit(folder);
    return nobodyWrites && (!wal.exists() || wal.size() == 0) ? Access::Immutable : Access::ReadOnly;
}

/// The mark migration 14 puts in the file's header ("BndM"): this is one of Bandmate's files.
constexpr qint64 kApplicationId = 0x426E644D;

/// Whether a file with schema `version` > 0 is Bandmate's: our mark, or (written before the
/// mark) our own sync tables.
Result<bool> isBandmateFile(const QSqlDatabase& db)
{
    auto id = sql::scalar(db, QStringLiteral("PRAGMA application_id"));
    if (!id) {
        return std::unexpected(id.error());
    }
    if (id->toLongLong() != 0) {
        return id->toLongLong() == kApplicationId;
    }
    auto ours = sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('sync_state', 'field_clock', 'outbox')"));
    if (!ours) {
        return std::unexpected(ours.error());
    }
    auto device = sql::scalar(db, QStringLiteral("SELECT count(*) FROM pragma_table_info('sync_state') WHERE name IN ('device_id', 'last_hlc')"));
    if (!device) {
        return std::unexpected(device.error());
    }
    return ours->toInt() == 3 && device->toInt() == 2;
}

int stopWhenAsked(void* flag)
{
    return static_cast<const std::atomic_bool*>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}

/// The connections running a stoppable quick check, by their stop flag: SQLite 3.40 reads every
/// page inside one step that calls no progress handler, so a stop interrupts the connection.
std::mutex& runningChecksMutex()
{
    static std::mutex mutex;
    return mutex;
}

QHash<const std::atomic_bool*, sqlite3*>& runningChecks()
{
    static QHash<const std::atomic_bool*, sqlite3*> checks;
    return checks;
}

/// The first problems SQLite's quick check finds in the open connection's file, "ok" when none.
/// When `stop` becomes true the check ends within milliseconds (Cancelled).
Result<QString> runQuickCheck(const QSqlDatabase& db, const std::atomic_bool* stop = nullptr)
{
    sqlite3* handle = nullptr;
    if (const QVariant driver = db.driver()->handle(); driver.isValid() && qstrcmp(driver.typeName(), "sqlite3*") == 0) {
        handle = *static_cast<sqlite3* const*>(driver.constData());
    }
    if (stop != nullptr && handle != nullptr) {
        sqlite3_progress_handler(handle, 1'000, stopWhenAsked, const_cast<std::atomic_bool*>(stop));
        const std::lock_guard lock(runningChecksMutex());
        runningChecks().insert(stop, handle);
    }
    auto check = stop != nullptr && stop->load() ? Result<QSqlQuery>(std::unexpected(Error{ErrorCode::Cancelled, "stopped", {}}))
                                                 : sql::run(db, QStringLiteral("PRAGMA quick_check(20)"));
    if (stop != nullptr && handle != nullptr) {
        const std::lock_guard lock(runningChecksMutex());
        runningChecks().remove(stop);
    }
    if (handle != nullptr) {
        sqlite3_progress_handler(handle, 0, nullptr, nullptr);
    }
    if (stop != nullptr && stop->load()) {
        return fail(ErrorCode::Cancelled, "the check was stopped");
    }
    if (!check) {
        // Damage bad enough to stop the check is its verdict, and so is a disk that cannot read
        // the file; anything else (busy, locked) is not.
        const std::string& message = check.error().message;
        for (const char* damage : {"malformed", "corrupt", "not a database", "I/O error"}) {
            if (message.find(damage) != std::string::npos) {
                return QString::fromStdString(message);
            }
        }
        return std::unexpected(check.error());
    }
    QStringList problems;
    while (check->next()) {
        problems << check->value(0).toString();
    }
    return problems.isEmpty() ? QStringLiteral("ok") : problems.join(QLatin1String("; "));
}

// Reads the schema version and makes sure the file is Bandmate's through a read-only connection:
// a damaged or foreign file is refused before anything could write to it. The check is cheap
// (the header, the schema and the file's length): reading every page takes
// seconds on a large library, so the full check runs on a schedule (Database::quickCheck), and
// here only before a migration is to rewrite the file or when the caller asks for it.
Result<int> preflight(const QString& path, bool fullCheck, int targetVersion)
{
    const QString name = QStringLiteral("bandmate-preflight-") + QUuid::createUuid().toString();
    Result<int> result = 0;
    {
        auto db = connect(name, path, readOnlyAccess(path));
        if (!db) {
            result = std::unexpected(db.error());
        } else {
            const auto damaged = [&](const std::string& detail) {
                return fail(ErrorCode::Corrupt, "the database is damaged (" + detail + ")", str(path));
            };
            // A read that failed is not damage: a full disk cannot make the shared-memory file
            // SQLite opens beside a database with a write-ahead log, a pulled stick cannot be read.
            const auto unreadable = [&](const Error& error) -> Result<int> {
                if (error.code != ErrorCode::Io) {
                    return damaged(error.message);
                }
                if (diskNearlyFull(path)) {
                    return fail(ErrorCode::Io, fullDiskMessage(path) + ": the database cannot be opened until there is room (it is not damaged)", str(path));
                }
                return fail(ErrorCode::Io, "the database could not be read (" + error.message + ")", str(path));
            };
            // The version and the schema in one statement, so one snapshot: another process may
            // be creating the file this moment, and its tables with version 0 would look foreign.
            // SQLite itself refuses a file shorter than the page count in its header.
            auto head = sql::run(*db, QStringLiteral("SELECT (SELECT user_version FROM pragma_user_version), "
                                                     "(SELECT count(*) FROM sqlite_schema)"));
            std::optional<int> version;
            int objects = 0;
            if (head && head->next()) {
                version = head->value(0).toInt();
                objects = head->value(1).toInt();
            }
            if (!version) {
                result = head ? damaged("no schema") : unreadable(head.error());
            } else if (*version == 0) {
                // Schema 0 with tables in it belongs to some other program: never migrate it.
                if (objects > 0) {
                    result = fail(ErrorCode::NotADatabase, "an SQLite database, but not one of Bandmate's", str(path));
                }
            } else if (auto ours = isBandmateFile(*db); !ours || !*ours || *version < 0) {
                // Another program's file that numbers its own schema: refused, never adopted.
                result = ours ? fail(ErrorCode::NotADatabase, "an SQLite database, but not one of Bandmate's", str(path))
                              : unreadable(ours.error());
            } else {
                result = *version;
            }
            head = std::unexpected(Error{});  // the statement lets go of its snapshot
            if (result && *result > 0 && (fullCheck || *result < targetVersion)) {
                auto check = runQuickCheck(*db);
                if (!check || *check != QLatin1String("ok")) {
                    result = damaged(check ? str(*check) : check.error().message);
                }
            }
            db->close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

/// A new, empty backup file, created exclusively so that two processes upgrading the same
/// database at once never pick the same name (VACUUM INTO accepts an empty file).
QString backupPathFor(const QString& path, int fromVersion)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = QStringLiteral("%1.v%2-%3.backup").arg(path).arg(fromVersion).arg(stamp);
    for (int n = 2; n < 1000; ++n) {
        QFile reserve(candidate);
        if (reserve.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            return candidate;
        }
        candidate = QStringLiteral("%1.v%2-%3-%4.backup").arg(path).arg(fromVersion).arg(stamp).arg(n);
    }
    return candidate;
}

// Runs one migration's statements and records its version; inside the caller's transaction.
Result<void> runMigration(const QSqlDatabase& db, const Migration& migration)
{
    QFile file(migration.resourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::Internal, "cannot read migration", str(migration.resourcePath));
    }
    const QString script = QString::fromUtf8(file.readAll());
    for (const QString& statement : splitSqlScript(script)) {
        if (auto ok = sql::exec(db, statement); !ok) {
            return fail(ok.error().code, "migration " + std::to_string(migration.version) + " failed: " + ok.error().message,
                        ok.error().where);
        }
    }
    return sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
}

}  // namespace

Result<void> Database::createLatestSchema(const QSqlDatabase& db)
{
    for (const Migration& migration : migrations()) {
        if (auto ok = runMigration(db, migration); !ok) {
            return ok;
        }
    }
    return {};
}

namespace {
ConnectionHook& connectionHook()
{
    static ConnectionHook hook = nullptr;
    return hook;
}
}  // namespace

void setConnectionHook(ConnectionHook hook)
{
    connectionHook() = hook;
}

// The connection's prepared statements (declared in the header without naming the class, so
// the header stays light); complete before the constructor, which clang needs).
struct Database::StatementCache : sql::StatementCache {
    using sql::StatementCache::StatementCache;
};

Database::Database(QString path, QString connectionName, Mode mode)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_mode(mode)
{
}

Result<void> Database::execCached(const QString& statement, const QVariantList& binds, const std::function<void(QSqlQuery&)>& read)
{
    if (!m_statements) {
        m_statements = std::make_unique<StatementCache>(connection());
    }
    return m_statements->exec(statement, binds, read);
}

Database::~Database()
{
    m_statements.reset();  // prepared statements go before their connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("bandmate.sqlite"));
}

int Database::latestSchemaVersion()
{
    return static_cast<int>(migrations().size());
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Options& options)
{
    if (path.isEmpty()) {
        return fail(ErrorCode::InvalidArgument, "no database path given");
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QFileInfo info(absolute);
    const bool inspect = options.mode == Mode::Inspect;
    if (info.exists() && info.isDir()) {
        return fail(ErrorCode::InvalidArgument, "this is a folder, not a database file",
                    str(absolute));
    }
    if (!info.exists() && inspect) {
        return fail(ErrorCode::NotFound, "no database at this path", str(absolute));
    }

    const int latest = latestSchemaVersion();
    const int target = options.targetVersion < 0 ? latest : std::min(options.targetVersion, latest);
    if (info.exists()) {
        if (auto ok = checkHeader(absolute); !ok) {
            return std::unexpected(ok.error());
        }
        // A file that cannot be written is refused before SQLite opens it: even a read-only
        // connection would leave side files behind.
        if (!inspect) {
            if (auto ok = checkWritable(absolute); !ok) {
                return std::unexpected(ok.error());
            }
        }
        auto version = preflight(absolute, options.check == Check::Full, inspect ? -1 : target);
        if (!version) {
            return std::unexpected(version.error());
        }
        if (*version > latest && !inspect) {
            return fail(ErrorCode::SchemaTooNew,
                        "the database was written by a newer Bandmate (schema " +
                            std::to_string(*version) + ", this version knows up to " +
                            std::to_string(latest) + "); update Bandmate to open it",
                        str(absolute));
        }
    }
    if (!inspect) {
        if (auto ok = checkWritable(absolute); !ok) {
            return std::unexpected(ok.error());
        }
    }

    std::unique_ptr<Database> db(new Database(
        absolute, QStringLiteral("bandmate-") + QUuid::createUuid().toString(), options.mode));
    auto connection = connect(db->m_connectionName, absolute, inspect ? readOnlyAccess(absolute) : Access::ReadWrite);
    if (!connection) {
        return std::unexpected(connection.error());
    }
    if (inspect) {
        auto version = sql::scalar(*connection, QStringLiteral("PRAGMA user_version"));
        if (!version) {
            return std::unexpected(version.error());
        }
        db->m_schemaVersion = version->toInt();
        auto device = sql::scalar(
            *connection, QStringLiteral("SELECT device_id FROM sync_state WHERE singleton = 1"));
        if (device) {
            db->m_deviceId = device->toString();
        }
        return db;
    }

    // A 32 MiB page cache and memory-mapped reads: searching 100,000 songs reads their pages
    // from memory instead of through a read() call each (tests/bench: p99 about halved).
    // Turning on WAL needs a moment alone with the file; another process creating or migrating
    // it at the same time makes SQLite answer "locked" at once, without its busy timeout.
    for (int attempt = 0;; ++attempt) {
        auto wal = sql::exec(*connection, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (wal) {
            break;
        }
        if (attempt >= 50 || wal.error().message.find("locked") == std::string::npos) {
            return std::unexpected(wal.error());
        }
        QThread::msleep(100);
    }
    for (const char* pragma : {"PRAGMA foreign_keys = ON",
                               "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -32768",
                               "PRAGMA mmap_size = 268435456"}) {
        if (auto ok = sql::exec(*connection, QString::fromLatin1(pragma)); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (ConnectionHook hook = connectionHook()) {
        hook(*connection);
    }
    if (auto ok = db->migrate(target); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = db->loadSyncIdentity(options.wallClock); !ok) {
        return std::unexpected(ok.error());
    }
    // Changes from a newer Bandmate that this version's upgrade can hold now go in before
    // anything can be edited: a local edit made first would beat them without a trace.
    if (db->m_schemaVersion >= kKeptAsideSchema) {
        ChangeTracker tracker(*db);
        auto look = tracker.keptAsideLookNeeded();
        if (!look) {
            return std::unexpected(look.error());
        }
        if (*look != 0) {
            auto transaction = Transaction::begin(db->connection());
            auto applied = transaction ? tracker.applyKeptAside() : Result<int>(std::unexpected(transaction.error()));
            if (auto ok = applied ? transaction->commit() : Result<void>(std::unexpected(applied.error())); !ok) {
                return std::unexpected(ok.error());
            }
        }
    }
    return db;
}

Result<void> Database::migrate(int targetVersion)
{
    const QSqlDatabase db = connection();
    auto current = sql::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!current) {
        return std::unexpected(current.error());
    }
    const int before = current->toInt();
    if (before >= targetVersion) {
        m_schemaVersion = before;
        return {};
    }
    // Existing data is copied before it is upgraded; VACUUM INTO cannot run inside the
    // transaction, so another process may migrate in between, which only makes the copy newer.
    if (before > 0) {
        if (auto ok = backUp(before); !ok) {
            return ok;
        }
    }
    // Every step in one transaction: an upgrade that fails leaves the file as it was.
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    // Re-read under the write lock: a second process may have migrated meanwhile.
    auto locked = sql::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!locked) {
        return std::unexpected(locked.error());
    }
    const int from = locked->toInt();
    for (int version = from; version < targetVersion; ++version) {
        if (auto ok = runMigration(db, migrations().at(version)); !ok) {
            std::string message = ok.error().message + "; the database was left as it was (schema " + std::to_string(from) + ")";
            if (!m_backupPath.isEmpty()) {
                message += ", and a copy from before the upgrade is at " + str(m_backupPath);
            }
            return fail(ok.error().code, message, str(m_path));
        }
    }
    if (auto ok = transaction->commit(); !ok) {
        return ok;
    }
    m_schemaVersion = std::max(from, targetVersion);
    // Creating a file is one quiet step; an upgrade of one that held data says so once, with
    // where the copy from before it is.
    if (from > 0 && from < m_schemaVersion) {
        qCInfo(lcDatabase).noquote() << QStringLiteral("upgraded %1 from schema %2 to %3; the copy from before is at %4")
                                            .arg(m_path)
                                            .arg(from)
                                            .arg(m_schemaVersion)
                                            .arg(m_backupPath.isEmpty() ? QStringLiteral("(none)") : m_backupPath);
    }
    return {};
}

Result<void> Database::backUp(int version)
{
    const QFileInfo file(m_path);
    const QFileInfo wal(m_path + QStringLiteral("-wal"));
    const QStorageInfo volume(file.absolutePath());
    // The copy is at most the file and its WAL; a copy that runs out of space half-way is worse
    // than none, so refuse up front.
    const qint64 needed = file.size() + (wal.exists() ? wal.size() : 0);
    if (volume.isValid() && volume.bytesAvailable() >= 0 && volume.bytesAvailable() < needed + (16 << 20)) {
        return fail(ErrorCode::Io,
                    "not enough free space to back up the database before upgrading it (" + std::to_string(needed >> 20) + " MiB needed, " +
                        std::to_string(volume.bytesAvailable() >> 20) + " MiB free); nothing was changed",
                    str(file.absolutePath()));
    }
    const QString backup = backupPathFor(m_path, version);
    if (auto ok = sql::exec(connection(), QStringLiteral("VACUUM INTO ") + sql::quoteLiteral(backup)); !ok) {
        QFile::remove(backup);  // a partial copy is no backup
        return fail(ErrorCode::Io, "could not back up the database before upgrading it: " + ok.error().message + "; nothing was changed",
                    str(backup));
    }
    m_backupPath = backup;
    return {};
}

Result<void> Database::loadSyncIdentity(const HybridLogicalClock::WallClock& wallClock)
{
    const QSqlDatabase db = connection();
    UuidV7Generator ids;
    // INSERT OR IGNORE: of two processes opening a new file at once, the first id wins.
    if (auto ok = sql::exec(db,
                            QStringLiteral("INSERT OR IGNORE INTO sync_state (singleton, device_id) "
                                           "VALUES (1, ?)"),
                            {ids.next()});
        !ok) {
        return ok;
    }
    auto row = sql::run(db, QStringLiteral(
                                "SELECT device_id, last_hlc FROM sync_state WHERE singleton = 1"));
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next()) {
        return fail(ErrorCode::Internal, "sync_state has no row", str(m_path));
    }
    m_deviceId = row->value(0).toString();
    m_clock = HybridLogicalClock(wallClock, Hlc::fromPacked(row->value(1).toLongLong()));
    return {};
}

Result<QString> Database::quickCheck(const QString& path, const std::atomic_bool* stop)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(absolute)) {
        return fail(ErrorCode::NotFound, "no database at this path", str(absolute));
    }
    const QString name = QStringLiteral("bandmate-check-") + QUuid::createUuid().toString();
    Result<QString> result = QString();
    {
        auto db = connect(name, absolute, readOnlyAccess(absolute));
        result = db ? runQuickCheck(*db, stop) : Result<QString>(std::unexpected(db.error()));
        if (db) {
            db->close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void Database::stopQuickCheck(std::atomic_bool* stop)
{
    stop->store(true);
    const std::lock_guard lock(runningChecksMutex());
    if (sqlite3* handle = runningChecks().value(stop, nullptr); handle != nullptr) {
        sqlite3_interrupt(handle);  // safe from any thread while the connection is open
    }
}

Result<bool> Database::fullCheckDue(const QDateTime& now) const
{
    auto checked = sql::scalar(connection(), QStringLiteral("SELECT checked_at FROM sync_state WHERE singleton = 1"));
    if (!checked) {
        return std::unexpected(checked.error());
    }
    const qint64 last = checked->toLongLong();
    return last <= 0 || last > now.toMSecsSinceEpoch() || now.toMSecsSinceEpoch() - last >= kFullCheckInterval.count();
}

Result<void> Database::markChecked(const QDateTime& when)
{
    return sql::exec(connection(), QStringLiteral("UPDATE sync_state SET checked_at = ? WHERE singleton = 1"), {when.toMSecsSinceEpoch()});
}

QString Database::sqliteVersion() const
{
    auto version = sql::scalar(connection(), QStringLiteral("SELECT sqlite_version()"));
    return version ? version->toString() : QString();
}

Result<DatabaseInfo> Database::inspect() const
{
    const QSqlDatabase db = connection();
    DatabaseInfo info;
    info.path = m_path;
    info.sizeBytes = QFileInfo(m_path).size();
    info.appSchemaVersion = latestSchemaVersion();
    auto version = sql::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!version) {
        return std::unexpected(version.error());
    }
    info.schemaVersion = version->toInt();
    auto mode = sql::scalar(db, QStringLiteral("PRAGMA journal_mode"));
    if (!mode) {
        return std::unexpected(mode.error());
    }
    info.journalMode = mode->toString();

    auto check = sql::run(db, QStringLiteral("PRAGMA integrity_check(20)"));
    if (!check) {
        return std::unexpected(check.error());
    }
    QStringList problems;
    while (check->next()) {
        problems.append(check->value(0).toString());
    }
    info.integrity = problems.join(QLatin1String("; "));

    auto tables = sql::run(db, QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                              "AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    if (!tables) {
        return std::unexpected(tables.error());
    }
    QStringList names;
    while (tables->next()) {
        names.append(tables->value(0).toString());
    }
    tables->finish();
    for (const QString& name : names) {
        auto count = sql::scalar(db, QStringLiteral("SELECT count(*) FROM ") + sql::quoteIdentifier(name));
        if (!count) {
            return std::unexpected(count.error());
        }
        info.rowCounts.append({name, count->toLongLong()});
    }
    return info;
}

}  // namespace bandmate::core
