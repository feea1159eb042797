#pragma once

#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QString>
#include <QWidget>

#include <functional>

namespace bandmate::ui {

/// A page's command with its text and shortcuts, active while the focus is inside `page`. The
/// main window lists a page's commands in the menu named after the page (those with the same
/// `group` in a submenu), so every shortcut can also be found and clicked there.
inline QAction* addPageAction(QWidget* page, const QString& text, const QList<QKeySequence>& keys, std::function<void()> slot,
                              const QString& group = {})
{
    auto* action = new QAction(text, page);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setProperty("bandmatePageAction", true);
    action->setProperty("bandmateGroup", group);
    QObject::connect(action, &QAction::triggered, page, [slot = std::move(slot)] { slot(); });
    page->addAction(action);
    return action;
}

}  // namespace bandmate::ui
