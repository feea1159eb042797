#include "ui/library/LibraryPage.h"

#include "ui/library/FeedsView.h"

#include "ui/shell/PageActions.h"

#include "core/beats/MachineRepository.h"
#include "core/library/MediaFiles.h"
#include "core/library/MediaPath.h"
#include "core/library/Playlists.h"
#include "core/library/Songs.h"
#include "core/storage/Database.h"
#include "ui/library/NowPlayingBar.h"
#include "ui/library/ScanJob.h"
#include "ui/library/SongEditor.h"
#include "ui/library/SongTableModel.h"
#include "ui/shell/Heading.h"
#include "ui/shell/MessageBanner.h"
#include "ui/shell/Settings.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bandmate::ui {

namespace lib = core::library;

LibraryPage::LibraryPage(core::Database& db, Settings& settings, QWidget* parent) : QWidget(parent), m_db(db), m_settings(settings)
{
    setObjectName(QStringLiteral("page-library"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 12);
    layout->setSpacing(8);

    auto* header = new QHBoxLayout();
    auto* title = makeHeading(tr("Library"), 17, this);
    header->addWidget(title);
    header->addSpacing(16);
    m_stats = new QLabel(this);
    m_stats->setObjectName(QStringLiteral("libraryStats"));
    m_stats->setWordWrap(true);  // two lines rather than cut, in a narrow window
    header->addWidget(m_stats, 1);
    const auto headerButton = [&](const QString& text, const QString& tip, auto slot) {
        auto* button = new QPushButton(text, this);
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, slot);
        header->addWidget(button);
        addPageButtonAction(this, button);  // also in the Library menu
        return button;
    };
    headerButton(tr("Duplicates…"), tr("Files with the same content, songs with the same title and artist"), [this] { showDuplicates(); });
    headerButton(tr("Rescan"), tr("Read the watched folders again: only what changed"), [this] { rescanAll(); });
    headerButton(tr("Add folder…"), tr("Watch a music folder and read its audio files"), [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a music folder"), QDir::homePath());
        if (!folder.isEmpty()) {
            scanFolder(folder);
        }
    });
    auto* newSong = headerButton(tr("New song…"), tr("A song without an audio file (Ctrl+N)"), [this] {
        bool ok = false;
        const QString songTitle = QInputDialog::getText(this, tr("New song"), tr("Title:"), QLineEdit::Normal, {}, &ok);
        if (ok) {
            addSong(songTitle);
        }
    });
    layout->addLayout(header);

    m_searchBar = new QWidget(this);
    auto* searchRow = new QHBoxLayout(m_searchBar);
    searchRow->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_search->setClearButtonEnabled(true);
    // A short hint that fits a laptop; the whole grammar in the tooltip.
    m_search->setPlaceholderText(tr("Search (Ctrl+F): artist:blades key:Am bpm:110-130 -tag:slow"));
    m_search->setToolTip(tr("Words, \"a phrase\", artist:blades, key:Am, bpm:110-130, duration:<4m, -tag:slow, salsa | son") + QLatin1Char('\n') +
                         tr("The whole grammar is in resources/library/SEARCH.md"));
    searchRow->addWidget(m_search, 1);
    m_readiness = new QComboBox(this);
    m_readiness->addItem(tr("All songs"), QString());
    m_readiness->addItem(tr("Gig-ready"), QStringLiteral("readiness:gig_ready"));
    m_readiness->addItem(tr("Rehearsed"), QStringLiteral("readiness:rehearsed"));
    m_readiness->addItem(tr("Learning"), QStringLiteral("readiness:learning"));
    searchRow->addWidget(m_readiness);
    layout->addWidget(m_searchBar);
    m_searchError = new QLabel(this);
    m_searchError->setObjectName(QStringLiteral("searchError"));
    m_searchError->setStyleSheet(QStringLiteral("color: #b03020;"));
    m_searchError->hide();
    layout->addWidget(m_searchError);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_readiness, &QComboBox::activated, this, [this] { search(m_search->text()); });

    m_scanRow = new QWidget(this);
    auto* scanLayout = new QHBoxLayout(m_scanRow);
    scanLayout->setContentsMargins(0, 0, 0, 0);
    m_scanLabel = new QLabel(m_scanRow);
    m_scanProgress = new QProgressBar(m_scanRow);
    m_scanProgress->setObjectName(QStringLiteral("scanProgress"));
    auto* cancel = new QPushButton(tr("Cancel"), m_scanRow);
    connect(cancel, &QPushButton::clicked, this, &LibraryPage::cancelScan);
    scanLayout->addWidget(m_scanLabel);
    scanLayout->addWidget(m_scanProgress, 1);
    scanLayout->addWidget(cancel);
    m_scanRow->hide();
    layout->addWidget(m_scanRow);

    m_banner = new MessageBanner(this);
    layout->addWidget(m_banner);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(buildSources(splitter));
    m_model = new SongTableModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(Qt::UserRole);
    m_stack = new QStackedWidget(splitter);
    m_songsPane = new QSplitter(m_stack);
    m_table = new QTableView(m_songsPane);
    m_table->setObjectName(QStringLiteral("songTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(SongTableModel::Title, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SongTableModel::Artist, QHeaderView::Stretch);
    m_table->setColumnHidden(SongTableModel::Album, true);  // the repertoire rarely needs it; the details show it
    for (const int column : {SongTableModel::Key, SongTableModel::Bpm, SongTableModel::Length, SongTableModel::Plays}) {
        m_table->setColumnWidth(column, 50);
    }
    m_table->setColumnWidth(SongTableModel::Rating, 56);
    m_table->setColumnWidth(SongTableModel::Readiness, 86);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto action = [this](const QString& text, const QKeySequence& keys, auto slot) {
        auto* item = new QAction(text, m_table);
        item->setShortcut(keys);
        item->setShortcutContext(Qt::WidgetShortcut);
        connect(item, &QAction::triggered, this, slot);
        m_table->addAction(item);
    };
    action(tr("Play"), QKeySequence(Qt::Key_Return), [this] { playFrom(selectedSongId()); });
    action(tr("Add to queue"), QKeySequence(Qt::CTRL | Qt::Key_Return), [this] {
        const QString id = selectedSongId();
        auto files = lib::MediaFileRepository(m_db).ofSong(id);
        const lib::Song* song = m_model->song(m_model->rowOf(id));
        if (files && !files->isEmpty() && !files->first().missing && files->first().error.isEmpty() && song != nullptr) {
            m_player->enqueue({id, song->title, files->first().path, song->durationMs});
        }
    });
    auto* addTo = new QAction(tr("Add to playlist"), m_table);
    auto* addToMenu = new QMenu(this);
    addTo->setMenu(addToMenu);
    connect(addToMenu, &QMenu::aboutToShow, this, [this, addToMenu] {
        addToMenu->clear();
        for (const auto& playlist : lib::PlaylistRepository(m_db).playlists().value_or(QList<lib::Playlist>{})) {
            if (playlist.kind == lib::Playlist::Kind::List) {
                connect(addToMenu->addAction(playlist.name), &QAction::triggered, this,
                        [this, id = playlist.id] { addToPlaylist(id, selectedSongId()); });
            }
        }
        if (addToMenu->isEmpty()) {
            addToMenu->addAction(tr("No playlists yet"))->setEnabled(false);
        }
    });
    m_table->addAction(addTo);
    action(tr("Move up in the playlist"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveInPlaylist(-1); });
    action(tr("Move down in the playlist"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveInPlaylist(1); });
    action(tr("Remove…"), QKeySequence::Delete, [this] {
        const int row = m_table->selectionModel()->currentIndex().row();
        if (!m_playlistId.isEmpty() && row >= 0 && row < m_itemIds.size()) {
            if (auto removed = lib::PlaylistRepository(m_db).removeItem(m_itemIds[row]); !removed) {
                m_banner->showMessage(QString::fromStdString(removed.error().toString()), true);
            }
            search(m_search->text());
            return;
        }
        const QString id = selectedSongId();
        const lib::Song* song = m_model->song(m_model->rowOf(id));
        if (song == nullptr
            || QMessageBox::question(this, tr("Delete song"), tr("Delete “%1” from the library? Its audio files stay on disk.").arg(song->title))
                   != QMessageBox::Yes) {
            return;
        }
        if (auto removed = lib::SongRepository(m_db).remove(id); !removed) {
            m_banner->showMessage(QString::fromStdString(removed.error().toString()), true);
        }
        reload();
    });
    connect(m_table, &QTableView::doubleClicked, this, [this] { playFrom(selectedSongId()); });
    m_editor = new SongEditor(m_songsPane);
    m_songsPane->addWidget(m_table);
    m_songsPane->addWidget(m_editor);
    m_songsPane->setStretchFactor(0, 3);
    m_songsPane->setStretchFactor(1, 2);
    m_songsPane->setSizes({760, 330});
    m_stack->addWidget(m_songsPane);
    // The Feeds section: followed blogs and podcasts, in place of the song list while it is chosen.
    m_feeds = new FeedsView(m_db, m_stack);
    m_stack->addWidget(m_feeds);
    connect(m_feeds, &FeedsView::libraryChanged, this, [this] { reload(); });
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({150, 1090});
    layout->addWidget(splitter, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showSelected(); });
    connect(m_editor, &SongEditor::saveRequested, this, [this](const lib::Song& song) {
        auto saved = lib::SongRepository(m_db).save(song);
        if (!saved) {
            m_banner->showMessage(QString::fromStdString(saved.error().toString()), true);
            return;
        }
        reload();
        (void)selectSong(*saved);
    });
    connect(m_editor, &SongEditor::locateRequested, this, [this](const QString& fileId, const QString& oldPath) {
        const QString path = QFileDialog::getOpenFileName(this, tr("Where is %1 now?").arg(QFileInfo(lib::displayPath(oldPath)).fileName()), QDir::homePath());
        if (!path.isEmpty()) {
            locate(fileId, oldPath, path);
        }
    });

    m_player = new NowPlayingBar(this);
    layout->addWidget(m_player);
    connect(m_player, &NowPlayingBar::playCounted, this, &LibraryPage::countPlay);
    connect(m_player, &NowPlayingBar::playbackFailed, this, [this](const QString& message) { m_banner->showMessage(message, true); });

    addPageAction(this, tr("Find"), {QKeySequence::Find}, [this] {
        if (m_stack->currentWidget() == m_feeds) {
            m_feeds->focusSearch();
            return;
        }
        m_search->setFocus();
        m_search->selectAll();
    });
    // One thing plays at a time: a feed's song pauses the library's, and the other way round.
    connect(m_feeds, &FeedsView::streamStarting, m_player, &NowPlayingBar::pause);
    connect(m_player, &NowPlayingBar::started, m_feeds, &FeedsView::pauseStream);
    addPageAction(this, tr("New Song"), {QKeySequence::New}, [newSong] { newSong->click(); });
    // The Feeds section's commands, in a submenu (their keys, Ctrl+Shift+F, F5 and Ctrl+D, work
    // in the Feeds section itself).
    const QList<std::pair<const char*, QString>> feedCommands{{"followFeed", tr("Follow a Feed…")},
                                                              {"refreshFeeds", tr("Refresh Feeds")},
                                                              {"markFeedsSeen", tr("Mark All Posts Seen")},
                                                              {"downloadFeedSong", tr("Download the Post's Song")}};
    for (const auto& [name, text] : feedCommands) {
        if (auto* button = m_feeds->findChild<QPushButton*>(QLatin1String(name))) {
            addPageButtonAction(this, button, text, tr("Feeds"));
        }
    }
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(space, &QShortcut::activated, m_player, &NowPlayingBar::togglePause);
}

