#include "ui/dashboard/DashboardModels.h"

#include <QLocale>

#include <algorithm>

namespace bandmate::ui {

void NextActionsModel::setRoadmap(const core::roadmap::RoadmapState* roadmap, int count)
{
    beginResetModel();
    m_rows.clear();
    if (roadmap != nullptr) {
        for (const auto* task : roadmap->nextActions(count)) {
            QString stage;
            for (const auto& candidate : roadmap->stages) {
                for (const auto& item : candidate.tasks) {
                    if (item.id == task->id) {
                        stage = candidate.title;
                    }
                }
            }
            m_rows.append({task->id, task->title, task->description, stage});
        }
    }
    endResetModel();
}

int NextActionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant NextActionsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.title;
    case Qt::ToolTipRole:
        return row.description;
    case StageRole:
        return row.stage;
    case TaskIdRole:
        return row.id;
    default:
        return {};
    }
}

void StageProgressModel::setRoadmap(const core::roadmap::RoadmapState* roadmap)
{
    beginResetModel();
    m_rows.clear();
    if (roadmap != nullptr) {
        for (const auto& stage : roadmap->stages) {
            m_rows.append({stage.title, stage.percent()});
        }
    }
    endResetModel();
}

int StageProgressModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int StageProgressModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant StageProgressModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& [title, percent] = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        return index.column() == 0 ? QVariant(title) : QVariant(percent);
    }
    if (role == Qt::TextAlignmentRole && index.column() == 1) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant StageProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section > 1) {
        return {};
    }
    return section == 0 ? tr("Stage") : tr("Done %");
}

void AchievementsModel::setAchievements(QList<core::roadmap::Achievement> achievements)
{
    beginResetModel();
    m_rows = std::move(achievements);
    std::reverse(m_rows.begin(), m_rows.end());
    endResetModel();
}

int AchievementsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant AchievementsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& achievement = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 — %2").arg(achievement.title, QLocale().toString(achievement.earnedAt.date(), QLocale::ShortFormat));
    case Qt::UserRole:
        return achievement.earnedAt;
    case Qt::ToolTipRole:
        return achievement.key;
    default:
        return {};
    }
}

void TodayModel::setItems(const QList<core::todo::Todo>& due, const core::roadmap::RoadmapState* roadmap, const QDate& today)
{
    beginResetModel();
    m_rows.clear();
    for (const auto& todo : due) {
        const QString when = todo.due < today ? tr("overdue since %1").arg(QLocale().toString(todo.due, QLocale::ShortFormat))
                                              : tr("due today");
        m_rows.append({QStringLiteral("todo"), todo.id, tr("☐ %1 — %2").arg(todo.title, when), todo.notes});
    }
    if (roadmap != nullptr) {
        for (const auto* task : roadmap->nextActions(3)) {
            m_rows.append({QStringLiteral("roadmap"), task->id, tr("→ %1").arg(task->title), task->description});
        }
    }
    endResetModel();
}

int TodayModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TodayModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.text;
    case Qt::ToolTipRole:
        return row.tip;
    case KindRole:
        return row.kind;
    case IdRole:
        return row.id;
    default:
        return {};
    }
}

}  // namespace bandmate::ui
