#include "ui/setlists/PractiseDialog.h"

#include "core/library/MusicalKey.h"
#include "ui/shell/Heading.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace bandmate::ui {

namespace sl = core::setlists;

PractiseDialog::PractiseDialog(const QString& showName, const sl::RunSheet& sheet, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Practise %1").arg(showName));
    setModal(false);
    resize(460, 420);
    for (const sl::RunSheetRow& row : sheet.rows) {
        if (row.entry.kind == sl::EntryKind::Song && !row.song.id.isEmpty()) {
            m_rows.append(row);
        }
    }
    auto* layout = new QVBoxLayout(this);
    m_title = makeHeading({}, 15, this);
    m_title->setObjectName(QStringLiteral("practiseTitle"));
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    m_list = new QListWidget(this);
    for (const sl::RunSheetRow& row : m_rows) {
        new QListWidgetItem(QStringLiteral("%1. %2").arg(row.number).arg(row.title), m_list);
    }
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row != m_current) {
            showSong(row);
        }
    });
    layout->addWidget(m_list, 1);
    auto* buttons = new QHBoxLayout();
    auto* previous = new QPushButton(tr("◀ Previous"), this);
    previous->setToolTip(tr("Page Up"));
    m_play = new QPushButton(tr("Play groove"), this);
    m_play->setObjectName(QStringLiteral("playGroove"));
    m_play->setToolTip(tr("Space"));
    auto* stop = new QPushButton(tr("Stop"), this);
    auto* next = new QPushButton(tr("Next ▶"), this);
    next->setToolTip(tr("Page Down"));
    for (QPushButton* button : {previous, m_play, stop, next}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    layout->addLayout(buttons);
    connect(previous, &QPushButton::clicked, this, [this] { showSong(m_current - 1); });
    connect(next, &QPushButton::clicked, this, [this] { showSong(m_current + 1); });
    connect(m_play, &QPushButton::clicked, this, &PractiseDialog::playGroove);
    connect(stop, &QPushButton::clicked, this, &PractiseDialog::stopRequested);
    connect(new QShortcut(QKeySequence(Qt::Key_PageUp), this), &QShortcut::activated, previous, &QPushButton::click);
    connect(new QShortcut(QKeySequence(Qt::Key_PageDown), this), &QShortcut::activated, next, &QPushButton::click);
    connect(new QShortcut(QKeySequence(Qt::Key_Space), this), &QShortcut::activated, m_play, &QPushButton::click);
    connect(this, &QDialog::finished, this, &PractiseDialog::stopRequested);
    showSong(m_rows.isEmpty() ? -1 : 0);
}

void PractiseDialog::showSong(int index)
{
    if (m_rows.isEmpty()) {
        m_title->setText(tr("No songs in this show yet"));
        m_details->clear();
        m_play->setEnabled(false);
        return;
    }
    m_current = std::clamp(index, 0, static_cast<int>(m_rows.size()) - 1);
    const sl::RunSheetRow& row = m_rows[m_current];
    m_list->setCurrentRow(m_current);
    m_title->setText(QStringLiteral("%1 / %2 · %3").arg(m_current + 1).arg(m_rows.size()).arg(row.title));
    QStringList details;
    if (!row.key.isEmpty()) {
        details << tr("Key %1").arg(row.key);
    }
    if (row.bpm > 0) {
        details << tr("%1 BPM").arg(row.bpm);
    }
    details << tr("starts %1").arg(core::setlists::formatStart(row.plannedStart));
    details << (row.song.machineRef.isEmpty() ? tr("no groove linked (choose one in the Library)") : tr("groove: %1").arg(row.song.machineRef.section(QLatin1Char(':'), 1)));
    if (!row.entry.notes.isEmpty()) {
        details << row.entry.notes;
    }
    m_details->setText(details.join(QStringLiteral(" · ")));
    m_play->setEnabled(!row.song.machineRef.isEmpty());
}

bool PractiseDialog::playGroove()
{
    if (m_current < 0 || m_rows[m_current].song.machineRef.isEmpty()) {
        return false;
    }
    const sl::RunSheetRow& row = m_rows[m_current];
    const auto key = core::library::MusicalKey::parse(row.key);
    Q_EMIT grooveRequested(row.song.machineRef, row.bpm, key ? key->pitchClass : -1);
    return true;
}

}  // namespace bandmate::ui
