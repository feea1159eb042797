// The dashboard's models and page over a database with real roadmap progress.
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/dashboard/DashboardModels.h"
#include "ui/dashboard/DashboardPage.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QStackedWidget>

#include <gtest/gtest.h>

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
    EXPECT_EQ(stages.index(0, 1).data().toInt(), 50) << "practice completed two of the four clave tasks";
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
