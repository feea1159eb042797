#pragma once

#include "core/setlists/Setlists.h"

#include <QDialog>

class QLineEdit;
class QSpinBox;
class QTimeEdit;

namespace bandmate::ui {

/// One entry's details: a break's label and length, or a song's transposition, length override
/// and notes (cover, guest, tape, ...).
class EntryDialog : public QDialog {
    Q_OBJECT
public:
    EntryDialog(const core::setlists::SetlistEntry& entry, const QString& songTitle, QWidget* parent = nullptr);
    [[nodiscard]] core::setlists::SetlistEntry entry() const;

private:
    core::setlists::SetlistEntry m_entry;
    QLineEdit* m_title = nullptr;
    QTimeEdit* m_length = nullptr;
    QSpinBox* m_transpose = nullptr;
    QLineEdit* m_notes = nullptr;
};

}  // namespace bandmate::ui
