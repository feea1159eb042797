#include "ui/roadmap/RoadmapPage.h"

#include "ui/shell/Language.h"
#include "ui/shell/PageActions.h"

#include "core/roadmap/RoadmapTemplate.h"
#include "core/storage/Database.h"
#include "core/util/SafeFiles.h"
#include "ui/roadmap/ProfileDialog.h"
#include "ui/roadmap/RoadmapEditor.h"
#include "ui/roadmap/TodoPanel.h"
#include "ui/shell/Heading.h"
#include "ui/shell/MessageBanner.h"
#include "ui/shell/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace bandmate::ui {

namespace rm = core::roadmap;

namespace {

QString typeLabel(rm::TaskType type)
{
    switch (type) {
    case rm::TaskType::Checklist:
        return QObject::tr("Checklist");
    case rm::TaskType::DataInput:
        return QObject::tr("Track a number");
    case rm::TaskType::Info:
        break;
    }
    return QObject::tr("Read");
}

}  // namespace

RoadmapPage::RoadmapPage(core::Database& db, QWidget* parent) : QWidget(parent), m_db(db), m_progress(db)
{
    setObjectName(QStringLiteral("page-roadmap"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 12);
    layout->setSpacing(10);

    // The header fits a small laptop in any language: the title, the roadmap and its progress,
    // and the commands in the Roadmap ▾ menu (and the menu bar). Without a roadmap the page
    // itself offers each one to start.
    auto* header = new QHBoxLayout();
    auto* title = makeHeading(tr("Roadmap"), 17, this);
    header->addWidget(title);
    header->addSpacing(16);
    m_chooser = new QComboBox(this);
    m_chooser->setObjectName(QStringLiteral("roadmapChooser"));
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chooser->setMinimumContentsLength(16);
    m_chooser->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_chooser->setMaximumWidth(420);
    connect(m_chooser, &QComboBox::activated, this, [this](int index) {
        m_roadmap = index;
        m_stage = -1;
        showStages();
    });
    header->addWidget(m_chooser, 1);
    m_overall = new QLabel(this);
    m_overall->setObjectName(QStringLiteral("roadmapPercent"));
    header->addWidget(m_overall);
    header->addStretch(0);
    auto* more = new QToolButton(this);
    more->setObjectName(QStringLiteral("roadmapMenu"));
    more->setText(tr("Roadmap ▾"));
    more->setToolTip(tr("Start, write, edit, import, export or stop a roadmap; your profile"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(more);
    // Each one also in the Roadmap menu of the menu bar; those that need a running roadmap are
    // off while none runs (reload()).
    const auto command = [&](const QString& text, const QString& tip, std::function<void()> slot, bool needsRoadmap) {
        QAction* action = addPageAction(this, text, {}, std::move(slot));
        action->setToolTip(tip);
        action->setProperty("bandmateInPageMenu", true);
        menu->addAction(action);
        if (needsRoadmap) {
            m_runningOnly.append(action);
        }
    };
    command(tr("Start a roadmap…"), tr("Follow one of the roadmaps that come with Bandmate"), [this] {
        QStringList titles;
        for (const QString& slug : rm::builtinRoadmapSlugs()) {
            titles << rm::loadBuiltinRoadmap(slug, installedLanguage()).value_or(rm::RoadmapTemplate{}).title;
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Start a roadmap"), tr("Roadmap:"), titles, 0, false, &ok);
        if (ok) {
            startTemplate(rm::builtinRoadmapSlugs().at(titles.indexOf(chosen)));
        }
    }, false);
    command(tr("Profile…"), tr("Your artist name, instruments, genres and goals"), [this] {
        ProfileDialog dialog(m_db, this);
        dialog.exec();
    }, false);
    menu->addSeparator();
    command(tr("New…"), tr("Write a roadmap of your own"), [this] { newCustom(); }, false);
    command(tr("Edit…"), tr("Edit this roadmap (a built-in one becomes your own copy)"), [this] { editCurrent(); }, true);
    menu->addSeparator();
    command(tr("Import…"), tr("Start a custom roadmap from a JSON file (see resources/roadmaps/README.md)"), [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import roadmap"), {}, tr("Roadmaps (*.json)"));
        if (!path.isEmpty()) {
            importFile(path);
        }
    }, false);
    command(tr("Export…"), tr("Save this roadmap with its texts as a JSON file"), [this] { exportCurrent(); }, true);
    menu->addSeparator();
    command(tr("Stop…"), tr("Stop following this roadmap (its progress is removed)"), [this] { stopCurrent(); }, true);
    menu->setToolTipsVisible(true);
    more->setMenu(menu);
    header->addWidget(more);
    layout->addLayout(header);

    m_banner = new MessageBanner(this);
    layout->addWidget(m_banner);

    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("roadmapTabs"));
    m_content = new QStackedWidget(tabs);
    m_content->addWidget(buildEmptyState());
    auto* splitter = new QSplitter(Qt::Horizontal, m_content);
    m_stages = new QListWidget(splitter);
    m_stages->setObjectName(QStringLiteral("stages"));
    m_stages->setMinimumWidth(240);
    m_stages->setMaximumWidth(340);
    m_stages->setAccessibleName(tr("Stages"));
    connect(m_stages, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_stage) {
            m_stage = row;
            showTasks();
        }
    });
    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(12, 0, 0, 0);
    m_stageSummary = new QLabel(right);
    m_stageSummary->setWordWrap(true);
    rightLayout->addWidget(m_stageSummary);
    m_tasksScroll = new QScrollArea(right);
    m_tasksScroll->setWidgetResizable(true);
    m_tasksScroll->setFrameShape(QFrame::NoFrame);
    rightLayout->addWidget(m_tasksScroll, 1);
    splitter->addWidget(m_stages);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    m_content->addWidget(splitter);
    tabs->addTab(m_content, tr("Roadmap"));
    tabs->addTab(new TodoPanel(m_db, tabs), tr("To-dos"));
    layout->addWidget(tabs, 1);
    // Filled by showEvent: a page nobody opens costs nothing at start-up.
}

QWidget* RoadmapPage::buildEmptyState()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    auto* intro = new QLabel(tr("<h3>Choose the road you are on</h3><p>Each roadmap is a set of stages with concrete "
                                "tasks: checklists, numbers to track and things worth knowing. Tasks that track a "
                                "number complete themselves when you reach the target; Beat Machine practice counts "
                                "by itself.</p>"),
                             box);
    intro->setWordWrap(true);
    intro->setMaximumWidth(760);
    layout->addWidget(intro);
    for (const QString& slug : rm::builtinRoadmapSlugs()) {
        const auto roadmap = rm::loadBuiltinRoadmap(slug, installedLanguage());
        if (!roadmap) {
            continue;
        }
        auto* card = new QFrame(box);
        card->setFrameShape(QFrame::StyledPanel);
        card->setMaximumWidth(760);
        auto* row = new QHBoxLayout(card);
        int tasks = 0;
        for (const auto& stage : roadmap->stages) {
            tasks += static_cast<int>(stage.tasks.size());
        }
        auto* text = new QLabel(tr("<b>%1</b><br>%2<br><span style='color:gray'>%3 stages · %4 tasks</span>")
                                    .arg(roadmap->title.toHtmlEscaped(), roadmap->summary.toHtmlEscaped())
                                    .arg(roadmap->stages.size())
                                    .arg(tasks),
                                card);
        text->setWordWrap(true);
        row->addWidget(text, 1);
        auto* button = new QPushButton(tr("Start"), card);
        button->setObjectName(QStringLiteral("start-") + slug);
        connect(button, &QPushButton::clicked, this, [this, slug] { startTemplate(slug); });
        row->addWidget(button);
        layout->addWidget(card);
    }
    layout->addStretch(1);
    return box;
}

