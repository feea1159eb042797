#pragma once

#include "core/setlists/RunSheet.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace bandmate::ui {

/// Practise a setlist: step through its songs (Page Up / Page Down) and play each one's linked
/// groove at the song's tempo and key (Space). Stays open beside the main window.
class PractiseDialog : public QDialog {
    Q_OBJECT
public:
    PractiseDialog(const QString& showName, const core::setlists::RunSheet& sheet, QWidget* parent = nullptr);

    void showSong(int index);
    [[nodiscard]] int current() const { return m_current; }
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    /// Asks for the current song's groove; false when the song has none.
    bool playGroove();

Q_SIGNALS:
    void grooveRequested(const QString& machineRef, double bpm, int key);
    void stopRequested();

private:
    QList<core::setlists::RunSheetRow> m_rows;
    int m_current = -1;
    QListWidget* m_list = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_play = nullptr;
};

}  // namespace bandmate::ui
