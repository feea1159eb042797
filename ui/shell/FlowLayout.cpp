#include "ui/shell/FlowLayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace bandmate::ui {

FlowLayout::FlowLayout(QWidget* parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent), m_horizontal(horizontalSpacing), m_vertical(verticalSpacing)
{
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem* item = takeAt(0)) {
        delete item;
    }
}

void FlowLayout::setRightAligned(bool right)
{
    m_right = right;
    invalidate();
}

void FlowLayout::addItem(QLayoutItem* item)
{
    m_items.append(item);
    invalidate();
}

int FlowLayout::count() const
{
    return static_cast<int>(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem* FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size()) {
        return nullptr;
    }
    invalidate();
    return m_items.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item: everything else can go on a row of its own.
    QSize size;
    for (const QLayoutItem* item : m_items) {
        if (!item->isEmpty()) {
            size = size.expandedTo(item->sizeHint());
        }
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one row.
    int width = 0;
    int height = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty()) {
            continue;
        }
        width += (width > 0 ? m_horizontal : 0) + item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

void FlowLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    // Rows first (which items, how wide, how high), then place them.
    struct Row {
        QList<QLayoutItem*> items;
        int width = 0;
        int height = 0;
    };
    QList<Row> rows(1);
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty()) {
            continue;
        }
        const QSize hint = item->sizeHint();
        Row* row = &rows.last();
        const int needed = row->items.isEmpty() ? hint.width() : row->width + m_horizontal + hint.width();
        if (!row->items.isEmpty() && needed > area.width()) {
            rows.append(Row{});
            row = &rows.last();
        }
        row->width = row->items.isEmpty() ? hint.width() : row->width + m_horizontal + hint.width();
        row->height = std::max(row->height, hint.height());
        row->items.append(item);
    }
    int y = area.y();
    for (const Row& row : rows) {
        if (row.items.isEmpty()) {
            continue;
        }
        // What the row leaves over goes to its expanding items, shared equally.
        // (Its own size policy: a group widget holding a slider would count as expanding too.)
        const auto expands = [](QLayoutItem* item) {
            return item->widget() != nullptr ? (item->widget()->sizePolicy().horizontalPolicy() & QSizePolicy::ExpandFlag) != 0
                                             : (item->expandingDirections() & Qt::Horizontal) != 0;
        };
        const auto expanding = static_cast<int>(std::count_if(row.items.begin(), row.items.end(), expands));
        const int spare = std::max(0, area.width() - row.width);
        const int share = expanding > 0 ? spare / expanding : 0;
        int x = m_right && expanding == 0 ? area.x() + spare : area.x();
        for (QLayoutItem* item : row.items) {
            QSize hint = item->sizeHint();
            if (expands(item)) {
                hint.rwidth() += share;
            }
            if (apply) {
                const int width = std::min(hint.width(), area.width());
                const QRect place(x, y + (row.height - hint.height()) / 2, width, hint.height());
                // Right to left: the same rows, mirrored.
                item->setGeometry(QStyle::visualRect(parentWidget() != nullptr ? parentWidget()->layoutDirection() : Qt::LeftToRight, area, place));
            }
            x += hint.width() + m_horizontal;
        }
        y += row.height + m_vertical;
    }
    const QMargins margins = contentsMargins();
    return std::max(0, y - m_vertical - area.y()) + margins.top() + margins.bottom();
}

}  // namespace bandmate::ui