LibraryPage::~LibraryPage()
{
    if (m_scan != nullptr) {
        m_scan->disconnect(this);
        delete m_scan;  // cancels and joins the worker
        m_scan = nullptr;
    }
}

void LibraryPage::showEvent(QShowEvent* event)
{
    // Filled on first show: a page nobody opens costs nothing at start-up. The first fill reads
    // the first rows only, so the window's first frame does not wait for a large library; the
    // rest follows right after it.
    if (!m_loaded) {
        m_firstFill = true;
        reload();
        m_firstFill = false;
    }
    QWidget::showEvent(event);
}

void LibraryPage::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    // The rest of a large library, listed once the first rows are on screen (posted from the
    // paint: a call posted before it would run before the frame).
    if (m_restPending) {
        m_restPending = false;
        QTimer::singleShot(0, this, [this] { search(m_query); });
    }
}

void LibraryPage::reload()
{
    m_loaded = true;
    refreshSources();
    QList<QPair<QString, QString>> grooves;
    for (const auto& machine : core::beats::MachineRepository(m_db).list().value_or(QList<core::beats::MachineSummary>{})) {
        grooves.append({machine.title, QStringLiteral("user:") + machine.id});
    }
    m_editor->setUserGrooves(grooves);
    search(m_search->text());
    refreshStats();
}

