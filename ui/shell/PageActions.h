#pragma once

#include <QAbstractButton>
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

/// The same for a button of the page that has no key: the menu entry clicks it, and is enabled
/// when the button is (MainWindow checks as the menu opens). `text` defaults to the button's.
inline QAction* addPageButtonAction(QWidget* page, QAbstractButton* button, const QString& text = {}, const QString& group = {})
{
    auto* action = new QAction(text.isEmpty() ? button->text() : text, page);
    action->setProperty("bandmatePageAction", true);
    action->setProperty("bandmateGroup", group);
    action->setProperty("bandmateButton", QVariant::fromValue<QObject*>(button));
    QObject::connect(action, &QAction::triggered, button, &QAbstractButton::click);
    page->addAction(action);
    return action;
}

}  // namespace bandmate::ui
