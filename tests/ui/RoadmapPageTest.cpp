// The Roadmap page driven like a user: start, tick, log numbers, import.
#include "core/profile/Profile.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/todo/Todos.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/roadmap/ProfileDialog.h"
#include "ui/dashboard/DashboardModels.h"
#include "ui/roadmap/RoadmapEditor.h"
#include "ui/roadmap/RoadmapPage.h"
#include "ui/roadmap/TodoPanel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QUndoStack>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QApplication>
#include <QTest>
#include <QTreeWidget>
#include <QTimer>

#include <gtest/gtest.h>

using namespace bandmate;
namespace rm = core::roadmap;

namespace {

class RoadmapPageTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_db = test::openTestDatabase(m_dir, QStringLiteral("road.sqlite"));
        ASSERT_NE(m_db, nullptr);
        m_page = std::make_unique<ui::RoadmapPage>(*m_db);
        m_page->resize(1280, 800);
        m_page->show();
    }

    QFrame* card(const QString& slug) { return m_page->findChild<QFrame*>(QStringLiteral("task-") + slug); }

    const rm::TaskState* task(const QString& slug)
    {
        m_state = rm::ProgressRepository(*m_db).roadmaps().value().first();
        for (const auto& stage : m_state.stages) {
            for (const auto& item : stage.tasks) {
                if (item.slug == slug) {
                    return &item;
                }
            }
        }
        return nullptr;
    }

    test::TempDir m_dir;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<ui::RoadmapPage> m_page;
    rm::RoadmapState m_state;
};

}  // namespace

TEST_F(RoadmapPageTest, StartTickAndLogUntilTasksCompleteThemselves)
{
    auto* start = m_page->findChild<QPushButton*>(QStringLiteral("start-latin-percussionist"));
    ASSERT_NE(start, nullptr) << "the empty state offers the templates";
    QTest::mouseClick(start, Qt::LeftButton);
    ASSERT_NE(m_page->current(), nullptr);
    EXPECT_EQ(m_page->findChild<QListWidget*>(QStringLiteral("stages"))->count(), 5);

    // Tick every clave exercise: the task completes.
    for (int i = 0; i < 4; ++i) {
        auto boxes = card(QStringLiteral("clave-exercises"))->findChildren<QCheckBox*>();
        ASSERT_EQ(boxes.size(), 4);
        boxes.at(i)->click();
        QCoreApplication::processEvents();  // the page rebuilds after each change
    }
    EXPECT_EQ(task(QStringLiteral("clave-exercises"))->status, rm::TaskStatus::Completed);

    // Log ten practice sessions in the card's field: the task completes itself with evidence.
    auto* amount = card(QStringLiteral("practice-sessions"))->findChild<QDoubleSpinBox*>(QStringLiteral("amount"));
    ASSERT_NE(amount, nullptr);
    EXPECT_EQ(amount->decimals(), 0) << "sessions are counted whole";
    EXPECT_EQ(amount->text(), QStringLiteral("1 sessions"));
    auto* minutes = card(QStringLiteral("clave-hours"))->findChild<QDoubleSpinBox*>(QStringLiteral("amount"));
    ASSERT_NE(minutes, nullptr);
    EXPECT_EQ(minutes->decimals(), 1) << "time may come in fractions";
    amount->setValue(10);
    QTest::mouseClick(card(QStringLiteral("practice-sessions"))->findChild<QPushButton*>(QStringLiteral("addEntry")), Qt::LeftButton);
    QCoreApplication::processEvents();
    const rm::TaskState* sessions = task(QStringLiteral("practice-sessions"));
    EXPECT_EQ(sessions->status, rm::TaskStatus::Completed);
    EXPECT_EQ(sessions->evidence.size(), 1);
    auto* evidence = card(QStringLiteral("practice-sessions"))->findChild<QLabel*>(QStringLiteral("evidence"));
    ASSERT_NE(evidence, nullptr);
    EXPECT_TRUE(evidence->text().contains(QStringLiteral("by itself"))) << evidence->text().toStdString();
    EXPECT_EQ(m_page->current()->stages.first().percent(), 40) << "two of the first stage's five tasks";
}

