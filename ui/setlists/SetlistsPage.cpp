#include "ui/setlists/SetlistsPage.h"

#include "ui/shell/PageActions.h"

#include "core/library/Songs.h"
#include "core/profile/Profile.h"
#include "core/setlists/FanVotes.h"
#include "core/setlists/SetlistFormats.h"
#include "core/storage/Database.h"
#include "core/util/SafeFiles.h"
#include "sync/client/PollClient.h"
#include "ui/print/SheetPrinter.h"
#include "ui/setlists/EntryDialog.h"
#include "ui/setlists/FanVoteDialog.h"
#include "ui/setlists/PractiseDialog.h"
#include "ui/setlists/RunSheetTree.h"
#include "ui/setlists/ShowDialog.h"
#include "ui/shell/Heading.h"
#include "ui/shell/MessageBanner.h"

#include <QAction>
#include <QCompleter>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace bandmate::ui {

namespace sl = core::setlists;

namespace {

/// An undo step made of two functions; the first redo is the action already done.
class FunctionCommand : public QUndoCommand {
public:
    FunctionCommand(const QString& text, std::function<core::Result<void>()> redo, std::function<core::Result<void>()> undo,
                    std::function<void(const core::Error&)> failed)
        : QUndoCommand(text), m_redo(std::move(redo)), m_undo(std::move(undo)), m_failed(std::move(failed))
    {
    }
    void redo() override
    {
        if (m_first) {
            m_first = false;
            return;
        }
        if (auto done = m_redo(); !done) {
            m_failed(done.error());
        }
    }
    void undo() override
    {
        if (auto done = m_undo(); !done) {
            m_failed(done.error());
        }
    }

private:
    std::function<core::Result<void>()> m_redo;
    std::function<core::Result<void>()> m_undo;
    std::function<void(const core::Error&)> m_failed;
    bool m_first = true;
};

QString songText(const core::library::Song& song)
{
    return song.artist.isEmpty() ? song.title : QStringLiteral("%1 — %2").arg(song.title, song.artist);
}

}  // namespace

SetlistsPage::SetlistsPage(core::Database& db, QWidget* parent) : QWidget(parent), m_db(db), m_repository(db)
{
    setObjectName(QStringLiteral("page-setlists"));
    m_undo = new QUndoStack(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 12);
    layout->setSpacing(10);

    auto* header = new QHBoxLayout();
    header->addWidget(makeHeading(tr("Setlists"), 17, this));
    header->addStretch(1);
    auto* newButton = new QPushButton(tr("New show…"), this);
    newButton->setToolTip(tr("Plan a new show (Ctrl+N)"));
    connect(newButton, &QPushButton::clicked, this, &SetlistsPage::newShow);
    auto* importButton = new QPushButton(tr("Import…"), this);
    importButton->setToolTip(tr("A plain-text setlist: one title per line, a blank line before an encore"));
    connect(importButton, &QPushButton::clicked, this, &SetlistsPage::askImport);
    addPageButtonAction(this, importButton, tr("Import Setlist…"));
    header->addWidget(importButton);
    header->addWidget(newButton);
    layout->addLayout(header);

    m_banner = new MessageBanner(this);
    layout->addWidget(m_banner);

    auto* splitter = new QSplitter(this);
    m_shows = new QListWidget(splitter);
    m_shows->setObjectName(QStringLiteral("showList"));
    m_shows->setMinimumWidth(220);
    m_shows->setAccessibleName(tr("Shows"));
    m_shows->setStyleSheet(QStringLiteral("QListWidget#showList::item { padding: 6px 8px; }"));
    m_shows->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* removeShowAction = new QAction(tr("Delete show…"), m_shows);
    connect(removeShowAction, &QAction::triggered, this, &SetlistsPage::removeShow);
    m_shows->addAction(removeShowAction);
    connect(m_shows, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) {
            const QString id = m_shows->item(row)->data(Qt::UserRole).toString();
            if (id != m_showId) {
                m_showId = id;
                m_undo->clear();
                refreshShow();
            }
        }
    });
    m_content = new QStackedWidget(splitter);
    m_content->addWidget(buildEmptyState());
    m_content->addWidget(buildShowView());
    splitter->addWidget(m_shows);
    splitter->addWidget(m_content);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});
    layout->addWidget(splitter, 1);

    addPageAction(this, tr("New Show…"), {QKeySequence::New}, [this] { newShow(); });
    addPageAction(this, tr("Undo"), {QKeySequence::Undo}, [this] { m_undo->undo(); });
    addPageAction(this, tr("Redo"), {QKeySequence::Redo}, [this] { m_undo->redo(); });
    addPageAction(this, tr("Print Band Sheet…"), {QKeySequence::Print}, [this] { print(); });
    addPageAction(this, tr("Move Up"), {QKeySequence(Qt::ALT | Qt::Key_Up)}, [this] { moveSelected(-1); });
    addPageAction(this, tr("Move Down"), {QKeySequence(Qt::ALT | Qt::Key_Down)}, [this] { moveSelected(1); });
    addPageAction(this, tr("Add a Song…"), {QKeySequence(Qt::CTRL | Qt::Key_L)}, [this] { m_songAdder->setFocus(); });
}

SetlistsPage::~SetlistsPage()
{
    // The undo stack is a child destroyed after this object's members: it must not call back.
    m_undo->disconnect(this);
}

