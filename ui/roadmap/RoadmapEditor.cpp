#include "ui/roadmap/RoadmapEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSplitter>
#include <QTreeWidget>
#include <QUndoCommand>
#include <QVBoxLayout>

#include <functional>

namespace bandmate::ui {

namespace rm = core::roadmap;

namespace {

constexpr int kStageRole = Qt::UserRole + 1;
constexpr int kTaskRole = Qt::UserRole + 2;

/// A tree that tells the editor after an internal drag and drop.
class DropTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;
    std::function<void()> dropped;

protected:
    void dropEvent(QDropEvent* event) override
    {
        QTreeWidget::dropEvent(event);
        if (dropped) {
            dropped();
        }
    }
};

}  // namespace

/// One undoable change: the whole roadmap before and after (roadmaps are small).
class RoadmapEditCommand : public QUndoCommand {
public:
    RoadmapEditCommand(RoadmapEditor& editor, rm::RoadmapTemplate before, rm::RoadmapTemplate after, const QString& text)
        : QUndoCommand(text), m_editor(editor), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void redo() override { m_editor.setRoadmapFromUndo(m_after); }
    void undo() override { m_editor.setRoadmapFromUndo(m_before); }

private:
    RoadmapEditor& m_editor;
    rm::RoadmapTemplate m_before;
    rm::RoadmapTemplate m_after;
};

