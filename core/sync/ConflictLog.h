#pragma once

#include "core/sync/ChangeTracker.h"
#include "core/util/Result.h"

#include <QList>
#include <QString>

namespace bandmate::core {

class Database;

/// One concurrent edit of a prose field that lost the merge.
struct Conflict {
    QString id;
    QString entity;
    QString rowId;
    QString field;
    QString label;     ///< the row's title or name, when it has one
    QString value;     ///< the text that lost
    QString current;   ///< the text the field holds now
    qint64 lostAtMs = 0;  ///< when the losing text was written (its HLC's wall time)
};

/// The conflict log (DESIGN.md section 4): the losing text of concurrent edits of prose fields
/// (isProseField), kept in the synced `sync_conflict` table so every device shows it, until the
/// musician restores it (it becomes the newest edit) or dismisses it.
class ConflictLog {
public:
    explicit ConflictLog(Database& db) : m_db(db) {}

    /// Keeps `losing` if it is a non-empty prose text; true when it is (now or already) in the
    /// log. The record's id comes from the losing write, so noticing one conflict twice, or on
    /// two devices, keeps one record. Call inside a Transaction.
    [[nodiscard]] Result<bool> record(const FieldChange& losing);
    /// Before a pulled change is applied: when its prose field has a local edit that was not
    /// pushed yet and holds another text, the two edits were concurrent, and the one that will
    /// lose the merge is recorded. Call inside a Transaction.
    [[nodiscard]] Result<void> noticeIncoming(const FieldChange& incoming);
    /// The open conflicts, newest first.
    [[nodiscard]] Result<QList<Conflict>> open() const;
    /// Writes the kept text back into its field (as a new edit, so it wins everywhere on the next
    /// sync) and closes the record; the text it replaces goes to the log in its place.
    [[nodiscard]] Result<void> restore(const QString& id);
    /// Closes the record without changing the field.
    [[nodiscard]] Result<void> dismiss(const QString& id);

private:
    Database& m_db;
};

}  // namespace bandmate::core
