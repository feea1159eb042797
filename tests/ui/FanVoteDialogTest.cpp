// The desktop's fan vote (issue 19): the Setlists page's "Fan vote…" dialog against a real
// server in this process, signed in through a real Sync page: create a vote, see its code, link
// and QR code, a fan's vote moves the live bars, close it, and "Use result" puts the top songs
// into the encore as one undoable step.
#include "core/library/Songs.h"
#include "core/setlists/FanVotes.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Database.h"
#include "tests/support/FanClient.h"
#include "tests/support/LocalServer.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestFiles.h"
#include "ui/print/QrPicture.h"
#include "ui/setlists/FanVoteDialog.h"
#include "ui/setlists/SetlistsPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/Settings.h"
#include "ui/sync/SyncPage.h"

#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace bandmate;

namespace {

/// A show with one set of three songs; the show's id (the songs' ids in `ids`).
QString showWithThreeSongs(core::Database& db, QStringList& ids)
{
    core::library::SongRepository songs(db);
    for (const auto& [title, artist] : {std::pair{"Quimbara", "Celia Cruz"}, std::pair{"Pedro Navaja", "Rubén Blades"}, std::pair{"El Cantante", "Héctor Lavoe"}}) {
        core::library::Song song;
        song.title = QString::fromUtf8(title);
        song.artist = QString::fromUtf8(artist);
        ids << songs.save(song).value();
    }
    core::setlists::SetlistRepository setlists(db);
    core::setlists::Show show;
    show.name = QStringLiteral("Friday at Blå");
    show.date = QDate(2026, 12, 11);
    const QString showId = setlists.saveShow(show).value();
    const QString set = setlists.addSet(showId, QStringLiteral("Set 1")).value();
    for (const QString& id : ids) {
        EXPECT_TRUE(setlists.addSong(set, id).has_value());
    }
    return showId;
}

TEST(FanVoteDialogTest, AVoteMadeOnTheDesktopMovesLiveAndItsResultGoesIntoTheEncore)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    QStringList ids;
    const QString showId = showWithThreeSongs(*db, ids);
    core::setlists::SetlistRepository setlists(*db);

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

    // Or into a set: the dialog offers the show's sets; the winners move from the encore there.
    auto* target = dialog->findChild<QComboBox*>(QStringLiteral("fanVoteTarget"));
    ASSERT_NE(target, nullptr);
    ASSERT_EQ(target->count(), 2) << "the encore, Set 1";
    dialog->setTarget(setlists.plan(showId)->sets.first().id);
    EXPECT_EQ(target->currentText(), QStringLiteral("Set 1"));
    EXPECT_EQ(dialog->useResult(), 2);
    plan = setlists.plan(showId);
    EXPECT_EQ(plan->sets.first().entries.size(), 3);
    EXPECT_TRUE(plan->sets.last().entries.isEmpty());
    EXPECT_EQ(plan->sets.first().entries.at(1).songId, ids.at(1)) << "in the fans' order at the set's end";
    EXPECT_TRUE(dialog->bannerText().contains(QStringLiteral("Set 1"))) << dialog->bannerText().toStdString();
    EXPECT_EQ(dialog->useResult(), 0) << "there already";
    page.undoStack()->undo();
    EXPECT_EQ(setlists.plan(showId)->sets.last().entries.size(), 2) << "back in the encore";

