#pragma once

#include "core/util/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace bandmate::core::sql {

/// The error for a failed statement: READONLY, CORRUPT and NOTADB mapped to their codes.
[[nodiscard]] Error toError(const QSqlError& error, const QString& statement, bool sqlite = true);

/// The error for a statement that failed on `db`: toError's, and for SQLite also a full disk
/// named with its free space, and the failure noted for the app (StorageHealth.h).
[[nodiscard]] Error failed(const QSqlDatabase& db, const QSqlError& cause, const QString& statement);

/// Prepares and runs `statement` with positional `binds`; the error names the statement.
[[nodiscard]] Result<QSqlQuery> run(const QSqlDatabase& db, const QString& statement,
                                    const QVariantList& binds = {});

/// Runs a statement that returns no rows.
[[nodiscard]] Result<void> exec(const QSqlDatabase& db, const QString& statement,
                                const QVariantList& binds = {});

/// The first column of the first row, or a null QVariant when there is no row.
[[nodiscard]] Result<QVariant> scalar(const QSqlDatabase& db, const QString& statement,
                                      const QVariantList& binds = {});

/// Double-quotes an identifier for SQLite ("a""b").
[[nodiscard]] QString quoteIdentifier(const QString& name);

/// Single-quotes a string literal for SQLite ('it''s').
[[nodiscard]] QString quoteLiteral(const QString& text);

}  // namespace bandmate::core::sql
