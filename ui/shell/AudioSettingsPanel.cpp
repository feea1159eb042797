#include "ui/shell/AudioSettingsPanel.h"

#include "audio/device/LivePlayer.h"
#include "audio/engine/AudioSystem.h"
#include "audio/engine/Engine.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace bandmate::ui {

AudioSettingsPanel::AudioSettingsPanel(const Settings::AudioOutput& current, QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    m_driver = new QComboBox(this);
    m_driver->setObjectName(QStringLiteral("audioDriver"));
    m_driver->addItem(tr("Automatic (the first that works)"), QString());
    for (const auto& driver : audio::AudioSystem::driverTypesNonRealTime()) {
        m_driver->addItem(QString::fromStdString(driver), QString::fromStdString(driver));
    }
    m_driver->setCurrentIndex(std::max(0, m_driver->findData(current.driver)));
    form->addRow(tr("&Driver:"), m_driver);

    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("audioDevice"));
    form->addRow(tr("&Output:"), m_device);
    fillDevices();
    m_device->setCurrentIndex(std::max(0, m_device->findData(current.device)));
    connect(m_driver, &QComboBox::currentIndexChanged, this, &AudioSettingsPanel::fillDevices);

    m_sampleRate = new QComboBox(this);
    m_sampleRate->setObjectName(QStringLiteral("audioSampleRate"));
    m_sampleRate->addItem(tr("Device default"), 0.0);
    for (const double rate : {44100.0, 48000.0, 88200.0, 96000.0}) {
        m_sampleRate->addItem(tr("%1 Hz").arg(rate, 0, 'f', 0), rate);
    }
    m_sampleRate->setCurrentIndex(std::max(0, m_sampleRate->findData(current.sampleRate)));
    form->addRow(tr("&Sample rate:"), m_sampleRate);

    m_buffer = new QComboBox(this);
    m_buffer->setObjectName(QStringLiteral("audioBuffer"));
    m_buffer->addItem(tr("Device default"), 0);
    for (const int frames : {64, 128, 256, 512, 1024}) {
        m_buffer->addItem(tr("%1 frames").arg(frames), frames);
    }
    m_buffer->setCurrentIndex(std::max(0, m_buffer->findData(current.bufferFrames)));
    m_buffer->setToolTip(tr("Smaller buffers answer faster; raise it if you hear crackles"));
    form->addRow(tr("&Buffer:"), m_buffer);

    m_test = new QPushButton(tr("Play a test sound"), this);
    m_test->setObjectName(QStringLiteral("audioTest"));
    connect(m_test, &QPushButton::clicked, this, &AudioSettingsPanel::playTestSound);
    form->addRow(QString(), m_test);
    m_status = new QLabel(tr("Play the test sound to measure the output latency."), this);
    m_status->setObjectName(QStringLiteral("audioStatus"));
    m_status->setWordWrap(true);
    form->addRow(m_status);

    m_testTimer = new QTimer(this);
    m_testTimer->setSingleShot(true);
    connect(m_testTimer, &QTimer::timeout, this, &AudioSettingsPanel::stopTestSound);
}

AudioSettingsPanel::~AudioSettingsPanel()
{
    stopTestSound();
}

void AudioSettingsPanel::fillDevices()
{
    m_device->clear();
    m_device->addItem(tr("The driver's default"), QString());
    const QString driver = m_driver->currentData().toString();
    if (driver.isEmpty()) {
        return;
    }
    for (const auto& device : audio::AudioSystem::outputDevicesNonRealTime(driver.toStdString())) {
        m_device->addItem(QString::fromStdString(device), QString::fromStdString(device));
    }
}

Settings::AudioOutput AudioSettingsPanel::output() const
{
    return {m_driver->currentData().toString(), m_device->currentData().toString(),
            m_sampleRate->currentData().toDouble(), m_buffer->currentData().toInt()};
}

void AudioSettingsPanel::playTestSound()
{
    stopTestSound();
    const Settings::AudioOutput chosen = output();
    audio::DeviceSettings settings;
    settings.driver = chosen.driver.toStdString();
    settings.device = chosen.device.toStdString();
    settings.sampleRate = chosen.sampleRate;
    settings.bufferFrames = chosen.bufferFrames;
    auto player = audio::LivePlayer::openNonRealTime(settings);
    if (!player) {
        m_status->setText(tr("No sound: %1").arg(QString::fromStdString(player.error().message)));
        return;
    }
    m_player = std::move(*player);
    const audio::DeviceInfo& info = m_player->info();
    m_engine = std::make_unique<audio::Engine>();
    m_engine->prepareNonRealTime(info.sampleRate);
    m_engine->setTempo(120.0);
    m_engine->play(true);  // one bar of count-in clicks, nothing after
    m_player->start(*m_engine);
    m_status->setText(tr("Playing through %1 “%2”: %3 Hz, %4-frame buffer. Output latency %5 ms.")
                          .arg(QString::fromStdString(info.driver), QString::fromStdString(info.device))
                          .arg(info.sampleRate, 0, 'f', 0)
                          .arg(info.bufferFrames)
                          .arg(info.outputLatencySeconds() * 1000.0, 0, 'f', 1));
    m_testTimer->start(2500);
}

void AudioSettingsPanel::stopTestSound()
{
    if (m_player) {
        m_player->stop();
        m_player.reset();
    }
    m_engine.reset();
}

QString AudioSettingsPanel::statusText() const
{
    return m_status->text();
}

}  // namespace bandmate::ui
