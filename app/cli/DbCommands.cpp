#include "app/cli/DbCommands.h"

#include "core/storage/Database.h"
#include "core/sync/Dump.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bandmate::app {

namespace {

QString resolvePath(const CliArgs& args)
{
    return args.dbPath.isEmpty() ? core::Database::defaultPath() : args.dbPath;
}

int info(const CliArgs& args)
{
    auto db = core::Database::open(resolvePath(args), {.mode = core::Database::Mode::Inspect});
    if (!db) {
        return reportError(db.error());
    }
    auto result = (*db)->inspect();
    if (!result) {
        return reportError(result.error());
    }
    const core::DatabaseInfo& info = *result;
    if (args.json) {
        QJsonObject tables;
        for (const auto& [name, count] : info.rowCounts) {
            tables.insert(name, count);
        }
        const QJsonObject json{
            {QStringLiteral("path"), info.path},
            {QStringLiteral("sizeBytes"), info.sizeBytes},
            {QStringLiteral("schemaVersion"), info.schemaVersion},
            {QStringLiteral("appSchemaVersion"), info.appSchemaVersion},
            {QStringLiteral("journalMode"), info.journalMode},
            {QStringLiteral("integrity"), info.integrity},
            {QStringLiteral("deviceId"), (*db)->deviceId()},
            {QStringLiteral("tables"), tables},
        };
        printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
    } else {
        QString text;
        text += QStringLiteral("Database:  %1\n").arg(info.path);
        text += QStringLiteral("Size:      %1 bytes\n").arg(info.sizeBytes);
        QString schemaNote;
        if (info.schemaVersion > info.appSchemaVersion) {
            schemaNote = QStringLiteral(" (newer than this Bandmate, which knows %1)").arg(info.appSchemaVersion);
        } else if (info.schemaVersion < info.appSchemaVersion) {
            schemaNote = QStringLiteral(" (will be upgraded to %1 when opened)").arg(info.appSchemaVersion);
        }
        text += QStringLiteral("Schema:    %1%2\n").arg(info.schemaVersion).arg(schemaNote);
        text += QStringLiteral("Journal:   %1\n").arg(info.journalMode);
        text += QStringLiteral("Integrity: %1\n").arg(info.integrity);
        text += QStringLiteral("Tables:\n");
        for (const auto& [name, count] : info.rowCounts) {
            text += QStringLiteral("  %1 %2\n").arg(name, -24).arg(count);
        }
        printOut(text);
    }
    return info.integrity == QLatin1String("ok") ? kExitOk : kExitFailure;
}

int migrate(const CliArgs& args)
{
    auto db = core::Database::open(resolvePath(args));
    if (!db) {
        return reportError(db.error());
    }
    if (args.json) {
        const QJsonObject json{
            {QStringLiteral("path"), (*db)->path()},
            {QStringLiteral("schemaVersion"), (*db)->schemaVersion()},
            {QStringLiteral("backup"), (*db)->backupPath()},
        };
        printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
    } else {
        printOut(QStringLiteral("%1 is at schema %2\n").arg((*db)->path()).arg((*db)->schemaVersion()));
        if (!(*db)->backupPath().isEmpty()) {
            printOut(QStringLiteral("Backup of the previous version: %1\n").arg((*db)->backupPath()));
        }
    }
    return kExitOk;
}

}  // namespace

int dbSchemaVersion()
{
    return core::Database::latestSchemaVersion();
}

int runDbCommand(const CliArgs& args)
{
    const QString sub = args.command.value(1);
    if (args.command.size() > 2) {
        return reportError({core::ErrorCode::InvalidArgument, "unexpected argument",
                            args.command.at(2).toStdString()});
    }
    if (sub == QLatin1String("info")) {
        return info(args);
    }
    if (sub == QLatin1String("migrate")) {
        return migrate(args);
    }
    return reportError({core::ErrorCode::InvalidArgument,
                        sub.isEmpty() ? "db needs a subcommand: info or migrate"
                                      : "unknown db subcommand (info or migrate)",
                        ("db " + sub).toStdString()});
}

int runDumpCommand(const CliArgs& args)
{
    if (args.command.size() != 1 || !args.options.isEmpty()) {
        return reportError({core::ErrorCode::InvalidArgument, "dump takes no arguments besides --db and --json", "dump"});
    }
    auto db = openDatabaseForReading(args);
    if (!db) {
        return reportError(db.error());
    }
    auto dump = core::dumpSyncedData(**db);
    if (!dump) {
        return reportError(dump.error());
    }
    // Object keys come out sorted: the text itself is canonical.
    printOut(QString::fromUtf8(QJsonDocument(*dump).toJson(args.json ? QJsonDocument::Compact : QJsonDocument::Indented)) +
             (args.json ? QStringLiteral("\n") : QString()));
    return kExitOk;
}

}  // namespace bandmate::app