TEST_F(RoadmapPageTest, ImportingABrokenRoadmapSaysWhereAndChangesNothing)
{
    const QString broken = m_dir.file(QStringLiteral("mine.json"));
    test::writeAll(broken, R"({"schema": 1, "slug": "mine", "version": 1, "title": "Mine", "stages": [
        {"slug": "a", "title": "A", "tasks": [{"slug": "t", "title": "T", "type": "DATA_INPUT", "description": "d",
          "metric": {"key": "x", "unit": "u", "target": -3}}]}]})");
    EXPECT_FALSE(m_page->importFile(broken));
    EXPECT_TRUE(m_page->bannerText().contains(QStringLiteral("stages[0].tasks[0].metric.target"))) << m_page->bannerText().toStdString();
    EXPECT_TRUE(rm::ProgressRepository(*m_db).roadmaps()->isEmpty());
    EXPECT_EQ(m_page->current(), nullptr);
}

TEST_F(RoadmapPageTest, TheProfileIsSavedWhenTheDialogIsAccepted)
{
    {
        ui::ProfileDialog dialog(*m_db);
        dialog.findChild<QLineEdit*>(QStringLiteral("artistName"))->setText(QStringLiteral("  La Clave Azul "));
        dialog.findChild<QLineEdit*>(QStringLiteral("instruments"))->setText(QStringLiteral("congas, bongó, , congas"));
        dialog.findChild<QLineEdit*>(QStringLiteral("genres"))->setText(QStringLiteral("salsa"));
        dialog.accept();
    }
    auto profile = core::profile::ProfileRepository(*m_db).load();
    ASSERT_TRUE(profile.has_value());
    EXPECT_EQ(profile->artistName, QStringLiteral("La Clave Azul"));
    EXPECT_EQ(profile->instruments, (QStringList{QStringLiteral("congas"), QStringLiteral("bongó")}));
    EXPECT_EQ(profile->genres, QStringList{QStringLiteral("salsa")});
    // Reopening shows what was saved.
    ui::ProfileDialog again(*m_db);
    EXPECT_EQ(again.findChild<QLineEdit*>(QStringLiteral("instruments"))->text(), QStringLiteral("congas, bongó"));
    core::profile::Profile tooLong;
    tooLong.artistName = QString(201, QLatin1Char('x'));
    EXPECT_EQ(core::profile::ProfileRepository(*m_db).save(tooLong).error().code, core::ErrorCode::InvalidArgument);
}

TEST_F(RoadmapPageTest, ToDosAreAddedTickedAndShownInTodayWithTheNextActions)
{
    auto* panel = m_page->findChild<ui::TodoPanel*>();
    ASSERT_NE(panel, nullptr);
    auto* title = panel->findChild<QLineEdit*>(QStringLiteral("todoTitle"));
    title->setFocus();
    QTest::keyClicks(title, QStringLiteral("Call the sound engineer"));
    panel->findChild<QCheckBox*>()->setChecked(true);  // due today
    panel->findChild<QLineEdit*>(QStringLiteral("todoTags"))->setText(QStringLiteral("gig"));
    QTest::keyClick(title, Qt::Key_Return);
    EXPECT_TRUE(title->text().isEmpty());
    EXPECT_FALSE(panel->addFromFields()) << "no title, nothing added";
    ASSERT_EQ(panel->list()->count(), 1);
    EXPECT_TRUE(panel->list()->item(0)->text().contains(QStringLiteral("#gig")));

    ASSERT_TRUE(m_page->startTemplate(QStringLiteral("touring-band")));
    ui::TodayModel today;
    today.setItems(core::todo::TodoRepository(*m_db).due(QDate::currentDate()).value(),
                   &rm::ProgressRepository(*m_db).roadmaps().value().first(), QDate::currentDate());
    ASSERT_EQ(today.rowCount(), 4) << "one due to-do and three next actions";
    EXPECT_EQ(today.index(0).data(ui::TodayModel::KindRole).toString(), QStringLiteral("todo"));
    EXPECT_TRUE(today.index(0).data().toString().contains(QStringLiteral("due today")));
    EXPECT_EQ(today.index(1).data(ui::TodayModel::KindRole).toString(), QStringLiteral("roadmap"));

    panel->list()->item(0)->setCheckState(Qt::Checked);
    QCoreApplication::processEvents();
    EXPECT_TRUE(core::todo::TodoRepository(*m_db).due(QDate::currentDate())->isEmpty());
}

