#pragma once

#include "core/setlists/RunSheet.h"

#include <QTreeWidget>

namespace bandmate::ui {

/// A show's run-sheet as a tree: sets (with their length) holding songs and breaks with planned
/// start, key, tempo, length, notes and flow warnings. Entries and sets are dragged to reorder;
/// the tree never moves its own items but asks (signals) and is refilled from the database.
class RunSheetTree : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { Number, Start, Title, Key, Bpm, Length, Notes, ColumnCount };
    enum Role { IdRole = Qt::UserRole, KindRole };  ///< kind: "set", "song" or "break"
    /// Where a drop lands relative to the item under the mouse.
    enum class DropPlace { Above, Below, On, Nowhere };

    explicit RunSheetTree(QWidget* parent = nullptr);

    /// Shows `sheet` of `plan`, keeping the selected entry selected when it is still there.
    void populate(const core::setlists::ShowPlan& plan, const core::setlists::RunSheet& sheet);
    [[nodiscard]] QString selectedId() const;
    [[nodiscard]] QString selectedKind() const;
    /// The set holding the selection (or the selected set); the last set when nothing is selected.
    [[nodiscard]] QString currentSetId() const;
    void selectId(const QString& id);

    /// Where `dragged` lands when dropped at `position` relative to `target` (nullptr: below the
    /// last item): the set and the entry it goes before (empty: the end). False when it cannot.
    [[nodiscard]] bool resolveDrop(QTreeWidgetItem* dragged, QTreeWidgetItem* target, DropPlace place,
                                   QString& parentId, QString& beforeId) const;

Q_SIGNALS:
    void entryMoveRequested(const QString& entryId, const QString& setId, const QString& beforeEntryId);
    void setMoveRequested(const QString& setId, const QString& beforeSetId);

protected:
    void dropEvent(QDropEvent* event) override;

private:
    [[nodiscard]] QTreeWidgetItem* itemWithId(const QString& id) const;
};

}  // namespace bandmate::ui
