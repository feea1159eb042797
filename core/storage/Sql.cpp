#include "core/storage/Sql.h"

#include "core/storage/StorageHealth.h"
#include "core/util/SafeFiles.h"

#include <QSqlError>

namespace bandmate::core::sql {

Error toError(const QSqlError& error, const QString& statement, bool sqlite)
{
    ErrorCode code = ErrorCode::Sql;
    const QString native = error.nativeErrorCode();
    // SQLite primary result codes, possibly extended: 8 READONLY, 10 IOERR, 11 CORRUPT, 13 FULL,
    // 26 NOTADB. (PostgreSQL's are SQLSTATEs, another numbering.)
    const int primary = sqlite ? native.toInt() & 0xFF : 0;
    if (primary == 10 || primary == 13) {
        code = ErrorCode::Io;
    } else if (primary == 8) {
        code = ErrorCode::ReadOnly;
    } else if (primary == 11) {
        code = ErrorCode::Corrupt;
    } else if (primary == 26) {
        code = ErrorCode::NotADatabase;
    }
    QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return Error{code, text.toStdString(), statement.simplified().left(120).toStdString()};
}

Error failed(const QSqlDatabase& db, const QSqlError& cause, const QString& statement)
{
    const bool sqlite = db.driverName() == QLatin1String("QSQLITE");
    Error error = toError(cause, statement, sqlite);
    if (!sqlite) {
        return error;
    }
    // A write that failed for want of space names the disk and what is free on it: the musician
    // has to act, and the statement would tell them nothing.
    const bool full = (cause.nativeErrorCode().toInt() & 0xFF) == 13;
    if (full && !db.databaseName().isEmpty() && db.databaseName() != QLatin1String(":memory:")) {
        error.message = fullDiskMessage(db.databaseName()) + ": nothing of this step was saved; free some space and try again";
        error.where = db.databaseName().toStdString();
    }
    noteStorageFailure(db, error, full);  // the app says so
    return error;
}

Result<QSqlQuery> run(const QSqlDatabase& db, const QString& statement, const QVariantList& binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const bool sqlite = db.driverName() == QLatin1String("QSQLITE");
    // PostgreSQL prepares only SELECT, INSERT, UPDATE and DELETE: without values to bind, a
    // statement runs as it is (BEGIN, SAVEPOINT, CREATE ...).
    if (!sqlite && binds.isEmpty()) {
        if (!query.exec(statement)) {
            return std::unexpected(failed(db, query.lastError(), statement));
        }
        return query;
    }
    if (!query.prepare(statement)) {
        return std::unexpected(failed(db, query.lastError(), statement));
    }
    for (const QVariant& value : binds) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        return std::unexpected(failed(db, query.lastError(), statement));
    }
    return query;
}

Result<void> exec(const QSqlDatabase& db, const QString& statement, const QVariantList& binds)
{
    auto query = run(db, statement, binds);
    if (!query) {
        return std::unexpected(query.error());
    }
    query->finish();
    return {};
}

Result<QVariant> scalar(const QSqlDatabase& db, const QString& statement, const QVariantList& binds)
{
    auto query = run(db, statement, binds);
    if (!query) {
        return std::unexpected(query.error());
    }
    QVariant value;
    if (query->next()) {
        value = query->value(0);
    }
    query->finish();
    return value;
}

QString quoteIdentifier(const QString& name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString quoteLiteral(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

}  // namespace bandmate::core::sql
