#pragma once

#include <QWidget>

class QChart;
class QComboBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QStackedWidget;

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

class AchievementsModel;
class ConsistencyMap;
class NextActionsModel;
class StageProgressModel;
class TodayModel;

/// Where the career stands: the current stage and the next actions, progress per stage, trend
/// lines per metric, a 26-week consistency map, the streak, achievements and a weekly review.
/// Reloads whenever it is shown.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(core::Database& db, QWidget* parent = nullptr);

    /// Reads everything again from the database.
    void reload();

    [[nodiscard]] NextActionsModel* nextActions() const { return m_next; }
    [[nodiscard]] StageProgressModel* stages() const { return m_stages; }
    [[nodiscard]] AchievementsModel* achievements() const { return m_achievements; }
    [[nodiscard]] TodayModel* today() const { return m_today; }
    [[nodiscard]] QString streakText() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* card(const QString& title, QWidget* body);
    void showTrend(const QString& metric);
    /// How a metric's key reads in the trend's list ("practice_minutes": "Practice minutes").
    [[nodiscard]] static QString metricLabel(const QString& metric);
    void saveReview();

    core::Database& m_db;
    NextActionsModel* m_next = nullptr;
    StageProgressModel* m_stages = nullptr;
    AchievementsModel* m_achievements = nullptr;
    TodayModel* m_today = nullptr;
    QStackedWidget* m_content = nullptr;
    QLabel* m_roadmapTitle = nullptr;
    QLabel* m_stageTitle = nullptr;
    QProgressBar* m_stageProgress = nullptr;
    QLabel* m_streak = nullptr;
    QLabel* m_streakNote = nullptr;
    QChart* m_stageChart = nullptr;
    QChart* m_trendChart = nullptr;
    QComboBox* m_metric = nullptr;
    ConsistencyMap* m_map = nullptr;
    QPlainTextEdit* m_review = nullptr;
    QLabel* m_reviewState = nullptr;
};

}  // namespace bandmate::ui
