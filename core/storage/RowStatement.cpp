#include "core/storage/RowStatement.h"

#include "core/storage/Sql.h"

#include <QJsonDocument>
#include <QStringList>
#include <QJsonValue>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

namespace bandmate::core::sql {

namespace {

/// The error of SQLite's last call on `connection`, as the Qt driver would have reported it.
Error lastError(const QSqlDatabase& db, sqlite3* connection, const QString& statement)
{
    const QSqlError cause(QString(), QString::fromUtf8(sqlite3_errmsg(connection)), QSqlError::StatementError,
                          QString::number(sqlite3_extended_errcode(connection)));
    return failed(db, cause, statement);
}

}  // namespace

void RowStatement::Finalize::operator()(sqlite3_stmt* statement) const
{
    sqlite3_finalize(statement);
}

RowStatement::RowStatement(QSqlDatabase db, sqlite3* connection, sqlite3_stmt* statement, QString text)
    : m_db(std::move(db)), m_connection(connection), m_statement(statement), m_text(std::move(text))
{
}

Result<RowStatement> RowStatement::prepare(const QSqlDatabase& db, const QString& statement)
{
    const QVariant handle = db.isOpen() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0 || *static_cast<sqlite3* const*>(handle.constData()) == nullptr) {
        return fail(ErrorCode::Internal, "not an open SQLite connection", statement.simplified().left(120).toStdString());
    }
    sqlite3* connection = *static_cast<sqlite3* const*>(handle.constData());
    const QByteArray text = statement.toUtf8();
    sqlite3_stmt* prepared = nullptr;
    if (sqlite3_prepare_v2(connection, text.constData(), static_cast<int>(text.size()), &prepared, nullptr) != SQLITE_OK || prepared == nullptr) {
        Error error = lastError(db, connection, statement);
        sqlite3_finalize(prepared);
        return std::unexpected(error);
    }
    return RowStatement(db, connection, prepared, statement);
}

bool RowStatement::Row::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 RowStatement::Row::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArrayView RowStatement::Row::text(int column) const
{
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return bytes == nullptr ? QByteArrayView() : QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column));
}

