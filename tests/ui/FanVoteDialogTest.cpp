// The desktop's fan vote (issue 19): the Setlists page's "Fan vote…" dialog against a real
// server in this process, signed in through a real Sync page: create a vote, see its code, link
// and QR code, a fan's vote moves the live bars, close it, and "Use result" puts the top songs
// into the encore as one undoable step.
#include "core/library/Songs.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Database.h"
#include "tests/support/FanClient.h"
#include "tests/support/LocalServer.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/setlists/FanVoteDialog.h"
#include "ui/setlists/SetlistsPage.h"
#include "ui/shell/Settings.h"
#include "ui/sync/SyncPage.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace bandmate;

namespace {

TEST(FanVoteDialogTest, AVoteMadeOnTheDesktopMovesLiveAndItsResultGoesIntoTheEncore)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    core::library::SongRepository songs(*db);
    QStringList ids;
    for (const auto& [title, artist] : {std::pair{"Quimbara", "Celia Cruz"}, std::pair{"Pedro Navaja", "Rubén Blades"}, std::pair{"El Cantante", "Héctor Lavoe"}}) {
        core::library::Song song;
        song.title = QString::fromUtf8(title);
        song.artist = QString::fromUtf8(artist);
        ids << songs.save(song).value();
    }
    core::setlists::SetlistRepository setlists(*db);
    core::setlists::Show show;
    show.name = QStringLiteral("Friday at Blå");
    show.date = QDate(2026, 12, 11);
    const QString showId = setlists.saveShow(show).value();
    const QString set = setlists.addSet(showId, QStringLiteral("Set 1")).value();
    for (const QString& id : ids) {
        ASSERT_TRUE(setlists.addSong(set, id).has_value());
    }

    auto options = test::LocalServer::optionsFor(dir.file(QStringLiteral("server.sqlite")));
    options.fanRequestsPerMinute = 0;
    test::LocalServer server(options);
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    ui::SyncPage sync(*db, settings);
    QSignalSpy synced(&sync, &ui::SyncPage::syncFinished);
    ASSERT_TRUE(sync.signIn(server.url().toString(), QStringLiteral("band@example.org"), QStringLiteral("salsa-dura-1978"), true));
    ASSERT_TRUE(synced.wait(20'000));

    ui::SetlistsPage page(*db);
    page.resize(1280, 800);
    page.show();
    page.setServerAccess([&sync](QObject* context, std::function<void(const QUrl&, const QString&, const QString&)> use) {
        sync.withAccessToken(context, std::move(use));
    });
    ASSERT_TRUE(page.selectShow(showId));
    ui::FanVoteDialog* dialog = page.fanVote();
    ASSERT_NE(dialog, nullptr);
    QSignalSpy live(dialog, &ui::FanVoteDialog::wentLive);
    QTest::qWait(300);  // it asked the server for this show's vote: none yet, the form stays
    EXPECT_FALSE(dialog->isLive());
    dialog->setQuestion(QStringLiteral("Which two for the encore?"));
    dialog->setVotesPerFan(2);
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    dialog->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/fan-vote-form.png"));
    dialog->create();
    ASSERT_TRUE(live.wait(10'000)) << dialog->bannerText().toStdString();
    EXPECT_EQ(dialog->code().size(), 6);
    EXPECT_EQ(dialog->link(), server.url().toString() + QStringLiteral("/v/") + dialog->code());
    EXPECT_FALSE(dialog->qrImage().isNull());
    EXPECT_TRUE(dialog->stateText().contains(QStringLiteral("Open"))) << dialog->stateText().toStdString();

    // Two fans vote from their phones: the bars move.
    test::Fan first(server.port());
    test::Fan second(server.port());
    first.page(dialog->code());
    second.page(dialog->code());
    ASSERT_EQ(first.vote(dialog->code(), {ids.at(1).toStdString(), ids.at(2).toStdString()})->status, 200);
    ASSERT_EQ(second.vote(dialog->code(), {ids.at(1).toStdString()})->status, 200);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->votesFor(ids.at(1)) == 2 && dialog->ballots() == 2; }, 10'000))
        << dialog->votesFor(ids.at(1));
    EXPECT_EQ(dialog->votesFor(ids.at(2)), 1);
    EXPECT_EQ(dialog->votesFor(ids.at(0)), 0);
    dialog->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/fan-vote-dialog.png"));

    // Closed from the desktop: the state says so.
    dialog->setOpen(false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->stateText().contains(QStringLiteral("Closed")); }, 10'000)) << dialog->stateText().toStdString();

    // The top two move from the set into a new encore, in order; one undo puts them back.
    const auto top = dialog->topSongs(2);
    ASSERT_EQ(top.size(), 2);
    EXPECT_EQ(top.at(0).songId, ids.at(1));
    ASSERT_EQ(page.useVoteResult(top), 2);
    auto plan = setlists.plan(showId);
    ASSERT_EQ(plan->sets.size(), 2);
    EXPECT_EQ(plan->sets.last().kind, core::setlists::SetKind::Encore);
    ASSERT_EQ(plan->sets.last().entries.size(), 2);
    EXPECT_EQ(plan->sets.last().entries.at(0).songId, ids.at(1));
    EXPECT_EQ(plan->sets.last().entries.at(1).songId, ids.at(2));
    EXPECT_EQ(plan->sets.first().entries.size(), 1) << "moved, not played twice";
    EXPECT_EQ(page.useVoteResult(top), 0) << "a second click changes nothing: they are in the encore";
    page.undoStack()->undo();
    plan = setlists.plan(showId);
    ASSERT_EQ(plan->sets.size(), 1);
    ASSERT_EQ(plan->sets.first().entries.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(plan->sets.first().entries.at(i).songId, ids.at(i)) << "back in their places";
    }
    page.undoStack()->redo();
    EXPECT_EQ(setlists.plan(showId)->sets.last().entries.size(), 2);

    // Opening the dialog again finds the show's vote on the server.
    dialog->close();
    ui::FanVoteDialog* again = page.fanVote();
    QSignalSpy found(again, &ui::FanVoteDialog::wentLive);
    ASSERT_TRUE(found.wait(10'000));
    EXPECT_EQ(again->ballots(), 2);
}

}  // namespace