void RoadmapPage::showEvent(QShowEvent* event)
{
    if (!m_upgradeChecked) {
        m_upgradeChecked = true;
        upgradeFromShippedTemplates();
    }
    reload();
    QWidget::showEvent(event);
}

void RoadmapPage::upgradeFromShippedTemplates()
{
    // New versions of the shipped templates reach running roadmaps; progress stays. The shipped
    // templates cannot change while the app runs, so once, when the page is first shown.
    QList<rm::RoadmapTemplate> shipped;
    for (const QString& slug : rm::builtinRoadmapSlugs()) {
        if (auto roadmap = rm::loadBuiltinRoadmap(slug, installedLanguage())) {
            shipped.append(*roadmap);
        }
    }
    if (auto upgraded = m_progress.upgradeFrom(shipped); upgraded && *upgraded > 0) {
        showMessage(tr("Your roadmap has a new version of its template; your progress is kept."), false);
    }
}

void RoadmapPage::reload()
{
    auto roadmaps = m_progress.roadmaps();
    if (!roadmaps) {
        showMessage(QString::fromStdString(roadmaps.error().toString()), true);
        return;
    }
    m_roadmaps = *roadmaps;
    m_chooser->setVisible(!m_roadmaps.isEmpty());
    for (QAction* action : std::as_const(m_runningOnly)) {
        action->setEnabled(!m_roadmaps.isEmpty());
    }
    if (m_roadmaps.isEmpty()) {
        m_content->setCurrentIndex(0);
        m_chooser->clear();
        m_overall->clear();
        return;
    }
    m_content->setCurrentIndex(1);
    m_roadmap = std::clamp(m_roadmap, 0, static_cast<int>(m_roadmaps.size()) - 1);
    {
        const QSignalBlocker block(m_chooser);
        m_chooser->clear();
        for (const auto& roadmap : m_roadmaps) {
            m_chooser->addItem(roadmap.custom ? tr("%1 (custom)").arg(roadmap.title) : roadmap.title);
        }
        m_chooser->setCurrentIndex(m_roadmap);
    }
    showStages();
}