Result<void> RowStatement::bind(std::span<const QVariant> values)
{
    sqlite3_stmt* statement = m_statement.get();
    sqlite3_reset(statement);  // a run cut short (a callback that threw) leaves it mid-step
    if (static_cast<int>(values.size()) != sqlite3_bind_parameter_count(statement)) {
        return fail(ErrorCode::Internal, std::to_string(values.size()) + " values for " + std::to_string(sqlite3_bind_parameter_count(statement)) + " parameters",
                    m_text.simplified().left(120).toStdString());
    }
    int bound = SQLITE_OK;
    for (size_t i = 0; i < values.size() && bound == SQLITE_OK; ++i) {
        const QVariant& value = values[i];
        const int at = static_cast<int>(i) + 1;
        switch (value.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
            bound = sqlite3_bind_null(statement, at);
            break;
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Char:
        case QMetaType::SChar:
        case QMetaType::UChar:
            bound = value.isNull() ? sqlite3_bind_null(statement, at) : sqlite3_bind_int64(statement, at, value.toLongLong());
            break;
        case QMetaType::ULong:
        case QMetaType::ULongLong:
            // As Qt's driver: an unsigned value past INT64_MAX would wrap, so it goes as text.
            bound = value.toULongLong() > static_cast<qulonglong>(std::numeric_limits<qint64>::max())
                        ? sqlite3_bind_text(statement, at, QByteArray::number(value.toULongLong()).constData(), -1, SQLITE_TRANSIENT)
                        : sqlite3_bind_int64(statement, at, value.toLongLong());
            break;
        case QMetaType::Float:
        case QMetaType::Double:
            bound = sqlite3_bind_double(statement, at, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            bound = bytes.isNull() ? sqlite3_bind_null(statement, at)
                                   : sqlite3_bind_blob(statement, at, bytes.constData(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QString: {
            const QString* text = static_cast<const QString*>(value.constData());  // no copy
            bound = text->isNull() ? sqlite3_bind_null(statement, at)
                                   : sqlite3_bind_text16(statement, at, text->constData(), static_cast<int>(text->size() * 2), SQLITE_STATIC);
            break;
        }
        case QMetaType::QVariantList:
        case QMetaType::QStringList:
        case QMetaType::QVariantMap: {
            const QByteArray json = QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact);
            bound = sqlite3_bind_text(statement, at, json.constData(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray text = value.toString().toUtf8();
            bound = sqlite3_bind_text(statement, at, text.constData(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
            break;
        }
        }
    }
    if (bound != SQLITE_OK) {
        Error error = lastError(m_db, m_connection, m_text);
        sqlite3_clear_bindings(statement);
        return std::unexpected(error);
    }
    return {};
}

Result<void> RowStatement::run(std::span<const QVariant> values)
{
    // SQLITE_STATIC text stays valid until the step below: `values` outlives this call.
    if (auto bound = bind(values); !bound) {
        return bound;
    }
    sqlite3_stmt* statement = m_statement.get();
    const int stepped = sqlite3_step(statement);
    Result<void> result;
    if (stepped != SQLITE_DONE && stepped != SQLITE_ROW) {
        result = std::unexpected(lastError(m_db, m_connection, m_text));
    }
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return result;
}

Result<void> RowStatement::query(std::span<const QVariant> values, const std::function<bool(const Row&)>& each)
{
    if (auto bound = bind(values); !bound) {
        return bound;
    }
    sqlite3_stmt* statement = m_statement.get();
    // Reset however this ends (an exception from `each` too): a statement left mid-step would
    // hold the connection's read snapshot, and with it the WAL, until the next run.
    struct Reset {
        sqlite3_stmt* statement;
        ~Reset()
        {
            sqlite3_reset(statement);
            sqlite3_clear_bindings(statement);
        }
    } reset{statement};
    const Row row(statement);
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(statement)) == SQLITE_ROW) {
        if (!each(row)) {
            return {};
        }
    }
    if (stepped != SQLITE_DONE) {
        return std::unexpected(lastError(m_db, m_connection, m_text));
    }
    return {};
}

RowBatch::RowBatch(QSqlDatabase db, QString head, int width, QString tail, int maxRows)
    : m_db(std::move(db)), m_head(std::move(head)), m_tail(std::move(tail)), m_width(std::max(1, width)),
      m_perStatement(std::clamp(30'000 / m_width, 1, std::max(1, maxRows)))  // SQLite takes up to 32,766 values
{
    m_values.reserve(static_cast<size_t>(m_perStatement) * static_cast<size_t>(m_width));
}

Result<void> RowBatch::add(std::span<const QVariant> row)
{
    if (static_cast<int>(row.size()) != m_width) {
        return fail(ErrorCode::Internal, std::to_string(row.size()) + " values for a row of " + std::to_string(m_width), m_head.toStdString());
    }
    m_values.insert(m_values.end(), row.begin(), row.end());
    if (m_values.size() == static_cast<size_t>(m_perStatement) * static_cast<size_t>(m_width)) {
        return write(m_perStatement);
    }
    return {};
}

Result<void> RowBatch::finish()
{
    return m_values.empty() ? Result<void>() : write(static_cast<int>(m_values.size() / static_cast<size_t>(m_width)));
}

Result<void> RowBatch::write(int rows)
{
    const QString row = QLatin1Char('(') + QStringList(m_width, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const auto statementFor = [&](int count) {
        return m_head + QStringLiteral(" VALUES ") + QStringList(count, row).join(QLatin1Char(',')) + (m_tail.isEmpty() ? QString() : QLatin1Char(' ') + m_tail);
    };
    Result<void> written;
    if (rows == m_perStatement) {
        if (!m_full) {
            auto prepared = RowStatement::prepare(m_db, statementFor(rows));
            if (!prepared) {
                return std::unexpected(prepared.error());
            }
            m_full.emplace(std::move(*prepared));
        }
        written = m_full->run(m_values);
    } else {
        auto prepared = RowStatement::prepare(m_db, statementFor(rows));  // the last, shorter one
        if (!prepared) {
            return std::unexpected(prepared.error());
        }
        written = prepared->run(m_values);
    }
    m_values.clear();
    return written;
}

}  // namespace bandmate::core::sql
