#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class AudioSettingsPanel;
class Settings;

/// Edit > Preferences: appearance and start-up choices, and where the data lives. Writes to
/// Settings only when accepted.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(Settings& settings, const core::Database& db, QWidget* parent = nullptr);

    void accept() override;

Q_SIGNALS:
    /// The audio tab is about to open the audio device: whoever holds it lets go.
    void audioDeviceWanted();

private:
    Settings& m_settings;
    void showLanguageNote();
    /// The MIDI out rows of the Sync & MIDI tab.
    void addMidiOut(const Settings& settings, QWidget* tab, QFormLayout* form);

    QComboBox* m_colorScheme = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QComboBox* m_startPage = nullptr;
    QComboBox* m_instructorVoice = nullptr;
    AudioSettingsPanel* m_audio = nullptr;
    QCheckBox* m_link = nullptr;
    QComboBox* m_linkQuantum = nullptr;
    QCheckBox* m_linkStartStop = nullptr;
    QComboBox* m_jackTransport = nullptr;
    QComboBox* m_midiClockFrom = nullptr;
    QComboBox* m_sectionsFrom = nullptr;
    QComboBox* m_midiClockTo = nullptr;
    QComboBox* m_midiNotesTo = nullptr;
    QComboBox* m_midiChannel = nullptr;
    QCheckBox* m_midiMute = nullptr;
};

}  // namespace bandmate::ui
