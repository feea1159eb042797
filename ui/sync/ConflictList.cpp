#include "ui/sync/ConflictList.h"

#include "ui/shell/Heading.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bandmate::ui {

namespace {

/// "Song", "Setlist entry": the kind of item in words.
QString kindOf(const QString& entity)
{
    static const QHash<QString, const char*> kinds{
        {QStringLiteral("song"), QT_TRANSLATE_NOOP("ConflictList", "Song")},
        {QStringLiteral("show"), QT_TRANSLATE_NOOP("ConflictList", "Show")},
        {QStringLiteral("setlist_entry"), QT_TRANSLATE_NOOP("ConflictList", "Setlist entry")},
        {QStringLiteral("task"), QT_TRANSLATE_NOOP("ConflictList", "To-do")},
        {QStringLiteral("task_progress"), QT_TRANSLATE_NOOP("ConflictList", "Roadmap task")},
        {QStringLiteral("roadmap_task"), QT_TRANSLATE_NOOP("ConflictList", "Roadmap task")},
        {QStringLiteral("profile"), QT_TRANSLATE_NOOP("ConflictList", "Profile")},
    };
    const char* kind = kinds.value(entity, nullptr);
    return kind != nullptr ? QCoreApplication::translate("ConflictList", kind) : entity;
}

QString fieldName(const QString& field)
{
    if (field == QLatin1String("notes")) {
        return QCoreApplication::translate("ConflictList", "notes");
    }
    if (field == QLatin1String("chart")) {
        return QCoreApplication::translate("ConflictList", "chart");
    }
    if (field == QLatin1String("description")) {
        return QCoreApplication::translate("ConflictList", "description");
    }
    if (field == QLatin1String("goals")) {
        return QCoreApplication::translate("ConflictList", "goals");
    }
    return field;
}

QString firstLine(const QString& text)
{
    const QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    return line.size() > 80 ? line.left(79) + QChar(0x2026) : line;
}

}  // namespace

ConflictList::ConflictList(core::Database& db, QWidget* parent) : QWidget(parent), m_db(db)
{
    setObjectName(QStringLiteral("conflictList"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(makeHeading(tr("Edits that lost to another computer"), 13, this));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("conflicts"));
    m_list->setHeaderLabels({tr("Item"), tr("Field"), tr("Kept text"), tr("Written")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->setMinimumHeight(90);
    m_list->setMaximumHeight(220);
    layout->addWidget(m_list);

    auto* texts = new QGridLayout();
    texts->setRowStretch(1, 1);
    texts->addWidget(new QLabel(tr("Kept from the other edit:"), this), 0, 0, Qt::AlignBottom);
    texts->addWidget(new QLabel(tr("In the item now:"), this), 0, 1, Qt::AlignBottom);
    m_kept = new QPlainTextEdit(this);
    m_kept->setObjectName(QStringLiteral("conflictKept"));
    m_current = new QPlainTextEdit(this);
    m_current->setObjectName(QStringLiteral("conflictCurrent"));
    for (QPlainTextEdit* edit : {m_kept, m_current}) {
        edit->setReadOnly(true);
        edit->setMinimumHeight(90);
    }
    texts->addWidget(m_kept, 1, 0);
    texts->addWidget(m_current, 1, 1);
    layout->addLayout(texts, 1);

    auto* buttons = new QHBoxLayout();
    m_restore = new QPushButton(tr("&Restore this text"), this);
    m_restore->setObjectName(QStringLiteral("conflictRestore"));
    m_restore->setToolTip(tr("Put the kept text back in the item; the text it replaces is kept here in turn"));
    m_dismiss = new QPushButton(tr("&Dismiss"), this);
    m_dismiss->setObjectName(QStringLiteral("conflictDismiss"));
    m_dismiss->setToolTip(tr("Forget the kept text; the item stays as it is"));
    buttons->addWidget(m_restore);
    buttons->addWidget(m_dismiss);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b03020;"));
    m_error->hide();
    layout->addWidget(m_error);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { showSelected(); });
    connect(m_restore, &QPushButton::clicked, this, [this] { restoreSelected(); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismissSelected(); });
    reload();
}

void ConflictList::reload()
{
    auto conflicts = core::ConflictLog(m_db).open();
    m_error->setVisible(!conflicts);
    if (!conflicts) {
        m_error->setText(tr("Could not read the conflict log: %1").arg(QString::fromStdString(conflicts.error().message)));
        return;
    }
    m_conflicts = *conflicts;
    m_list->clear();
    for (const core::Conflict& conflict : m_conflicts) {
        auto* item = new QTreeWidgetItem(m_list, {kindOf(conflict.entity) + (conflict.label.isEmpty() ? QString() : QStringLiteral(": ") + conflict.label),
                                                  fieldName(conflict.field), firstLine(conflict.value),
                                                  QLocale().toString(QDateTime::fromMSecsSinceEpoch(conflict.lostAtMs), QLocale::ShortFormat)});
        item->setToolTip(2, conflict.value);
    }
    m_summary->setText(m_conflicts.isEmpty() ? tr("None. When the same notes, chart or description are changed on two computers before they sync, "
                                                  "the newer text is kept and the other one appears here.")
                                             : m_conflicts.size() == 1
                                                   ? tr("One text was changed on two computers at once. The newer edit was kept; the other one is "
                                                        "here to bring back if it was the one you wanted.")
                                                   : tr("%1 texts were changed on two computers at once. The newer edits were kept; the others are "
                                                        "here to bring back if they were the ones you wanted.")
                                                         .arg(m_conflicts.size()));
    m_list->setVisible(!m_conflicts.isEmpty());
    if (!m_conflicts.isEmpty()) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
        m_list->resizeColumnToContents(0);
        m_list->resizeColumnToContents(3);
    }
    showSelected();
}

int ConflictList::count() const
{
    return static_cast<int>(m_conflicts.size());
}

int ConflictList::selectedRow() const
{
    const int row = m_list->currentItem() != nullptr ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    return row < m_conflicts.size() ? row : -1;
}

void ConflictList::showSelected()
{
    const int row = selectedRow();
    const bool any = row >= 0;
    m_kept->setPlainText(any ? m_conflicts[row].value : QString());
    m_current->setPlainText(any ? m_conflicts[row].current : QString());
    for (QWidget* widget : std::initializer_list<QWidget*>{m_kept, m_current, m_restore, m_dismiss}) {
        widget->setVisible(!m_conflicts.isEmpty());
        widget->setEnabled(any);
    }
}

bool ConflictList::restoreSelected()
{
    const int row = selectedRow();
    if (row < 0) {
        return false;
    }
    if (auto restored = core::ConflictLog(m_db).restore(m_conflicts[row].id); !restored) {
        m_error->setText(tr("Could not restore the text: %1").arg(QString::fromStdString(restored.error().message)));
        m_error->show();
        return false;
    }
    reload();
    Q_EMIT restored();
    return true;
}

bool ConflictList::dismissSelected()
{
    const int row = selectedRow();
    if (row < 0) {
        return false;
    }
    if (auto dismissed = core::ConflictLog(m_db).dismiss(m_conflicts[row].id); !dismissed) {
        m_error->setText(tr("Could not dismiss it: %1").arg(QString::fromStdString(dismissed.error().message)));
        m_error->show();
        return false;
    }
    reload();
    return true;
}

}  // namespace bandmate::ui