void LibraryPage::refreshStats()
{
    auto stats = lib::SongRepository(m_db).stats();
    if (!stats) {
        m_stats->setText(QString::fromStdString(stats.error().toString()));
        return;
    }
    QStringList parts{stats->songs == 1 ? tr("1 song") : tr("%1 songs").arg(QLocale().toString(stats->songs)),
                      tr("%1 h").arg(QLocale().toString(static_cast<double>(stats->totalDurationMs) / 3.6e6, 'f', 1)),
                      tr("%1 gig-ready").arg(stats->gigReady)};
    if (stats->missingFiles > 0) {
        parts << tr("%1 files missing").arg(stats->missingFiles);
    }
    if (stats->unreadableFiles > 0) {
        parts << tr("%1 unreadable").arg(stats->unreadableFiles);
    }
    m_stats->setText(parts.join(QStringLiteral(" · ")));
}

void LibraryPage::search(const QString& query)
{
    m_query = query;
    m_restPending = false;
    const QString filter = m_readiness->currentData().toString();
    lib::SongRepository songs(m_db);
    m_itemIds.clear();
    core::Result<QList<lib::Song>> found = QList<lib::Song>{};
    if (!m_playlistId.isEmpty()) {
        // An ordered playlist: its songs in its order (the table is not re-sorted).
        auto items = lib::PlaylistRepository(m_db).items(m_playlistId);
        if (!items) {
            found = std::unexpected(items.error());
        } else {
            QList<lib::Song> list;
            for (const auto& item : *items) {
                list << item.song;
                m_itemIds << item.id;
            }
            found = list;
        }
    } else {
        constexpr int kFirstRows = 2'000;
        const int limit = m_firstFill ? kFirstRows : 100'000;
        found = songs.search(filter.isEmpty() ? query : (query.trimmed().isEmpty() ? filter : query + QLatin1Char(' ') + filter), limit);
        m_restPending = found && found->size() >= limit && m_firstFill;
    }
    if (!found) {
        m_searchError->setText(QString::fromStdString(found.error().toString()));
        m_searchError->show();
        return;
    }
    m_searchError->hide();
    m_searchError->clear();
    auto plays = songs.playCounts();
    QHash<QString, bool> missing;
    if (auto lost = lib::MediaFileRepository(m_db).songsWithOnlyMissingFiles(); lost) {
        for (const QString& id : *lost) {
            missing.insert(id, true);
        }
    }
    const QString selected = selectedSongId();
    m_model->setSongs(*found, plays.value_or(QHash<QString, int>{}), missing);
    if (selected.isEmpty() || !selectSong(selected)) {
        if (m_sorted->rowCount() > 0) {
            m_table->selectionModel()->setCurrentIndex(m_sorted->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    }
}

QString LibraryPage::searchError() const { return m_searchError->isVisibleTo(this) ? m_searchError->text() : QString(); }

int LibraryPage::visibleSongs() const { return m_model->rowCount(); }

QString LibraryPage::bannerText() const { return m_banner->visibleText(); }

QString LibraryPage::selectedSongId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_sorted->data(current, SongTableModel::kSongIdRole).toString() : QString();
}

bool LibraryPage::selectSong(const QString& songId)
{
    const int row = m_model->rowOf(songId);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void LibraryPage::showSelected()
{
    const QString id = selectedSongId();
    const lib::Song* song = m_model->song(m_model->rowOf(id));
    if (song == nullptr) {
        m_editor->setSong({}, {});
        return;
    }
    auto files = lib::MediaFileRepository(m_db).ofSong(id);
    m_editor->setSong(*song, files.value_or(QList<lib::MediaFile>{}));
}

bool LibraryPage::addSong(const QString& title)
{
    lib::Song song;
    song.title = title.trimmed();
    auto id = lib::SongRepository(m_db).save(song);
    if (!id) {
        m_banner->showMessage(QString::fromStdString(id.error().toString()), true);
        return false;
    }
    m_search->clear();
    reload();
    (void)selectSong(*id);
    return true;
}

void LibraryPage::scanFolder(const QString& folder)
{
    const QString clean = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    QStringList watched = m_settings.watchedFolders();
    if (!watched.contains(clean)) {
        watched << clean;
        m_settings.setWatchedFolders(watched);
    }
    if (!m_scanQueue.contains(clean)) {
        m_scanQueue << clean;
    }
    if (m_scan == nullptr) {
        m_scanErrors.clear();  // a new run of the queue: only its own problems are told
        startNextScan();
    }
}

void LibraryPage::rescanAll()
{
    const QStringList watched = m_settings.watchedFolders();
    if (watched.isEmpty()) {
        m_banner->showMessage(tr("No music folders yet: add one with Add folder…"), false);
        return;
    }
    for (const QString& folder : watched) {
        scanFolder(folder);
    }
}

void LibraryPage::startNextScan()
{
    if (m_scanQueue.isEmpty()) {
        return;
    }
    const QString folder = m_scanQueue.takeFirst();
    m_scan = new ScanJob(m_db.path(), folder, this);
    m_scanLabel->setText(tr("Reading %1…").arg(QDir::toNativeSeparators(folder)));
    m_scanProgress->setRange(0, 0);
    m_scanRow->show();
    connect(m_scan, &ScanJob::progress, this, [this](int done, int total) {
        m_scanProgress->setRange(0, std::max(total, 1));
        m_scanProgress->setValue(done);
        m_scanProgress->setFormat(tr("%1 of %2 files").arg(done).arg(total));
    });
    connect(m_scan, &ScanJob::finished, this, [this](const audio::ScanResult& result, const QString& error) {
        const QString scanned = m_scan->folder();
        const bool cancelled = m_scan->wasCancelled();
        m_scan->deleteLater();
        m_scan = nullptr;
        m_scanRow->hide();
        if (!error.isEmpty() && cancelled) {
            m_banner->showMessage(error, true);
            m_scanQueue.clear();
            m_scanErrors.clear();
        } else if (!error.isEmpty()) {
            // One folder that cannot be read (an unplugged drive) does not stop the others.
            m_scanErrors << error;
            m_banner->showMessage(error, true);
        } else {
            QString message = tr("%1: %2 added, %3 updated, %4 unchanged, %5 found again, %6 missing")
                                  .arg(QFileInfo(scanned).fileName())
                                  .arg(result.added)
                                  .arg(result.updated)
                                  .arg(result.unchanged)
                                  .arg(result.reconnected)
                                  .arg(result.missing);
            if (result.failed > 0) {
                message += tr(", %1 unreadable (see each song's Files tab)").arg(result.failed);
            }
            m_banner->showMessage(message, result.failed > 0);
        }
        if (m_scanQueue.isEmpty() && !m_scanErrors.isEmpty() && !cancelled) {
            m_banner->showMessage(m_scanErrors.size() == 1 ? m_scanErrors.first()
                                                           : tr("%1 folders could not be read: %2")
                                                                 .arg(m_scanErrors.size())
                                                                 .arg(m_scanErrors.join(QStringLiteral("; "))),
                                  true);
            m_scanErrors.clear();
        }
        reload();
        Q_EMIT scanFinished(result, error);
        startNextScan();
    });
    m_scan->start();
}

void LibraryPage::cancelScan()
{
    m_scanQueue.clear();
    if (m_scan != nullptr) {
        m_scan->cancel();
    }
}

int LibraryPage::locate(const QString& fileId, const QString& oldPath, const QString& newPath)
{
    lib::MediaFileRepository files(m_db);
    if (auto moved = files.relocate(fileId, newPath); !moved) {
        m_banner->showMessage(QString::fromStdString(moved.error().toString()), true);
        return 0;
    }
    int found = 1;
    const QString oldFolder = QFileInfo(oldPath).absolutePath();
    const QString newFolder = QFileInfo(newPath).absolutePath();
    if (oldFolder != newFolder) {
        if (auto more = files.relocateFolder(oldFolder, newFolder); more) {
            found += *more;
        }
    }
    m_banner->showMessage(found == 1 ? tr("Found the file again.") : tr("Found %1 files again in %2.").arg(found).arg(newFolder), false);
    reload();
    return found;
}

void LibraryPage::playFrom(const QString& songId)
{
    // One query for every playable file, then the visible rows in their order from this song on.
    auto paths = lib::MediaFileRepository(m_db).playablePaths();
    if (!paths) {
        m_banner->showMessage(QString::fromStdString(paths.error().toString()), true);
        return;
    }
    QList<QueueItem> queue;
    bool started = false;
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const lib::Song* song = m_model->song(m_sorted->mapToSource(m_sorted->index(row, 0)).row());
        started = started || song->id == songId;
        if (started && paths->contains(song->id)) {
            queue.append({song->id, song->title, paths->value(song->id), song->durationMs});
        }
    }
    if (queue.isEmpty() || queue.first().songId != songId) {
        m_banner->showMessage(tr("This song has no audio file to play."), false);
    }
    if (!queue.isEmpty()) {
        m_player->play(queue);
    }
}

void LibraryPage::countPlay(const QString& songId)
{
    if (auto played = lib::SongRepository(m_db).recordPlay(songId, QDateTime::currentDateTime()); !played) {
        m_banner->showMessage(QString::fromStdString(played.error().toString()), true);
        return;
    }
    search(m_search->text());
}

QWidget* LibraryPage::buildSources(QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sources = new QListWidget(box);
    m_sources->setObjectName(QStringLiteral("librarySources"));
    m_sources->setAccessibleName(tr("Playlists"));
    m_sources->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* removePlaylist = new QAction(tr("Delete playlist…"), m_sources);
    connect(removePlaylist, &QAction::triggered, this, [this] {
        auto* item = m_sources->currentItem();
        if (item == nullptr || item->data(Qt::UserRole).toString().isEmpty() || item->data(Qt::UserRole).toString() == QLatin1String(kFeedsSource)
            || QMessageBox::question(this, tr("Delete playlist"), tr("Delete “%1”? Its songs stay in the library.").arg(item->text()))
                   != QMessageBox::Yes) {
            return;
        }
        deletePlaylist(item->data(Qt::UserRole).toString());
    });
    m_sources->addAction(removePlaylist);
    connect(m_sources, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) { showSource(item); });
    layout->addWidget(m_sources, 1);
    auto* saveSearch = new QPushButton(tr("Save search…"), box);
    saveSearch->setToolTip(tr("Keep the search as a smart playlist: it always shows what the search finds now"));
    connect(saveSearch, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save search"), tr("Name:"), QLineEdit::Normal, m_search->text(), &ok);
        if (ok) {
            createPlaylist(name, m_search->text());
        }
    });
    auto* newPlaylist = new QPushButton(tr("New playlist…"), box);
    connect(newPlaylist, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New playlist"), tr("Name:"), QLineEdit::Normal, {}, &ok);
        if (ok) {
            createPlaylist(name, {});
        }
    });
    layout->addWidget(saveSearch);
    layout->addWidget(newPlaylist);
    return box;
}