RoadmapEditor::RoadmapEditor(rm::RoadmapTemplate roadmap, QWidget* parent) : QDialog(parent), m_roadmap(std::move(roadmap))
{
    setWindowTitle(tr("Edit roadmap"));
    resize(980, 640);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QFormLayout();
    m_roadmapTitle = new QLineEdit(m_roadmap.title, this);
    m_roadmapTitle->setObjectName(QStringLiteral("roadmapTitle"));
    connect(m_roadmapTitle, &QLineEdit::editingFinished, this, &RoadmapEditor::commitFields);
    top->addRow(tr("Roadmap &title:"), m_roadmapTitle);
    layout->addLayout(top);

    auto* splitter = new QSplitter(this);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* tree = new DropTree(left);
    tree->dropped = [this] { treeDropped(); };
    m_tree = tree;
    m_tree->setHeaderHidden(true);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAccessibleName(tr("Stages and tasks; drag to reorder"));
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (m_rebuilding) {
            return;
        }
        commitFields();
        m_stage = item != nullptr ? item->data(0, kStageRole).toInt() : -1;
        m_task = item != nullptr && item->parent() != nullptr ? item->data(0, kTaskRole).toInt() : -1;
        showSelected();
    });
    leftLayout->addWidget(m_tree, 1);
    auto* buttons = new QHBoxLayout();
    const auto button = [&](const QString& text, auto slot) {
        auto* b = new QPushButton(text, left);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    button(tr("Add stage"), [this] { addStage(); });
    button(tr("Add task"), [this] { addTask(); });
    button(tr("Delete"), [this] { removeSelected(); });
    leftLayout->addLayout(buttons);

    auto* right = new QWidget(splitter);
    auto* form = new QFormLayout(right);
    m_title = new QLineEdit(right);
    m_title->setObjectName(QStringLiteral("itemTitle"));
    connect(m_title, &QLineEdit::editingFinished, this, &RoadmapEditor::commitFields);
    form->addRow(tr("T&itle:"), m_title);
    m_type = new QComboBox(right);
    m_type->setObjectName(QStringLiteral("taskType"));
    m_type->addItem(tr("Checklist"), static_cast<int>(rm::TaskType::Checklist));
    m_type->addItem(tr("Track a number"), static_cast<int>(rm::TaskType::DataInput));
    m_type->addItem(tr("Read"), static_cast<int>(rm::TaskType::Info));
    connect(m_type, &QComboBox::activated, this, [this] {
        commitFields();
        showSelected();
    });
    form->addRow(tr("T&ype:"), m_type);
    m_description = new QPlainTextEdit(right);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setPlaceholderText(tr("What to do, why, and how to know it is done"));
    form->addRow(tr("&Description:"), m_description);
    m_items = new QPlainTextEdit(right);
    m_items->setObjectName(QStringLiteral("items"));
    m_items->setPlaceholderText(tr("One checklist item per line"));
    form->addRow(tr("Check&list:"), m_items);
    m_metricKey = new QLineEdit(right);
    m_metricKey->setObjectName(QStringLiteral("metricKey"));
    m_metricKey->setPlaceholderText(QStringLiteral("practice_minutes"));
    form->addRow(tr("&Metric:"), m_metricKey);
    m_metricUnit = new QLineEdit(right);
    m_metricUnit->setObjectName(QStringLiteral("metricUnit"));
    form->addRow(tr("&Unit:"), m_metricUnit);
    m_metricTarget = new QDoubleSpinBox(right);
    m_metricTarget->setObjectName(QStringLiteral("metricTarget"));
    m_metricTarget->setRange(0, 1e9);
    m_metricTarget->setSpecialValueText(tr("no target"));
    form->addRow(tr("Tar&get:"), m_metricTarget);
    m_aggregate = new QComboBox(right);
    m_aggregate->addItem(tr("Entries add up (minutes, shows)"), static_cast<int>(rm::Aggregate::Sum));
    m_aggregate->addItem(tr("The newest entry counts (listeners)"), static_cast<int>(rm::Aggregate::Latest));
    form->addRow(tr("Co&unting:"), m_aggregate);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* undo = box->addButton(tr("Undo"), QDialogButtonBox::ResetRole);
    auto* redo = box->addButton(tr("Redo"), QDialogButtonBox::ResetRole);
    connect(undo, &QPushButton::clicked, &m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, &m_undo, &QUndoStack::redo);
    connect(&m_undo, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(&m_undo, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(box, &QDialogButtonBox::accepted, this, &RoadmapEditor::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    auto* undoKey = new QShortcut(QKeySequence::Undo, this);
    connect(undoKey, &QShortcut::activated, &m_undo, &QUndoStack::undo);
    auto* redoKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), this);
    connect(redoKey, &QShortcut::activated, &m_undo, &QUndoStack::redo);

    rebuildTree();
    select(0);
}

void RoadmapEditor::apply(const QString& text, rm::RoadmapTemplate next)
{
    if (next == m_roadmap) {
        return;
    }
    m_undo.push(new RoadmapEditCommand(*this, m_roadmap, std::move(next), text));
}

void RoadmapEditor::setRoadmapFromUndo(const rm::RoadmapTemplate& roadmap)
{
    m_roadmap = roadmap;
    rebuildTree();
}

void RoadmapEditor::rebuildTree()
{
    m_rebuilding = true;
    m_tree->clear();
    {
        const QSignalBlocker block(m_roadmapTitle);
        m_roadmapTitle->setText(m_roadmap.title);
    }
    for (qsizetype s = 0; s < m_roadmap.stages.size(); ++s) {
        const auto& stage = m_roadmap.stages.at(s);
        auto* stageItem = new QTreeWidgetItem(m_tree, {tr("%1. %2").arg(s + 1).arg(stage.title)});
        stageItem->setData(0, kStageRole, static_cast<int>(s));
        stageItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled);
        QFont bold = stageItem->font(0);
        bold.setBold(true);
        stageItem->setFont(0, bold);
        for (qsizetype t = 0; t < stage.tasks.size(); ++t) {
            auto* taskItem = new QTreeWidgetItem(stageItem, {stage.tasks.at(t).title});
            taskItem->setData(0, kStageRole, static_cast<int>(s));
            taskItem->setData(0, kTaskRole, static_cast<int>(t));
            taskItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    m_tree->expandAll();
    m_rebuilding = false;
    select(m_stage, m_task);
}

void RoadmapEditor::select(int stage, int task)
{
    if (!m_rebuilding && (stage != m_stage || task != m_task)) {
        commitFields();  // leaving an item keeps what was typed into it
    }
    if (stage < 0 || stage >= m_tree->topLevelItemCount()) {
        stage = m_tree->topLevelItemCount() > 0 ? 0 : -1;
        task = -1;
    }
    m_stage = stage;
    m_task = -1;
    if (stage >= 0) {
        QTreeWidgetItem* item = m_tree->topLevelItem(stage);
        if (task >= 0 && task < item->childCount()) {
            item = item->child(task);
            m_task = task;
        }
        m_rebuilding = true;
        m_tree->setCurrentItem(item);
        m_rebuilding = false;
    }
    showSelected();
}

void RoadmapEditor::showSelected()
{
    const bool isTask = m_stage >= 0 && m_task >= 0;
    const rm::TaskTemplate* task = isTask ? &m_roadmap.stages.at(m_stage).tasks.at(m_task) : nullptr;
    m_title->setText(task != nullptr ? task->title : m_stage >= 0 ? m_roadmap.stages.at(m_stage).title : QString());
    m_description->setPlainText(task != nullptr ? task->description : m_stage >= 0 ? m_roadmap.stages.at(m_stage).summary : QString());
    m_type->setEnabled(isTask);
    const rm::TaskType type = task != nullptr ? task->type : rm::TaskType::Info;
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(type)));
    m_items->setEnabled(type == rm::TaskType::Checklist);
    m_items->setPlainText(task != nullptr ? task->items.join(QLatin1Char('\n')) : QString());
    const bool metric = type == rm::TaskType::DataInput;
    for (QWidget* field : {static_cast<QWidget*>(m_metricKey), static_cast<QWidget*>(m_metricUnit),
                           static_cast<QWidget*>(m_metricTarget), static_cast<QWidget*>(m_aggregate)}) {
        field->setEnabled(metric);
    }
    m_metricKey->setText(task != nullptr && task->metric ? task->metric->key : QString());
    m_metricUnit->setText(task != nullptr && task->metric ? task->metric->unit : QString());
    m_metricTarget->setValue(task != nullptr && task->metric && task->metric->target ? *task->metric->target : 0.0);
    m_aggregate->setCurrentIndex(task != nullptr && task->metric && task->metric->aggregate == rm::Aggregate::Latest ? 1 : 0);
}

