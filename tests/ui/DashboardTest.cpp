// The dashboard's models and page over a database with real roadmap progress.
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/dashboard/DashboardModels.h"
#include "ui/dashboard/DashboardPage.h"
#include "ui/shell/Theme.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>

#include <QTest>

#include <gtest/gtest.h>

#include <cmath>

using namespace bandmate;
namespace rm = core::roadmap;

namespace {

class DashboardTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = test::openTestDatabase(m_dir, QStringLiteral("d.sqlite"));
        ASSERT_NE(m_db, nullptr);
    }

    /// Starts the percussion roadmap 30 days ago with practice on most days.
    QString seed()
    {
        rm::ProgressRepository progress(*m_db);
        auto roadmap = rm::loadBuiltinRoadmap(QStringLiteral("latin-percussionist"));
        auto id = progress.start(*roadmap, false, QDateTime::currentDateTime().addDays(-30));
        EXPECT_TRUE(id.has_value());
        for (int day = 30; day >= 0; --day) {
            if (day % 4 != 3) {
                EXPECT_TRUE(progress.recordEvent({rm::AppEvent::Kind::Practice, QDateTime::currentDateTime().addDays(-day), 40.0, {}}));
            }
        }
        return id.value_or(QString());
    }

    test::TempDir m_dir;
    std::unique_ptr<core::Database> m_db;
};

}  // namespace

