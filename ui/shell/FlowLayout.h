#pragma once

#include <QLayout>
#include <QList>

namespace bandmate::ui {

/// A row of widgets that wraps onto the next line when the width runs out, like words in a
/// paragraph: page headers and toolbars that fit a small laptop and stay one row on a large
/// screen. Each item keeps its size hint (never squeezed below it); an item that expands
/// horizontally (a search field) also takes what its row leaves over. Rows are as high as their
/// tallest item and items are centred in their row; rows start at the left unless
/// setRightAligned(true).
class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr, int horizontalSpacing = 8, int verticalSpacing = 6);
    ~FlowLayout() override;
    FlowLayout(const FlowLayout&) = delete;
    FlowLayout& operator=(const FlowLayout&) = delete;

    /// Rows end at the right edge (a header's commands) instead of starting at the left.
    void setRightAligned(bool right);

    void addItem(QLayoutItem* item) override;
    [[nodiscard]] int count() const override;
    [[nodiscard]] QLayoutItem* itemAt(int index) const override;
    [[nodiscard]] QLayoutItem* takeAt(int index) override;
    [[nodiscard]] Qt::Orientations expandingDirections() const override;
    [[nodiscard]] bool hasHeightForWidth() const override;
    [[nodiscard]] int heightForWidth(int width) const override;
    [[nodiscard]] QSize minimumSize() const override;
    [[nodiscard]] QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    /// Lays the items out in `rect` (only measures when `apply` is false); the height used.
    int arrange(const QRect& rect, bool apply) const;

    QList<QLayoutItem*> m_items;
    int m_horizontal;
    int m_vertical;
    bool m_right = false;
};

}  // namespace bandmate::ui