void LibraryPage::showSource(QListWidgetItem* item)
{
    if (item == nullptr) {
        return;
    }
    const QString id = item->data(Qt::UserRole).toString();
    const bool feeds = id == QLatin1String(kFeedsSource);
    m_stack->setCurrentWidget(feeds ? static_cast<QWidget*>(m_feeds) : static_cast<QWidget*>(m_songsPane));
    m_searchBar->setVisible(!feeds);
    if (feeds) {
        return;
    }
    const bool smart = item->data(Qt::UserRole + 1).toBool();
    m_playlistId = smart ? QString() : id;
    m_search->setEnabled(m_playlistId.isEmpty());
    m_readiness->setEnabled(m_playlistId.isEmpty());
    m_table->setSortingEnabled(m_playlistId.isEmpty());
    if (!m_playlistId.isEmpty()) {
        m_sorted->sort(-1);
    }
    if (smart) {
        m_search->setText(item->data(Qt::UserRole + 2).toString());  // runs the saved search
    } else if (id.isEmpty()) {
        m_search->clear();
    }
    search(m_search->text());
}

void LibraryPage::showFeeds()
{
    for (int row = 0; row < m_sources->count(); ++row) {
        if (m_sources->item(row)->data(Qt::UserRole).toString() == QLatin1String(kFeedsSource)) {
            m_sources->setCurrentRow(row);
            return;
        }
    }
}

