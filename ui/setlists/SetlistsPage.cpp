#include "ui/setlists/SetlistsPage.h"

#include "ui/setlists/SetlistsPageParts.h"
#include "ui/shell/FlowLayout.h"

namespace bandmate::ui {

using namespace setlistspage;

namespace sl = core::setlists;

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
    // Centred by stretches, not an alignment flag: a box gives an aligned item its one-line
    // height, so a wrapped text would be cut.
    auto* centred = new QHBoxLayout();
    centred->addStretch(1);
    centred->addWidget(text, 10);
    centred->addStretch(1);
    layout->addLayout(centred);
    layout->addStretch(2);
    return page;
}

QWidget* SetlistsPage::buildShowView()
{
    auto* view = new QWidget(this);
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(12, 0, 0, 0);

    // The show's title and details take the whole width (a long title wraps), its commands a
    // row under them that wraps in a narrow window.
    m_title = makeHeading({}, 14, view);
    m_title->setObjectName(QStringLiteral("showTitle"));
    m_title->setWordWrap(true);
    m_details = new QLabel(view);
    m_details->setObjectName(QStringLiteral("showDetails"));
    m_details->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    auto* commands = new QWidget(view);
    auto* top = new FlowLayout(commands, 8, 6);
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
        top->addWidget(button);
    }
    layout->addWidget(commands);

    // The song field takes the row's width; the editing buttons follow it, on the next row
    // when they do not fit beside it.
    auto* toolsBox = new QWidget(view);
    auto* tools = new FlowLayout(toolsBox, 8, 6);
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
    m_songAdder->setMinimumWidth(m_songAdder->fontMetrics().horizontalAdvance(m_songAdder->placeholderText()) + 48);  // its hint reads whole
    m_songAdder->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    tools->addWidget(m_songAdder);
    const auto toolButton = [&](const QString& text, const QString& tip, auto slot) {
        auto* button = new QPushButton(text, toolsBox);
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, slot);
        tools->addWidget(button);
        return button;
    };
    toolButton(tr("Add break"), tr("A pause between songs (10 minutes; double-click to change)"), [this] { addBreak(); });
    toolButton(tr("Add set"), tr("Another set after the last one"), [this] { addSet(sl::SetKind::Set); });
    toolButton(tr("Add encore"), tr("An encore after the last set"), [this] { addSet(sl::SetKind::Encore); });
    toolButton(tr("Remove"), tr("Remove the selected song, break or set (Delete)"), [this] { removeSelected(); });
    layout->addWidget(toolsBox);

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
    m_summary->setWordWrap(true);
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

}  // namespace bandmate::ui
