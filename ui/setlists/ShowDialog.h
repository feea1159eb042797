#pragma once

#include "core/setlists/Setlists.h"

#include <QDialog>

class QDateEdit;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTimeEdit;

namespace bandmate::ui {

/// A show's details: name, date, start, venue, city, slot length, fee and notes.
class ShowDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShowDialog(const core::setlists::Show& show, QWidget* parent = nullptr);
    /// The edited show (same id).
    [[nodiscard]] core::setlists::Show show() const;

private:
    core::setlists::Show m_show;
    QLineEdit* m_name = nullptr;
    QDateEdit* m_date = nullptr;
    QTimeEdit* m_start = nullptr;
    QLineEdit* m_venue = nullptr;
    QLineEdit* m_city = nullptr;
    QSpinBox* m_slot = nullptr;
    QDoubleSpinBox* m_fee = nullptr;
    QPlainTextEdit* m_notes = nullptr;
};

}  // namespace bandmate::ui