bool LibraryPage::deletePlaylist(const QString& playlistId)
{
    if (auto removed = lib::PlaylistRepository(m_db).remove(playlistId); !removed) {
        m_banner->showMessage(QString::fromStdString(removed.error().toString()), true);
        return false;
    }
    refreshSources();
    return true;
}

void LibraryPage::refreshSources()
{
    const QString current = m_sources->currentItem() != nullptr ? m_sources->currentItem()->data(Qt::UserRole).toString() : QString();
    const QSignalBlocker blocker(m_sources);
    m_sources->clear();
    auto* all = new QListWidgetItem(tr("All songs"), m_sources);
    all->setData(Qt::UserRole, QString());
    auto* feeds = new QListWidgetItem(QStringLiteral("»  ") + tr("Feeds"), m_sources);
    feeds->setData(Qt::UserRole, QLatin1String(kFeedsSource));
    feeds->setToolTip(tr("Music blogs and podcasts you follow: new songs to hear, keep, or put on a setlist"));
    if (current == QLatin1String(kFeedsSource)) {
        m_sources->setCurrentItem(feeds);
    }
    auto playlists = lib::PlaylistRepository(m_db).playlists();
    for (const auto& playlist : playlists.value_or(QList<lib::Playlist>{})) {
        const bool smart = playlist.kind == lib::Playlist::Kind::Smart;
        auto* item = new QListWidgetItem((smart ? QStringLiteral("⌕  ") : QStringLiteral("♫  ")) + playlist.name, m_sources);
        item->setData(Qt::UserRole, playlist.id);
        item->setData(Qt::UserRole + 1, smart);
        item->setData(Qt::UserRole + 2, playlist.query);
        item->setToolTip(smart ? tr("Saved search: %1").arg(playlist.query) : tr("Playlist"));
        if (playlist.id == current) {
            m_sources->setCurrentItem(item);
        }
    }
    if (m_sources->currentItem() == nullptr) {
        // What was shown is gone (a playlist deleted here or by sync): the whole page goes back
        // to all songs, not only the list's highlight.
        m_sources->setCurrentItem(all);
        if (!current.isEmpty()) {
            showSource(all);
        } else {
            m_playlistId.clear();
        }
    }
}

