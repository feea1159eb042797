// The Beat Machine page's mixer: one row per instrument (on/off, program, volume, mute, solo).

#include "ui/beats/BeatMachinePage.h"
#include "ui/beats/BeatMachinePageParts.h"

namespace bandmate::ui {

using namespace beatpage;

QWidget* BeatMachinePage::buildMixer()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(section(tr("Instruments"), box));
    auto* scroll = new QScrollArea(box);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_mixer = new QWidget(scroll);
    m_mixer->setObjectName(QStringLiteral("mixer"));
    m_mixerGrid = new QGridLayout(m_mixer);
    m_mixerGrid->setContentsMargins(0, 0, 8, 0);
    m_mixerGrid->setHorizontalSpacing(10);
    m_mixerGrid->setVerticalSpacing(4);
    scroll->setWidget(m_mixer);
    layout->addWidget(scroll, 1);
    return box;
}

void BeatMachinePage::rebuildMixerRows()
{
    while (QLayoutItem* item = m_mixerGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_rows.clear();
    m_rowIds.clear();
    const auto& machine = m_session->machine();
    for (size_t i = 0; i < machine.instruments.size(); ++i) {
        const auto& instrument = machine.instruments[i];
        const int index = static_cast<int>(i);
        Row row;
        const QString number = i < 9 ? QString::number(i + 1) : i == 9 ? QStringLiteral("0") : QString();
        row.enabled = new QCheckBox(m_mixer);
        row.enabled->setToolTip(number.isEmpty() ? tr("On or off") : tr("On or off (%1)").arg(number));
        row.enabled->setAccessibleName(tr("%1 on").arg(QString::fromStdString(instrument.title)));
        connect(row.enabled, &QCheckBox::toggled, this, [this, index](bool on) { m_session->setInstrumentEnabled(index, on); });
        row.select = new QToolButton(m_mixer);
        row.select->setCheckable(true);
        row.select->setAutoRaise(true);
        row.select->setMinimumWidth(130);
        row.select->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row.select->setToolTip(tr("Edit this instrument's program below"));
        connect(row.select, &QToolButton::clicked, this, [this, index] { selectInstrument(index); });
        row.program = new QComboBox(m_mixer);
        row.program->setMinimumWidth(240);
        row.program->setToolTip(number.isEmpty() ? tr("Program") : tr("Program (Alt+%1 for the next)").arg(number));
        connect(row.program, &QComboBox::activated, this, [this, index](int program) { m_session->setActiveProgram(index, program); });
        row.volume = new QSlider(Qt::Horizontal, m_mixer);
        row.volume->setRange(0, 100);
        row.volume->setMinimumWidth(120);
        row.volume->setAccessibleName(tr("%1 volume").arg(QString::fromStdString(instrument.title)));
        connect(row.volume, &QSlider::valueChanged, this, [this, index](int v) { m_session->setInstrumentVolume(index, v / 100.0); });
        row.mute = new QToolButton(m_mixer);
        row.mute->setText(tr("M"));
        row.mute->setCheckable(true);
        row.mute->setToolTip(tr("Mute"));
        connect(row.mute, &QToolButton::toggled, this, [this, index](bool on) { m_session->setMuted(index, on); });
        row.solo = new QToolButton(m_mixer);
        row.solo->setText(tr("S"));
        row.solo->setCheckable(true);
        row.solo->setToolTip(tr("Solo"));
        connect(row.solo, &QToolButton::toggled, this, [this, index](bool on) { m_session->setSolo(index, on); });

        auto* key = new QLabel(number, m_mixer);
        key->setObjectName(QStringLiteral("sectionLabel"));
        m_mixerGrid->addWidget(key, index, 0);
        m_mixerGrid->addWidget(row.enabled, index, 1);
        m_mixerGrid->addWidget(row.select, index, 2);
        m_mixerGrid->addWidget(row.program, index, 3);
        m_mixerGrid->addWidget(row.volume, index, 4);
        m_mixerGrid->addWidget(row.mute, index, 5);
        m_mixerGrid->addWidget(row.solo, index, 6);
        m_rows.push_back(row);
        m_rowIds.push_back(instrument.id);
    }
    m_mixerGrid->setColumnStretch(3, 2);
    m_mixerGrid->setColumnStretch(4, 1);
    m_mixerGrid->setRowStretch(static_cast<int>(machine.instruments.size()), 1);
}

}  // namespace bandmate::ui
