#include "ui/library/FeedsView.h"

#include "audio/library/TagWriter.h"
#include "core/feeds/FeedDownloads.h"
#include "core/feeds/FeedItemRepository.h"
#include "core/feeds/FeedRepository.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Database.h"
#include "sync/feeds/DownloadQueue.h"
#include "ui/library/FeedDownloadsPanel.h"
#include "ui/library/FeedItemModel.h"
#include "ui/library/FeedRefreshJob.h"
#include "ui/library/FeedStream.h"
#include "ui/shell/MessageBanner.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QShowEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace bandmate::ui {

namespace feeds = core::feeds;

namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kSongUrlRole = Qt::UserRole + 2;   ///< a song line's URL
constexpr int kSongTextRole = Qt::UserRole + 3;  ///< a song line without its download's state
constexpr int kShownItems = 500;  ///< a list the window fills in well under a frame
constexpr int kAutoRefreshMinutes = 15;
/// The tree's rows above the folders and feeds: All, New, Starred, Picked, Downloads.
constexpr qsizetype kFixedRows = 5;

/// Scopes that list no posts of their own (their center is not the posts' table).
bool ownCenter(const QString& scope)
{
    return scope == QLatin1String("ranking") || scope == QLatin1String("downloads");
}

QString songLine(const feeds::ItemSong& song)
{
    QString text = song.artist.isEmpty() ? song.title : song.artist + QStringLiteral(" – ") + song.title;
    if (song.source == feeds::FoundSong::Source::Player) {
        text += QStringLiteral("  ↗");
    }
    return text;
}

}  // namespace

