#pragma once

#include "ui/shell/Settings.h"

#include <QWizard>

class QButtonGroup;
class QLabel;
class QLineEdit;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class AudioSettingsPanel;

/// The welcome on first start (Help › Welcome… later): the artist name, a roadmap to begin (or
/// none), a music folder to watch (or none) and the audio output with a test sound. Nothing is
/// written until Finish; Skip leaves everything as it was. Either way it is not shown again by
/// itself (Settings::welcomeDone). No sample content is added.
class WelcomeWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { Artist, Roadmap, Music, Audio };

    /// `db` and `settings` must outlive the wizard.
    WelcomeWizard(core::Database& db, Settings& settings, QWidget* parent = nullptr);

    /// Finish: saves the name, starts the roadmap, keeps the folder and the audio output.
    void accept() override;
    /// Skip: nothing changes, and the welcome does not come back by itself.
    void reject() override;

    /// What the pages hold now.
    [[nodiscard]] QString artistName() const;
    [[nodiscard]] QString roadmapSlug() const;  ///< empty: none
    [[nodiscard]] QString musicFolder() const;  ///< empty: none
    [[nodiscard]] AudioSettingsPanel* audioPanel() const { return m_audio; }
    /// What went wrong on Finish (a roadmap that could not start, ...), empty when nothing.
    [[nodiscard]] QString problem() const { return m_problem; }

Q_SIGNALS:
    /// Finish chose a music folder: the Library scans it.
    void musicFolderChosen(const QString& folder);

private:
    QWizardPage* buildArtistPage();
    QWizardPage* buildRoadmapPage();
    QWizardPage* buildMusicPage();
    QWizardPage* buildAudioPage();

    core::Database& m_db;
    Settings& m_settings;
    QLineEdit* m_artist = nullptr;
    QButtonGroup* m_roadmaps = nullptr;
    QStringList m_slugs;  ///< by button id; id 0 is "none"
    QLineEdit* m_folder = nullptr;
    AudioSettingsPanel* m_audio = nullptr;
    QString m_problem;
};

}  // namespace bandmate::ui
