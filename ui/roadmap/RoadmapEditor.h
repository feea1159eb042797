#pragma once

#include "core/roadmap/RoadmapTemplate.h"

#include <QDialog>
#include <QUndoStack>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace bandmate::ui {

/// Edits a custom roadmap: stages and tasks in a tree (drag to reorder, also across stages),
/// the selected one's fields beside it, every change undoable (Ctrl+Z / Ctrl+Shift+Z).
class RoadmapEditor : public QDialog {
    Q_OBJECT
public:
    explicit RoadmapEditor(core::roadmap::RoadmapTemplate roadmap, QWidget* parent = nullptr);

    /// The roadmap as edited so far.
    [[nodiscard]] const core::roadmap::RoadmapTemplate& roadmap() const { return m_roadmap; }
    /// The roadmap as a validated document, or the first problem (with its JSON path).
    [[nodiscard]] core::Result<core::roadmap::RoadmapTemplate> validated() const;
    [[nodiscard]] QUndoStack* undoStack() { return &m_undo; }

    void addStage();
    /// Adds a task to the selected stage (or the stage of the selected task).
    void addTask();
    void removeSelected();
    /// Moves task `task` of stage `fromStage` to position `toIndex` of stage `toStage`.
    void moveTask(int fromStage, int task, int toStage, int toIndex);
    void moveStage(int from, int to);
    /// Selects a stage (task < 0) or a task in the tree.
    void select(int stage, int task = -1);
    /// Takes the order of stages and tasks from the tree after a drag and drop moved its items
    /// (undoable): a stage dropped onto a stage goes after it, a task dropped outside every
    /// stage goes back.
    void treeDropped();

    void accept() override;

private:
    friend class RoadmapEditCommand;
    void apply(const QString& text, core::roadmap::RoadmapTemplate next);
    void setRoadmapFromUndo(const core::roadmap::RoadmapTemplate& roadmap);
    void rebuildTree();
    void showSelected();
    void commitFields();
    [[nodiscard]] QString uniqueSlug(const QString& title) const;

    core::roadmap::RoadmapTemplate m_roadmap;
    QUndoStack m_undo;
    QTreeWidget* m_tree = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_roadmapTitle = nullptr;
    QComboBox* m_type = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QPlainTextEdit* m_items = nullptr;
    QLineEdit* m_metricKey = nullptr;
    QLineEdit* m_metricUnit = nullptr;
    QDoubleSpinBox* m_metricTarget = nullptr;
    QComboBox* m_aggregate = nullptr;
    int m_stage = -1;
    int m_task = -1;
    bool m_rebuilding = false;
};

}  // namespace bandmate::ui