FeedsView::FeedsView(core::Database& db, QWidget* parent) : QWidget(parent), m_db(db)
{
    setObjectName(QStringLiteral("feedsView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* bar = new QHBoxLayout;
    m_add = new QPushButton(tr("Follow a feed…"), this);
    m_add->setObjectName(QStringLiteral("followFeed"));
    m_add->setToolTip(tr("A music blog's or podcast's address, or its web page (Ctrl+Shift+F)"));
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString url = QInputDialog::getText(this, tr("Follow a feed"), tr("The feed's address, or the web page of a blog or podcast:"),
                                                  QLineEdit::Normal, QString(), &ok);
        if (ok && !url.trimmed().isEmpty()) {
            follow(url.trimmed(), m_scope == QLatin1String("folder") ? m_tree->currentItem()->text(0) : QString());
        }
    });
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshFeeds"));
    m_refresh->setToolTip(tr("Ask every feed for new posts now (F5)"));
    m_refresh->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(true); });
    auto* seen = new QPushButton(tr("Mark all seen"), this);
    seen->setObjectName(QStringLiteral("markFeedsSeen"));
    seen->setToolTip(tr("Nothing shown here is new any more"));
    connect(seen, &QPushButton::clicked, this, &FeedsView::markShownSeen);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("%v of %m feeds"));
    m_progress->hide();
    m_cancel = new QPushButton(tr("Stop refreshing"), this);
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &FeedsView::cancelRefresh);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("feedSearch"));
    m_search->setPlaceholderText(tr("Search posts and songs — feed:name new:yes starred:yes artist:…"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] { search(m_search->text()); });
    for (QWidget* widget : {static_cast<QWidget*>(m_add), static_cast<QWidget*>(m_refresh), static_cast<QWidget*>(seen),
                            static_cast<QWidget*>(m_progress), static_cast<QWidget*>(m_cancel)}) {
        bar->addWidget(widget);
    }
    bar->addWidget(m_search, 1);
    layout->addLayout(bar);
    m_searchError = new QLabel(this);
    m_searchError->setObjectName(QStringLiteral("feedSearchError"));
    m_searchError->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_searchError->hide();
    layout->addWidget(m_searchError);
    m_banner = new MessageBanner(this);
    // Its line stays when it hides: a message after each refresh must not lay the whole view out
    // again (5 ms of a 16 ms frame with 500 feeds listed).
    QSizePolicy keepRoom = m_banner->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_banner->setSizePolicy(keepRoom);
    layout->addWidget(m_banner);

    auto* splitter = new QSplitter(this);
    m_tree = new QTreeWidget(splitter);
    m_tree->setObjectName(QStringLiteral("feedTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);  // 500 feeds laid out without asking each row its height
    m_tree->setAccessibleName(tr("Feeds"));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &FeedsView::feedMenu);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item == nullptr) {
            return;
        }
        m_scope = item->data(0, kKindRole).toString();
        m_scopeId = item->data(0, kIdRole).toString();
        if (m_scope == QLatin1String("ranking")) {
            showRankingRows();
        } else if (m_scope == QLatin1String("downloads")) {
            m_center->setCurrentWidget(m_downloadsPanel);
            m_downloadsPanel->reload();
        } else {
            search(m_query);
        }
    });

    m_center = new QStackedWidget(splitter);
    m_model = new FeedItemModel(this);
    m_table = new QTableView(m_center);
    m_table->setObjectName(QStringLiteral("feedItems"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->horizontalHeader()->setSectionResizeMode(FeedItemModel::Title, QHeaderView::Stretch);
    m_table->setColumnWidth(FeedItemModel::State, 36);
    m_table->setColumnWidth(FeedItemModel::Feed, 150);
    m_table->setColumnWidth(FeedItemModel::Date, 90);
    m_table->setColumnWidth(FeedItemModel::Songs, 52);
    const auto action = [this](const QString& text, const QKeySequence& keys, auto slot) {
        auto* item = new QAction(text, m_table);
        item->setShortcut(keys);
        item->setShortcutContext(Qt::WidgetShortcut);
        connect(item, &QAction::triggered, this, slot);
        m_table->addAction(item);
    };
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    action(tr("Play"), QKeySequence(Qt::Key_Return), [this] { playSelected(); });
    m_table->actions().last()->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    action(tr("Star or unstar"), QKeySequence(Qt::Key_S), [this] { toggleStar(); });
    action(tr("Mark new or seen"), QKeySequence(Qt::Key_M), [this] { toggleNew(); });
    action(tr("Open the post"), QKeySequence(Qt::CTRL | Qt::Key_O), [this] {
        if (const feeds::ItemView* item = m_model->item(m_table->currentIndex().row()); item != nullptr && !item->link.isEmpty()) {
            QDesktopServices::openUrl(QUrl(item->link));
        }
    });
    action(tr("Download"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] {
        if (auto ok = downloadSelected(); !ok) {
            m_banner->showMessage(QString::fromStdString(ok.error().toString()), true);
        }
    });
    action(tr("Remove…"), QKeySequence::Delete, [this] { removeSelectedItem(); });
    connect(m_table, &QTableView::doubleClicked, this, [this] { playSelected(); });
    m_center->addWidget(m_table);
    m_ranking = new QTreeWidget(m_center);
    m_ranking->setObjectName(QStringLiteral("feedRanking"));
    m_ranking->setRootIsDecorated(false);
    m_ranking->setUniformRowHeights(true);
    m_ranking->setHeaderLabels({tr("Feeds"), tr("Song"), tr("Posted by")});
    m_ranking->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_center->addWidget(m_ranking);
    connect(m_ranking, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* row) {
        if (row != nullptr) {
            m_scopeId = row->data(0, kIdRole).toString();
            showSelected();
        }
    });
    m_downloads = new sync::DownloadQueue(
        m_db, [](const QString& path, const feeds::DownloadTags& tags) { return audio::writeTags(path, tags); }, this);
    m_downloadsPanel = new FeedDownloadsPanel(m_db, *m_downloads, m_center);
    m_center->addWidget(m_downloadsPanel);
    connect(m_downloadsPanel, &FeedDownloadsPanel::message, this, [this](const QString& text, bool problem) { m_banner->showMessage(text, problem); });
    connect(m_downloadsPanel, &FeedDownloadsPanel::currentChanged, this, [this] { showSelected(); });
    connect(m_downloadsPanel, &FeedDownloadsPanel::activeChanged, this, [this] { m_treeCounts->start(); });

    auto* details = new QWidget(splitter);
    auto* detailLayout = new QVBoxLayout(details);
    m_title = new QLabel(details);
    m_title->setObjectName(QStringLiteral("feedItemTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_title->setOpenExternalLinks(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_title->setFont(big);
    m_meta = new QLabel(details);
    m_meta->setWordWrap(true);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_summary = new QLabel(details);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_songs = new QListWidget(details);
    m_songs->setObjectName(QStringLiteral("feedItemSongs"));
    m_songs->setAccessibleName(tr("Songs in the post"));
    m_songs->setMaximumHeight(140);
    connect(m_songs, &QListWidget::itemDoubleClicked, this, [this] { playSelected(); });
    auto* buttons = new QHBoxLayout;
    m_play = new QPushButton(tr("Play"), details);
    m_play->setToolTip(tr("Stream the song (Enter); it goes on from where you left it"));
    connect(m_play, &QPushButton::clicked, this, [this] { playSelected(); });
    m_addToLibrary = new QPushButton(tr("Add to library"), details);
    connect(m_addToLibrary, &QPushButton::clicked, this, [this] {
        const int index = std::max(0, m_songs->currentRow());
        auto item = feeds::FeedItemRepository(m_db).item(selectedItemId());
        const bool withFile = item && index < item->songs.size() && !item->songs.at(index).file.isEmpty();
        auto added = addToLibrary(index);
        m_banner->showMessage(added ? (withFile ? tr("In your library now, with its downloaded file.") : tr("In your library now."))
                                    : QString::fromStdString(added.error().toString()),
                              !added);
    });
    m_addToShow = new QPushButton(tr("Add to show…"), details);
    connect(m_addToShow, &QPushButton::clicked, this, [this] { askAddToShow(std::max(0, m_songs->currentRow())); });
    m_star = new QPushButton(tr("Star"), details);
    m_star->setCheckable(true);
    connect(m_star, &QPushButton::clicked, this, [this] { toggleStar(); });
    m_download = new QPushButton(tr("Download"), details);
    m_download->setObjectName(QStringLiteral("downloadFeedSong"));
    m_download->setToolTip(tr("Keep the song's file on this computer, tagged from its feed (Ctrl+D in the list of posts)"));
    connect(m_download, &QPushButton::clicked, this, [this] {
        if (auto ok = downloadSelected(); !ok) {
            m_banner->showMessage(QString::fromStdString(ok.error().toString()), true);
        }
    });
    for (QPushButton* button : {m_play, m_download, m_addToLibrary, m_addToShow, m_star}) {
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    // What streams, whatever is selected: always there to pause or stop while it plays.
    m_nowPlayingRow = new QWidget(details);
    auto* nowPlaying = new QHBoxLayout(m_nowPlayingRow);
    nowPlaying->setContentsMargins(0, 0, 0, 0);
    m_nowPlaying = new QLabel(m_nowPlayingRow);
    m_nowPlaying->setObjectName(QStringLiteral("feedNowPlaying"));
    m_nowPlaying->setWordWrap(true);
    m_pause = new QPushButton(tr("Pause"), m_nowPlayingRow);
    connect(m_pause, &QPushButton::clicked, this, [this] { m_stream->togglePause(); });
    auto* stopPlaying = new QPushButton(tr("Stop playing"), m_nowPlayingRow);
    connect(stopPlaying, &QPushButton::clicked, this, [this] {
        m_stream->stop();
        m_nowPlayingRow->hide();
    });
    nowPlaying->addWidget(m_nowPlaying, 1);
    nowPlaying->addWidget(m_pause);
    nowPlaying->addWidget(stopPlaying);
    m_nowPlayingRow->hide();
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_meta);
    detailLayout->addWidget(m_summary, 1);
    detailLayout->addWidget(new QLabel(tr("Songs"), details));
    detailLayout->addWidget(m_songs);
    detailLayout->addLayout(buttons);
    detailLayout->addWidget(m_nowPlayingRow);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_center);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({190, 620, 330});
    layout->addWidget(splitter, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showSelected(); });

    // An item looked at for a moment is no longer new, as in any feed reader.
    m_seenTimer = new QTimer(this);
    m_seenTimer->setSingleShot(true);
    m_seenTimer->setInterval(1500);
    connect(m_seenTimer, &QTimer::timeout, this, [this] {
        // Still the post the musician picked, still on screen.
        if (!isVisible() || m_seenCandidate.isEmpty() || m_seenCandidate != selectedItemId()) {
            return;
        }
        if (auto marked = feeds::FeedItemRepository(m_db).setSeen({m_seenCandidate}, true); !marked) {
            m_banner->showMessage(QString::fromStdString(marked.error().toString()), true);
            return;
        }
        keepItem(m_seenCandidate);
    });

    m_treeCounts = new QTimer(this);
    m_treeCounts->setSingleShot(true);
    m_treeCounts->setInterval(300);
    connect(m_treeCounts, &QTimer::timeout, this, [this] { buildTree(); });

    m_stream = new FeedStream(this);
    connect(m_stream, &FeedStream::positionToKeep, this, [this](const QString& itemId, qint64 positionMs) {
        if (auto kept = feeds::FeedItemRepository(m_db).setPosition(itemId, positionMs); !kept) {
            m_banner->showMessage(QString::fromStdString(kept.error().toString()), true);
        }
    });
    connect(m_stream, &FeedStream::played, this, [this](const QString& itemId) {
        if (feeds::FeedItemRepository(m_db).setPlayed(itemId, true)) {
            keepItem(itemId);
        }
    });
    connect(m_stream, &FeedStream::failed, this, [this](const QString& message) {
        m_banner->showMessage(message, true);
        m_nowPlayingRow->hide();
    });
    connect(m_stream, &FeedStream::stateChanged, this, [this] {
        m_pause->setText(m_stream->isPlaying() ? tr("Pause") : tr("Resume"));
        if (m_stream->isFinished()) {
            m_nowPlayingRow->hide();
        }
    });

    // The selected post's song line follows its download (no database read: it comes often).
    connect(m_downloads, &sync::DownloadQueue::progressed, this, [this](const QString& itemId, const QString& url, qint64 received, qint64 total) {
        if (itemId != m_songsItemId) {
            return;
        }
        for (int i = 0; i < m_songs->count(); ++i) {
            QListWidgetItem* row = m_songs->item(i);
            if (row->data(kSongUrlRole).toString() == url) {
                row->setText(row->data(kSongTextRole).toString() + QStringLiteral("  ↓ ") +
                             (total > 0 ? QStringLiteral("%1 %").arg(received * 100 / total) : tr("downloading")));
            }
        }
    });
    connect(m_downloads, &sync::DownloadQueue::finished, this, [this](const QString& itemId, const QString& url, const QString& error) {
        if (error == QLatin1String("cancelled")) {
            return;
        }
        auto download = feeds::FeedDownloads(m_db).find(itemId, url);
        const QString what = download && *download ? (*download)->title.isEmpty() ? (*download)->itemTitle : (*download)->title : url;
        if (error.isEmpty()) {
            m_banner->showMessage(tr("Downloaded: %1").arg(what), false);
        } else {
            m_banner->showMessage(tr("Could not download %1: %2").arg(what, error), true);
        }
        if (itemId == selectedItemId()) {
            showSelected();
        }
        m_treeCounts->start();
    });

    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setInterval(std::chrono::minutes(kAutoRefreshMinutes));
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        if (!isRefreshing()) {
            refresh(false);
        }
    });
    // The feeds due are asked half a minute after the app starts, then every 15 minutes, when
    // the musician follows any (a library without feeds never touches the network).
    QTimer::singleShot(std::chrono::seconds(30), this, [this] {
        auto followed = feeds::FeedRepository(m_db).feeds();
        if (followed && !followed->isEmpty()) {
            m_autoRefresh->start();
            if (!isRefreshing()) {
                refresh(false);
            }
        }
        // Played downloads past their days go; a problem is told, a quiet cleanup is not.
        if (auto cleaned = feeds::FeedDownloads(m_db).cleanup(QDateTime::currentDateTimeUtc()); !cleaned || !cleaned->problems.isEmpty()) {
            m_banner->showMessage(cleaned ? tr("Could not remove old downloads: %1").arg(cleaned->problems.join(QStringLiteral("; ")))
                                          : QString::fromStdString(cleaned.error().toString()),
                                  true);
        }
    });
}