const rm::RoadmapState* RoadmapPage::current() const
{
    return m_roadmaps.isEmpty() ? nullptr : &m_roadmaps.at(m_roadmap);
}

void RoadmapPage::showStages()
{
    const rm::RoadmapState* roadmap = current();
    if (roadmap == nullptr) {
        return;
    }
    m_overall->setText(tr("%1 % done").arg(roadmap->percent()));
    if (m_stage < 0 || m_stage >= roadmap->stages.size()) {
        const auto* stage = roadmap->currentStage();
        m_stage = stage != nullptr ? static_cast<int>(stage - roadmap->stages.data()) : 0;
    }
    {
        const QSignalBlocker block(m_stages);
        m_stages->clear();
        for (qsizetype i = 0; i < roadmap->stages.size(); ++i) {
            const auto& stage = roadmap->stages.at(i);
            auto* item = new QListWidgetItem(tr("%1. %2\n%3 % done").arg(i + 1).arg(stage.title).arg(stage.percent()), m_stages);
            item->setToolTip(stage.summary);
            if (stage.percent() == 100) {
                item->setForeground(QColor(accentColor()));
            }
        }
        m_stages->setCurrentRow(m_stage);
    }
    showTasks();
}

void RoadmapPage::selectStage(int index)
{
    m_stages->setCurrentRow(index);
}

void RoadmapPage::showTasks()
{
    const rm::RoadmapState* roadmap = current();
    if (roadmap == nullptr || m_stage < 0 || m_stage >= roadmap->stages.size()) {
        return;
    }
    const auto& stage = roadmap->stages.at(m_stage);
    m_stageSummary->setText(QStringLiteral("<b>%1</b> — %2").arg(stage.title.toHtmlEscaped(), stage.summary.toHtmlEscaped()));
    auto* list = new QWidget(m_tasksScroll);
    auto* layout = new QVBoxLayout(list);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->setSpacing(10);
    for (const auto& task : stage.tasks) {
        layout->addWidget(taskCard(task));
    }
    layout->addStretch(1);
    const int scroll = m_tasksScroll->verticalScrollBar() != nullptr ? m_tasksScroll->verticalScrollBar()->value() : 0;
    m_tasksScroll->setWidget(list);  // deletes the previous list
    QTimer::singleShot(0, m_tasksScroll, [area = m_tasksScroll, scroll] { area->verticalScrollBar()->setValue(scroll); });
}