    // The poster: printed to PDF, rendered by poppler and scanned by zbar, it holds the link.
    const QString pdf = dir.file(QStringLiteral("poster.pdf"));
    {
        QPdfWriter writer(pdf);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        dialog->printPoster(writer);
    }
    QProcess render;
    render.start(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf,
                                              QStringLiteral(BANDMATE_SHOTS_DIR "/fan-vote-poster")});
    ASSERT_TRUE(render.waitForFinished(30'000));
    ASSERT_EQ(render.exitCode(), 0) << render.readAllStandardError().toStdString();
    const QString zbar = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    if (!zbar.isEmpty()) {
        QProcess scan;
        scan.start(zbar, {QStringLiteral("--raw"), QStringLiteral("-q"), QStringLiteral(BANDMATE_SHOTS_DIR "/fan-vote-poster.png")});
        ASSERT_TRUE(scan.waitForFinished(20'000));
        EXPECT_EQ(QString::fromUtf8(scan.readAllStandardOutput()).trimmed(), dialog->link());
    }

    // Opening the dialog again finds the show's vote on the server.
    const QString firstCode = dialog->code();
    dialog->close();
    ui::FanVoteDialog* again = page.fanVote();
    QSignalSpy found(again, &ui::FanVoteDialog::wentLive);
    ASSERT_TRUE(found.wait(10'000));
    EXPECT_EQ(again->ballots(), 2);

    // New vote…: a fresh form that makes a second poll (the first stays on the server).
    again->startAnother();
    EXPECT_FALSE(again->isLive());
    EXPECT_TRUE(again->draftId().isEmpty());
    again->setQuestion(QStringLiteral("And next month?"));
    again->create();
    ASSERT_TRUE(found.wait(10'000)) << again->bannerText().toStdString();
    EXPECT_NE(again->code(), firstCode);
    EXPECT_EQ(again->ballots(), 0);
}

TEST(FanVoteDialogTest, AVoteTheServerRefusedSaysWhyUntilItChanges)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    QStringList ids;
    const QString showId = showWithThreeSongs(*db, ids);
    core::setlists::FanVoteRepository votes(*db);
    const QJsonObject request{{QStringLiteral("question"), QStringLiteral("Which one?")},
                              {QStringLiteral("songs"), QJsonArray{QJsonObject{{QStringLiteral("id"), ids.at(0)}, {QStringLiteral("title"), QStringLiteral("Quimbara")}}}}};
    const QString id = votes.save(showId, request).value();
    ASSERT_TRUE(votes.markRefused(id, request, QStringLiteral("question: at most 200 characters")).has_value());

    ui::SetlistsPage page(*db);
    page.show();
    page.setServerAccess([](QObject*, std::function<void(const QUrl&, const QString&, const QString&)> use) { use({}, {}, QStringLiteral("not signed in")); });
    ASSERT_TRUE(page.selectShow(showId));
    ui::FanVoteDialog* dialog = page.fanVote();
    auto* refusal = dialog->findChild<QLabel*>(QStringLiteral("fanVoteRefusal"));
    ASSERT_NE(refusal, nullptr);
    EXPECT_TRUE(refusal->isVisibleTo(dialog));
    EXPECT_TRUE(refusal->text().contains(QStringLiteral("at most 200 characters"))) << refusal->text().toStdString();
    EXPECT_EQ(dialog->question(), QStringLiteral("Which one?"));
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    dialog->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/fan-vote-refused.png"));
    // Changed and kept again: the refusal goes, the vote waits for the server.
    dialog->setQuestion(QStringLiteral("Which one, then?"));
    dialog->create();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !refusal->isVisibleTo(dialog); }, 5'000));
    EXPECT_TRUE(votes.get(id)->waiting());
    EXPECT_EQ(dialog->draftId(), id);
}

TEST(FanVoteDialogTest, AVotePreparedOfflineIsKeptFilledInAgainAndGoesLiveAfterTheNextSync)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir, QStringLiteral("page.sqlite"));
    QStringList ids;
    const QString showId = showWithThreeSongs(*db, ids);
    test::LocalServer server(test::LocalServer::optionsFor(dir.file(QStringLiteral("server.sqlite"))));
    QSettings store(dir.file(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ui::Settings settings(store);
    // The whole window: its Sync page reaches the server, its Setlists page publishes after a sync.
    ui::MainWindow window(*db, settings);
    window.resize(1280, 800);
    window.show();
    auto* page = qobject_cast<ui::SetlistsPage*>(window.pageWidget(ui::PageId::Setlists));
    auto* sync = qobject_cast<ui::SyncPage*>(window.pageWidget(ui::PageId::Sync));
    ASSERT_NE(page, nullptr);
    ASSERT_NE(sync, nullptr);
    window.showPage(ui::PageId::Setlists);
    ASSERT_TRUE(page->selectShow(showId));

    // Not signed in (on the bus): Create keeps the vote on this computer and says so.
    ui::FanVoteDialog* dialog = page->fanVote();
    ASSERT_NE(dialog, nullptr);
    // It does not wait for a server it has no session for: Create is there at once.
    QCoreApplication::processEvents();
    auto* create = dialog->findChild<QPushButton*>(QStringLiteral("fanVoteCreate"));
    ASSERT_NE(create, nullptr);
    EXPECT_TRUE(create->isEnabled());
    EXPECT_EQ(create->text(), QStringLiteral("Create the vote"));
    // Typing finds songs in a long list; ticks stay.
    auto* filter = dialog->findChild<QLineEdit*>(QStringLiteral("fanVoteSongFilter"));
    auto* list = dialog->findChild<QListWidget*>(QStringLiteral("fanVoteSongs"));
    ASSERT_NE(filter, nullptr);
    ASSERT_NE(list, nullptr);
    const auto shown = [list] {
        int count = 0;
        for (int row = 0; row < list->count(); ++row) {
            count += list->item(row)->isHidden() ? 0 : 1;
        }
        return count;
    };
    auto* ticked = dialog->findChild<QLabel*>(QStringLiteral("fanVoteTicked"));
    ASSERT_NE(ticked, nullptr);
    EXPECT_TRUE(ticked->text().startsWith(QStringLiteral("3 song")) && ticked->text().contains(QStringLiteral("ticked"))) << ticked->text().toStdString();
    filter->setText(QStringLiteral("pedro"));
    EXPECT_EQ(shown(), 1);
    EXPECT_TRUE(ticked->text().contains(QStringLiteral("2 of them not shown"))) << ticked->text().toStdString();
    // Enter ticks (or unticks) the one song found; it does not create the vote. Esc empties the field.
    QTest::keyClick(filter, Qt::Key_Return);
    EXPECT_EQ(list->item(1)->checkState(), Qt::Unchecked);
    EXPECT_TRUE(dialog->draftId().isEmpty());
    EXPECT_TRUE(dialog->isVisible());
    QTest::keyClick(filter, Qt::Key_Return);
    EXPECT_EQ(list->item(1)->checkState(), Qt::Checked);
    QTest::keyClick(filter, Qt::Key_Escape);
    EXPECT_TRUE(filter->text().isEmpty());
    EXPECT_TRUE(dialog->isVisible()) << "Esc emptied the search, it did not close the dialog";
    EXPECT_EQ(shown(), 3);
    EXPECT_EQ(list->item(0)->checkState(), Qt::Checked);
    dialog->setQuestion(QStringLiteral("What do we open with?"));
    dialog->create();
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->bannerText().contains(QStringLiteral("kept on this computer")); }, 5'000))
        << dialog->bannerText().toStdString();
    EXPECT_FALSE(dialog->isLive());
    const QString draftId = dialog->draftId();
    ASSERT_FALSE(draftId.isEmpty());
    EXPECT_EQ(core::setlists::FanVoteRepository(*db).waiting()->size(), 1);
    dialog->close();

    // Opened again: the form holds the kept vote.
    ui::FanVoteDialog* again = page->fanVote();
    EXPECT_EQ(again->draftId(), draftId);
    EXPECT_EQ(again->question(), QStringLiteral("What do we open with?"));
    EXPECT_TRUE(again->bannerText().contains(QStringLiteral("kept on this computer"))) << again->bannerText().toStdString();
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    again->grab().save(QStringLiteral(BANDMATE_SHOTS_DIR "/fan-vote-kept.png"));
    // Discarded, it is gone (a sync takes that to the other computers); prepared again, kept again.
    again->discard();
    EXPECT_TRUE(core::setlists::FanVoteRepository(*db).waiting()->isEmpty());
    EXPECT_TRUE(again->draftId().isEmpty());
    EXPECT_TRUE(again->bannerText().contains(QStringLiteral("discarded"))) << again->bannerText().toStdString();
    again->create();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !again->draftId().isEmpty() && again->bannerText().contains(QStringLiteral("kept on this computer")); }, 5'000));
    EXPECT_NE(again->draftId(), draftId);
    ASSERT_EQ(core::setlists::FanVoteRepository(*db).waiting()->size(), 1);
    const QString keptId = again->draftId();

    // Signed in: the first sync publishes it and the open dialog goes live with its code.
    QSignalSpy live(again, &ui::FanVoteDialog::wentLive);
    ASSERT_TRUE(sync->signIn(server.url().toString(), QStringLiteral("band@example.org"), QStringLiteral("salsa-dura-1978"), true));
    ASSERT_TRUE(live.wait(20'000)) << again->bannerText().toStdString();
    EXPECT_EQ(again->code().size(), 6);
    const auto vote = core::setlists::FanVoteRepository(*db).get(keptId);
    ASSERT_TRUE(vote.has_value());
    EXPECT_TRUE(vote->published());
    EXPECT_EQ(vote->code, again->code());
    EXPECT_TRUE(page->bannerText().contains(vote->code)) << page->bannerText().toStdString();
    EXPECT_TRUE(core::setlists::FanVoteRepository(*db).waiting()->isEmpty());
}

TEST(FanVoteDialogTest, APosterWithALongQuestionOnLandscapePaperStillHoldsAReadableCodeAndLink)
{
    test::TempDir dir;
    const QString link = QStringLiteral("https://bandmate.la-sonora-de-oslo.example.org:8443/v/K7M2QX");
    const QString pdf = dir.file(QStringLiteral("poster.pdf"));
    {
        QPdfWriter writer(pdf);
        writer.setPageSize(QPageSize(QPageSize::Letter));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setResolution(150);
        QPainter painter(&writer);
        ui::paintQrPoster(painter, QRectF(0, 0, writer.width(), writer.height()),
                          {QStringLiteral("La Sonora · Friday at Blå"), QString(200, QLatin1Char('x')).replace(QRegularExpression(QStringLiteral("x{9}x")), QStringLiteral("encore or ")),
                           link, QStringLiteral("K7M2QX"), QStringLiteral("Scan with your phone, or open"), QStringLiteral("Code")});
    }
    QDir().mkpath(QStringLiteral(BANDMATE_SHOTS_DIR));
    QProcess render;
    render.start(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf,
                                              QStringLiteral(BANDMATE_SHOTS_DIR "/fan-vote-poster-landscape")});
    ASSERT_TRUE(render.waitForFinished(30'000));
    ASSERT_EQ(render.exitCode(), 0);
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    ASSERT_TRUE(text.waitForFinished(30'000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput()).remove(QLatin1Char('\n'));
    EXPECT_TRUE(words.contains(QStringLiteral("K7M2QX"))) << words.toStdString();
    EXPECT_TRUE(words.contains(link)) << "the whole link, wrapped where it must be: " << words.toStdString();
    const QString zbar = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    if (zbar.isEmpty()) {
        GTEST_SKIP() << "zbarimg (zbar-tools) is not installed: the QR code was printed but not scanned";
    }
    QProcess scan;
    scan.start(zbar, {QStringLiteral("--raw"), QStringLiteral("-q"), QStringLiteral(BANDMATE_SHOTS_DIR "/fan-vote-poster-landscape.png")});
    ASSERT_TRUE(scan.waitForFinished(20'000));
    EXPECT_EQ(QString::fromUtf8(scan.readAllStandardOutput()).trimmed(), link);
}

}  // namespace
