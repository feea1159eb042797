#pragma once

#include "core/sync/ConflictLog.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

/// The conflict log on the Sync page: texts that lost a concurrent edit on another computer, each
/// beside the text that won, to restore (it becomes the newest edit everywhere) or dismiss.
class ConflictList : public QWidget {
    Q_OBJECT
public:
    explicit ConflictList(core::Database& db, QWidget* parent = nullptr);

    /// Reads the log again (after a sync).
    void reload();
    [[nodiscard]] int count() const;
    /// Restores or dismisses the selected record; false with nothing selected or on error.
    bool restoreSelected();
    bool dismissSelected();

Q_SIGNALS:
    /// A record was restored (a field changed: the page may want to sync soon).
    void restored();

private:
    /// The selected record's index in m_conflicts, -1 for none.
    [[nodiscard]] int selectedRow() const;
    void showSelected();

    core::Database& m_db;
    QList<core::Conflict> m_conflicts;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
    QPlainTextEdit* m_kept = nullptr;
    QPlainTextEdit* m_current = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_dismiss = nullptr;
    QLabel* m_error = nullptr;
};

}  // namespace bandmate::ui