void RoadmapEditor::commitFields()
{
    rm::RoadmapTemplate next = m_roadmap;
    next.title = m_roadmapTitle->text().trimmed();
    if (m_stage >= 0 && m_stage < next.stages.size()) {
        auto& stage = next.stages[m_stage];
        if (m_task >= 0 && m_task < stage.tasks.size()) {
            auto& task = stage.tasks[m_task];
            task.title = m_title->text().trimmed();
            task.description = m_description->toPlainText().trimmed();
            task.type = static_cast<rm::TaskType>(m_type->currentData().toInt());
            const QStringList oldItems = task.items;
            const QStringList oldIds = task.itemIds;
            task.items.clear();
            task.itemIds.clear();
            task.metric.reset();
            if (task.type == rm::TaskType::Checklist) {
                for (const QString& line : m_items->toPlainText().split(QLatin1Char('\n'))) {
                    if (!line.trimmed().isEmpty()) {
                        task.items << line.trimmed();
                    }
                }
                // Ticks are kept by item id: an item keeps its id when its text is unchanged or
                // rewritten in place.
                task.itemIds = rm::reassignItemIds(task.items, oldItems, oldIds);
            } else if (task.type == rm::TaskType::DataInput) {
                rm::Metric metric;
                metric.key = m_metricKey->text().trimmed();
                metric.unit = m_metricUnit->text().trimmed();
                if (m_metricTarget->value() > 0) {
                    metric.target = m_metricTarget->value();
                }
                metric.aggregate = static_cast<rm::Aggregate>(m_aggregate->currentData().toInt());
                task.metric = metric;
            }
        } else {
            stage.title = m_title->text().trimmed();
            stage.summary = m_description->toPlainText().trimmed();
        }
    }
    const int stage = m_stage;
    const int task = m_task;
    apply(tr("Edit"), next);
    m_stage = stage;
    m_task = task;
}

QString RoadmapEditor::uniqueSlug(const QString& title) const
{
    QString base = title.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    base.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    if (base.isEmpty()) {
        base = QStringLiteral("item");
    }
    QSet<QString> taken;
    for (const auto& stage : m_roadmap.stages) {
        taken.insert(stage.slug);
        for (const auto& task : stage.tasks) {
            taken.insert(task.slug);
        }
    }
    QString slug = base;
    for (int n = 2; taken.contains(slug); ++n) {
        slug = base + QLatin1Char('-') + QString::number(n);
    }
    return slug;
}

