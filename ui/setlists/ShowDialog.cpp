#include "ui/setlists/ShowDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>

namespace bandmate::ui {

ShowDialog::ShowDialog(const core::setlists::Show& show, QWidget* parent) : QDialog(parent), m_show(show)
{
    setWindowTitle(show.id.isEmpty() ? tr("New show") : tr("Show details"));
    auto* form = new QFormLayout(this);
    m_name = new QLineEdit(show.name, this);
    m_name->setObjectName(QStringLiteral("showName"));
    m_name->setPlaceholderText(tr("Friday at Café Oslo"));
    form->addRow(tr("&Name:"), m_name);
    m_date = new QDateEdit(show.date.isValid() ? show.date : QDate::currentDate(), this);
    m_date->setObjectName(QStringLiteral("showDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    form->addRow(tr("&Date:"), m_date);
    m_start = new QTimeEdit(show.startTime.isValid() ? show.startTime : QTime(20, 0), this);
    m_start->setDisplayFormat(QStringLiteral("HH:mm"));
    form->addRow(tr("&Starts at:"), m_start);
    m_venue = new QLineEdit(show.venue, this);
    form->addRow(tr("&Venue:"), m_venue);
    m_city = new QLineEdit(show.city, this);
    form->addRow(tr("&City:"), m_city);
    m_slot = new QSpinBox(this);
    m_slot->setRange(0, 24 * 60);
    m_slot->setSingleStep(15);
    m_slot->setSuffix(tr(" min"));
    m_slot->setSpecialValueText(tr("no limit"));
    m_slot->setValue(show.slotMinutes);
    form->addRow(tr("S&lot length:"), m_slot);
    m_fee = new QDoubleSpinBox(this);
    m_fee->setRange(0, 1e9);
    m_fee->setDecimals(0);
    m_fee->setSpecialValueText(tr("unpaid"));
    m_fee->setValue(show.fee);
    m_fee->setToolTip(tr("A fee makes the show count as a paid show on your roadmap."));
    form->addRow(tr("&Fee:"), m_fee);
    m_notes = new QPlainTextEdit(show.notes, this);
    m_notes->setFixedHeight(70);
    form->addRow(tr("N&otes:"), m_notes);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    const auto validate = [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty()); };
    connect(m_name, &QLineEdit::textChanged, this, validate);
    validate();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

core::setlists::Show ShowDialog::show() const
{
    core::setlists::Show show = m_show;
    show.name = m_name->text().trimmed();
    show.date = m_date->date();
    show.startTime = m_start->time();
    show.venue = m_venue->text().trimmed();
    show.city = m_city->text().trimmed();
    show.slotMinutes = m_slot->value();
    show.fee = m_fee->value();
    show.notes = m_notes->toPlainText();
    return show;
}

}  // namespace bandmate::ui