QWidget* SetlistsPage::buildEmptyState()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    auto* title = makeHeading(tr("No show selected"), 15, page);
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(tr("Plan a show with <b>New show…</b>, or import a plain-text setlist with <b>Import…</b>.<br>"
                               "Add songs from your library, drag them into order, and Bandmate tells you when each "
                               "one starts, whether the set fits the slot, and where the tempo or key jumps."),
                            page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMaximumWidth(520);
    layout->addWidget(title);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

QWidget* SetlistsPage::buildShowView()
{
    auto* view = new QWidget(this);
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(12, 0, 0, 0);

    auto* top = new QHBoxLayout();
    auto* titles = new QVBoxLayout();
    m_title = makeHeading({}, 14, view);
    m_title->setObjectName(QStringLiteral("showTitle"));
    m_details = new QLabel(view);
    m_details->setObjectName(QStringLiteral("showDetails"));
    m_details->setWordWrap(true);
    titles->addWidget(m_title);
    titles->addWidget(m_details);
    top->addLayout(titles, 1);
    auto* details = new QPushButton(tr("Details…"), view);
    connect(details, &QPushButton::clicked, this, &SetlistsPage::editShow);
    m_performed = new QPushButton(tr("Mark performed…"), view);
    m_performed->setObjectName(QStringLiteral("markPerformed"));
    m_performed->setToolTip(tr("Count every song as played on the show's date, and the show on your roadmap"));
    connect(m_performed, &QPushButton::clicked, this, &SetlistsPage::askMarkPerformed);
    auto* printButton = new QPushButton(tr("Print…"), view);
    printButton->setToolTip(tr("Print the band sheet (Ctrl+P)"));
    connect(printButton, &QPushButton::clicked, this, &SetlistsPage::print);
    auto* exportButton = new QToolButton(view);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(exportButton);
    const QList<std::pair<QString, ExportFormat>> formats{{tr("Band sheet as PDF…"), ExportFormat::BandPdf},
                                                          {tr("Stage sheet as PDF (large type)…"), ExportFormat::StagePdf},
                                                          {tr("CSV…"), ExportFormat::Csv},
                                                          {tr("JSON…"), ExportFormat::Json},
                                                          {tr("Plain text (setlist.fm)…"), ExportFormat::Text}};
    for (const auto& [label, format] : formats) {
        connect(exportMenu->addAction(label), &QAction::triggered, this, [this, format] { askExport(format); });
        addPageAction(this, label, {}, [this, format] { askExport(format); }, tr("Export"));
    }
    exportButton->setMenu(exportMenu);
    auto* practiseButton = new QPushButton(tr("Practise…"), view);
    practiseButton->setToolTip(tr("Step through the songs with each one's groove at its tempo"));
    connect(practiseButton, &QPushButton::clicked, this, [this] { practise(); });
    auto* fanVoteButton = new QPushButton(tr("Fan vote…"), view);
    fanVoteButton->setToolTip(tr("The audience votes on this show's songs from their phones (on your Bandmate server)"));
    connect(fanVoteButton, &QPushButton::clicked, this, [this] { fanVote(); });
    // Also in the Setlists menu (the export formats in their own submenu there).
    addPageButtonAction(this, details, tr("Show Details…"));
    addPageButtonAction(this, m_performed);
    addPageButtonAction(this, practiseButton);
    addPageButtonAction(this, fanVoteButton);
    for (QWidget* button : std::initializer_list<QWidget*>{details, practiseButton, fanVoteButton, m_performed, printButton, exportButton}) {
        top->addWidget(button, 0, Qt::AlignTop);
    }
    layout->addLayout(top);

    auto* tools = new QHBoxLayout();
    m_songAdder = new QLineEdit(view);
    m_songAdder->setObjectName(QStringLiteral("songAdder"));
    m_songAdder->setPlaceholderText(tr("Add a song: type a title and press Enter (Ctrl+L)"));
    m_songAdder->setClearButtonEnabled(true);
    m_songChoices = new QStringListModel(this);
    auto* completer = new QCompleter(m_songChoices, m_songAdder);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_songAdder->setCompleter(completer);
    connect(m_songAdder, &QLineEdit::returnPressed, this, [this] {
        if (addSongByText(m_songAdder->text())) {
            m_songAdder->clear();
        }
    });
    tools->addWidget(m_songAdder, 1);
    const auto toolButton = [&](const QString& text, const QString& tip, auto slot) {
        auto* button = new QPushButton(text, view);
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, slot);
        tools->addWidget(button);
        return button;
    };
    toolButton(tr("Add break"), tr("A pause between songs (10 minutes; double-click to change)"), [this] { addBreak(); });
    toolButton(tr("Add set"), tr("Another set after the last one"), [this] { addSet(sl::SetKind::Set); });
    toolButton(tr("Add encore"), tr("An encore after the last set"), [this] { addSet(sl::SetKind::Encore); });
    toolButton(tr("Remove"), tr("Remove the selected song, break or set (Delete)"), [this] { removeSelected(); });
    layout->addLayout(tools);

    m_tree = new RunSheetTree(view);
    connect(m_tree, &RunSheetTree::entryMoveRequested, this,
            [this](const QString& id, const QString& setId, const QString& beforeId) { moveEntry(id, setId, beforeId); });
    connect(m_tree, &RunSheetTree::setMoveRequested, this, [this](const QString& setId, const QString& beforeSetId) {
        const QString oldNext = [&] {
            for (qsizetype i = 0; i + 1 < m_plan.sets.size(); ++i) {
                if (m_plan.sets[i].id == setId) {
                    return m_plan.sets[i + 1].id;
                }
            }
            return QString();
        }();
        perform(tr("Move set"), [=, this] { return m_repository.moveSet(setId, beforeSetId); },
                [=, this] { return m_repository.moveSet(setId, oldNext); });
    });
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this] { editSelected(); });
    auto* removeKey = new QShortcut(QKeySequence::Delete, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(removeKey, &QShortcut::activated, this, [this] { removeSelected(); });
    auto* editKey = new QShortcut(QKeySequence(Qt::Key_F2), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(editKey, &QShortcut::activated, this, [this] { editSelected(); });
    layout->addWidget(m_tree, 1);

    m_summary = new QLabel(view);
    m_summary->setObjectName(QStringLiteral("runSheetSummary"));
    m_warnings = new QLabel(view);
    m_warnings->setObjectName(QStringLiteral("runSheetWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #b35c00;"));
    layout->addWidget(m_summary);
    layout->addWidget(m_warnings);
    connect(m_undo, &QUndoStack::indexChanged, this, [this] { refreshShow(); });
    return view;
}

void SetlistsPage::showEvent(QShowEvent* event)
{
    // Filled on first show: a page nobody opens costs nothing at start-up.
    if (!m_loaded) {
        m_loaded = true;
        reload();
    }
    QWidget::showEvent(event);
}

void SetlistsPage::reload()
{
    m_loaded = true;
    auto shows = m_repository.shows();
    if (!shows) {
        report(shows.error());
        return;
    }
    const QSignalBlocker blocker(m_shows);
    m_shows->clear();
    const QDate today = QDate::currentDate();
    int current = -1;
    int upcoming = -1;
    for (const sl::Show& show : *shows) {
        const QString when = QLocale().toString(show.date, QLocale::ShortFormat);
        auto* item = new QListWidgetItem(QStringLiteral("%1\n%2%3").arg(show.name, when,
                                                                         show.venue.isEmpty() ? QString() : QStringLiteral(" · ") + show.venue),
                                         m_shows);
        item->setData(Qt::UserRole, show.id);
        if (show.performedAt.isValid()) {
            item->setToolTip(tr("Performed"));
            item->setForeground(palette().color(QPalette::PlaceholderText));
        }
        if (show.id == m_showId) {
            current = m_shows->count() - 1;
        }
        if (show.date >= today) {
            upcoming = m_shows->count() - 1;  // newest first: the last one seen is the soonest
        }
    }
    if (current < 0 && m_shows->count() > 0) {
        current = upcoming >= 0 ? upcoming : 0;
    }
    m_shows->setCurrentRow(current);
    m_showId = current >= 0 ? m_shows->item(current)->data(Qt::UserRole).toString() : QString();
    refreshSongChoices();
    refreshShow();
}

bool SetlistsPage::selectShow(const QString& showId)
{
    for (int row = 0; row < m_shows->count(); ++row) {
        if (m_shows->item(row)->data(Qt::UserRole).toString() == showId) {
            m_shows->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void SetlistsPage::refreshSongChoices()
{
    auto songs = core::library::SongRepository(m_db).search(QString(), 100'000);
    if (!songs) {
        report(songs.error());
        return;
    }
    QStringList choices;
    m_songByText.clear();
    for (const auto& song : *songs) {
        const QString text = songText(song);
        choices << text;
        m_songByText.insert(text.toCaseFolded(), song.id);
        if (!m_songByText.contains(song.title.toCaseFolded())) {
            m_songByText.insert(song.title.toCaseFolded(), song.id);
        }
    }
    m_songChoices->setStringList(choices);
}

void SetlistsPage::refreshShow()
{
    if (m_showId.isEmpty()) {
        m_content->setCurrentIndex(0);
        return;
    }
    auto plan = m_repository.plan(m_showId);
    if (!plan) {
        m_showId.clear();
        m_content->setCurrentIndex(0);
        report(plan.error());
        return;
    }
    auto sheet = sl::buildRunSheet(*plan, m_db);
    if (!sheet) {
        report(sheet.error());
        return;
    }
    m_plan = *plan;
    m_sheet = *sheet;
    m_content->setCurrentIndex(1);
    const sl::Show& show = m_plan.show;
    m_title->setText(show.name);
    QStringList details{QLocale().toString(show.date, QLocale::LongFormat), tr("starts %1").arg(show.startTime.toString(QStringLiteral("HH:mm")))};
    for (const QString& part : {show.venue, show.city}) {
        if (!part.isEmpty()) {
            details << part;
        }
    }
    if (show.slotMinutes > 0) {
        details << tr("%1-minute slot").arg(show.slotMinutes);
    }
    if (show.performedAt.isValid()) {
        details << tr("performed");
    }
    m_details->setText(details.join(QStringLiteral(" · ")));
    m_performed->setEnabled(!show.performedAt.isValid() && m_plan.songCount() > 0);
    m_tree->populate(m_plan, m_sheet);
    QString summary = (m_sheet.songs == 1 ? tr("1 song") : tr("%1 songs").arg(m_sheet.songs))
                      + tr(" · total %1").arg(sl::formatDuration(m_sheet.totalMs));
    if (m_sheet.slotMinutes > 0) {
        const qint64 slotMs = qint64(m_sheet.slotMinutes) * 60'000;
        summary += m_sheet.overSlot() ? tr(" of a %1-minute slot").arg(m_sheet.slotMinutes)  // the warning says by how much
                                      : tr(" of %1 min — %2 to spare").arg(m_sheet.slotMinutes).arg(sl::formatDuration(slotMs - m_sheet.totalMs));
    }
    if (m_sheet.songs > 0) {
        summary += tr(" · ends about %1").arg(show.startTime.addMSecs(static_cast<int>(m_sheet.totalMs % 86'400'000)).toString(QStringLiteral("HH:mm")));
    }
    m_summary->setText(summary);
    m_warnings->setText(m_sheet.warnings.isEmpty() ? QString() : QStringLiteral("⚠ ") + m_sheet.warnings.join(QStringLiteral("   ⚠ ")));
    m_warnings->setVisible(!m_sheet.warnings.isEmpty());
    Q_EMIT planChanged();
}

bool SetlistsPage::report(const core::Error& error)
{
    m_banner->showMessage(QString::fromStdString(error.toString()), true);
    return false;
}

QString SetlistsPage::bannerText() const { return m_banner->visibleText(); }

QString SetlistsPage::summaryText() const { return m_summary->text(); }

bool SetlistsPage::perform(const QString& text, std::function<core::Result<void>()> redo, std::function<core::Result<void>()> undo)
{
    if (auto done = redo(); !done) {
        refreshShow();
        return report(done.error());
    }
    m_undo->push(new FunctionCommand(text, std::move(redo), std::move(undo), [this](const core::Error& error) { report(error); }));
    refreshShow();
    return true;
}

QString SetlistsPage::setOf(const QString& entryId) const
{
    for (const sl::Setlist& set : m_plan.sets) {
        for (const sl::SetlistEntry& entry : set.entries) {
            if (entry.id == entryId) {
                return set.id;
            }
        }
    }
    return {};
}

QString SetlistsPage::insertionPoint() const
{
    // After the selected entry; at the end of the set when a set (or nothing) is selected.
    const bool entrySelected = m_tree->selectedKind() != QLatin1String("set") && !m_tree->selectedId().isEmpty();
    return entrySelected ? nextSiblingId(m_tree->selectedId()) : QString();
}

QString SetlistsPage::nextSiblingId(const QString& entryId) const
{
    for (const sl::Setlist& set : m_plan.sets) {
        for (qsizetype i = 0; i < set.entries.size(); ++i) {
            if (set.entries[i].id == entryId) {
                return i + 1 < set.entries.size() ? set.entries[i + 1].id : QString();
            }
        }
    }
    return {};
}

bool SetlistsPage::addSongByText(const QString& text)
{
    const QString wanted = text.simplified();
    if (wanted.isEmpty() || m_showId.isEmpty()) {
        return false;
    }
    QString songId = m_songByText.value(wanted.toCaseFolded());
    if (songId.isEmpty()) {
        core::library::Song song;
        song.title = wanted;
        auto created = core::library::SongRepository(m_db).save(song);
        if (!created) {
            return report(created.error());
        }
        songId = *created;
        refreshSongChoices();
        m_banner->showMessage(tr("“%1” was not in your library: added it as a new song.").arg(wanted), false);
    }
    QString setId = m_tree->currentSetId();
    QString createdSet;  // a show without sets gets "Set 1" for its first song; undo takes both
    if (setId.isEmpty()) {
        auto created = m_repository.addSet(m_showId, tr("Set 1"));
        if (!created) {
            return report(created.error());
        }
        setId = createdSet = *created;
    }
    const QString before = insertionPoint();
    auto added = m_repository.addSong(setId, songId, before);
    if (!added) {
        if (!createdSet.isEmpty()) {
            (void)m_repository.removeSet(createdSet);
        }
        return report(added.error());
    }
    pushAdded(tr("Add song"), createdSet, *added);
    return true;
}

void SetlistsPage::pushAdded(const QString& text, const QString& setId, const QString& entryId)
{
    const QStringList sets = setId.isEmpty() ? QStringList{} : QStringList{setId};
    const QStringList entries = entryId.isEmpty() ? QStringList{} : QStringList{entryId};
    m_undo->push(new FunctionCommand(
        text, [=, this] { return m_repository.restore(sets, entries); },
        [=, this]() -> core::Result<void> {
            if (!entryId.isEmpty()) {
                if (auto removed = m_repository.removeEntry(entryId); !removed || setId.isEmpty()) {
                    return removed;
                }
            }
            return m_repository.removeSet(setId);
        },
        [this](const core::Error& error) { report(error); }));
    refreshShow();
    m_tree->selectId(entryId.isEmpty() ? setId : entryId);
}

bool SetlistsPage::addBreak(qint64 durationMs)
{
    const QString setId = m_tree->currentSetId();
    if (setId.isEmpty()) {
        return false;
    }
    const QString before = insertionPoint();
    auto added = m_repository.addBreak(setId, tr("Break"), durationMs, before);
    if (!added) {
        return report(added.error());
    }
    pushAdded(tr("Add break"), {}, *added);
    return true;
}

bool SetlistsPage::addSet(sl::SetKind kind)
{
    if (m_showId.isEmpty()) {
        return false;
    }
    int sets = 0;
    int encores = 0;
    for (const sl::Setlist& set : m_plan.sets) {
        (set.kind == sl::SetKind::Encore ? encores : sets) += 1;
    }
    const QString name = kind == sl::SetKind::Encore ? (encores == 0 ? tr("Encore") : tr("Encore %1").arg(encores + 1)) : tr("Set %1").arg(sets + 1);
    auto added = m_repository.addSet(m_showId, name, kind);
    if (!added) {
        return report(added.error());
    }
    pushAdded(kind == sl::SetKind::Encore ? tr("Add encore") : tr("Add set"), *added, {});
    return true;
}

bool SetlistsPage::removeSelected()
{
    const QString id = m_tree->selectedId();
    if (id.isEmpty()) {
        return false;
    }
    if (m_tree->selectedKind() == QLatin1String("set")) {
        QStringList entryIds;
        for (const sl::Setlist& set : m_plan.sets) {
            if (set.id == id) {
                for (const sl::SetlistEntry& entry : set.entries) {
                    entryIds << entry.id;
                }
            }
        }
        return perform(tr("Remove set"), [=, this] { return m_repository.removeSet(id); },
                       [=, this] { return m_repository.restore({id}, entryIds); });
    }
    return perform(tr("Remove"), [=, this] { return m_repository.removeEntry(id); }, [=, this] { return m_repository.restore({}, {id}); });
}

bool SetlistsPage::moveEntry(const QString& entryIdRef, const QString& setIdRef, const QString& beforeRef)
{
    // Copies: callers pass strings of m_plan, which the refresh after the move replaces.
    const QString entryId = entryIdRef;
    const QString setId = setIdRef;
    const QString beforeEntryId = beforeRef;
    const QString oldSet = setOf(entryId);
    const QString oldNext = nextSiblingId(entryId);
    if (oldSet.isEmpty() || (oldSet == setId && oldNext == beforeEntryId)) {
        return false;
    }
    const bool moved = perform(tr("Move"), [=, this] { return m_repository.moveEntry(entryId, setId, beforeEntryId); },
                               [=, this] { return m_repository.moveEntry(entryId, oldSet, oldNext); });
    m_tree->selectId(entryId);
    return moved;
}

bool SetlistsPage::moveSelected(int step)
{
    const QString id = m_tree->selectedId();
    if (id.isEmpty() || m_tree->selectedKind() == QLatin1String("set")) {
        return false;
    }
    // The entries in playing order with their sets; moving past a set's edge enters the next set.
    for (qsizetype s = 0; s < m_plan.sets.size(); ++s) {
        const auto& entries = m_plan.sets[s].entries;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (entries[i].id != id) {
                continue;
            }
            if (step < 0) {
                if (i > 0) {
                    return moveEntry(id, m_plan.sets[s].id, entries[i - 1].id);
                }
                return s > 0 && moveEntry(id, m_plan.sets[s - 1].id, {});
            }
            if (i + 2 < entries.size()) {
                return moveEntry(id, m_plan.sets[s].id, entries[i + 2].id);
            }
            if (i + 1 < entries.size()) {
                return moveEntry(id, m_plan.sets[s].id, {});
            }
            if (s + 1 < m_plan.sets.size()) {
                const auto& next = m_plan.sets[s + 1].entries;
                return moveEntry(id, m_plan.sets[s + 1].id, next.isEmpty() ? QString() : next.first().id);
            }
            return false;
        }
    }
    return false;
}

void SetlistsPage::editSelected()
{
    const QString id = m_tree->selectedId();
    if (id.isEmpty()) {
        return;
    }
    if (m_tree->selectedKind() == QLatin1String("set")) {
        const auto set = std::find_if(m_plan.sets.cbegin(), m_plan.sets.cend(), [&](const sl::Setlist& s) { return s.id == id; });
        if (set == m_plan.sets.cend()) {
            return;
        }
        const QString oldName = set->name;  // copies: the refresh after the rename replaces m_plan
        const sl::SetKind kind = set->kind;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename set"), tr("Name:"), QLineEdit::Normal, oldName, &ok);
        if (ok && !name.trimmed().isEmpty() && name != oldName) {
            perform(tr("Rename set"), [=, this] { return m_repository.renameSet(id, name, kind); },
                    [=, this] { return m_repository.renameSet(id, oldName, kind); });
        }
        return;
    }
    auto entry = m_repository.entry(id);
    if (!entry) {
        report(entry.error());
        return;
    }
    QString title;
    for (const sl::RunSheetRow& row : m_sheet.rows) {
        if (row.entry.id == id) {
            title = row.title;
        }
    }
    EntryDialog dialog(*entry, title, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const sl::SetlistEntry before = *entry;
    const sl::SetlistEntry after = dialog.entry();
    perform(tr("Edit"), [=, this] { return m_repository.updateEntry(after); }, [=, this] { return m_repository.updateEntry(before); });
}

void SetlistsPage::newShow()
{
    sl::Show show;
    show.name = tr("New show");
    show.date = QDate::currentDate().addDays(7);
    show.slotMinutes = 60;
    ShowDialog dialog(show, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    auto id = m_repository.saveShow(dialog.show());
    if (!id) {
        report(id.error());
        return;
    }
    if (auto set = m_repository.addSet(*id, tr("Set 1")); !set) {
        report(set.error());
    }
    m_showId = *id;
    m_undo->clear();
    reload();
    m_songAdder->setFocus();
}

void SetlistsPage::editShow()
{
    ShowDialog dialog(m_plan.show, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const sl::Show before = m_plan.show;
    const sl::Show after = dialog.show();
    const auto save = [this](const sl::Show& show) -> core::Result<void> {
        auto saved = m_repository.saveShow(show);
        return saved ? core::Result<void>{} : std::unexpected(saved.error());
    };
    if (perform(tr("Edit show"), [=] { return save(after); }, [=] { return save(before); })) {
        reload();
    }
}

void SetlistsPage::removeShow()
{
    if (m_showId.isEmpty()) {
        return;
    }
    const auto answer = QMessageBox::question(this, tr("Delete show"),
                                              tr("Delete “%1” with its sets? Songs stay in your library, and plays already "
                                                 "counted stay counted.")
                                                  .arg(m_plan.show.name));
    if (answer != QMessageBox::Yes) {
        return;
    }
    if (auto removed = m_repository.removeShow(m_showId); !removed) {
        report(removed.error());
        return;
    }
    m_showId.clear();
    m_undo->clear();
    reload();
}

bool SetlistsPage::importFile(const QString& path, const QString& name, const QDate& date)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return report({core::ErrorCode::Io, "cannot read: " + file.errorString().toStdString(), path.toStdString()});
    }
    auto groups = sl::parseSetlistGroups(file.read(1024 * 1024 + 1));
    if (!groups) {
        core::Error error = groups.error();
        error.where = QFileInfo(path).fileName().toStdString() + (error.where.empty() ? "" : " " + error.where);
        return report(error);
    }
    sl::Show show;
    show.name = name;
    show.date = date;
    auto imported = m_repository.importText(show, *groups);
    if (!imported) {
        return report(imported.error());
    }
    m_showId = imported->showId;
    m_undo->clear();
    reload();
    QString message = tr("Imported %n song(s).", nullptr, imported->songs);
    if (!imported->createdSongs.isEmpty()) {
        message += QLatin1Char(' ') + tr("New in your library: %1.").arg(imported->createdSongs.join(QStringLiteral(", ")));
    }
    m_banner->showMessage(message, false);
    return true;
}

void SetlistsPage::askImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a setlist"), {}, tr("Plain-text setlists (*.txt);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    sl::Show show;
    show.name = QFileInfo(path).completeBaseName();
    show.date = QDate::currentDate();
    ShowDialog dialog(show, this);
    if (dialog.exec() == QDialog::Accepted) {
        importFile(path, dialog.show().name, dialog.show().date);
    }
}

bool SetlistsPage::exportTo(const QString& path, ExportFormat format)
{
    if (m_showId.isEmpty()) {
        return false;
    }
    core::Result<void> written;
    if (format == ExportFormat::BandPdf || format == ExportFormat::StagePdf) {
        const sl::SheetStyle style = format == ExportFormat::StagePdf ? sl::SheetStyle::Stage : sl::SheetStyle::Band;
        written = SheetPrinter::writePdf(sl::sheetHtml(m_plan, m_sheet, style, sheetWords()), m_plan.show.name, path,
                                         sl::sheetMinimumScale(style));
    } else {
        const QByteArray bytes = format == ExportFormat::Csv    ? sl::runSheetCsv(m_sheet).toUtf8()
                                 : format == ExportFormat::Json ? QJsonDocument(sl::showJson(m_plan, m_sheet)).toJson()
                                                                : sl::setlistText(m_sheet).toUtf8();
        if (auto saved = core::writeFileAtomically(path, bytes); !saved) {
            return report(saved.error());
        }
    }
    if (!written) {
        return report(written.error());
    }
    m_banner->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), false);
    return true;
}

void SetlistsPage::askExport(ExportFormat format)
{
    const QString base = m_plan.show.name.isEmpty() ? tr("setlist") : m_plan.show.name;
    QString suggested;
    QString filter;
    switch (format) {
    case ExportFormat::BandPdf:
        suggested = base + tr(" - band sheet") + QStringLiteral(".pdf");
        filter = tr("PDF (*.pdf)");
        break;
    case ExportFormat::StagePdf:
        suggested = base + tr(" - stage sheet") + QStringLiteral(".pdf");
        filter = tr("PDF (*.pdf)");
        break;
    case ExportFormat::Csv:
        suggested = base + QStringLiteral(".csv");
        filter = tr("CSV (*.csv)");
        break;
    case ExportFormat::Json:
        suggested = base + QStringLiteral(".json");
        filter = tr("JSON (*.json)");
        break;
    case ExportFormat::Text:
        suggested = base + QStringLiteral(".txt");
        filter = tr("Plain text (*.txt)");
        break;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggested, filter);
    if (!path.isEmpty()) {
        exportTo(path, format);
    }
}

bool SetlistsPage::markPerformed()
{
    if (m_showId.isEmpty()) {
        return false;
    }
    auto plays = m_repository.markPerformed(m_showId, QDateTime(m_plan.show.date, m_plan.show.startTime));
    if (!plays) {
        return report(plays.error());
    }
    m_undo->clear();
    reload();
    m_banner->showMessage(tr("Marked performed: %n play(s) recorded, and the show counts on your roadmap.", nullptr, *plays), false);
    return true;
}

void SetlistsPage::askMarkPerformed()
{
    const auto answer = QMessageBox::question(
        this, tr("Mark performed"),
        tr("Count the %n song(s) of “%1” as played on %2, and the show on your roadmap? This is done once per show.", nullptr, m_plan.songCount())
            .arg(m_plan.show.name, QLocale().toString(m_plan.show.date, QLocale::LongFormat)));
    if (answer == QMessageBox::Yes) {
        markPerformed();
    }
}

PractiseDialog* SetlistsPage::practise()
{
    if (m_showId.isEmpty()) {
        return nullptr;
    }
    auto* dialog = new PractiseDialog(m_plan.show.name, m_sheet, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PractiseDialog::grooveRequested, this, &SetlistsPage::grooveRequested);
    connect(dialog, &PractiseDialog::stopRequested, this, &SetlistsPage::grooveStopRequested);
    dialog->show();
    return dialog;
}

FanVoteDialog* SetlistsPage::fanVote()
{
    if (m_showId.isEmpty()) {
        return nullptr;
    }
    // The show's songs first (ticked), then the rest of the library (to tick).
    QList<FanVoteDialog::Candidate> candidates;
    QSet<QString> seen;
    for (const sl::Setlist& set : m_plan.sets) {
        for (const sl::SetlistEntry& entry : set.entries) {
            if (entry.kind == sl::EntryKind::Song && !seen.contains(entry.songId)) {
                seen.insert(entry.songId);
                auto song = core::library::SongRepository(m_db).get(entry.songId);
                if (song) {
                    candidates.append({song->id, song->title, song->artist, true});
                }
            }
        }
    }
    if (auto all = core::library::SongRepository(m_db).search(QString()); all) {
        for (const auto& song : *all) {
            if (!seen.contains(song.id)) {
                candidates.append({song.id, song.title, song.artist, false});
            }
        }
    }
    const QString band = core::profile::ProfileRepository(m_db).load().value_or(core::profile::Profile{}).artistName;
    const QString show = m_plan.show.date.isValid() ? tr("%1 · %2").arg(m_plan.show.name, QLocale().toString(m_plan.show.date, QLocale::ShortFormat)) : m_plan.show.name;
    auto* dialog = new FanVoteDialog(m_db, m_showId, show, band, candidates, m_serverAccess, this);
    connect(this, &SetlistsPage::fanVotesChanged, dialog, &FanVoteDialog::refreshFromStore);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTargets(voteTargets(m_showId));
    // Sets added, renamed or removed while it is open: its choice of places follows.
    connect(this, &SetlistsPage::planChanged, dialog, [this, dialog, showId = m_showId] { dialog->setTargets(voteTargets(showId)); });
    dialog->setResultTaker([this, showId = m_showId](const QList<FanVoteDialog::Candidate>& songs, const QString& setId) {
        if (m_showId != showId && !selectShow(showId)) {
            return -1;  // the show is gone
        }
        return useVoteResult(songs, setId);
    });
    dialog->show();
    return dialog;
}

QList<std::pair<QString, QString>> SetlistsPage::voteTargets(const QString& showId) const
{
    QList<std::pair<QString, QString>> sets;
    auto plan = m_repository.plan(showId);
    for (const sl::Setlist& set : plan ? plan->sets : QList<sl::Setlist>{}) {
        if (set.kind == sl::SetKind::Set) {
            sets.append({set.id, set.name.isEmpty() ? tr("Set %1").arg(sets.size() + 1) : set.name});
        }
    }
    return sets;
}

void SetlistsPage::setServerAccess(FanVoteDialog::ServerAccess access)
{
    m_serverAccess = std::move(access);
}

void SetlistsPage::publishWaitingVotes()
{
    auto waiting = core::setlists::FanVoteRepository(m_db).waiting();
    if (!m_serverAccess || m_publishing || !waiting || waiting->isEmpty()) {
        Q_EMIT fanVotesChanged();  // a sync may have brought one published on another computer
        return;
    }
    m_publishing = true;
    if (m_network == nullptr) {
        m_network = new QNetworkAccessManager(this);
    }
    m_serverAccess(this, [this](const QUrl& server, const QString& token, const QString& error) {
        if (!error.isEmpty()) {
            m_publishing = false;  // they wait for the next sync
            return;
        }
        sync::PollClient::publishWaitingAsync(*m_network, m_db, server, token, this, [this](const sync::PublishReport& report) {
            m_publishing = false;
            // One message for the round, naming the shows.
            const auto showName = [this](const core::setlists::FanVote& vote) {
                auto show = m_repository.show(vote.showId);
                return show ? show->name : vote.request.value(QStringLiteral("show")).toString();
            };
            QStringList lines;
            bool trouble = false;
            for (const auto& vote : report.published) {
                lines << tr("The fan vote for “%1” is on your server now: fans open %2 (code %3).").arg(showName(vote), vote.url, vote.code);
            }
            for (const auto& vote : report.changedElsewhere) {
                lines << tr("The fan vote for “%1” was published from another computer before; the changes made here were not applied.").arg(showName(vote));
                trouble = true;
            }
            for (const auto& vote : report.refused) {
                lines << tr("Your server refused the fan vote for “%1”: %2. Open Fan vote… on the show to change or discard it.").arg(showName(vote), vote.refused);
                trouble = true;
            }
            if (report.stopped) {
                lines << tr("Fan votes you prepared still wait for your server: %1").arg(QString::fromStdString(report.stopped->message));
                trouble = true;
            }
            if (!lines.isEmpty()) {
                m_banner->showMessage(lines.join(QLatin1Char('\n')), trouble);
            }
            Q_EMIT fanVotesChanged();
        });
    });
}

int SetlistsPage::useVoteResult(const QList<FanVoteDialog::Candidate>& wanted, const QString& targetSetId)
{
    if (m_showId.isEmpty()) {
        return -1;
    }
    // Into the chosen set, or else the last encore (a new one when there is none). A winner in
    // another set moves there (it is not played twice); one already there, or (for the encore)
    // in any encore, stays; any other is added (a fan's suggestion by its title, a new song when
    // the library has none of that name). One undo step.
    QString setId;
    QString where = tr("the encore");  // for the message
    for (const sl::Setlist& set : m_plan.sets) {
        if (targetSetId.isEmpty() ? set.kind == sl::SetKind::Encore : set.id == targetSetId) {
            setId = set.id;
            where = targetSetId.isEmpty() ? where : set.name;
        }
    }
    if (!targetSetId.isEmpty() && setId.isEmpty()) {
        m_banner->showMessage(tr("That set is not in the show any more: choose another place for the fans' songs."), true);
        return -1;
    }
    // There already: the target set (for the encore: any encore) holds the song somewhere.
    const auto alreadyThere = [this, &targetSetId](const QString& songId) {
        for (const sl::Setlist& set : m_plan.sets) {
            if (targetSetId.isEmpty() ? set.kind == sl::SetKind::Encore : set.id == targetSetId) {
                for (const sl::SetlistEntry& entry : set.entries) {
                    if (entry.kind == sl::EntryKind::Song && entry.songId == songId) {
                        return true;
                    }
                }
            }
        }
        return false;
    };
    struct Placed {
        QString entryId;
        QString oldSet;   ///< empty: added by this step
        QString oldNext;  ///< where it stood before
    };
    QList<Placed> placed;
    const auto entryOf = [this](const QString& songId) -> std::pair<QString, const sl::Setlist*> {
        for (const sl::Setlist& set : m_plan.sets) {
            for (const sl::SetlistEntry& entry : set.entries) {
                if (entry.kind == sl::EntryKind::Song && entry.songId == songId) {
                    return {entry.id, &set};
                }
            }
        }
        return {QString(), nullptr};
    };
    QString createdSet;
    const auto undoSoFar = [&] {
        for (auto it = placed.crbegin(); it != placed.crend(); ++it) {
            (void)(it->oldSet.isEmpty() ? m_repository.removeEntry(it->entryId) : m_repository.moveEntry(it->entryId, it->oldSet, it->oldNext));
        }
        if (!createdSet.isEmpty()) {
            (void)m_repository.removeSet(createdSet);
        }
    };
    for (const FanVoteDialog::Candidate& candidate : wanted) {
        QString songId = candidate.songId.isEmpty() ? m_songByText.value(candidate.title.toCaseFolded()) : candidate.songId;
        if (!songId.isEmpty() && alreadyThere(songId)) {
            continue;
        }
        const auto [existing, set] = songId.isEmpty() ? std::pair<QString, const sl::Setlist*>{} : entryOf(songId);
        if (setId.isEmpty()) {
            auto created = m_repository.addSet(m_showId, tr("Encore"), sl::SetKind::Encore);
            if (!created) {
                report(created.error());
                return -1;
            }
            setId = createdSet = *created;
        }
        if (!existing.isEmpty()) {
            const QString oldNext = nextSiblingId(existing);
            if (auto moved = m_repository.moveEntry(existing, setId); !moved) {
                undoSoFar();
                report(moved.error());
                return -1;
            }
            placed.append({existing, set->id, oldNext});
            continue;
        }
        if (songId.isEmpty()) {
            core::library::Song song;
            song.title = candidate.title;
            auto saved = core::library::SongRepository(m_db).save(song);
            if (!saved) {
                undoSoFar();
                report(saved.error());
                return -1;
            }
            songId = *saved;
        }
        auto added = m_repository.addSong(setId, songId);
        if (!added) {
            undoSoFar();
            report(added.error());
            return -1;
        }
        placed.append({*added, QString(), QString()});
    }
    if (placed.isEmpty()) {
        return 0;
    }
    QStringList addedEntries;
    for (const Placed& one : placed) {
        if (one.oldSet.isEmpty()) {
            addedEntries << one.entryId;
        }
    }
    const QStringList sets = createdSet.isEmpty() ? QStringList{} : QStringList{createdSet};
    m_undo->push(new FunctionCommand(
        tr("Use the fans' vote"),
        [=, this]() -> core::Result<void> {
            if (auto restored = m_repository.restore(sets, addedEntries); !restored) {
                return restored;
            }
            for (const Placed& one : placed) {  // in the fans' order, at the set's end
                if (auto moved = m_repository.moveEntry(one.entryId, setId); !moved) {
                    return moved;
                }
            }
            return {};
        },
        [=, this]() -> core::Result<void> {
            for (auto it = placed.crbegin(); it != placed.crend(); ++it) {
                if (auto back = it->oldSet.isEmpty() ? m_repository.removeEntry(it->entryId) : m_repository.moveEntry(it->entryId, it->oldSet, it->oldNext); !back) {
                    return back;
                }
            }
            return createdSet.isEmpty() ? core::Result<void>() : m_repository.removeSet(createdSet);
        },
        [this](const core::Error& error) { report(error); }));
    refreshSongChoices();
    refreshShow();
    m_banner->showMessage(tr("The fans' %n song(s) are in %1 (Ctrl+Z takes them out).", nullptr, static_cast<int>(placed.size())).arg(where), false);
    return static_cast<int>(placed.size());
}

void SetlistsPage::print()
{
    if (m_showId.isEmpty()) {
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_plan.show.name);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted) {
        SheetPrinter::print(sl::sheetHtml(m_plan, m_sheet, sl::SheetStyle::Band, sheetWords()), printer);
    }
}

sl::SheetWords SetlistsPage::sheetWords() const
{
    sl::SheetWords words;
    words.start = tr("Start", "sheet column: planned start time");
    words.title = tr("Title");
    words.key = tr("Key");
    words.bpm = tr("BPM");
    words.length = tr("Length");
    words.transpose = tr("transpose %1", "%1: +2, -3 semitones");
    words.songsTotal = [](int songs, const QString& total) { return tr("%n song(s) · total %1", nullptr, songs).arg(total); };
    words.ofSlot = tr(" of a %1-minute slot");
    words.locale = QLocale();
    return words;
}

}  // namespace bandmate::ui
