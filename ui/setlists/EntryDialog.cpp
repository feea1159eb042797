#include "ui/setlists/EntryDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimeEdit>

namespace bandmate::ui {

using core::setlists::EntryKind;

EntryDialog::EntryDialog(const core::setlists::SetlistEntry& entry, const QString& songTitle, QWidget* parent)
    : QDialog(parent), m_entry(entry)
{
    const bool isBreak = entry.kind == EntryKind::Break;
    setWindowTitle(isBreak ? tr("Break") : tr("Song in the set"));
    auto* form = new QFormLayout(this);
    if (isBreak) {
        m_title = new QLineEdit(entry.title, this);
        form->addRow(tr("&Label:"), m_title);
    } else {
        auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(songTitle.toHtmlEscaped()), this);
        form->addRow(tr("Song:"), title);
    }
    m_length = new QTimeEdit(QTime(0, 0).addMSecs(static_cast<int>(entry.durationMs)), this);
    m_length->setObjectName(QStringLiteral("entryLength"));
    m_length->setDisplayFormat(QStringLiteral("H:mm:ss"));
    if (!isBreak) {
        m_length->setSpecialValueText(tr("the song's own length"));
    }
    form->addRow(isBreak ? tr("L&ength:") : tr("L&ength here:"), m_length);
    m_transpose = new QSpinBox(this);
    m_transpose->setRange(-11, 11);
    m_transpose->setSuffix(tr(" semitones"));
    m_transpose->setValue(entry.transpose);
    m_transpose->setVisible(!isBreak);
    if (!isBreak) {
        form->addRow(tr("&Transpose:"), m_transpose);
    }
    m_notes = new QLineEdit(entry.notes, this);
    m_notes->setObjectName(QStringLiteral("entryNotes"));
    m_notes->setPlaceholderText(tr("cover, guest, tape, segue…"));
    m_notes->setMinimumWidth(m_notes->fontMetrics().horizontalAdvance(m_notes->placeholderText()) + 24);  // the hint reads whole
    form->addRow(tr("&Notes:"), m_notes);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

core::setlists::SetlistEntry EntryDialog::entry() const
{
    core::setlists::SetlistEntry entry = m_entry;
    if (m_title != nullptr) {
        entry.title = m_title->text().trimmed();
    }
    entry.durationMs = QTime(0, 0).msecsTo(m_length->time());
    entry.transpose = m_transpose->value();
    entry.notes = m_notes->text().trimmed();
    return entry;
}

}  // namespace bandmate::ui
