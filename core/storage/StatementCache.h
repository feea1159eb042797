#pragma once

#include "core/util/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>

namespace bandmate::core::sql {

/// The prepared statements of one connection, kept by their text: a statement run again is only
/// bound and executed. SQLite parses it once instead of on every run; PostgreSQL prepares it once,
/// so a run is one round trip instead of three (prepare, execute, deallocate). For statements that
/// take values (SELECT, INSERT, UPDATE, DELETE); transaction control goes through sql::exec. Use
/// on the connection's thread, and destroy it before the connection is removed.
class StatementCache {
public:
    explicit StatementCache(QSqlDatabase db);

    /// Runs `statement` with positional `binds`. `read`, when given, sees the result rows before
    /// the statement is reset; it must not run the same statement again.
    [[nodiscard]] Result<void> exec(const QString& statement, const QVariantList& binds = {}, const std::function<void(QSqlQuery&)>& read = {});
    /// The first column of the first row, or a null QVariant when there is no row.
    [[nodiscard]] Result<QVariant> scalar(const QString& statement, const QVariantList& binds = {});

private:
    QSqlDatabase m_db;
    bool m_sqlite = true;
    QHash<QString, QSqlQuery> m_queries;
};

}  // namespace bandmate::core::sql
