#pragma once

#include "core/roadmap/ProgressRepository.h"

#include <QAction>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QScrollArea;
class QStackedWidget;
class QVBoxLayout;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class MessageBanner;

/// The Path to Stardom: start a career roadmap, walk its stages, tick checklists, log the
/// numbers that data tasks track (they complete themselves at their target), keep notes.
/// Import and export roadmaps as JSON.
class RoadmapPage : public QWidget {
    Q_OBJECT
public:
    explicit RoadmapPage(core::Database& db, QWidget* parent = nullptr);

    /// Starts a built-in roadmap and shows it; false with the reason in the banner.
    bool startTemplate(const QString& slug);
    /// Imports a roadmap file as a custom roadmap; a bad file changes nothing.
    bool importFile(const QString& path);
    /// Saves an edited roadmap: a new custom roadmap when `customId` is empty, else a new version
    /// of that custom roadmap (progress of kept tasks stays).
    bool saveEdited(const core::roadmap::RoadmapTemplate& roadmap, const QString& customId);
    /// Reads the running roadmaps again.
    void reload();
    void selectStage(int index);
    [[nodiscard]] QString bannerText() const;
    [[nodiscard]] const core::roadmap::RoadmapState* current() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildEmptyState();
    QWidget* taskCard(const core::roadmap::TaskState& task);
    void upgradeFromShippedTemplates();
    void showStages();
    void showTasks();
    void report(const core::Result<void>& result);
    void showMessage(const QString& text, bool error);
    void exportCurrent();
    void newCustom();
    void editCurrent();
    void stopCurrent();

    core::Database& m_db;
    core::roadmap::ProgressRepository m_progress;
    QList<core::roadmap::RoadmapState> m_roadmaps;
    int m_roadmap = 0;
    int m_stage = 0;
    bool m_upgradeChecked = false;

    QStackedWidget* m_content = nullptr;
    MessageBanner* m_banner = nullptr;
    QComboBox* m_chooser = nullptr;
    QLabel* m_overall = nullptr;
    QList<QAction*> m_runningOnly;  ///< the commands that need a running roadmap
    QListWidget* m_stages = nullptr;
    QScrollArea* m_tasksScroll = nullptr;
    QLabel* m_stageSummary = nullptr;
};

}  // namespace bandmate::ui
