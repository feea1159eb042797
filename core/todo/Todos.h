#pragma once

#include "core/util/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace bandmate::core {
class Database;
}

namespace bandmate::core::todo {

struct ChecklistItem {
    QString text;
    bool done = false;
    friend bool operator==(const ChecklistItem&, const ChecklistItem&) = default;
};

/// A generic to-do (entity `task`, synced).
struct Todo {
    QString id;
    QString title;
    QString notes;
    QDate due;  ///< invalid = no due date
    bool done = false;
    QDateTime doneAt;
    QList<ChecklistItem> checklist;
    QStringList tags;
    QString linkKind;  ///< "", "song", "show" or "machine"
    QString linkId;
};

class TodoRepository {
public:
    explicit TodoRepository(Database& db);

    /// Adds or updates (by id; a new UUIDv7 when empty); returns the id. A title is required,
    /// a link needs both kind and id.
    [[nodiscard]] Result<QString> save(const Todo& todo);
    [[nodiscard]] Result<void> setDone(const QString& id, bool done);
    [[nodiscard]] Result<void> remove(const QString& id);
    [[nodiscard]] Result<Todo> get(const QString& id) const;
    /// Open to-dos first by due date (undated last), then the done ones, newest first.
    [[nodiscard]] Result<QList<Todo>> all() const;
    /// Open to-dos due on or before `today` (overdue first).
    [[nodiscard]] Result<QList<Todo>> due(const QDate& today) const;

private:
    Database& m_db;
};

}  // namespace bandmate::core::todo
