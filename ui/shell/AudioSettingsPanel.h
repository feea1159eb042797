#pragma once

#include "ui/shell/Settings.h"

#include <QString>

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace bandmate::audio {
class Calibrator;
class Engine;
class LivePlayer;
struct DeviceInfo;
struct DeviceSettings;
}  // namespace bandmate::audio

namespace bandmate::core {
struct Error;
}

namespace bandmate::ui {

/// Preferences › Audio: driver, output device, sample rate and buffer size, and a test sound
/// that opens the device and reports its measured output latency; the input the timing coach
/// listens on (device and channel), its level, and the latency calibration, whose result is
/// kept in `settings` for that setup at once (it is a measurement, not a choice to confirm).
/// The device settings of a chosen setup, listening on its input when `listen` (the timing
/// coach; plain playback does not open the input).
[[nodiscard]] audio::DeviceSettings deviceSettingsOf(const Settings::AudioOutput& setup, bool listen);
/// What the devices opened as (names, rate, buffer), kept with a calibration.
[[nodiscard]] QString openedAs(const audio::DeviceInfo& info);

class AudioSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AudioSettingsPanel(Settings& settings, QWidget* parent = nullptr);
    ~AudioSettingsPanel() override;

    [[nodiscard]] Settings::AudioOutput output() const;
    /// Plays four clicks through the chosen output; the result shows in the status line.
    void playTestSound();
    /// Plays eight clicks and listens for them on the chosen input: the round trip shows in
    /// the calibration line and is kept. calibrated() follows.
    void calibrate();
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString calibrationText() const;
    /// A calibration's or a live take's error as a sentence in the interface's language.
    [[nodiscard]] static QString coachErrorText(const core::Error& error);
    /// An input level meter (−60 … 0 dBFS), and a peak (LivePlayer::takeInputPeak) shown on it.
    [[nodiscard]] static QProgressBar* newInputMeter(QWidget* parent);
    static void showInputPeak(QProgressBar* meter, float peak);

Q_SIGNALS:
    /// About to open the audio device (test sound, calibration): whoever holds it lets go.
    void deviceWanted();
    /// A calibration ended (measured, or failed: calibrationText() says why).
    void calibrated();

private:
    void fillDevices();
    void fillInputs();
    void stopTestSound();
    void poll();
    void showStoredRoundTrip();
    void setSetupEditable(bool editable);
    [[nodiscard]] audio::DeviceSettings deviceSettings() const;

    QComboBox* m_driver = nullptr;
    QComboBox* m_device = nullptr;
    QComboBox* m_sampleRate = nullptr;
    QComboBox* m_buffer = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_status = nullptr;
    QComboBox* m_input = nullptr;
    QSpinBox* m_channel = nullptr;
    QProgressBar* m_level = nullptr;
    QPushButton* m_calibrate = nullptr;
    QLabel* m_calibration = nullptr;
    QTimer* m_testTimer = nullptr;
    QTimer* m_poll = nullptr;  ///< the level meter and the calibration, while a device is open
    Settings& m_settings;
    Settings::AudioOutput m_calibratedSetup;  ///< what the calibration in flight measures
    QString m_calibratedAs;                   ///< and what it opened as
    std::unique_ptr<audio::Engine> m_engine;
    std::unique_ptr<audio::LivePlayer> m_player;
    std::unique_ptr<audio::Calibrator> m_calibrator;
};

}  // namespace bandmate::ui