void RoadmapEditor::addStage()
{
    commitFields();
    rm::RoadmapTemplate next = m_roadmap;
    next.stages.append({uniqueSlug(tr("New stage")), tr("New stage"), QString(),
                        {{uniqueSlug(tr("First task")), tr("First task"), rm::TaskType::Info, tr("Describe what to do."), {}, {}, {}}}});
    apply(tr("Add stage"), next);
    select(static_cast<int>(m_roadmap.stages.size()) - 1);
}

void RoadmapEditor::addTask()
{
    commitFields();
    if (m_stage < 0) {
        return;
    }
    rm::RoadmapTemplate next = m_roadmap;
    auto& tasks = next.stages[m_stage].tasks;
    tasks.append({uniqueSlug(tr("New task")), tr("New task"), rm::TaskType::Info, tr("Describe what to do."), {}, {}, {}});
    const int stage = m_stage;
    apply(tr("Add task"), next);
    select(stage, static_cast<int>(m_roadmap.stages.at(stage).tasks.size()) - 1);
}

void RoadmapEditor::removeSelected()
{
    if (m_stage < 0) {
        return;
    }
    rm::RoadmapTemplate next = m_roadmap;
    if (m_task >= 0) {
        next.stages[m_stage].tasks.removeAt(m_task);
        apply(tr("Delete task"), next);
    } else {
        next.stages.removeAt(m_stage);
        apply(tr("Delete stage"), next);
    }
}

void RoadmapEditor::moveTask(int fromStage, int task, int toStage, int toIndex)
{
    commitFields();
    rm::RoadmapTemplate next = m_roadmap;
    if (fromStage < 0 || fromStage >= next.stages.size() || toStage < 0 || toStage >= next.stages.size()
        || task < 0 || task >= next.stages[fromStage].tasks.size()) {
        return;
    }
    const rm::TaskTemplate moved = next.stages[fromStage].tasks.takeAt(task);
    auto& target = next.stages[toStage].tasks;
    target.insert(std::clamp<qsizetype>(toIndex, 0, target.size()), moved);
    apply(tr("Move task"), next);
}

void RoadmapEditor::moveStage(int from, int to)
{
    commitFields();
    rm::RoadmapTemplate next = m_roadmap;
    if (from < 0 || from >= next.stages.size() || to < 0 || to >= next.stages.size()) {
        return;
    }
    next.stages.move(from, to);
    apply(tr("Move stage"), next);
}

void RoadmapEditor::treeDropped()
{
    // A stage dropped onto another stage lands inside it, as if it were a task: it goes after
    // that stage instead, with all its tasks.
    for (int s = 0; s < m_tree->topLevelItemCount(); ++s) {
        QTreeWidgetItem* parent = m_tree->topLevelItem(s);
        for (int t = parent->childCount() - 1; t >= 0; --t) {
            if (!parent->child(t)->data(0, kTaskRole).isValid()) {
                m_tree->insertTopLevelItem(s + 1, parent->takeChild(t));
            }
        }
    }
    // Read the new order from the tree; a task dropped outside every stage is put back.
    rm::RoadmapTemplate next = m_roadmap;
    next.stages.clear();
    for (int s = 0; s < m_tree->topLevelItemCount(); ++s) {
        QTreeWidgetItem* item = m_tree->topLevelItem(s);
        if (item->parent() == nullptr && item->data(0, kTaskRole).isValid()) {
            rebuildTree();
            return;
        }
        rm::StageTemplate stage = m_roadmap.stages.at(item->data(0, kStageRole).toInt());
        stage.tasks.clear();
        for (int t = 0; t < item->childCount(); ++t) {
            QTreeWidgetItem* child = item->child(t);
            stage.tasks.append(m_roadmap.stages.at(child->data(0, kStageRole).toInt()).tasks.at(child->data(0, kTaskRole).toInt()));
        }
        next.stages.append(stage);
    }
    apply(tr("Reorder"), next);
    rebuildTree();
}

core::Result<rm::RoadmapTemplate> RoadmapEditor::validated() const
{
    return rm::parseRoadmapJson(rm::writeRoadmapJson(m_roadmap), tr("the roadmap"));
}

void RoadmapEditor::accept()
{
    commitFields();
    if (auto valid = validated(); !valid) {
        QMessageBox::warning(this, windowTitle(), tr("Not saved yet: %1").arg(QString::fromStdString(valid.error().toString())));
        return;
    }
    QDialog::accept();
}

}  // namespace bandmate::ui
