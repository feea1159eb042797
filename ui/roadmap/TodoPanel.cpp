#include "ui/roadmap/TodoPanel.h"

#include "core/todo/Todos.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace bandmate::ui {

TodoPanel::TodoPanel(core::Database& db, QWidget* parent) : QWidget(parent), m_db(db)
{
    setObjectName(QStringLiteral("todoPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* entry = new QHBoxLayout();
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("todoTitle"));
    m_title->setPlaceholderText(tr("Add a to-do and press Enter…"));
    connect(m_title, &QLineEdit::returnPressed, this, &TodoPanel::addFromFields);
    entry->addWidget(m_title, 2);
    m_hasDue = new QCheckBox(tr("Due"), this);
    entry->addWidget(m_hasDue);
    m_due = new QDateEdit(QDate::currentDate(), this);
    m_due->setObjectName(QStringLiteral("todoDue"));
    m_due->setCalendarPopup(true);
    m_due->setEnabled(false);
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    entry->addWidget(m_due);
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("todoTags"));
    m_tags->setPlaceholderText(tr("tags, comma-separated"));
    entry->addWidget(m_tags, 1);
    auto* add = new QPushButton(tr("Add"), this);
    connect(add, &QPushButton::clicked, this, &TodoPanel::addFromFields);
    entry->addWidget(add);
    layout->addLayout(entry);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("todoList"));
    m_list->setAccessibleName(tr("To-dos"));
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const bool done = item->checkState() == Qt::Checked;
        if (done != item->data(Qt::UserRole + 1).toBool()) {
            (void)core::todo::TodoRepository(m_db).setDone(item->data(Qt::UserRole).toString(), done);
            QMetaObject::invokeMethod(this, &TodoPanel::reload, Qt::QueuedConnection);
        }
    });
    auto* remove = new QShortcut(QKeySequence::Delete, m_list);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        if (auto* item = m_list->currentItem()) {
            (void)core::todo::TodoRepository(m_db).remove(item->data(Qt::UserRole).toString());
            reload();
        }
    });
    layout->addWidget(m_list, 1);
    reload();
}

bool TodoPanel::addFromFields()
{
    core::todo::Todo todo;
    todo.title = m_title->text();
    if (m_hasDue->isChecked()) {
        todo.due = m_due->date();
    }
    todo.tags = m_tags->text().split(QLatin1Char(','));
    if (!core::todo::TodoRepository(m_db).save(todo)) {
        return false;
    }
    m_title->clear();
    reload();
    return true;
}

void TodoPanel::reload()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    const QDate today = QDate::currentDate();
    for (const auto& todo : core::todo::TodoRepository(m_db).all().value_or(QList<core::todo::Todo>{})) {
        QString text = todo.title;
        if (todo.due.isValid()) {
            text += todo.done ? QString() : todo.due < today ? tr("  — overdue, was due %1").arg(QLocale().toString(todo.due, QLocale::ShortFormat))
                                                             : tr("  — due %1").arg(QLocale().toString(todo.due, QLocale::ShortFormat));
        }
        for (const QString& tag : todo.tags) {
            text += QStringLiteral("  #") + tag;
        }
        auto* item = new QListWidgetItem(text, m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(todo.done ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::UserRole, todo.id);
        item->setData(Qt::UserRole + 1, todo.done);
        item->setToolTip(todo.notes);
        if (todo.done) {
            item->setForeground(palette().color(QPalette::PlaceholderText));
        } else if (todo.due.isValid() && todo.due < today) {
            item->setForeground(QColor(0xc0, 0x39, 0x2b));
        }
    }
}

}  // namespace bandmate::ui
