#pragma once

#include "ui/shell/Settings.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace bandmate::audio {
class Engine;
class LivePlayer;
}  // namespace bandmate::audio

namespace bandmate::ui {

/// Preferences › Audio: driver, output device, sample rate and buffer size, and a test sound
/// that opens the device and reports its measured output latency.
class AudioSettingsPanel : public QWidget {
    Q_OBJECT
public:
    AudioSettingsPanel(const Settings::AudioOutput& current, QWidget* parent = nullptr);
    ~AudioSettingsPanel() override;

    [[nodiscard]] Settings::AudioOutput output() const;
    /// Plays four clicks through the chosen output; the result shows in the status line.
    void playTestSound();
    [[nodiscard]] QString statusText() const;

private:
    void fillDevices();
    void stopTestSound();

    QComboBox* m_driver = nullptr;
    QComboBox* m_device = nullptr;
    QComboBox* m_sampleRate = nullptr;
    QComboBox* m_buffer = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_testTimer = nullptr;
    std::unique_ptr<audio::Engine> m_engine;
    std::unique_ptr<audio::LivePlayer> m_player;
};

}  // namespace bandmate::ui