FeedsView::~FeedsView()
{
    // The stream keeps its place before the widgets it reports to go.
    m_stream->stop();
    disconnect(m_stream, nullptr, this, nullptr);
    disconnect(m_downloads, nullptr, nullptr, nullptr);
    delete m_downloadsPanel;  // (it refers to the queue)
    m_downloadsPanel = nullptr;
    delete m_downloads;  // running downloads stay queued for the next start
    m_downloads = nullptr;
    delete m_job;  // waits for its worker
}

void FeedsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded) {
        m_loaded = true;
        reload();
        // Downloads an earlier run left half-way go on.
        if (auto resumed = m_downloads->resumeQueued(); !resumed) {
            m_banner->showMessage(QString::fromStdString(resumed.error().toString()), true);
        } else if (*resumed > 0) {
            m_treeCounts->start();  // "Downloads (n)"
        }
    }
}

void FeedsView::reload()
{
    m_loaded = true;
    buildTree();
    if (m_scope == QLatin1String("ranking")) {
        showRankingRows();
    } else if (m_scope == QLatin1String("downloads")) {
        m_downloadsPanel->reload();
    } else {
        search(m_query);
    }
}

void FeedsView::buildTree()
{
    feeds::FeedRepository repository(m_db);
    auto all = repository.feeds();
    auto folders = repository.folders();
    if (!all || !folders) {
        m_banner->showMessage(QString::fromStdString((!all ? all.error() : folders.error()).toString()), true);
        return;
    }
    showTree(*all, *folders);
}