TEST_F(DashboardTest, ModelsPassTheModelTesterWithRealData)
{
    seed();
    auto roadmaps = rm::ProgressRepository(*m_db).roadmaps();
    ASSERT_TRUE(roadmaps.has_value());
    ui::NextActionsModel next;
    ui::StageProgressModel stages;
    ui::AchievementsModel achievements;
    QAbstractItemModelTester nextTester(&next, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester stagesTester(&stages, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester achievementsTester(&achievements, QAbstractItemModelTester::FailureReportingMode::Fatal);
    next.setRoadmap(&roadmaps->first());
    stages.setRoadmap(&roadmaps->first());
    achievements.setAchievements(rm::Insights(*m_db).achievements().value());

    ASSERT_EQ(next.rowCount(), 3);
    EXPECT_EQ(next.index(0).data().toString(), QStringLiteral("Understand the clave"));
    EXPECT_EQ(next.index(0).data(ui::NextActionsModel::StageRole).toString(), QStringLiteral("Clave and time"));
    EXPECT_EQ(stages.rowCount(), 5);
    EXPECT_EQ(stages.index(0, 1).data().toInt(), 40) << "practice completed two of the five clave tasks";
    EXPECT_GE(achievements.rowCount(), 3);
    EXPECT_TRUE(achievements.index(0).data().toString().contains(QStringLiteral("practice sessions"))) << "newest first";
    next.setRoadmap(nullptr);
    EXPECT_EQ(next.rowCount(), 0);
}

TEST_F(DashboardTest, EmptyStateExplainsHowToBeginThenThePageFills)
{
    ui::DashboardPage page(*m_db);
    auto* content = page.findChild<QStackedWidget*>();
    ASSERT_NE(content, nullptr);
    EXPECT_EQ(content->currentIndex(), 0);
    EXPECT_TRUE(page.findChild<QLabel*>(QStringLiteral("dashboardEmpty"))->text().contains(QStringLiteral("roadmap start")));
    seed();
    page.reload();
    EXPECT_EQ(content->currentIndex(), 1);
    EXPECT_EQ(page.nextActions()->rowCount(), 3);
    EXPECT_TRUE(page.streakText().endsWith(QStringLiteral("days"))) << page.streakText().toStdString();
    EXPECT_GE(page.streakText().split(QLatin1Char(' ')).first().toInt(), 20) << "one rest day every four keeps the streak";
}

TEST_F(DashboardTest, TrendsMapAndWeeklyReviewShowWhatWasRecorded)
{
    // The test reads "today" more than once: not across midnight.
    if (const int toMidnight = QTime::currentTime().msecsTo(QTime(23, 59, 59, 999)); toMidnight < 120'000) {
        QTest::qWait(toMidnight + 2'000);
    }
    seed();  // 40 minutes on 24 of the last 31 days
    ui::DashboardPage page(*m_db);
    page.resize(1400, 1000);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.reload();

    // Trend: practice minutes as a running total, one point per entry, ending at 24 × 40.
    auto* metric = page.findChild<QComboBox*>(QStringLiteral("trendMetric"));
    ASSERT_NE(metric, nullptr);
    EXPECT_EQ(metric->currentData().toString(), QStringLiteral("practice_minutes"));
    EXPECT_EQ(metric->currentText(), QStringLiteral("Practice minutes")) << "in words, not the metric's key";
    QLineSeries* trend = nullptr;
    for (auto* view : page.findChildren<QChartView*>()) {
        for (auto* series : view->chart()->series()) {
            if (auto* line = qobject_cast<QLineSeries*>(series); line && view->chart()->title() == QStringLiteral("Running total")) {
                trend = line;
            }
        }
    }
    ASSERT_NE(trend, nullptr);
    const auto points = trend->points();
    ASSERT_EQ(points.size(), 24);
    for (qsizetype i = 1; i < points.size(); ++i) {
        EXPECT_GT(points[i].x(), points[i - 1].x()) << "in time order";
        EXPECT_DOUBLE_EQ(points[i].y(), points[i - 1].y() + 40.0) << i;
    }
    EXPECT_DOUBLE_EQ(points.back().y(), 24 * 40.0);

    // The 26-week map: a practised day is filled with the accent, a rest day is not.
    QWidget* map = nullptr;
    for (auto* widget : page.findChildren<QWidget*>()) {
        if (widget->accessibleName() == QStringLiteral("Consistency over the last 26 weeks")) {
            map = widget;
        }
    }
    ASSERT_NE(map, nullptr);
    const QImage picture = map->grab().toImage();
    const QDate today = QDate::currentDate();
    const int cell = std::min((map->width() - 40) / 26, (map->height() - 20) / 7);
    const auto colourOf = [&](const QDate& date) {
        const QDate lastMonday = today.addDays(1 - today.dayOfWeek());
        const int week = 25 - static_cast<int>(date.addDays(1 - date.dayOfWeek()).daysTo(lastMonday) / 7);
        const int day = date.dayOfWeek() - 1;
        const QPointF centre(40 + week * cell + cell / 2.0, 16 + day * cell + cell / 2.0);
        return picture.pixelColor((centre * picture.devicePixelRatioF()).toPoint());
    };
    const QColor practised = colourOf(today);        // day 0: practised
    const QColor rested = colourOf(today.addDays(-3));  // day 3: the rest day of every four
    const QColor before = colourOf(today.addDays(-60));  // before the roadmap
    EXPECT_NE(practised, rested);
    EXPECT_EQ(rested, before) << "a rest day looks like a day without practice";
    EXPECT_LT(std::abs(practised.hue() - QColor(ui::accentColor()).hue()), 10) << "practice in the accent colour";

    // Weekly review: typed, done, counted once, and the box is ready for next week.
    auto* review = page.findChild<QPlainTextEdit*>(QStringLiteral("weeklyReview"));
    ASSERT_NE(review, nullptr);
    review->setPlainText(QStringLiteral("Tumbao clean at 180. Next: the montuno."));
    QPushButton* done = nullptr;
    for (auto* button : page.findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("Done my weekly review")) {
            done = button;
        }
    }
    ASSERT_NE(done, nullptr);
    done->click();
    const auto reviews = rm::ProgressRepository(*m_db).series(QStringLiteral("weekly_reviews")).value();
    ASSERT_EQ(reviews.size(), 1);
    EXPECT_EQ(bandmate::core::sql::scalar(m_db->connection(), QStringLiteral("SELECT note FROM stat_entry WHERE id = ?"), {reviews.front().id})
                  .value()
                  .toString(),
              QStringLiteral("Tumbao clean at 180. Next: the montuno."));
    EXPECT_TRUE(review->toPlainText().isEmpty()) << "ready for next week";
}
