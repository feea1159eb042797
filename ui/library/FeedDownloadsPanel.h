#pragma once

#include "core/util/Result.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace bandmate::core {
class Database;
}

namespace bandmate::sync {
class DownloadQueue;
}

namespace bandmate::ui {

/// Feeds' downloads: each song downloaded, waiting, running (with its progress) or failed (with
/// why), to retry, stop, remove or show in its folder; where they go, and after how many days
/// played ones are removed (starred posts' stay).
class FeedDownloadsPanel : public QWidget {
    Q_OBJECT
public:
    FeedDownloadsPanel(core::Database& db, sync::DownloadQueue& queue, QWidget* parent = nullptr);

    /// Reads the downloads again (the selection stays on its song).
    void reload();
    [[nodiscard]] int rowCount() const;
    /// Row `row`'s song, feed and state as shown.
    [[nodiscard]] QString rowText(int row) const;
    void selectRow(int row);
    /// The post of the selected download ("" when none).
    [[nodiscard]] QString currentItemId() const;

    /// The selected download again (a failed one).
    core::Result<void> retrySelected();
    /// Stops the selected download, or removes its file (asked first when `ask`).
    core::Result<void> removeSelected(bool ask = true);
    core::Result<void> setKeepDays(int days);
    core::Result<void> setFolder(const QString& folder);
    /// Removes the played downloads past their days now; what it says.
    QString cleanUp();

Q_SIGNALS:
    /// Something to tell the musician (the Feeds view's banner).
    void message(const QString& text, bool problem);
    void currentChanged();
    /// The count of active downloads changed.
    void activeChanged();

private:
    void showSettings();
    void showProgress(const QString& itemId, const QString& url, qint64 received, qint64 total);
    [[nodiscard]] QTreeWidgetItem* rowOf(const QString& itemId, const QString& url) const;
    void updateButtons();

    core::Database& m_db;
    sync::DownloadQueue& m_queue;
    QTreeWidget* m_list = nullptr;
    QLabel* m_folder = nullptr;
    QSpinBox* m_keepDays = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_showFile = nullptr;
};

}  // namespace bandmate::ui
