#include "ui/library/FeedItemModel.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace bandmate::ui {

void FeedItemModel::setItems(QList<core::feeds::ItemView> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

const core::feeds::ItemView* FeedItemModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int FeedItemModel::rowOf(const QString& itemId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == itemId) {
            return row;
        }
    }
    return -1;
}

void FeedItemModel::updateItem(const core::feeds::ItemView& item)
{
    const int row = rowOf(item.id);
    if (row < 0) {
        return;
    }
    m_items[row] = item;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int FeedItemModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int FeedItemModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FeedItemModel::data(const QModelIndex& index, int role) const
{
    const core::feeds::ItemView* item = this->item(index.row());
    if (item == nullptr) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case State:
            return QString((item->starred ? QStringLiteral("★") : QString()) + (item->isNew ? QStringLiteral("●") : QString()));
        case Title:
            return item->title.isEmpty() ? tr("(untitled)") : item->title;
        case Feed:
            return item->feedName;
        case Date:
            return QLocale().toString((item->published.isValid() ? item->published : item->firstSeen).toLocalTime().date(), QLocale::ShortFormat);
        case Songs:
            return item->songs.isEmpty() ? QString() : QString::number(item->songs.size());
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == State) {
        QStringList states;
        if (item->isNew) {
            states.append(tr("New"));
        }
        if (item->starred) {
            states.append(tr("Starred"));
        }
        if (item->played) {
            states.append(tr("Played"));
        }
        return states.join(QStringLiteral(", "));
    }
    if (role == Qt::ToolTipRole && index.column() == Title) {
        return item->summary.isEmpty() ? QVariant() : QVariant(item->summary.left(240));
    }
    if (role == Qt::FontRole && item->isNew && index.column() == Title) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ForegroundRole && item->played && !item->isNew) {
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    }
    if (role == Qt::TextAlignmentRole && (index.column() == State || index.column() == Songs)) {
        return Qt::AlignCenter;
    }
    if (role == Qt::AccessibleTextRole && index.column() == State) {
        return data(index, Qt::ToolTipRole);
    }
    return {};
}

QVariant FeedItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case State: return QString();
    case Title: return tr("Title");
    case Feed: return tr("Feed");
    case Date: return tr("Date");
    case Songs: return tr("Songs");
    default: return {};
    }
}

}  // namespace bandmate::ui