QWidget* RoadmapPage::taskCard(const rm::TaskState& task)
{
    auto* card = new QFrame();
    card->setObjectName(QStringLiteral("task-") + task.slug);
    card->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(14, 10, 14, 12);
    auto* head = new QHBoxLayout();
    auto* title = new QLabel(QStringLiteral("<b>%1</b>  <span style='color:gray'>%2</span>")
                                 .arg(task.title.toHtmlEscaped(), typeLabel(task.type)),
                             card);
    title->setWordWrap(true);  // a long title in a narrow window takes two lines
    head->addWidget(title, 1);
    auto* status = new QComboBox(card);
    status->setObjectName(QStringLiteral("status"));
    status->addItem(tr("Not started"), static_cast<int>(rm::TaskStatus::NotStarted));
    status->addItem(tr("In progress"), static_cast<int>(rm::TaskStatus::InProgress));
    status->addItem(tr("Completed"), static_cast<int>(rm::TaskStatus::Completed));
    status->setCurrentIndex(static_cast<int>(task.status));
    const QString id = task.id;
    connect(status, &QComboBox::activated, this, [this, id, status](int index) {
        report(m_progress.setStatus(id, static_cast<rm::TaskStatus>(status->itemData(index).toInt())));
    });
    head->addWidget(status);
    layout->addLayout(head);
    auto* description = new QLabel(task.description, card);
    description->setWordWrap(true);
    layout->addWidget(description);

    if (task.type == rm::TaskType::Checklist) {
        for (qsizetype i = 0; i < task.items.size(); ++i) {
            const QString& item = task.items.at(i);
            auto* box = new QCheckBox(item, card);
            box->setChecked(task.ticked.value(item));
            const QString itemId = task.itemIds.value(i, item);
            connect(box, &QCheckBox::toggled, this, [this, id, itemId](bool on) { report(m_progress.setItem(id, itemId, on)); });
            layout->addWidget(box);
        }
    }
    if (task.metric) {
        auto* row = new QHBoxLayout();
        const rm::Metric& metric = *task.metric;
        auto* value = new QLabel(card);
        if (metric.target) {
            auto* bar = new QProgressBar(card);
            bar->setRange(0, 100);
            bar->setValue(static_cast<int>(std::min(100.0, task.metricValue * 100.0 / *metric.target)));
            bar->setMinimumWidth(60);
            value->setText(tr("%1 of %2 %3").arg(QLocale().toString(task.metricValue, 'f', 0), QLocale().toString(*metric.target, 'f', 0), metric.unit));
            row->addWidget(bar, 1);
        } else {
            value->setText(tr("%1 %2").arg(QLocale().toString(task.metricValue, 'f', 0), metric.unit));
        }
        row->addWidget(value);
        auto* amount = new QDoubleSpinBox(card);
        amount->setObjectName(QStringLiteral("amount"));
        amount->setRange(0, 1e9);
        // Things are counted whole ("1 sessions", not "1.0"); only time may come in fractions.
        const bool fractional = metric.aggregate != rm::Aggregate::Latest &&
                                (metric.key.endsWith(QLatin1String("_minutes")) || metric.key.endsWith(QLatin1String("_hours")));
        amount->setDecimals(fractional ? 1 : 0);
        amount->setValue(metric.aggregate == rm::Aggregate::Latest ? task.metricValue : 1);
        amount->setSuffix(QLatin1Char(' ') + metric.unit);
        amount->setMinimumWidth(110);  // not as wide as its largest value: the card fits a small window
        row->addWidget(amount);
        auto* add = new QPushButton(metric.aggregate == rm::Aggregate::Latest ? tr("Record") : tr("Add"), card);
        add->setObjectName(QStringLiteral("addEntry"));
        add->setToolTip(metric.aggregate == rm::Aggregate::Latest ? tr("Record today's measurement") : tr("Add to the total, dated today"));
        const QString key = metric.key;
        connect(add, &QPushButton::clicked, this, [this, key, amount] {
            auto added = m_progress.addStat(key, amount->value(), QDateTime::currentDateTime());
            report(added ? core::Result<void>{} : core::Result<void>(std::unexpected(added.error())));
        });
        row->addWidget(add);
        layout->addLayout(row);
    }
    if (task.status == rm::TaskStatus::Completed && task.completedAt.isValid()) {
        const QString when = QLocale().toString(task.completedAt.date(), QLocale::LongFormat);
        auto* done = new QLabel(task.evidence.isEmpty()
                                    ? tr("Completed on %1.").arg(when)
                                    : task.evidence.size() == 1 ? tr("Completed by itself on %1, from 1 entry.").arg(when)
                                                                : tr("Completed by itself on %1, from %2 entries.").arg(when).arg(task.evidence.size()),
                                card);
        done->setObjectName(QStringLiteral("evidence"));
        done->setWordWrap(true);
        done->setStyleSheet(QStringLiteral("color: %1;").arg(accentColor()));
        layout->addWidget(done);
    }
    auto* notes = new QLineEdit(task.notes, card);
    notes->setPlaceholderText(tr("Notes…"));
    connect(notes, &QLineEdit::editingFinished, this, [this, id, notes] {
        if (notes->isModified()) {
            notes->setModified(false);
            const auto saved = m_progress.setNotes(id, notes->text());
            if (!saved) {
                showMessage(QString::fromStdString(saved.error().toString()), true);
            }
        }
    });
    layout->addWidget(notes);
    return card;
}

void RoadmapPage::report(const core::Result<void>& result)
{
    if (!result) {
        showMessage(QString::fromStdString(result.error().toString()), true);
    }
    // The change may complete tasks and stages: show the new state after this event.
    QTimer::singleShot(0, this, &RoadmapPage::reload);
}

void RoadmapPage::showMessage(const QString& text, bool error)
{
    m_banner->showMessage(text, error);
}

QString RoadmapPage::bannerText() const
{
    return m_banner->visibleText();
}

