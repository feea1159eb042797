#include "ui/roadmap/TodoPanel.h"

#include "core/beats/MachineRepository.h"
#include "core/todo/Todos.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QMessageBox>
#include <QPlainTextEdit>
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

/// Every field of one to-do. The checklist is one item per line, "[x] " marks a done one.
class TodoDialog : public QDialog {
    Q_DECLARE_TR_FUNCTIONS(bandmate::ui::TodoDialog)

public:
    TodoDialog(core::Database& db, core::todo::Todo todo, QWidget* parent) : QDialog(parent), m_db(db), m_todo(std::move(todo))
    {
        setWindowTitle(tr("To-do"));
        setMinimumWidth(460);
        auto* form = new QFormLayout(this);
        m_title = new QLineEdit(m_todo.title, this);
        form->addRow(tr("&Title:"), m_title);
        m_hasDue = new QCheckBox(tr("Due on"), this);
        m_due = new QDateEdit(m_todo.due.isValid() ? m_todo.due : QDate::currentDate(), this);
        m_due->setCalendarPopup(true);
        m_hasDue->setChecked(m_todo.due.isValid());
        m_due->setEnabled(m_todo.due.isValid());
        connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
        auto* dueRow = new QHBoxLayout();
        dueRow->addWidget(m_hasDue);
        dueRow->addWidget(m_due, 1);
        form->addRow(tr("Due:"), dueRow);
        m_notes = new QPlainTextEdit(m_todo.notes, this);
        form->addRow(tr("&Notes:"), m_notes);
        QStringList lines;
        for (const auto& item : m_todo.checklist) {
            lines << (item.done ? QStringLiteral("[x] ") : QString()) + item.text;
        }
        m_checklist = new QPlainTextEdit(lines.join(QLatin1Char('\n')), this);
        m_checklist->setPlaceholderText(tr("One item per line; start a line with [x] when it is done"));
        form->addRow(tr("&Checklist:"), m_checklist);
        m_tags = new QLineEdit(m_todo.tags.join(QStringLiteral(", ")), this);
        form->addRow(tr("T&ags:"), m_tags);
        m_link = new QComboBox(this);
        m_link->addItem(tr("Nothing"), QString());
        for (const auto& machine : core::beats::MachineRepository(db).list().value_or(QList<core::beats::MachineSummary>{})) {
            m_link->addItem(tr("Machine: %1").arg(machine.title), machine.id);
        }
        m_link->setCurrentIndex(m_todo.linkKind == QLatin1String("machine") ? std::max(0, m_link->findData(m_todo.linkId)) : 0);
        form->addRow(tr("&Linked to:"), m_link);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        form->addRow(buttons);
    }

    void accept() override
    {
        m_todo.title = m_title->text();
        m_todo.notes = m_notes->toPlainText();
        m_todo.due = m_hasDue->isChecked() ? m_due->date() : QDate();
        m_todo.checklist.clear();
        for (QString line : m_checklist->toPlainText().split(QLatin1Char('\n'))) {
            const bool done = line.startsWith(QLatin1String("[x] "), Qt::CaseInsensitive);
            m_todo.checklist.append({done ? line.mid(4) : line, done});
        }
        m_todo.tags = m_tags->text().split(QLatin1Char(','));
        const QString link = m_link->currentData().toString();
        m_todo.linkKind = link.isEmpty() ? QString() : QStringLiteral("machine");
        m_todo.linkId = link;
        if (auto saved = core::todo::TodoRepository(m_db).save(m_todo); !saved) {
            QMessageBox::warning(this, windowTitle(), QString::fromStdString(saved.error().toString()));
            return;
        }
        QDialog::accept();
    }

private:
    core::Database& m_db;
    core::todo::Todo m_todo;
    QLineEdit* m_title = nullptr;
    QCheckBox* m_hasDue = nullptr;
    QDateEdit* m_due = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QPlainTextEdit* m_checklist = nullptr;
    QLineEdit* m_tags = nullptr;
    QComboBox* m_link = nullptr;
};

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
    m_tags->setPlaceholderText(tr("tags"));
    m_tags->setToolTip(tr("Tags, separated by commas"));
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
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) { edit(item->data(Qt::UserRole).toString()); });
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

void TodoPanel::edit(const QString& id)
{
    auto todo = core::todo::TodoRepository(m_db).get(id);
    if (!todo) {
        return;
    }
    TodoDialog dialog(m_db, *todo, this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
    }
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
        int ticked = 0;
        for (const auto& entry : todo.checklist) {
            ticked += entry.done ? 1 : 0;
        }
        if (!todo.checklist.isEmpty()) {
            item->setText(item->text() + tr("  [%1/%2]").arg(ticked).arg(todo.checklist.size()));
        }
        item->setToolTip(todo.notes.isEmpty() ? tr("Double-click to edit; Delete removes it") : todo.notes);
        if (todo.done) {
            item->setForeground(palette().color(QPalette::PlaceholderText));
        } else if (todo.due.isValid() && todo.due < today) {
            item->setForeground(QColor(0xc0, 0x39, 0x2b));
        }
    }
}

}  // namespace bandmate::ui