TEST_F(RoadmapPageTest, TheEditorBuildsReordersAndUndoesThenSavesACustomRoadmap)
{
    rm::RoadmapTemplate starter{QStringLiteral("my-road"), 1, QStringLiteral("My road"), {},
                                {{QStringLiteral("one"), QStringLiteral("One"), {},
                                  {{QStringLiteral("a"), QStringLiteral("A"), rm::TaskType::Info, QStringLiteral("Read A."), {}, {}, {}}}}}};
    ui::RoadmapEditor editor(starter);
    editor.addStage();
    editor.addTask();  // into the new stage
    ASSERT_EQ(editor.roadmap().stages.size(), 2);
    ASSERT_EQ(editor.roadmap().stages[1].tasks.size(), 2);
    EXPECT_EQ(editor.roadmap().stages[1].tasks[1].slug, QStringLiteral("new-task"));

    editor.moveTask(0, 0, 1, 0);  // A to the top of the second stage
    EXPECT_TRUE(editor.roadmap().stages[0].tasks.isEmpty());
    EXPECT_EQ(editor.roadmap().stages[1].tasks[0].slug, QStringLiteral("a"));
    EXPECT_FALSE(editor.validated().has_value()) << "an empty stage is not a valid roadmap";
    EXPECT_EQ(editor.validated().error().where, "stages[0].tasks");

    editor.undoStack()->undo();
    EXPECT_EQ(editor.roadmap().stages[0].tasks[0].slug, QStringLiteral("a")) << "undo puts it back";
    editor.moveStage(1, 0);
    EXPECT_EQ(editor.roadmap().stages[0].slug, QStringLiteral("new-stage"));

    // Make the new task a checklist through the form.
    editor.select(0, 1);
    editor.findChild<QComboBox*>(QStringLiteral("taskType"))->setCurrentIndex(0);
    editor.findChild<QPlainTextEdit*>(QStringLiteral("items"))->setPlainText(QStringLiteral("First\nSecond\n"));
    editor.findChild<QLineEdit*>(QStringLiteral("itemTitle"))->setText(QStringLiteral("Do two things"));
    editor.select(0, 0);  // leaving the task commits its fields
    const auto& task = editor.roadmap().stages[0].tasks[1];
    EXPECT_EQ(task.type, rm::TaskType::Checklist);
    EXPECT_EQ(task.items, (QStringList{QStringLiteral("First"), QStringLiteral("Second")}));
    EXPECT_EQ(task.title, QStringLiteral("Do two things"));

    auto valid = editor.validated();
    ASSERT_TRUE(valid.has_value()) << valid.error().toString();
    ASSERT_TRUE(m_page->saveEdited(*valid, {}));
    ASSERT_NE(m_page->current(), nullptr);
    EXPECT_TRUE(m_page->current()->custom);
    EXPECT_EQ(m_page->current()->stages.size(), 2);
}

TEST_F(RoadmapPageTest, AStageDroppedOntoAnotherStageGoesAfterItWithAllItsTasks)
{
    rm::RoadmapTemplate road = rm::loadBuiltinRoadmap(QStringLiteral("touring-band")).value();
    const rm::StageTemplate moved = road.stages.at(2);
    ASSERT_GE(moved.tasks.size(), 2);
    ui::RoadmapEditor editor(road);
    auto* tree = editor.findChild<QTreeWidget*>();
    ASSERT_NE(tree, nullptr);
    // What the tree's own drop does with a stage let go over the first stage: it becomes a child.
    QTreeWidgetItem* stage = tree->takeTopLevelItem(2);
    tree->topLevelItem(0)->addChild(stage);
    editor.treeDropped();
    ASSERT_EQ(editor.roadmap().stages.size(), road.stages.size());
    EXPECT_TRUE(editor.roadmap().stages.at(1) == moved) << "the stage keeps every task";
    EXPECT_TRUE(editor.roadmap().stages.at(0) == road.stages.at(0));
    EXPECT_TRUE(editor.roadmap().stages.at(2) == road.stages.at(1));

    // An empty stage dropped the same way (it used to index past its tasks).
    editor.undoStack()->undo();
    EXPECT_TRUE(editor.roadmap() == road);
    editor.addStage();
    editor.select(static_cast<int>(editor.roadmap().stages.size()) - 1, 0);
    editor.removeSelected();  // the new stage's only task
    const qsizetype empty = editor.roadmap().stages.size() - 1;
    ASSERT_TRUE(editor.roadmap().stages.at(empty).tasks.isEmpty());
    tree = editor.findChild<QTreeWidget*>();
    QTreeWidgetItem* last = tree->takeTopLevelItem(static_cast<int>(empty));
    tree->topLevelItem(0)->addChild(last);
    editor.treeDropped();
    ASSERT_EQ(editor.roadmap().stages.size(), road.stages.size() + 1);
    EXPECT_TRUE(editor.roadmap().stages.at(1).tasks.isEmpty());
}

