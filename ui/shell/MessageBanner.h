#pragma once

#include <QLabel>

namespace bandmate::ui {

/// A one-line message above a page's content: green for done, red for a problem. It hides itself
/// after eight seconds unless another message replaced it.
class MessageBanner : public QLabel {
    Q_OBJECT
public:
    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(const QString& text, bool error);
    /// The text while the banner is visible, else empty (for tests).
    [[nodiscard]] QString visibleText() const;
};

}  // namespace bandmate::ui
