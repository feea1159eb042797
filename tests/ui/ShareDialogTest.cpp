// The desktop's Share… (issue 20): the Beat Machine page shares the machine as saved on a real
// server in this process (signed in through a real Sync page); the dialog shows the link and its
// QR code, opens on the shared copy again (found by the machine's id), updates it as a new
// version under the same link, and lists, unshares and deletes what was shared. The public page
// of the link then shows the machine's title; an edit not yet saved is not shared.
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineRepository.h"
#include "core/storage/Database.h"
#include "tests/support/LocalServer.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/beats/BeatMachinePage.h"
#include "ui/beats/BeatSession.h"
#include "ui/beats/ShareDialog.h"
#include "ui/shell/Settings.h"
#include "ui/sync/SyncPage.h"

#include <QAction>
#include <QComboBox>
#include <QTreeWidget>
#include <QDir>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <httplib.h>

#include <gtest/gtest.h>

using namespace bandmate;

TEST(ShareDialogTest, TheBeatMachineSharesTheSavedMachineUpdatesItAndListsWhatWasShared)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    core::beats::Machine montuno = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    montuno.title = "Montuno en Sol";
    const QString machineId = core::beats::MachineRepository(*db).save(montuno).value();

    test::LocalServer server(test::LocalServer::optionsFor(dir.file(QStringLiteral("server.sqlite"))));
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::SyncPage sync(*db, settings);
    QSignalSpy synced(&sync, &ui::SyncPage::syncFinished);
    ASSERT_TRUE(sync.signIn(server.url().toString(), QStringLiteral("band@example.org"), QStringLiteral("salsa-dura-1978"), true));
    ASSERT_TRUE(synced.wait(20'000));

    ui::BeatMachinePage page(*db, settings);
    page.setInteractive(false);
    page.resize(1280, 800);
    EXPECT_EQ(page.openShare(), nullptr) << "no server yet";
    EXPECT_TRUE(page.bannerText().contains(QStringLiteral("Sync page"))) << page.bannerText().toStdString();
    page.setServerAccess([&sync](QObject* context, std::function<void(const QUrl&, const QString&, const QString&)> use) {
        sync.withAccessToken(context, std::move(use));
    });
    ASSERT_TRUE(page.practise(QStringLiteral("user:") + machineId, 0, -1) || page.session().userMachineId() == machineId);
    page.session().stop();
    ASSERT_EQ(page.session().userMachineId(), machineId);

    // An edit not saved yet is not what others would hear: save first.
    page.session().setBpm(150);
    EXPECT_EQ(page.openShare(), nullptr);
    EXPECT_TRUE(page.bannerText().contains(QStringLiteral("Save"))) << page.bannerText().toStdString();
    page.session().undoStack()->undo();
    ASSERT_FALSE(page.session().isModified());

    ui::ShareDialog* dialog = page.openShare();
    ASSERT_NE(dialog, nullptr);
    QSignalSpy settled(dialog, &ui::ShareDialog::settled);
    ASSERT_TRUE(settled.wait(10'000));  // asked the server: not shared yet
    EXPECT_FALSE(dialog->isShared());
    dialog->setVisibility(QStringLiteral("public"));
    dialog->setTags(QStringLiteral("salsa, son montuno"));
    dialog->setLicence(QStringLiteral("cc-by-sa-4.0"));
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    dialog->resize(640, 460);
    dialog->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/share-form.png"));
    dialog->share();
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->isShared(); }, 10'000)) << dialog->statusText().toStdString();
    const QString link = dialog->link();
    EXPECT_TRUE(link.startsWith(server.url().toString() + QStringLiteral("/g/"))) << link.toStdString();
    EXPECT_EQ(dialog->version(), 1);
    EXPECT_FALSE(dialog->qrImage().isNull());
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->sharedList().size() == 1; }, 10'000));
    {
        // The list tab: choosing the row shows who can open it.
        auto* tree = dialog->findChild<QTreeWidget*>(QStringLiteral("sharedList"));
        ASSERT_NE(tree, nullptr);
        ASSERT_EQ(tree->topLevelItemCount(), 1);
        tree->setCurrentItem(tree->topLevelItem(0));
        QComboBox* listVisibility = nullptr;
        for (auto* combo : tree->parentWidget()->findChildren<QComboBox*>()) {
            listVisibility = combo;
        }
        ASSERT_NE(listVisibility, nullptr);
        EXPECT_EQ(listVisibility->currentData().toString(), QStringLiteral("public"));
    }
    dialog->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/share-shared.png"));

    // Anyone opens the link: the page names the machine.
    httplib::Client browser("127.0.0.1", server.port());
    auto opened = browser.Get(QUrl(link).path().toStdString());
    ASSERT_TRUE(opened && opened->status == 200);
    EXPECT_NE(opened->body.find("Montuno en Sol"), std::string::npos);
    dialog->close();

    // Saved again with a change: the dialog opens on the shared copy; Update makes version 2.
    page.session().setBpm(150);
    ASSERT_TRUE(page.session().save().has_value());
    ASSERT_FALSE(page.session().isModified());
    dialog = page.openShare();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->isShared(); }, 10'000)) << "found by the machine's id";
    EXPECT_EQ(dialog->link(), link);
    QSignalSpy updated(dialog, &ui::ShareDialog::settled);
    dialog->updateSharedCopy();
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->version() == 2; }, 10'000)) << dialog->statusText().toStdString();
    EXPECT_TRUE(dialog->statusText().contains(QStringLiteral("2"))) << dialog->statusText().toStdString();
    auto latest = browser.Get(QUrl(link).path().toStdString());
    ASSERT_TRUE(latest && latest->status == 200);
    EXPECT_NE(latest->body.find(">150 BPM<"), std::string::npos);
    auto first = browser.Get(QUrl(link).path().toStdString() + "/v1");
    ASSERT_TRUE(first && first->status == 200);
    EXPECT_NE(first->body.find(">180 BPM<"), std::string::npos) << "the first version keeps its own link";

    // Unshare: the link says removed; the dialog says so.
    dialog->unshare();
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->statusText().contains(QStringLiteral("Unshared")); }, 10'000)) << dialog->statusText().toStdString();
    EXPECT_EQ(browser.Get(QUrl(link).path().toStdString())->status, 410);
    QSignalSpy afterUnshare(dialog, &ui::ShareDialog::settled);
    dialog->updateSharedCopy();  // an unshared copy takes no new version
    EXPECT_FALSE(afterUnshare.wait(500));
    dialog->close();

    // A built-in machine (never saved, so no id of its own): the link stays after sharing, and
    // the status line does not stay on "Asking the server…".
    ASSERT_TRUE(page.session().openBuiltin(QStringLiteral("merengue")).has_value());
    dialog = page.openShare();
    ASSERT_NE(dialog, nullptr);
    QSignalSpy builtin(dialog, &ui::ShareDialog::settled);
    ASSERT_TRUE(builtin.wait(10'000));
    EXPECT_FALSE(dialog->isShared()) << "nothing of it shared yet";
    dialog->share();
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->isShared() && dialog->sharedList().size() == 2; }, 10'000)) << dialog->statusText().toStdString();
    QTest::qWait(200);
    EXPECT_TRUE(dialog->isShared()) << "the refresh after sharing keeps it";
    EXPECT_TRUE(dialog->link().startsWith(server.url().toString() + QStringLiteral("/g/")));
    EXPECT_NE(dialog->link(), link);
    EXPECT_TRUE(dialog->statusText().startsWith(QStringLiteral("Shared."))) << dialog->statusText().toStdString();
    const QString merengueLink = dialog->link();
    dialog->close();

    // "Open in Bandmate" on another computer: a copy, its origin kept, open on the page.
    auto studioDb = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));
    ui::BeatMachinePage studio(*studioDb, settings);
    studio.setInteractive(false);
    QSignalSpy imported(&studio, &ui::BeatMachinePage::imported);
    studio.importShared(QStringLiteral("bandmate://import?url=") + QString::fromLatin1(QUrl::toPercentEncoding(merengueLink)));
    ASSERT_TRUE(imported.wait(10'000));
    const QString copyId = imported.first().first().toString();
    ASSERT_FALSE(copyId.isEmpty()) << studio.bannerText().toStdString();
    EXPECT_EQ(studio.session().userMachineId(), copyId);
    EXPECT_EQ(core::beats::MachineRepository(*studioDb).origin(copyId).value_or(QString()), merengueLink + QStringLiteral("/v1"));
    EXPECT_EQ(*core::beats::MachineRepository(*studioDb).load(copyId), *core::beats::loadBuiltinMachine(QStringLiteral("merengue")));
    // Duplicated, the copy's copy is still inspired by the same groove.
    QAction* duplicate = nullptr;
    for (QAction* action : studio.findChildren<QAction*>()) {
        if (action->text() == QLatin1String("Duplicate")) {
            duplicate = action;
        }
    }
    ASSERT_NE(duplicate, nullptr);
    duplicate->trigger();
    const QString duplicateId = studio.session().userMachineId();
    ASSERT_NE(duplicateId, copyId);
    EXPECT_EQ(core::beats::MachineRepository(*studioDb).origin(duplicateId).value_or(QString()), merengueLink + QStringLiteral("/v1"));
    // A link that is none, and one to a groove that is gone: a message, nothing saved.
    studio.importShared(QStringLiteral("https://example.org/watch?v=1"));
    EXPECT_TRUE(studio.bannerText().contains(QStringLiteral("link"))) << studio.bannerText().toStdString();
    studio.importShared(link);  // unshared above
    ASSERT_TRUE(imported.wait(10'000));
    EXPECT_TRUE(imported.last().first().toString().isEmpty());
    EXPECT_TRUE(studio.bannerText().contains(QStringLiteral("removed"))) << studio.bannerText().toStdString();
    EXPECT_EQ(core::beats::MachineRepository(*studioDb).list()->size(), 2) << "the copy and its duplicate, nothing more";
}
