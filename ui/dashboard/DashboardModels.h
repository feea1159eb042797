#pragma once

#include "core/roadmap/Insights.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/todo/Todos.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>

namespace bandmate::ui {

/// The next actions of a roadmap: title (display), description (tooltip), stage title.
class NextActionsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { StageRole = Qt::UserRole + 1, TaskIdRole };
    using QAbstractListModel::QAbstractListModel;

    void setRoadmap(const core::roadmap::RoadmapState* roadmap, int count = 3);
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    struct Row {
        QString id;
        QString title;
        QString description;
        QString stage;
    };
    QList<Row> m_rows;
};

/// Stages of a roadmap: column 0 the title, column 1 the percent done.
class StageProgressModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setRoadmap(const core::roadmap::RoadmapState* roadmap);
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<std::pair<QString, int>> m_rows;
};

/// Achievements, newest first: the title (display) and the date earned (user role).
class AchievementsModel : public QAbstractListModel {
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;

    void setAchievements(QList<core::roadmap::Achievement> achievements);
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    QList<core::roadmap::Achievement> m_rows;
};

/// Today: the to-dos due (overdue first), then the next roadmap actions.
class TodayModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, IdRole };  ///< kind: "todo" or "roadmap"
    using QAbstractListModel::QAbstractListModel;

    void setItems(const QList<core::todo::Todo>& due, const core::roadmap::RoadmapState* roadmap, const QDate& today);
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    struct Row {
        QString kind;
        QString id;
        QString text;
        QString tip;
    };
    QList<Row> m_rows;
};

}  // namespace bandmate::ui
