#include "ui/shell/AudioSettingsPanel.h"

#include "audio/coach/Calibration.h"
#include "audio/device/LivePlayer.h"
#include "audio/engine/AudioSystem.h"
#include "audio/engine/Engine.h"
#include "core/util/Result.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

#include <cmath>

namespace bandmate::ui {

QString openedAs(const audio::DeviceInfo& info)
{
    return QStringLiteral("%1 / %2 / %3 ch %4 / %5 Hz / %6 frames")
        .arg(QString::fromStdString(info.driver), QString::fromStdString(info.device), QString::fromStdString(info.inputDevice))
        .arg(info.inputChannel + 1)
        .arg(info.sampleRate, 0, 'f', 0)
        .arg(info.bufferFrames);
}

QString AudioSettingsPanel::coachErrorText(const core::Error& error)
{
    const std::string& where = error.where;
    if (where == "calibration:silent") {
        return tr("no click came back: is the input connected and unmuted, and are the speakers on?");
    }
    if (where == "calibration:quiet") {
        return tr("too few clicks came back clearly: turn the speakers or the input up, or calibrate somewhere quieter.");
    }
    if (where == "calibration:unclear") {
        return tr("the clicks came back at two delays alike: an echo or a steady sound in the room confuses them.");
    }
    if (where == "calibration:dropout" || where == "calibration:restart" || where == "live:restart") {
        return tr("the audio dropped out: close other programs or choose a larger buffer, and try again.");
    }
    if (where == "calibration:stopped" || where == "live:stopped") {
        return tr("the audio device stopped.");
    }
    if (where == "live:overflow") {
        return tr("the computer fell behind and lost part of the take: close other programs and play it again.");
    }
    if (where == "live:stopped-early") {
        return tr("stopped before a whole bar was played.");
    }
    if (where == "kit") {
        return tr("the built-in sample kit is not installed here.");
    }
    if (where == "input device") {
        return tr("choose the input you play into in Preferences › Audio.");
    }
    // Device names and what the driver said: as the driver said it.
    return QString::fromStdString(error.message);
}

QProgressBar* AudioSettingsPanel::newInputMeter(QWidget* parent)
{
    auto* meter = new QProgressBar(parent);
    meter->setRange(0, 60);  // −60 … 0 dBFS
    meter->setValue(0);
    meter->setTextVisible(false);
    meter->setMaximumHeight(meter->fontMetrics().height() / 2 + 4);
    meter->setAccessibleName(tr("Input level"));
    return meter;
}

void AudioSettingsPanel::showInputPeak(QProgressBar* meter, float peak)
{
    meter->setValue(peak > 0.001f ? static_cast<int>(std::lround(60.0 + 20.0 * std::log10(peak))) : 0);
}

audio::DeviceSettings deviceSettingsOf(const Settings::AudioOutput& setup, bool listen)
{
    audio::DeviceSettings settings;
    settings.driver = setup.driver.toStdString();
    settings.device = setup.device.toStdString();
    settings.sampleRate = setup.sampleRate;
    settings.bufferFrames = setup.bufferFrames;
    if (listen) {
        settings.inputDevice = setup.inputDevice.toStdString();
        settings.inputChannel = setup.inputChannel;
    }
    return settings;
}

AudioSettingsPanel::AudioSettingsPanel(Settings& settings, QWidget* parent) : QWidget(parent), m_settings(settings)
{
    const Settings::AudioOutput current = settings.audioOutput();
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

    // The input the timing coach listens on.
    auto* listening = new QLabel(tr("Listening, for the timing coach"), this);
    QFont heading = listening->font();
    heading.setBold(true);
    listening->setFont(heading);
    listening->setContentsMargins(0, fontMetrics().height() / 2, 0, 0);
    form->addRow(listening);
    m_input = new QComboBox(this);
    m_input->setObjectName(QStringLiteral("audioInput"));
    m_input->setToolTip(tr("The microphone or interface input the timing coach listens on while you play along"));
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    m_channel = new QSpinBox(this);
    m_channel->setObjectName(QStringLiteral("audioInputChannel"));
    m_channel->setRange(1, 64);
    m_channel->setPrefix(tr("channel "));
    m_channel->setAccessibleName(tr("Input channel"));
    m_channel->setValue(current.inputChannel + 1);
    inputRow->addWidget(m_channel);
    auto* inputLabel = new QLabel(tr("&Input:"), this);
    inputLabel->setBuddy(m_input);
    form->addRow(inputLabel, inputRow);
    fillInputs();
    if (!current.inputDevice.isEmpty() && m_input->findData(current.inputDevice) < 0) {
        // Unplugged for now: kept, so OK for another change does not forget it.
        m_input->addItem(tr("%1 (not connected)").arg(current.inputDevice), current.inputDevice);
    }
    m_input->setCurrentIndex(std::max(0, m_input->findData(current.inputDevice)));
    connect(m_driver, &QComboBox::currentIndexChanged, this, &AudioSettingsPanel::fillInputs);

    m_level = newInputMeter(this);
    m_level->setObjectName(QStringLiteral("audioInputLevel"));
    m_level->setToolTip(tr("The input's level while the test sound or the calibration plays"));
    form->addRow(tr("Level:"), m_level);

    m_calibrate = new QPushButton(tr("&Calibrate latency"), this);
    m_calibrate->setObjectName(QStringLiteral("audioCalibrate"));
    m_calibrate->setToolTip(tr("Plays eight clicks and listens for them on the input: how late your setup hears what it "
                               "plays. The timing coach takes it off every hit."));
    connect(m_calibrate, &QPushButton::clicked, this, &AudioSettingsPanel::calibrate);
    form->addRow(QString(), m_calibrate);
    m_calibration = new QLabel(this);
    m_calibration->setObjectName(QStringLiteral("audioCalibration"));
    m_calibration->setWordWrap(true);
    form->addRow(m_calibration);
    for (QComboBox* box : {m_driver, m_device, m_sampleRate, m_buffer, m_input}) {
        connect(box, &QComboBox::currentIndexChanged, this, &AudioSettingsPanel::showStoredRoundTrip);
    }
    connect(m_channel, &QSpinBox::valueChanged, this, &AudioSettingsPanel::showStoredRoundTrip);
    showStoredRoundTrip();

    m_testTimer = new QTimer(this);
    m_testTimer->setSingleShot(true);
    connect(m_testTimer, &QTimer::timeout, this, &AudioSettingsPanel::stopTestSound);
    m_poll = new QTimer(this);
    m_poll->setInterval(30);
    connect(m_poll, &QTimer::timeout, this, &AudioSettingsPanel::poll);
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

void AudioSettingsPanel::fillInputs()
{
    m_input->clear();
    m_input->addItem(tr("None"), QString());
    const QString driver = m_driver->currentData().toString();
    m_input->setEnabled(!driver.isEmpty());
    m_input->setToolTip(driver.isEmpty() ? tr("Choose a driver first: the input comes from the same one as the output")
                                         : tr("The microphone or interface input the timing coach listens on while you play along"));
    if (driver.isEmpty()) {
        return;
    }
    for (const auto& device : audio::AudioSystem::inputDevicesNonRealTime(driver.toStdString())) {
        m_input->addItem(QString::fromStdString(device), QString::fromStdString(device));
    }
}

Settings::AudioOutput AudioSettingsPanel::output() const
{
    Settings::AudioOutput output;
    output.driver = m_driver->currentData().toString();
    output.device = m_device->currentData().toString();
    output.sampleRate = m_sampleRate->currentData().toDouble();
    output.bufferFrames = m_buffer->currentData().toInt();
    output.inputDevice = m_input->currentData().toString();
    output.inputChannel = m_channel->value() - 1;
    return output;
}

audio::DeviceSettings AudioSettingsPanel::deviceSettings() const
{
    return deviceSettingsOf(output(), true);
}

void AudioSettingsPanel::showStoredRoundTrip()
{
    if (m_calibrator) {
        return;  // measuring: its result follows
    }
    const Settings::AudioOutput chosen = output();
    if (chosen.driver.isEmpty()) {
        m_calibration->setText(tr("To play along with the timing coach, choose a driver (not Automatic), then the input you play into."));
        m_calibrate->setEnabled(false);
        return;
    }
    if (chosen.inputDevice.isEmpty()) {
        m_calibration->setText(tr("Choose the input you play into to calibrate the timing coach."));
        m_calibrate->setEnabled(false);
        return;
    }
    m_calibrate->setEnabled(true);
    const auto stored = m_settings.roundTrip(Settings::audioSetupKey(chosen));
    m_calibration->setText(stored ? tr("Calibrated: your setup hears what it plays %1 ms later.").arg(stored->ms, 0, 'f', 1)
                                  : tr("Not calibrated for this setup yet: the timing coach cannot tell your timing from "
                                       "your setup's delay until it is."));
}

void AudioSettingsPanel::playTestSound()
{
    stopTestSound();
    Q_EMIT deviceWanted();
    // With the input too, for the level meter; when the input will not open, the output alone
    // (the test is of the output) and a word about the input.
    auto player = audio::LivePlayer::openNonRealTime(deviceSettings());
    QString inputProblem;
    if (!player && !output().inputDevice.isEmpty()) {
        inputProblem = QString::fromStdString(player.error().message);
        player = audio::LivePlayer::openNonRealTime(deviceSettingsOf(output(), false));
    }
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
                          .arg(info.outputLatencySeconds() * 1000.0, 0, 'f', 1)
                      + (inputProblem.isEmpty() ? QString() : QStringLiteral(" ") + tr("The input could not be opened: %1").arg(inputProblem)));
    m_testTimer->start(2500);
    m_poll->start();
}

void AudioSettingsPanel::calibrate()
{
    stopTestSound();
    const audio::DeviceSettings settings = deviceSettings();
    if (settings.inputDevice.empty()) {
        m_calibration->setText(tr("Choose the input you play into first."));
        Q_EMIT calibrated();
        return;
    }
    Q_EMIT deviceWanted();
    auto player = audio::LivePlayer::openNonRealTime(settings);
    if (!player) {
        m_calibration->setText(tr("Could not open the devices: %1").arg(QString::fromStdString(player.error().message)));
        Q_EMIT calibrated();
        return;
    }
    m_player = std::move(*player);
    auto calibrator = audio::Calibrator::startNonRealTime(*m_player);
    if (!calibrator) {
        m_calibration->setText(tr("Could not calibrate: %1").arg(coachErrorText(calibrator.error())));
        m_player.reset();
        Q_EMIT calibrated();
        return;
    }
    m_calibrator = std::move(*calibrator);
    m_calibratedSetup = output();
    m_calibratedAs = openedAs(m_player->info());
    setSetupEditable(false);  // what is measured stays what is shown
    m_calibration->setText(tr("Listening for eight clicks… Keep the room quiet and the speakers on."));
    m_poll->start();
}

void AudioSettingsPanel::poll()
{
    if (m_player) {
        const float peak = m_player->takeInputPeak();
        showInputPeak(m_level, peak);
    }
    if (!m_calibrator) {
        if (!m_player) {
            m_poll->stop();
            m_level->setValue(0);
        }
        return;
    }
    m_calibrator->pollNonRealTime();
    if (!m_calibrator->finished()) {
        return;
    }
    auto trip = m_calibrator->finishNonRealTime();
    m_calibrator.reset();
    m_player.reset();
    m_poll->stop();
    m_level->setValue(0);
    setSetupEditable(true);
    if (!trip) {
        m_calibration->setText(tr("Not calibrated: %1").arg(coachErrorText(trip.error())));
        Q_EMIT calibrated();
        return;
    }
    m_settings.setRoundTrip(Settings::audioSetupKey(m_calibratedSetup), {trip->ms(), m_calibratedAs});
    m_settings.sync();
    m_calibration->setText(tr("Calibrated: your setup hears what it plays %1 ms later (%2 of %3 clicks came back).")
                               .arg(trip->ms(), 0, 'f', 1)
                               .arg(trip->clicksHeard)
                               .arg(trip->clicksPlayed));
    Q_EMIT calibrated();
}

void AudioSettingsPanel::stopTestSound()
{
    const bool calibrating = m_calibrator != nullptr;
    m_calibrator.reset();  // stops the device
    if (m_player) {
        m_player->stop();
        m_player.reset();
    }
    m_engine.reset();
    if (calibrating) {
        setSetupEditable(true);
        showStoredRoundTrip();
    }
}

void AudioSettingsPanel::setSetupEditable(bool editable)
{
    for (QWidget* widget : std::initializer_list<QWidget*>{m_driver, m_device, m_sampleRate, m_buffer, m_channel, m_test}) {
        widget->setEnabled(editable);
    }
    m_input->setEnabled(editable && !m_driver->currentData().toString().isEmpty());
    m_calibrate->setEnabled(editable && !m_input->currentData().toString().isEmpty());
}

QString AudioSettingsPanel::calibrationText() const
{
    return m_calibration->text();
}

QString AudioSettingsPanel::statusText() const
{
    return m_status->text();
}

}  // namespace bandmate::ui
