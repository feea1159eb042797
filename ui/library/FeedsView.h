#pragma once

#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedRepository.h"
#include "core/util/Result.h"
#include "sync/feeds/FeedRefresh.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace bandmate::core {
class Database;
}

namespace bandmate::sync {
class DownloadQueue;
}

namespace bandmate::ui {

class FeedDownloadsPanel;
class FeedItemModel;
class FeedRefreshJob;
class FeedStream;
class MessageBanner;

/// The Library's Feeds section: the music blogs and podcasts a musician follows, by folder, with
/// new items counted; their posts and the songs found in them; refreshed on a worker thread (by
/// hand with F5, and every 15 minutes for what is due); a song streamed (resuming where it was
/// left), added to the library or to a show; the songs several feeds posted.
class FeedsView : public QWidget {
    Q_OBJECT
public:
    FeedsView(core::Database& db, QWidget* parent = nullptr);
    ~FeedsView() override;

    /// Reads the feeds and the items shown again.
    void reload();
    /// Asks the feeds (all of them by hand, else the due ones) on a worker thread.
    void refresh(bool manual = true);
    void cancelRefresh();
    [[nodiscard]] bool isRefreshing() const;
    /// Follows the feed at `url` (or the one a web page names) on a worker thread, in `folder`.
    void follow(const QString& url, const QString& folder = {});
    void search(const QString& query);
    /// Shows one feed's items ("" = every feed's).
    bool showFeed(const QString& feedId);
    /// Shows the songs several feeds posted.
    void showRanking();
    /// Shows the downloads.
    void showDownloads();
    /// Downloads song `songIndex` of the selected post (-1: the one picked in its list, else its
    /// first file); a song downloaded before is said to be there.
    core::Result<void> downloadSelected(int songIndex = -1);
    [[nodiscard]] sync::DownloadQueue* downloads() const { return m_downloads; }
    [[nodiscard]] FeedDownloadsPanel* downloadsPanel() const { return m_downloadsPanel; }
    /// The selected post's songs as the list shows them (with their downloads' state).
    [[nodiscard]] QStringList songLines() const;
    [[nodiscard]] int visibleItems() const;
    [[nodiscard]] bool selectItem(const QString& itemId);
    [[nodiscard]] QString selectedItemId() const;
    /// Song `songIndex` of the selected item into the library; its song id.
    core::Result<QString> addToLibrary(int songIndex = 0);
    /// Song `songIndex` of the selected item into a show's set (`setId`), added to the library
    /// first when it is not there yet; the setlist entry's id.
    core::Result<QString> addToShow(const QString& setId, int songIndex = 0);
    /// Streams the song picked in the selected post (else its first that plays here); the same
    /// song again pauses or resumes it. A player page (Bandcamp, ...) opens in the browser.
    void playSelected();
    void pauseStream();
    void focusSearch();
    /// Marks every new post the list shows seen.
    void markShownSeen();
    [[nodiscard]] FeedStream* stream() const { return m_stream; }
    [[nodiscard]] QString bannerText() const;
    [[nodiscard]] QString searchError() const;

Q_SIGNALS:
    void refreshFinished(const bandmate::sync::RefreshReport& report);
    /// A follow() ended: the new feed's id, or why not.
    void followFinished(const QString& feedId, const QString& error);
    /// A song was added to the library (the Library's list reads it again).
    void libraryChanged();
    /// A song is about to stream (the Library's own player pauses).
    void streamStarting();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildTree();
    void showSelected();
    /// A song's line in the post's list, with its download's state.
    [[nodiscard]] QString songRowText(const QString& itemId, const core::feeds::ItemSong& song) const;
    void showRankingRows();
    void startJob(FeedRefreshJob* job);
    void jobFinished(const bandmate::sync::RefreshReport& report);
    /// The tree of feeds: counts and errors changed in place when the feeds are the same.
    void showTree(const QList<core::feeds::Subscription>& feeds, const QList<core::feeds::FeedFolder>& folders);
    void showItems(const QList<core::feeds::ItemView>& items);
    [[nodiscard]] core::feeds::ItemFilter currentFilter() const;
    void toggleStar();
    void toggleNew();
    void removeSelectedItem();
    void feedMenu(const QPoint& at);
    void askAddToShow(int songIndex);
    void keepItem(const QString& itemId);
    [[nodiscard]] QString currentFeedId() const;
    core::Result<QString> addItemToLibrary(const QString& itemId, int songIndex);
    core::Result<QString> addItemToShow(const QString& itemId, const QString& setId, int songIndex);

    core::Database& m_db;
    bool m_loaded = false;
    QString m_query;
    QString m_scope = QStringLiteral("all");  ///< all | new | starred | ranking | folder | feed
    QString m_scopeId;
    FeedRefreshJob* m_job = nullptr;
    bool m_jobManual = false;
    std::function<void()> m_pending;  ///< asked for while a job ran: runs after it
    bool m_selectingForYou = false;   ///< the view, not the musician, selects a post
    QString m_seenCandidate;          ///< the post that becomes seen when the timer fires
    QString m_songsItemId;            ///< the post whose songs the song list shows
    QStringList m_treeShape;                          ///< the tree's rows as built: kind:id/parent
    QHash<QString, QTreeWidgetItem*> m_treeItems;     ///< by the same keys

    QPushButton* m_add = nullptr;
    QPushButton* m_refresh = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_searchError = nullptr;
    QTimer* m_searchTimer = nullptr;
    MessageBanner* m_banner = nullptr;
    QTreeWidget* m_tree = nullptr;
    QStackedWidget* m_center = nullptr;
    FeedItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QTreeWidget* m_ranking = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_meta = nullptr;
    QLabel* m_summary = nullptr;
    QListWidget* m_songs = nullptr;
    QPushButton* m_play = nullptr;
    QPushButton* m_addToLibrary = nullptr;
    QPushButton* m_addToShow = nullptr;
    QPushButton* m_star = nullptr;
    QLabel* m_nowPlaying = nullptr;
    QWidget* m_nowPlayingRow = nullptr;
    QPushButton* m_pause = nullptr;
    QTimer* m_treeCounts = nullptr;
    QTimer* m_seenTimer = nullptr;
    QTimer* m_autoRefresh = nullptr;
    FeedStream* m_stream = nullptr;
    QPushButton* m_download = nullptr;
    sync::DownloadQueue* m_downloads = nullptr;
    FeedDownloadsPanel* m_downloadsPanel = nullptr;
};

}  // namespace bandmate::ui
