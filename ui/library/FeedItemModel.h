#pragma once

#include "core/feeds/FeedItemRepository.h"

#include <QAbstractTableModel>
#include <QList>

namespace bandmate::ui {

/// Feed items as table rows: state (new, starred, played), title, feed, date, songs. A new
/// item's title is bold; a played one's greyed.
class FeedItemModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { State, Title, Feed, Date, Songs, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setItems(QList<core::feeds::ItemView> items);
    [[nodiscard]] const core::feeds::ItemView* item(int row) const;
    [[nodiscard]] int rowOf(const QString& itemId) const;
    /// Changes one row's state in place (after a write), without reading the list again.
    void updateItem(const core::feeds::ItemView& item);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<core::feeds::ItemView> m_items;
};

}  // namespace bandmate::ui
