#include "ui/setlists/RunSheetTree.h"

#include <QDropEvent>
#include <QHeaderView>
#include <QMimeData>

namespace bandmate::ui {

namespace sl = core::setlists;

namespace {

const QString kSet = QStringLiteral("set");

QString bpmText(double bpm) { return bpm > 0 ? QString::number(bpm, 'g', 4) : QString(); }

}  // namespace

RunSheetTree::RunSheetTree(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("runSheet"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("#"), tr("Start"), tr("Title"), tr("Key"), tr("BPM"), tr("Length"), tr("Notes")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // DragDrop rather than InternalMove: InternalMove refuses any drag it did not start itself,
    // which also rules out synthetic drops in tests; dropEvent below takes only our own rows.
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setIndentation(12);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(Title, QHeaderView::Stretch);
    header()->setSectionResizeMode(Notes, QHeaderView::Stretch);
    for (const int column : {Number, Start, Key, Bpm, Length}) {
        header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    setAccessibleName(tr("Run-sheet"));
}

void RunSheetTree::populate(const sl::ShowPlan& plan, const sl::RunSheet& sheet)
{
    const QString selected = selectedId();
    clear();
    QFont setFont = font();
    setFont.setBold(true);
    for (const sl::Setlist& set : plan.sets) {
        auto* setItem = new QTreeWidgetItem(this);
        qint64 setMs = 0;
        int songs = 0;
        for (const sl::RunSheetRow& row : sheet.rows) {
            if (row.setId != set.id) {
                continue;
            }
            setMs += row.durationMs;
            auto* item = new QTreeWidgetItem(setItem);
            const bool isBreak = row.entry.kind == sl::EntryKind::Break;
            songs += isBreak ? 0 : 1;
            item->setData(0, IdRole, row.entry.id);
            item->setData(0, KindRole, isBreak ? QStringLiteral("break") : QStringLiteral("song"));
            item->setFlags((item->flags() | Qt::ItemIsDragEnabled) & ~Qt::ItemIsDropEnabled);
            item->setText(Number, row.number > 0 ? QString::number(row.number) : QString());
            item->setText(Start, core::setlists::formatStart(row.plannedStart));
            item->setText(Title, isBreak ? QStringLiteral("— %1 —").arg(row.title) : row.title);
            item->setText(Key, row.key);
            item->setText(Bpm, bpmText(row.bpm));
            item->setText(Length, sl::formatDuration(row.durationMs) + (row.durationAssumed ? QStringLiteral("?") : QString()));
            if (row.durationAssumed) {
                item->setToolTip(Length, tr("Length unknown: counted as %1").arg(sl::formatDuration(sl::kAssumedSongMs)));
            }
            QStringList notes;
            if (row.entry.transpose != 0) {
                notes << tr("transpose %1%2").arg(row.entry.transpose > 0 ? QStringLiteral("+") : QString()).arg(row.entry.transpose);
            }
            if (!row.entry.notes.isEmpty()) {
                notes << row.entry.notes;
            }
            if (!row.warnings.isEmpty()) {
                notes << QStringLiteral("⚠ ") + row.warnings.join(QStringLiteral("; "));
                item->setForeground(Notes, QColor(0xb3, 0x5c, 0x00));
                item->setToolTip(Notes, row.warnings.join(QLatin1Char('\n')));
            }
            item->setText(Notes, notes.join(QStringLiteral(" · ")));
            if (isBreak) {
                QFont italic = font();
                italic.setItalic(true);
                for (int column = 0; column < ColumnCount; ++column) {
                    item->setFont(column, italic);
                    item->setForeground(column, palette().color(QPalette::PlaceholderText));
                }
            }
        }
        setItem->setData(0, IdRole, set.id);
        setItem->setData(0, KindRole, kSet);
        setItem->setFirstColumnSpanned(true);
        setItem->setText(0, QStringLiteral("%1 · %2 · %3")
                                .arg(set.name, songs == 1 ? tr("1 song") : tr("%1 songs").arg(songs), sl::formatDuration(setMs)));
        setItem->setFont(0, setFont);
        setItem->setFlags(setItem->flags() | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled);
        setItem->setExpanded(true);
    }
    if (!selected.isEmpty()) {
        selectId(selected);
    }
}

QTreeWidgetItem* RunSheetTree::itemWithId(const QString& id) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* set = topLevelItem(i);
        if (set->data(0, IdRole).toString() == id) {
            return set;
        }
        for (int j = 0; j < set->childCount(); ++j) {
            if (set->child(j)->data(0, IdRole).toString() == id) {
                return set->child(j);
            }
        }
    }
    return nullptr;
}

void RunSheetTree::selectId(const QString& id)
{
    if (QTreeWidgetItem* item = itemWithId(id)) {
        setCurrentItem(item);
        scrollToItem(item);
    }
}

QString RunSheetTree::selectedId() const
{
    const auto items = selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(0, IdRole).toString();
}

QString RunSheetTree::selectedKind() const
{
    const auto items = selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(0, KindRole).toString();
}

QString RunSheetTree::currentSetId() const
{
    const auto items = selectedItems();
    if (!items.isEmpty()) {
        QTreeWidgetItem* item = items.first();
        return (item->parent() != nullptr ? item->parent() : item)->data(0, IdRole).toString();
    }
    return topLevelItemCount() > 0 ? topLevelItem(topLevelItemCount() - 1)->data(0, IdRole).toString() : QString();
}

bool RunSheetTree::resolveDrop(QTreeWidgetItem* dragged, QTreeWidgetItem* target, DropPlace place, QString& parentId,
                               QString& beforeId) const
{
    if (dragged == nullptr) {
        return false;
    }
    const auto idOf = [](const QTreeWidgetItem* item) { return item != nullptr ? item->data(0, IdRole).toString() : QString(); };
    const bool draggingSet = dragged->data(0, KindRole).toString() == kSet;
    if (target == nullptr || place == DropPlace::Nowhere) {
        if (draggingSet) {
            parentId.clear();
            beforeId.clear();  // sets: to the end
            return true;
        }
        if (topLevelItemCount() == 0) {
            return false;
        }
        parentId = idOf(topLevelItem(topLevelItemCount() - 1));
        beforeId.clear();
        return true;
    }
    QTreeWidgetItem* targetSet = target->parent() != nullptr ? target->parent() : target;
    const bool onSet = target->parent() == nullptr;
    if (draggingSet) {
        // A set goes before the set it is dropped on (or after it when dropped below it).
        const int index = indexOfTopLevelItem(targetSet);
        const bool after = place == DropPlace::Below && onSet;
        parentId.clear();
        beforeId = after ? idOf(topLevelItem(index + 1)) : idOf(targetSet);
        return idOf(dragged) != beforeId;
    }
    if (onSet) {
        if (place == DropPlace::Above) {
            // Above a set's title: the end of the set before it.
            const int index = indexOfTopLevelItem(targetSet);
            if (index == 0) {
                parentId = idOf(targetSet);
                beforeId = targetSet->childCount() > 0 ? idOf(targetSet->child(0)) : QString();
                return true;
            }
            parentId = idOf(topLevelItem(index - 1));
            beforeId.clear();
            return true;
        }
        // On or just below a set's title: the start of that set.
        parentId = idOf(targetSet);
        beforeId = targetSet->childCount() > 0 ? idOf(targetSet->child(0)) : QString();
        return true;
    }
    parentId = idOf(targetSet);
    if (place == DropPlace::Below) {
        const int index = targetSet->indexOfChild(target);
        beforeId = index + 1 < targetSet->childCount() ? idOf(targetSet->child(index + 1)) : QString();
    } else {
        beforeId = idOf(target);
    }
    return true;
}

void RunSheetTree::dropEvent(QDropEvent* event)
{
    // The tree never rearranges itself: the database decides and the page refills it.
    event->setDropAction(Qt::IgnoreAction);
    event->accept();
    const auto items = selectedItems();
    const bool ours = event->source() == this
                      || (event->source() == nullptr && event->mimeData()->hasFormat(QStringLiteral("application/x-qabstractitemmodeldatalist")));
    if (items.isEmpty() || !ours) {
        return;
    }
    QTreeWidgetItem* dragged = items.first();
    QString parentId;
    QString beforeId;
    const DropPlace place = [this] {
        switch (dropIndicatorPosition()) {
        case AboveItem:
            return DropPlace::Above;
        case BelowItem:
            return DropPlace::Below;
        case OnItem:
            return DropPlace::On;
        case OnViewport:
            break;
        }
        return DropPlace::Nowhere;
    }();
    if (!resolveDrop(dragged, itemAt(event->position().toPoint()), place, parentId, beforeId)) {
        return;
    }
    const QString id = dragged->data(0, IdRole).toString();
    if (id == beforeId) {
        return;
    }
    if (dragged->data(0, KindRole).toString() == kSet) {
        Q_EMIT setMoveRequested(id, beforeId);
    } else {
        Q_EMIT entryMoveRequested(id, parentId, beforeId);
    }
}

}  // namespace bandmate::ui
