#include "ui/shell/MessageBanner.h"

#include <QTimer>

namespace bandmate::ui {

MessageBanner::MessageBanner(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageBanner::showMessage(const QString& text, bool error)
{
    setText(text);
    setStyleSheet(error ? QStringLiteral("background:#fde7e4;color:#8a1f11;padding:6px 10px;border-radius:6px;")
                        : QStringLiteral("background:#e6f4ea;color:#185c2b;padding:6px 10px;border-radius:6px;"));
    show();
    QTimer::singleShot(8000, this, [this, text] {
        if (this->text() == text) {
            hide();
        }
    });
}

QString MessageBanner::visibleText() const
{
    return isVisibleTo(parentWidget()) ? text() : QString();
}

}  // namespace bandmate::ui
