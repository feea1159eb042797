#pragma once

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLineEdit;
class QListWidget;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

/// The to-do list: add with a title, an optional due date and tags (Enter), tick to finish,
/// Delete removes the selected one. Open ones first by due date.
class TodoPanel : public QWidget {
    Q_OBJECT
public:
    explicit TodoPanel(core::Database& db, QWidget* parent = nullptr);

    void reload();
    /// Adds what the entry fields hold; false (and nothing added) without a title.
    bool addFromFields();
    [[nodiscard]] QListWidget* list() const { return m_list; }
    /// Opens the full editor (notes, checklist, link) for a to-do; what double-click does.
    void edit(const QString& id);

private:
    core::Database& m_db;
    QLineEdit* m_title = nullptr;
    QCheckBox* m_hasDue = nullptr;
    QDateEdit* m_due = nullptr;
    QLineEdit* m_tags = nullptr;
    QListWidget* m_list = nullptr;
};

}  // namespace bandmate::ui
