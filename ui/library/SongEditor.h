#pragma once

#include "core/library/MediaFiles.h"
#include "core/library/Songs.h"

#include <QPair>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;

namespace bandmate::ui {

/// One song's details, its chord chart (shown transposed, edited as ChordPro) and its audio
/// files. Edits are kept until Save (Ctrl+S) and thrown away by Revert.
class SongEditor : public QWidget {
    Q_OBJECT
public:
    explicit SongEditor(QWidget* parent = nullptr);

    void setSong(const core::library::Song& song, const QList<core::library::MediaFile>& files);
    /// The user's own machines offered as grooves after the built-in ones: (title, "user:<id>").
    void setUserGrooves(const QList<QPair<QString, QString>>& grooves);
    [[nodiscard]] core::library::Song song() const;
    [[nodiscard]] bool isModified() const { return m_modified; }
    /// Moves the chart display by semitones (on screen only; the stored chart is unchanged).
    void setTranspose(int semitones);
    [[nodiscard]] QString chartHtml() const;
    /// Whether the song's embedded cover is shown.
    [[nodiscard]] bool hasCover() const;

Q_SIGNALS:
    void saveRequested(const bandmate::core::library::Song& song);
    void locateRequested(const QString& fileId, const QString& oldPath);

private:
    static constexpr int kCoverSize = 96;
    void markModified();
    void showCover(const QList<core::library::MediaFile>& files);
    void showChart();

    core::library::Song m_song;
    QList<core::library::MediaFile> m_fileList;
    bool m_modified = false;
    bool m_loading = false;
    int m_transpose = 0;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_cover = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_artist = nullptr;
    QLineEdit* m_album = nullptr;
    QLineEdit* m_genre = nullptr;
    QSpinBox* m_year = nullptr;
    QSpinBox* m_track = nullptr;
    QLineEdit* m_key = nullptr;
    QDoubleSpinBox* m_bpm = nullptr;
    QLineEdit* m_timeSignature = nullptr;
    QLineEdit* m_tags = nullptr;
    QComboBox* m_readiness = nullptr;
    QSpinBox* m_rating = nullptr;
    QCheckBox* m_loved = nullptr;
    QComboBox* m_groove = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QStackedWidget* m_chartStack = nullptr;
    QTextBrowser* m_chartView = nullptr;
    QPlainTextEdit* m_chartEdit = nullptr;
    QLabel* m_transposeLabel = nullptr;
    QListWidget* m_files = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
};

}  // namespace bandmate::ui