bool LibraryPage::createPlaylist(const QString& name, const QString& query)
{
    auto id = lib::PlaylistRepository(m_db).create(name, query.trimmed().isEmpty() ? lib::Playlist::Kind::List : lib::Playlist::Kind::Smart, query);
    if (!id) {
        m_banner->showMessage(QString::fromStdString(id.error().toString()), true);
        return false;
    }
    refreshSources();
    return true;
}

bool LibraryPage::openPlaylist(const QString& playlistId)
{
    for (int row = 0; row < m_sources->count(); ++row) {
        if (m_sources->item(row)->data(Qt::UserRole).toString() == playlistId) {
            m_sources->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

bool LibraryPage::addToPlaylist(const QString& playlistId, const QString& songId)
{
    auto added = lib::PlaylistRepository(m_db).add(playlistId, songId);
    if (!added) {
        m_banner->showMessage(QString::fromStdString(added.error().toString()), true);
        return false;
    }
    m_banner->showMessage(tr("Added to the playlist."), false);
    return true;
}

bool LibraryPage::moveInPlaylist(int step)
{
    const int row = m_table->selectionModel()->currentIndex().row();
    if (m_playlistId.isEmpty() || row < 0 || row >= m_itemIds.size()) {
        return false;
    }
    const int target = row + step;
    if (target < 0 || target >= m_itemIds.size()) {
        return false;
    }
    const QString item = m_itemIds[row];
    const QString before = step < 0 ? m_itemIds[target] : (target + 1 < m_itemIds.size() ? m_itemIds[target + 1] : QString());
    if (auto moved = lib::PlaylistRepository(m_db).move(item, before); !moved) {
        m_banner->showMessage(QString::fromStdString(moved.error().toString()), true);
        return false;
    }
    search(m_search->text());
    m_table->selectionModel()->setCurrentIndex(m_sorted->index(target, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void LibraryPage::showDuplicates()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Duplicates"));
    dialog.resize(720, 480);
    auto* layout = new QVBoxLayout(&dialog);
    auto* tree = new QTreeWidget(&dialog);
    tree->setHeaderLabels({tr("What"), tr("Where")});
    tree->setColumnWidth(0, 260);
    layout->addWidget(tree, 1);
    int groups = 0;
    if (auto files = lib::MediaFileRepository(m_db).duplicates(); files) {
        for (const auto& group : *files) {
            auto* top = new QTreeWidgetItem(tree, {tr("%1 files with the same content").arg(group.size())});
            for (const auto& file : group) {
                const QString shown = lib::displayPath(file.path);
                new QTreeWidgetItem(top, {QFileInfo(shown).fileName(), QDir::toNativeSeparators(shown)});
            }
            ++groups;
        }
    }
    if (auto songs = lib::SongRepository(m_db).search(QString(), 1'000'000); songs) {
        QHash<QString, QList<lib::Song>> byName;
        for (const auto& song : *songs) {
            byName[song.title.simplified().toCaseFolded() + QLatin1Char('\n') + song.artist.simplified().toCaseFolded()].append(song);
        }
        for (const auto& same : std::as_const(byName)) {
            if (same.size() < 2) {
                continue;
            }
            auto* top = new QTreeWidgetItem(tree, {tr("%1 songs called “%2”").arg(same.size()).arg(same.first().title)});
            for (const auto& song : same) {
                new QTreeWidgetItem(top, {song.artist, song.album});
            }
            ++groups;
        }
    }
    if (groups == 0) {
        new QTreeWidgetItem(tree, {tr("No duplicates.")});
    }
    tree->expandAll();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.exec();
}

}  // namespace bandmate::ui