bool RoadmapPage::startTemplate(const QString& slug)
{
    auto roadmap = rm::loadBuiltinRoadmap(slug, installedLanguage());
    auto started = roadmap ? m_progress.start(*roadmap) : core::Result<QString>(std::unexpected(roadmap.error()));
    if (!started) {
        showMessage(QString::fromStdString(started.error().toString()), true);
        return false;
    }
    reload();
    for (qsizetype i = 0; i < m_roadmaps.size(); ++i) {
        if (m_roadmaps.at(i).id == *started) {
            m_roadmap = static_cast<int>(i);
        }
    }
    m_stage = -1;
    reload();
    showMessage(tr("Started “%1”. Begin with the first stage.").arg(roadmap->title), false);
    return true;
}

bool RoadmapPage::importFile(const QString& path)
{
    auto roadmap = rm::readRoadmapFile(path);
    auto started = roadmap ? m_progress.start(*roadmap, true) : core::Result<QString>(std::unexpected(roadmap.error()));
    if (!started) {
        showMessage(tr("Not imported, nothing changed: %1").arg(QString::fromStdString(started.error().toString())), true);
        return false;
    }
    reload();
    showMessage(tr("Imported “%1”.").arg(roadmap->title), false);
    return true;
}

void RoadmapPage::exportCurrent()
{
    const rm::RoadmapState* roadmap = current();
    if (roadmap == nullptr) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export roadmap"), roadmap->slug + QStringLiteral(".json"),
                                                      tr("Roadmaps (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto saved = core::writeFileAtomically(path, rm::writeRoadmapJson(rm::templateOf(*roadmap))); !saved) {
        showMessage(tr("Could not write %1: %2").arg(path, QString::fromStdString(saved.error().message)), true);
        return;
    }
    showMessage(tr("Exported to %1.").arg(path), false);
}

bool RoadmapPage::saveEdited(const rm::RoadmapTemplate& roadmap, const QString& customId)
{
    core::Result<void> saved;
    if (customId.isEmpty()) {
        auto started = m_progress.start(roadmap, true);
        saved = started ? core::Result<void>{} : core::Result<void>(std::unexpected(started.error()));
    } else {
        saved = m_progress.upgrade(customId, roadmap);
    }
    if (!saved) {
        showMessage(tr("Not saved: %1").arg(QString::fromStdString(saved.error().toString())), true);
        return false;
    }
    reload();
    showMessage(tr("Saved “%1”.").arg(roadmap.title), false);
    return true;
}

void RoadmapPage::newCustom()
{
    QString slug = QStringLiteral("my-roadmap");
    for (int n = 2; std::any_of(m_roadmaps.begin(), m_roadmaps.end(), [&](const auto& r) { return r.slug == slug; }); ++n) {
        slug = QStringLiteral("my-roadmap-%1").arg(n);
    }
    rm::RoadmapTemplate starter{slug, 1, tr("My roadmap"), {},
                                {{QStringLiteral("first-stage"), tr("First stage"), {},
                                  {{QStringLiteral("first-task"), tr("First task"), rm::TaskType::Info, tr("Describe what to do, why, and how you know it is done."), {}, {}, {}}}}}};
    RoadmapEditor editor(starter, this);
    if (editor.exec() == QDialog::Accepted) {
        saveEdited(editor.validated().value_or(starter), {});
    }
}

void RoadmapPage::editCurrent()
{
    const rm::RoadmapState* state = current();
    if (state == nullptr) {
        return;
    }
    rm::RoadmapTemplate roadmap = rm::templateOf(*state);
    const bool copy = !state->custom;
    if (copy) {
        roadmap.slug += QStringLiteral("-mine");
        roadmap.title = tr("%1 (mine)").arg(roadmap.title);
        roadmap.version = 1;
    }
    const QString id = state->id;
    RoadmapEditor editor(roadmap, this);
    if (editor.exec() != QDialog::Accepted) {
        return;
    }
    auto edited = editor.validated();
    if (!edited) {
        return;
    }
    if (!copy) {
        edited->version = roadmap.version + 1;
    }
    saveEdited(*edited, copy ? QString() : id);
}

void RoadmapPage::stopCurrent()
{
    const rm::RoadmapState* roadmap = current();
    if (roadmap == nullptr) {
        return;
    }
    if (QMessageBox::question(this, tr("Stop roadmap"),
                              tr("Stop following “%1”? Its progress is removed; your logged numbers stay.").arg(roadmap->title))
        != QMessageBox::Yes) {
        return;
    }
    report(m_progress.remove(roadmap->id));
}

}  // namespace bandmate::ui