// Not a check, so disabled: with BANDMATE_SCREENSHOT_DIR set, saves the editor to look at.
TEST_F(RoadmapPageTest, DISABLED_PicturesForReview)
{
    const QString folder = qEnvironmentVariable("BANDMATE_SCREENSHOT_DIR");
    ui::RoadmapEditor editor(rm::loadBuiltinRoadmap(QStringLiteral("touring-band")).value());
    editor.select(1, 2);
    editor.show();
    QCoreApplication::processEvents();
    EXPECT_TRUE(editor.grab().save(folder + QStringLiteral("/roadmap-editor.png")));
}

TEST_F(RoadmapPageTest, ATodoOpensInAnEditorForNotesAndChecklist)
{
    auto id = core::todo::TodoRepository(*m_db).save({{}, QStringLiteral("Prepare the gig"), {}, {}, false, {}, {}, {}, {}, {}});
    ASSERT_TRUE(id.has_value());
    auto* panel = m_page->findChild<ui::TodoPanel*>();
    panel->reload();
    QTimer::singleShot(0, [] {
        QWidget* dialog = QApplication::activeModalWidget();
        ASSERT_NE(dialog, nullptr);
        auto edits = dialog->findChildren<QPlainTextEdit*>();
        ASSERT_EQ(edits.size(), 2);
        edits.at(0)->setPlainText(QStringLiteral("Doors at eight"));
        edits.at(1)->setPlainText(QStringLiteral("[x] Strings\nSetlist"));
        QMetaObject::invokeMethod(dialog, "accept");
    });
    panel->edit(*id);
    auto todo = core::todo::TodoRepository(*m_db).get(*id);
    ASSERT_TRUE(todo.has_value());
    EXPECT_EQ(todo->notes, QStringLiteral("Doors at eight"));
    ASSERT_EQ(todo->checklist.size(), 2);
    EXPECT_TRUE(todo->checklist.at(0).done);
    EXPECT_EQ(todo->checklist.at(1).text, QStringLiteral("Setlist"));
    EXPECT_TRUE(panel->list()->item(0)->text().contains(QStringLiteral("[1/2]")));
}

TEST_F(RoadmapPageTest, TheRoadmapMenuOffersWhatARunningRoadmapNeedsOnlyWhileOneRuns)
{
    auto* menuButton = m_page->findChild<QToolButton*>(QStringLiteral("roadmapMenu"));
    ASSERT_NE(menuButton, nullptr);
    const auto entry = [&](const QString& text) -> QAction* {
        for (QAction* action : menuButton->menu()->actions()) {
            if (action->text() == text) {
                return action;
            }
        }
        return nullptr;
    };
    const QStringList needsOne{QStringLiteral("Edit…"), QStringLiteral("Export…"), QStringLiteral("Stop…")};
    const QStringList always{QStringLiteral("Start a roadmap…"), QStringLiteral("Profile…"), QStringLiteral("New…"), QStringLiteral("Import…")};
    const auto expectEnabled = [&](bool running) {
        for (const QString& text : needsOne) {
            ASSERT_NE(entry(text), nullptr) << text.toStdString();
            EXPECT_EQ(entry(text)->isEnabled(), running) << text.toStdString();
        }
        for (const QString& text : always) {
            ASSERT_NE(entry(text), nullptr) << text.toStdString();
            EXPECT_TRUE(entry(text)->isEnabled()) << text.toStdString();
        }
    };
    expectEnabled(false);
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("start-latin-percussionist")), Qt::LeftButton);
    ASSERT_NE(m_page->current(), nullptr);
    expectEnabled(true);
    // Stop… (answered Yes): none runs, and the entries are off again.
    QTimer::singleShot(0, [] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        box->button(QMessageBox::Yes)->click();
    });
    entry(QStringLiteral("Stop…"))->trigger();
    QCoreApplication::processEvents();  // the page shows the new state after the event
    EXPECT_EQ(m_page->current(), nullptr);
    expectEnabled(false);
}
