#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

/// Your profile: artist name, instruments, genres and goals. Saved when accepted.
class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    ProfileDialog(core::Database& db, QWidget* parent = nullptr);
    void accept() override;

private:
    core::Database& m_db;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_instruments = nullptr;
    QLineEdit* m_genres = nullptr;
    QPlainTextEdit* m_goals = nullptr;
};

}  // namespace bandmate::ui
