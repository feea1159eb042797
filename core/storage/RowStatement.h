#pragma once

#include "core/util/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <QByteArrayView>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace bandmate::core::sql {

/// One statement prepared on a SQLite connection through SQLite's own interface, run many times:
/// each run binds its values and steps, with no statement text, JSON or Qt variant machinery per
/// row. For the bulk writes (a library scan's thousands of songs, files and field stamps) and
/// the hot reads (the sync server's pull page), where Qt's driver costs more than SQLite's own
/// work (it reads text as UTF-16 and wraps every cell in a QVariant). Runs inside the
/// connection's transaction like any other statement. Use on the connection's thread;
/// finalized when destroyed, so destroy it before the connection closes.
class RowStatement {
public:
    /// One row of query(), read where SQLite keeps it: valid only inside the callback.
    class Row {
    public:
        [[nodiscard]] bool isNull(int column) const;
        [[nodiscard]] qint64 integer(int column) const;
        /// The column as UTF-8 text (a number as SQLite writes it; NULL as empty).
        [[nodiscard]] QByteArrayView text(int column) const;

    private:
        friend class RowStatement;
        explicit Row(sqlite3_stmt* statement) : m_statement(statement) {}
        sqlite3_stmt* m_statement;
    };

    /// An error naming the statement when it does not compile, or when `db` is not SQLite.
    [[nodiscard]] static Result<RowStatement> prepare(const QSqlDatabase& db, const QString& statement);

    /// Binds `values` to ?1, ?2, ... and runs the statement once. Values bind as Qt's driver binds
    /// them (a null QVariant or null QString as NULL, whole numbers and booleans as integers,
    /// QByteArray as a blob; a list or map as its JSON text). A full disk, a read-only file and
    /// an I/O error give the same errors, and the same notice to the app, as sql::exec.
    [[nodiscard]] Result<void> run(std::span<const QVariant> values);
    /// Binds `values` as run() does and calls `each` for every row the statement gives, until it
    /// returns false or the rows end.
    [[nodiscard]] Result<void> query(std::span<const QVariant> values, const std::function<bool(const Row&)>& each);

    RowStatement(RowStatement&&) noexcept = default;
    RowStatement& operator=(RowStatement&&) noexcept = default;
    ~RowStatement() = default;

private:
    struct Finalize {
        void operator()(sqlite3_stmt* statement) const;
    };
    RowStatement(QSqlDatabase db, sqlite3* connection, sqlite3_stmt* statement, QString text);
    /// Binds `values` to the statement's parameters; an error when the count differs or SQLite
    /// refuses one.
    [[nodiscard]] Result<void> bind(std::span<const QVariant> values);

    QSqlDatabase m_db;
    sqlite3* m_connection = nullptr;
    std::unique_ptr<sqlite3_stmt, Finalize> m_statement;
    QString m_text;
};

/// Rows for one INSERT, gathered and written many per statement: `head` is "INSERT INTO t (a, b)",
/// `tail` what follows the VALUES (an ON CONFLICT clause, or empty). Each full statement holds as
/// many rows as SQLite takes values (up to `maxRows`); finish() writes the rest. Per statement,
/// not per row: SQLite's start-up of a statement, and a full-text index's flush of its pending
/// words, which happens once per statement. Use on the connection's thread, inside a transaction.
class RowBatch {
public:
    RowBatch(QSqlDatabase db, QString head, int width, QString tail = {}, int maxRows = 500);

    /// One row of `width` values (bound as RowStatement binds them).
    [[nodiscard]] Result<void> add(std::span<const QVariant> row);
    /// Writes the rows gathered since the last full statement.
    [[nodiscard]] Result<void> finish();

private:
    [[nodiscard]] Result<void> write(int rows);

    QSqlDatabase m_db;
    QString m_head;
    QString m_tail;
    int m_width = 1;
    int m_perStatement = 1;
    std::vector<QVariant> m_values;
    std::optional<RowStatement> m_full;  // prepared at the first full statement
};

}  // namespace bandmate::core::sql