void FeedsView::showTree(const QList<feeds::Subscription>& all, const QList<feeds::FeedFolder>& folders)
{
    struct Row {
        QString kind;
        QString id;
        QString parent;  ///< a folder's id, or empty at the top
        QString text;
        QString tip;
    };
    QList<Row> rows;
    int newItems = 0;
    for (const feeds::Subscription& feed : std::as_const(all)) {
        newItems += feed.newItems;
    }
    rows.append({QStringLiteral("all"), {}, {}, newItems > 0 ? tr("All feeds (%1 new)").arg(newItems) : tr("All feeds"), {}});
    rows.append({QStringLiteral("new"), {}, {}, tr("New"), {}});
    rows.append({QStringLiteral("starred"), {}, {}, tr("Starred"), {}});
    rows.append({QStringLiteral("ranking"), {}, {}, tr("Picked by several feeds"), tr("Songs that two or more of your feeds posted")});
    const int active = m_downloads->activeCount();
    rows.append({QStringLiteral("downloads"), {}, {}, active > 0 ? tr("Downloads (%1)").arg(active) : tr("Downloads"),
                 tr("Songs downloaded from your feeds, and those on their way")});
    QSet<QString> folderIds;
    for (const feeds::FeedFolder& folder : std::as_const(folders)) {
        rows.append({QStringLiteral("folder"), folder.id, {}, folder.name, {}});
        folderIds.insert(folder.id);
    }
    for (const feeds::Subscription& feed : std::as_const(all)) {
        QString text = feed.newItems > 0 ? tr("%1 (%2)").arg(feed.displayName()).arg(feed.newItems) : feed.displayName();
        QString tip = feed.url;
        if (feed.paused) {
            text += tr(" — paused");
        }
        if (!feed.fetch.error.isEmpty()) {
            text = QStringLiteral("⚠ ") + text;
            tip += QLatin1Char('\n') + feed.fetch.error;
            if (feed.fetch.nextAt.isValid() && !feed.fetch.gone) {
                tip += QLatin1Char('\n') + tr("Tries again %1").arg(QLocale().toString(feed.fetch.nextAt.toLocalTime(), QLocale::ShortFormat));
            }
        }
        if (!feed.fetch.notice.isEmpty()) {
            tip += QLatin1Char('\n') + feed.fetch.notice;
        }
        rows.append({QStringLiteral("feed"), feed.id, folderIds.contains(feed.folderId) ? feed.folderId : QString(), text, tip});
    }
    QStringList shape;
    for (const Row& row : std::as_const(rows)) {
        shape.append(row.kind + QLatin1Char(':') + row.id + QLatin1Char('/') + row.parent);
    }
    const QSignalBlocker blocker(m_tree);
    if (shape == m_treeShape) {
        // The same feeds in the same places (the usual case after a refresh): only counts and
        // errors change, in place; the tree is not built again.
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QTreeWidgetItem* item = m_treeItems.value(shape.at(i));
            if (item != nullptr && (item->text(0) != rows.at(i).text || item->toolTip(0) != rows.at(i).tip)) {
                item->setText(0, rows.at(i).text);
                item->setToolTip(0, rows.at(i).tip);
            }
        }
        return;
    }
    m_tree->clear();
    m_treeItems.clear();
    m_treeShape = shape;
    QHash<QString, QTreeWidgetItem*> folderItems;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row& row = rows.at(i);
        QTreeWidgetItem* parent = folderItems.value(row.parent);
        auto* item = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(0, row.text);
        item->setToolTip(0, row.tip);
        item->setData(0, kKindRole, row.kind);
        item->setData(0, kIdRole, row.id);
        if (row.kind == QLatin1String("folder")) {
            folderItems.insert(row.id, item);
            item->setExpanded(true);
        }
        m_treeItems.insert(shape.at(i), item);
    }
    // The same place as before, when it is still there.
    for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
        if ((*it)->data(0, kKindRole).toString() == m_scope && (*it)->data(0, kIdRole).toString() == (ownCenter(m_scope) ? QString() : m_scopeId)) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
    m_scope = QStringLiteral("all");
    m_scopeId.clear();
    m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

feeds::ItemFilter FeedsView::currentFilter() const
{
    feeds::ItemFilter filter;
    filter.search = m_query;
    filter.limit = kShownItems;
    filter.onlyNew = m_scope == QLatin1String("new");
    filter.onlyStarred = m_scope == QLatin1String("starred");
    if (m_scope == QLatin1String("feed")) {
        filter.feedId = m_scopeId;
    } else if (m_scope == QLatin1String("folder")) {
        filter.folderId = m_scopeId;
    }
    return filter;
}

void FeedsView::search(const QString& query)
{
    m_query = query;
    if (m_search->text() != query) {
        const QSignalBlocker blocker(m_search);
        m_search->setText(query);
    }
    if (ownCenter(m_scope)) {
        if (!query.isEmpty()) {
            (void)showFeed({});  // posts are searched among all of them (this searches again)
        }
        return;
    }
    auto items = feeds::FeedItemRepository(m_db).items(currentFilter());
    if (!items) {
        m_searchError->setText(QString::fromStdString(items.error().toString()));
        m_searchError->show();
        return;
    }
    m_searchError->hide();
    showItems(*items);
}

void FeedsView::showItems(const QList<feeds::ItemView>& items)
{
    const QString selected = selectedItemId();
    m_center->setCurrentWidget(m_table);
    m_model->setItems(items);
    // A selection the view makes is not the musician looking at a post: it stays new.
    m_selectingForYou = true;
    if (!selected.isEmpty() && m_model->rowOf(selected) >= 0) {
        (void)selectItem(selected);
    } else if (m_model->rowCount() > 0) {
        m_table->selectRow(0);
    } else {
        showSelected();
    }
    m_selectingForYou = false;
}

void FeedsView::showRankingRows()
{
    m_center->setCurrentWidget(m_ranking);
    m_ranking->clear();
    auto ranked = feeds::FeedItemRepository(m_db).ranking(2, 200);
    if (!ranked) {
        m_banner->showMessage(QString::fromStdString(ranked.error().toString()), true);
        return;
    }
    for (const feeds::RankedSong& song : std::as_const(*ranked)) {
        auto* row = new QTreeWidgetItem(m_ranking, {QString::number(song.feeds), song.artist + QStringLiteral(" – ") + song.title +
                                                                                   (song.owned ? tr("  (in your library)") : QString()),
                                                    song.feedNames.join(QStringLiteral(", "))});
        row->setData(0, kIdRole, song.itemId);
        row->setTextAlignment(0, Qt::AlignCenter);
    }
    if (m_ranking->topLevelItemCount() == 0) {
        auto* none = new QTreeWidgetItem(m_ranking, {QString(), tr("No song was posted by two of your feeds yet."), QString()});
        none->setFlags(Qt::NoItemFlags);
    } else {
        m_ranking->setCurrentItem(m_ranking->topLevelItem(0));
    }
}

