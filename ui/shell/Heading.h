#pragma once

#include <QLabel>

namespace bandmate::ui {

/// A bold label in a larger type: a page's title (17 pt) or a section's (14-15 pt).
inline QLabel* makeHeading(const QString& text, double pointSize, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(pointSize);
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

}  // namespace bandmate::ui