bool FeedsView::showFeed(const QString& feedId)
{
    for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
        const QString kind = (*it)->data(0, kKindRole).toString();
        if ((feedId.isEmpty() && kind == QLatin1String("all")) || (kind == QLatin1String("feed") && (*it)->data(0, kIdRole).toString() == feedId)) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

void FeedsView::showDownloads()
{
    for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
        if ((*it)->data(0, kKindRole).toString() == QLatin1String("downloads")) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
}

void FeedsView::showRanking()
{
    for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
        if ((*it)->data(0, kKindRole).toString() == QLatin1String("ranking")) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
}

int FeedsView::visibleItems() const
{
    return m_model->rowCount();
}

bool FeedsView::selectItem(const QString& itemId)
{
    const int row = m_model->rowOf(itemId);
    if (row < 0) {
        return false;
    }
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

QString FeedsView::selectedItemId() const
{
    if (m_center->currentWidget() == m_ranking) {
        return m_ranking->currentItem() != nullptr ? m_ranking->currentItem()->data(0, kIdRole).toString() : QString();
    }
    if (m_center->currentWidget() == m_downloadsPanel) {
        return m_downloadsPanel->currentItemId();
    }
    const feeds::ItemView* item = m_model->item(m_table->currentIndex().row());
    return item != nullptr ? item->id : QString();
}

void FeedsView::showSelected()
{
    const QString id = selectedItemId();
    auto item = id.isEmpty() ? core::Result<feeds::ItemView>(std::unexpected(core::Error{})) : feeds::FeedItemRepository(m_db).item(id);
    const bool has = item.has_value();
    for (QWidget* widget : {static_cast<QWidget*>(m_play), static_cast<QWidget*>(m_download), static_cast<QWidget*>(m_addToLibrary),
                            static_cast<QWidget*>(m_addToShow), static_cast<QWidget*>(m_star)}) {
        widget->setEnabled(has);
    }
    // The same post shown again (a download moved on): the song picked stays picked.
    const int pickedSong = has && id == m_songsItemId ? m_songs->currentRow() : 0;
    m_songs->clear();
    m_songsItemId = has ? id : QString();
    if (!has) {
        const bool noFeeds = m_treeShape.size() <= kFixedRows;  // no feed below the fixed rows
        m_title->setText(m_model->rowCount() > 0 || m_center->currentWidget() != m_table ? QString()
                         : noFeeds                                                     ? tr("Nothing here yet. Follow a blog or a podcast, or refresh.")
                                                                                       : tr("No posts here."));
        m_meta->clear();
        m_summary->clear();
        return;
    }
    const QString title = item->title.isEmpty() ? tr("(untitled)") : item->title.toHtmlEscaped();
    m_title->setText(item->link.isEmpty() ? title : QStringLiteral("<a href=\"%1\">%2</a>").arg(item->link.toHtmlEscaped(), title));
    QStringList meta{item->feedName};
    if (item->published.isValid()) {
        const QDateTime local = item->published.toLocalTime();
        meta.append(QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') + QLocale().toString(local.time(), QStringLiteral("HH:mm")));
    }
    if (!item->author.isEmpty()) {
        meta.append(item->author);
    }
    if (item->durationSeconds > 0) {
        meta.append(tr("%1 min").arg((item->durationSeconds + 30) / 60));
    }
    if (item->played) {
        meta.append(tr("played"));
    }
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    m_summary->setText(item->summary);
    for (const feeds::ItemSong& song : item->songs) {
        auto* row = new QListWidgetItem(songRowText(item->id, song), m_songs);
        row->setToolTip(song.file.isEmpty() ? song.url : QDir::toNativeSeparators(song.file));
        row->setData(kSongUrlRole, song.url);
        row->setData(kSongTextRole, QStringLiteral("♪ ") + songLine(song) + (song.owned ? tr("  (in your library)") : QString()));
    }
    if (m_songs->count() > 0) {
        m_songs->setCurrentRow(std::clamp(pickedSong, 0, m_songs->count() - 1));
    }
    m_star->setChecked(item->starred);
    m_addToLibrary->setEnabled(!item->songs.isEmpty());
    m_download->setEnabled(std::any_of(item->songs.begin(), item->songs.end(), [](const feeds::ItemSong& song) { return feeds::FeedDownloads::downloadable(song); }));
    m_addToShow->setEnabled(!item->songs.isEmpty());
    m_play->setEnabled(std::any_of(item->songs.begin(), item->songs.end(), [](const feeds::ItemSong& song) {
        return !song.url.isEmpty() && song.source != feeds::FoundSong::Source::Player;
    }));
    m_play->setText(m_stream->isPlaying() && m_stream->itemId() == id ? tr("Pause") : tr("Play"));
    m_seenTimer->stop();
    if (item->isNew && !m_selectingForYou) {
        m_seenCandidate = id;
        m_seenTimer->start();
    }
}

QString FeedsView::songRowText(const QString& itemId, const feeds::ItemSong& song) const
{
    QString text = QStringLiteral("♪ ") + songLine(song);
    if (song.owned) {
        text += tr("  (in your library)");
    }
    if (!song.file.isEmpty()) {
        return text + QStringLiteral("  ✓ ") + tr("downloaded");
    }
    if (const auto progress = m_downloads->progress(itemId, song.url); progress) {
        if (!progress->running) {
            return text + QStringLiteral("  ↓ ") + tr("waiting");
        }
        return text + QStringLiteral("  ↓ ") +
               (progress->total > 0 ? QStringLiteral("%1 %").arg(progress->received * 100 / progress->total) : tr("downloading"));
    }
    if (song.download == QLatin1String("failed")) {
        return text + QStringLiteral("  ⚠ ") + tr("download failed (Downloads says why)");
    }
    return text;
}

QStringList FeedsView::songLines() const
{
    QStringList lines;
    for (int i = 0; i < m_songs->count(); ++i) {
        lines.append(m_songs->item(i)->text());
    }
    return lines;
}

core::Result<void> FeedsView::downloadSelected(int songIndex)
{
    auto item = feeds::FeedItemRepository(m_db).item(selectedItemId());
    if (!item) {
        return std::unexpected(item.error());
    }
    // The song asked for, else the one picked in the list when it is a file, else the first file.
    int index = songIndex;
    if (index < 0 && m_songs->currentRow() >= 0 && m_songs->currentRow() < item->songs.size()
        && feeds::FeedDownloads::downloadable(item->songs.at(m_songs->currentRow()))) {
        index = m_songs->currentRow();
    }
    for (int i = 0; index < 0 && i < item->songs.size(); ++i) {
        index = feeds::FeedDownloads::downloadable(item->songs.at(i)) ? i : -1;
    }
    if (index < 0) {
        return core::fail(core::ErrorCode::InvalidInput, tr("This post has no song file to download (a player's song is heard on its site).").toStdString());
    }
    auto queued = m_downloads->add(item->id, index);
    if (!queued) {
        return std::unexpected(queued.error());
    }
    if (queued->state == feeds::Download::State::Done) {
        m_banner->showMessage(tr("Downloaded already: %1").arg(QDir::toNativeSeparators(queued->path)), false);
    } else {
        m_banner->showMessage(tr("Downloading to %1…").arg(QDir::toNativeSeparators(QFileInfo(queued->path).absolutePath())), false);
    }
    showSelected();
    m_treeCounts->start();
    return {};
}

void FeedsView::keepItem(const QString& itemId)
{
    // One row changed: it is read again, the list is not (no flicker, the selection stays).
    if (auto item = feeds::FeedItemRepository(m_db).item(itemId); item) {
        m_model->updateItem(*item);
    }
    m_treeCounts->start();  // the new counts, once a burst of changes is over
}

void FeedsView::toggleStar()
{
    const QString id = selectedItemId();
    auto item = feeds::FeedItemRepository(m_db).item(id);
    if (!item) {
        return;
    }
    if (auto done = feeds::FeedItemRepository(m_db).setStarred(id, !item->starred); !done) {
        m_banner->showMessage(QString::fromStdString(done.error().toString()), true);
        return;
    }
    keepItem(id);
    m_star->setChecked(!item->starred);
}

void FeedsView::toggleNew()
{
    const QString id = selectedItemId();
    auto item = feeds::FeedItemRepository(m_db).item(id);
    if (!item) {
        return;
    }
    m_seenTimer->stop();
    feeds::FeedItemRepository repository(m_db);
    auto done = item->isNew ? repository.setSeen({id}, true) : (item->played ? repository.setPlayed(id, false) : core::Result<void>{});
    if (done && !item->isNew) {
        done = repository.setSeen({id}, false);
    }
    if (!done) {
        m_banner->showMessage(QString::fromStdString(done.error().toString()), true);
        return;
    }
    keepItem(id);
}

void FeedsView::removeSelectedItem()
{
    const QString id = selectedItemId();
    const feeds::ItemView* item = m_model->item(m_model->rowOf(id));
    if (item == nullptr ||
        QMessageBox::question(this, tr("Remove post"), tr("Remove “%1”? It stays removed, also when its feed lists it again.").arg(item->title)) !=
            QMessageBox::Yes) {
        return;
    }
    if (auto removed = feeds::FeedItemRepository(m_db).remove({id}); !removed) {
        m_banner->showMessage(QString::fromStdString(removed.error().toString()), true);
    }
    reload();
}

core::Result<QString> FeedsView::addToLibrary(int songIndex)
{
    return addItemToLibrary(selectedItemId(), songIndex);
}

core::Result<QString> FeedsView::addItemToLibrary(const QString& itemId, int songIndex)
{
    auto added = feeds::FeedItemRepository(m_db).addToLibrary(itemId, songIndex);
    if (added) {
        keepItem(itemId);
        if (itemId == selectedItemId()) {
            showSelected();
        }
        Q_EMIT libraryChanged();
    }
    return added;
}

core::Result<QString> FeedsView::addToShow(const QString& setId, int songIndex)
{
    return addItemToShow(selectedItemId(), setId, songIndex);
}

core::Result<QString> FeedsView::addItemToShow(const QString& itemId, const QString& setId, int songIndex)
{
    auto song = addItemToLibrary(itemId, songIndex);
    if (!song) {
        return song;
    }
    return core::setlists::SetlistRepository(m_db).addSong(setId, *song);
}

void FeedsView::askAddToShow(int songIndex)
{
    auto shows = core::setlists::SetlistRepository(m_db).shows();
    if (!shows || shows->isEmpty()) {
        m_banner->showMessage(shows ? tr("No show yet: make one in Setlists first.") : QString::fromStdString(shows.error().toString()), !shows);
        return;
    }
    const QString itemId = selectedItemId();  // (a refresh may change the selection while the dialog is open)
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add to show"));
    auto* form = new QFormLayout(&dialog);
    auto* showBox = new QComboBox(&dialog);
    auto* setBox = new QComboBox(&dialog);
    for (const core::setlists::Show& show : std::as_const(*shows)) {
        showBox->addItem(show.date.isValid() ? QStringLiteral("%1 — %2").arg(QLocale().toString(show.date, QLocale::ShortFormat), show.name) : show.name,
                         show.id);
    }
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* noSet = new QLabel(tr("This show has no set yet: add one in Setlists."), &dialog);
    const auto fillSets = [this, showBox, setBox, box, noSet] {
        setBox->clear();
        if (auto plan = core::setlists::SetlistRepository(m_db).plan(showBox->currentData().toString()); plan) {
            for (const auto& set : plan->sets) {
                setBox->addItem(set.name, set.id);
            }
        }
        box->button(QDialogButtonBox::Ok)->setEnabled(setBox->count() > 0);
        noSet->setVisible(setBox->count() == 0);
    };
    connect(showBox, &QComboBox::currentIndexChanged, &dialog, fillSets);
    form->addRow(tr("Show"), showBox);
    form->addRow(tr("Set"), setBox);
    form->addRow(noSet);
    fillSets();
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(box);
    if (dialog.exec() != QDialog::Accepted || setBox->currentData().toString().isEmpty()) {
        return;
    }
    auto added = addItemToShow(itemId, setBox->currentData().toString(), songIndex);
    m_banner->showMessage(added ? tr("Added to %1, %2.").arg(showBox->currentText(), setBox->currentText()) : QString::fromStdString(added.error().toString()),
                          !added);
}

void FeedsView::playSelected()
{
    auto item = feeds::FeedItemRepository(m_db).item(selectedItemId());
    if (!item) {
        return;
    }
    // The song picked in the post's list; else its first that plays here.
    int index = m_songs->currentRow();
    if (index < 0 || index >= item->songs.size() || item->songs.at(index).url.isEmpty()) {
        index = -1;
        for (int i = 0; i < item->songs.size(); ++i) {
            if (!item->songs.at(i).url.isEmpty()) {
                index = i;
                break;
            }
        }
    }
    if (index < 0) {
        m_banner->showMessage(tr("This post has no song to play."), false);
        return;
    }
    const feeds::ItemSong& song = item->songs.at(index);
    if (song.source == feeds::FoundSong::Source::Player) {
        QDesktopServices::openUrl(QUrl(song.url));  // a streaming service's player: out to the browser
        return;
    }
    // A downloaded song plays from its file (offline too).
    const QUrl source = !song.file.isEmpty() && QFileInfo::exists(song.file) ? QUrl::fromLocalFile(song.file) : QUrl(song.url);
    if (m_stream->itemId() == item->id && !m_stream->isFinished() && m_stream->url() == source) {
        m_stream->togglePause();
        return;
    }
    Q_EMIT streamStarting();  // the Library's own player pauses: one thing plays at a time
    m_stream->play(item->id, source, item->positionMs);
    m_nowPlaying->setText(tr("Playing: %1").arg(songLine(song)));
    m_nowPlayingRow->show();
}

void FeedsView::pauseStream()
{
    if (m_stream->isPlaying()) {
        m_stream->togglePause();
    }
}

void FeedsView::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void FeedsView::markShownSeen()
{
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const feeds::ItemView* item = m_model->item(row); item != nullptr && item->isNew) {
            ids.append(item->id);
        }
    }
    if (ids.isEmpty()) {
        return;
    }
    if (auto seen = feeds::FeedItemRepository(m_db).setSeen(ids, true); !seen) {
        m_banner->showMessage(QString::fromStdString(seen.error().toString()), true);
        return;
    }
    reload();
    m_banner->showMessage(tr("%n post(s) marked seen", nullptr, static_cast<int>(ids.size())), false);
}

void FeedsView::refresh(bool manual)
{
    if (isRefreshing()) {
        if (manual && !m_jobManual) {
            m_pending = [this] { refresh(true); };  // after the round under way, a whole one by hand
        }
        return;
    }
    m_jobManual = manual;
    startJob(new FeedRefreshJob(m_db.path(), manual, {}, this));
}

void FeedsView::follow(const QString& url, const QString& folder)
{
    if (isRefreshing()) {
        // Followed as soon as the round under way is done.
        m_pending = [this, url, folder] { follow(url, folder); };
        m_banner->showMessage(tr("Following it once the refresh under way is done."), false);
        return;
    }
    m_jobManual = true;
    auto* job = FeedRefreshJob::following(m_db.path(), url, folder, this);
    connect(job, &FeedRefreshJob::followed, this, [this](const QString& feedId, const QString& error) {
        if (!error.isEmpty()) {
            m_banner->showMessage(tr("Cannot follow it: %1").arg(error), true);
        } else {
            m_scope = QStringLiteral("feed");
            m_scopeId = feedId;
        }
        Q_EMIT followFinished(feedId, error);
    });
    startJob(job);
}

void FeedsView::startJob(FeedRefreshJob* job)
{
    job->setListing(currentFilter());
    m_job = job;
    m_refresh->setEnabled(false);
    m_add->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    connect(job, &FeedRefreshJob::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(job, &FeedRefreshJob::finished, this, &FeedsView::jobFinished);
    job->start();
}

void FeedsView::jobFinished(const sync::RefreshReport& report)
{
    // What the worker read after the round is shown as it is, when the window still shows what
    // it was asked for; else the window reads its lists itself.
    const FeedRefreshJob::Listing listing = m_job->listing();
    const bool current = listing.read && !ownCenter(m_scope) && listing.filter.search == m_query &&
                         listing.filter.feedId == currentFilter().feedId && listing.filter.folderId == currentFilter().folderId &&
                         listing.filter.onlyNew == currentFilter().onlyNew && listing.filter.onlyStarred == currentFilter().onlyStarred;
    // Deleted once its worker has closed its connection, without the window waiting for it.
    m_job->deleteWhenDone();
    m_job = nullptr;
    m_progress->hide();
    m_cancel->hide();
    m_refresh->setEnabled(true);
    m_add->setEnabled(true);
    if (!m_autoRefresh->isActive()) {
        m_autoRefresh->start();
    }
    if (current) {
        showTree(listing.feeds, listing.folders);
        showItems(listing.items);
    } else {
        reload();
    }
    // A round by hand says how it went; one in the background only when posts came (its
    // problems are on the feeds' ⚠, not repeated every 15 minutes).
    const bool manual = m_jobManual;
    QStringList parts;
    if (report.newItems > 0) {
        parts.append(tr("%n new post(s)", nullptr, report.newItems));
    } else if (manual && report.feeds > 0 && report.errors.isEmpty()) {
        parts.append(tr("No new posts"));
    }
    if (report.waiting > 0) {
        parts.append(tr("%n feed(s) wait for a server that asked for a pause", nullptr, report.waiting));
    }
    QSet<QString> troubled;
    QStringList general;  // problems of no one feed (the database's)
    for (const auto& error : report.errors) {
        if (error.feedId.isEmpty()) {
            general.append(error.message);
        } else {
            troubled.insert(error.feedId);
        }
    }
    if (manual && troubled.size() == 1) {
        parts.append(tr("%1: %2").arg(report.errors.first().feed, report.errors.first().message));
    } else if (manual && troubled.size() > 1) {
        parts.append(tr("%n feed(s) had a problem (their ⚠ says what)", nullptr, static_cast<int>(troubled.size())));
    }
    parts.append(general);
    parts.append(report.notices);
    if (report.cancelled) {
        parts.append(tr("stopped; what came in is kept"));
    }
    if (!parts.isEmpty()) {
        m_banner->showMessage(parts.join(QStringLiteral(" · ")), !general.isEmpty() || (manual && !troubled.isEmpty()));
    }
    Q_EMIT refreshFinished(report);
    if (m_pending) {
        const std::function<void()> next = std::move(m_pending);
        m_pending = {};
        next();
    }
}

void FeedsView::cancelRefresh()
{
    if (m_job != nullptr) {
        m_job->cancel();
    }
}

bool FeedsView::isRefreshing() const
{
    return m_job != nullptr;
}

QString FeedsView::currentFeedId() const
{
    QTreeWidgetItem* item = m_tree->currentItem();
    return item != nullptr && item->data(0, kKindRole).toString() == QLatin1String("feed") ? item->data(0, kIdRole).toString() : QString();
}

void FeedsView::feedMenu(const QPoint& at)
{
    QTreeWidgetItem* item = m_tree->itemAt(at);
    if (item == nullptr) {
        return;
    }
    const QString kind = item->data(0, kKindRole).toString();
    const QString id = item->data(0, kIdRole).toString();
    feeds::FeedRepository repository(m_db);
    QMenu menu(this);
    const auto report = [this](const core::Result<void>& done) {
        if (!done) {
            m_banner->showMessage(QString::fromStdString(done.error().toString()), true);
        }
        reload();
    };
    if (kind == QLatin1String("folder")) {
        connect(menu.addAction(tr("Rename folder…")), &QAction::triggered, this, [this, id, current = item->text(0), report] {
            bool ok = false;
            const QString name = QInputDialog::getText(this, tr("Rename folder"), tr("Name:"), QLineEdit::Normal, current, &ok);
            if (ok) {
                report(feeds::FeedRepository(m_db).renameFolder(id, name));
            }
        });
        connect(menu.addAction(tr("Remove folder (its feeds stay)")), &QAction::triggered, this,
                [this, id, report] { report(feeds::FeedRepository(m_db).removeFolder(id)); });
    }
    if (kind == QLatin1String("feed")) {
        auto feed = repository.feed(id);
        if (!feed) {
            return;
        }
        connect(menu.addAction(tr("Refresh this feed")), &QAction::triggered, this, [this, id] {
            if (!isRefreshing()) {
                startJob(new FeedRefreshJob(m_db.path(), true, {id}, this));
            }
        });
        connect(menu.addAction(tr("Rename…")), &QAction::triggered, this, [this, id, name = feed->displayName(), report] {
            bool ok = false;
            const QString newName = QInputDialog::getText(this, tr("Rename feed"), tr("Name (empty: the feed's own):"), QLineEdit::Normal, name, &ok);
            if (ok) {
                report(feeds::FeedRepository(m_db).rename(id, newName));
            }
        });
        connect(menu.addAction(tr("Move to folder…")), &QAction::triggered, this, [this, id, report] {
            QStringList names{tr("(top)")};
            for (const feeds::FeedFolder& folder : feeds::FeedRepository(m_db).folders().value_or(QList<feeds::FeedFolder>{})) {
                names.append(folder.name);
            }
            bool ok = false;
            const QString name = QInputDialog::getItem(this, tr("Move to folder"), tr("Folder (type a new name to make one):"), names, 0, true, &ok);
            if (!ok) {
                return;
            }
            QString folderId;
            if (name != names.first() && !name.trimmed().isEmpty()) {
                auto folder = feeds::FeedRepository(m_db).folder(name);
                if (!folder) {
                    report(std::unexpected(folder.error()));
                    return;
                }
                folderId = *folder;
            }
            report(feeds::FeedRepository(m_db).moveToFolder(id, folderId));
        });
        connect(menu.addAction(feed->paused ? tr("Follow again") : tr("Pause")), &QAction::triggered, this,
                [this, id, paused = feed->paused, report] { report(feeds::FeedRepository(m_db).setPaused(id, !paused)); });
        connect(menu.addAction(tr("Mark all seen")), &QAction::triggered, this, [this, id] {
            if (auto marked = feeds::FeedItemRepository(m_db).markAllSeen(id); !marked) {
                m_banner->showMessage(QString::fromStdString(marked.error().toString()), true);
            }
            reload();
        });
        if (!feed->siteUrl.isEmpty()) {
            connect(menu.addAction(tr("Open its site")), &QAction::triggered, this, [url = feed->siteUrl] { QDesktopServices::openUrl(QUrl(url)); });
        }
        menu.addSeparator();
        connect(menu.addAction(tr("Stop following…")), &QAction::triggered, this, [this, id, name = feed->displayName(), report] {
            QMessageBox box(QMessageBox::Question, tr("Stop following"), tr("Stop following “%1”?").arg(name), QMessageBox::NoButton, this);
            QPushButton* keep = box.addButton(tr("Keep its posts"), QMessageBox::AcceptRole);
            QPushButton* drop = box.addButton(tr("Remove its posts too"), QMessageBox::DestructiveRole);
            box.addButton(QMessageBox::Cancel);
            box.exec();
            if (box.clickedButton() == keep || box.clickedButton() == drop) {
                report(feeds::FeedRepository(m_db).remove(id, box.clickedButton() == keep));
            }
        });
    }
    if (!menu.isEmpty()) {
        menu.exec(m_tree->viewport()->mapToGlobal(at));
    }
}

QString FeedsView::bannerText() const
{
    return m_banner->visibleText();
}

QString FeedsView::searchError() const
{
    return m_searchError->isVisible() ? m_searchError->text() : QString();
}

}  // namespace bandmate::ui
