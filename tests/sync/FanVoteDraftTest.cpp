// Fan votes prepared offline (issue 19): kept in the database as a synced `fan_vote`, they reach
// the musician's other computers by sync and go to the real server (in this process, on
// 127.0.0.1) when it can be reached; published from two computers they make one poll.
#include "core/setlists/FanVotes.h"
#include "core/setlists/Setlists.h"
#include "sync/client/PollClient.h"
#include "sync/server/Polls.h"
#include "tests/support/LocalServer.h"
#include "tests/support/ServerDatabases.h"
#include "tests/support/SyncRound.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTcpServer>

#include <gtest/gtest.h>

using namespace bandmate;
using core::setlists::FanVote;
using core::setlists::FanVoteRepository;

namespace {

QJsonObject encoreRequest(const QString& question = QStringLiteral("Which song for the encore?"))
{
    return {{QStringLiteral("question"), question},
            {QStringLiteral("band"), QStringLiteral("La Sonora")},
            {QStringLiteral("show"), QStringLiteral("Friday at Blå")},
            {QStringLiteral("songs"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("song-a")}, {QStringLiteral("title"), QStringLiteral("Quimbara")}},
                                                 QJsonObject{{QStringLiteral("id"), QStringLiteral("song-b")}, {QStringLiteral("title"), QStringLiteral("Pedro Navaja")}}}},
            {QStringLiteral("votes_per_fan"), 1},
            {QStringLiteral("open_now"), true}};
}

/// A show in `db`; its id.
QString showIn(core::Database& db, const QString& name = QStringLiteral("Friday at Blå"))
{
    core::setlists::Show show;
    show.name = name;
    show.date = QDate(2026, 12, 11);
    return core::setlists::SetlistRepository(db).saveShow(show).value();
}

/// A port nothing listens on (it was free a moment ago).
QUrl deadServer()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

TEST(FanVoteDraftTest, AVoteKeptOfflineIsChangedUntilPublishedAndThenStays)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    FanVoteRepository votes(*db);
    const QString show = showIn(*db);
    EXPECT_FALSE(votes.save(QString(), encoreRequest()).has_value()) << "a vote belongs to a show";
    EXPECT_FALSE(votes.save(show, {}).has_value());
    const QString id = votes.save(show, encoreRequest()).value();
    EXPECT_EQ(votes.waiting()->size(), 1);
    ASSERT_TRUE(votes.save(show, encoreRequest(QStringLiteral("Which two?")), id).has_value());
    const FanVote kept = votes.newestForShow(show).value().value();
    EXPECT_EQ(kept.id, id);
    EXPECT_EQ(kept.request.value(QStringLiteral("question")).toString(), QStringLiteral("Which two?"));
    EXPECT_TRUE(kept.waiting());
    EXPECT_EQ(FanVoteRepository::publishRequest(kept).value(QStringLiteral("draft_id")).toString(), id);
    EXPECT_EQ(FanVoteRepository::publishRequest(kept).value(QStringLiteral("show_id")).toString(), show);

    // A refusal of what it held before it changed is not kept: the new content goes.
    ASSERT_TRUE(votes.markRefused(id, encoreRequest(), QStringLiteral("stale")).has_value());
    EXPECT_TRUE(votes.get(id)->waiting());
    // Refused: it waits no more, until the musician changes it; it is still listed as kept.
    ASSERT_TRUE(votes.markRefused(id, kept.request, QStringLiteral("songs: a poll has 1 to 100 songs")).has_value());
    EXPECT_TRUE(votes.waiting()->isEmpty());
    EXPECT_EQ(votes.kept()->size(), 1);
    EXPECT_EQ(votes.get(id)->refused, QStringLiteral("songs: a poll has 1 to 100 songs"));
    ASSERT_TRUE(votes.save(show, encoreRequest(), id).has_value());
    EXPECT_EQ(votes.waiting()->size(), 1);

    ASSERT_TRUE(votes.markPublished(id, QStringLiteral("poll-1"), QStringLiteral("K7M2QX"), QStringLiteral("http://x/v/K7M2QX")).has_value());
    EXPECT_TRUE(votes.waiting()->isEmpty());
    EXPECT_TRUE(votes.kept()->isEmpty());
    EXPECT_TRUE(votes.get(id)->published());
    auto changed = votes.save(show, encoreRequest(QStringLiteral("Too late")), id);
    ASSERT_FALSE(changed.has_value()) << "a published vote is the server's";
    EXPECT_EQ(changed.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(votes.get(id)->request.value(QStringLiteral("question")).toString(), QStringLiteral("Which song for the encore?"));
    EXPECT_EQ(votes.remove(id).error().code, core::ErrorCode::Conflict) << "close it on the server instead";
    EXPECT_EQ(votes.save(show, encoreRequest(), QStringLiteral("no-such-vote")).error().code, core::ErrorCode::NotFound);
}

TEST(FanVoteDraftTest, ADiscardThatRacedThePublishingLosesAndADeletedShowTakesItsKeptVotes)
{
    test::TempDir dir;
    auto db = test::openTestDatabase(dir);
    FanVoteRepository votes(*db);
    const QString show = showIn(*db);
    // Discarded while the server was creating it: the poll is live, so the vote shows.
    const QString raced = votes.save(show, encoreRequest()).value();
    ASSERT_TRUE(votes.remove(raced).has_value());
    EXPECT_FALSE(votes.newestForShow(show)->has_value());
    ASSERT_TRUE(votes.markPublished(raced, QStringLiteral("poll-9"), QStringLiteral("ABCDEF"), QStringLiteral("http://x/v/ABCDEF")).has_value());
    ASSERT_TRUE(votes.newestForShow(show)->has_value());
    EXPECT_EQ(votes.newestForShow(show)->value().pollId, QStringLiteral("poll-9"));

    // A vote for a show not (or no longer) here does not go out; deleting the show discards
    // its kept votes in the same step, the published one stays.
    ASSERT_TRUE(votes.save(QStringLiteral("show-not-here-yet"), encoreRequest()).has_value());
    const QString kept = votes.save(show, encoreRequest()).value();
    ASSERT_EQ(votes.waiting()->size(), 1);
    EXPECT_EQ(votes.waiting()->first().id, kept);
    ASSERT_TRUE(core::setlists::SetlistRepository(*db).removeShow(show).has_value());
    EXPECT_TRUE(votes.waiting()->isEmpty());
    EXPECT_EQ(votes.get(kept).error().code, core::ErrorCode::NotFound);
    EXPECT_TRUE(votes.get(raced)->published());
}

TEST(FanVoteDraftTest, PreparedOfflineItSyncsAndTwoComputersPublishingItMakeOnePoll)
{
    test::TempDir dir;
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = test::signIn(serverDb);
    auto laptop = test::openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
    auto studio = test::openTestDatabase(dir, QStringLiteral("studio.sqlite"));

    // On the laptop, on the bus: no server.
    const QString show = showIn(*laptop);
    const QString id = FanVoteRepository(*laptop).save(show, encoreRequest()).value();
    const sync::PublishReport offline = sync::PollClient::publishWaiting(*laptop, deadServer(), token);
    ASSERT_TRUE(offline.stopped.has_value());
    EXPECT_EQ(offline.stopped->code, core::ErrorCode::Io);
    EXPECT_TRUE(offline.published.isEmpty());
    EXPECT_EQ(FanVoteRepository(*laptop).waiting()->size(), 1) << "it keeps waiting";

    // Back online: the laptop syncs; the studio gets the vote by sync.
    ASSERT_TRUE(test::expectSyncs(*laptop, server.url(), token));
    ASSERT_TRUE(test::expectSyncs(*studio, server.url(), token));
    ASSERT_EQ(FanVoteRepository(*studio).waiting()->size(), 1);
    EXPECT_EQ(FanVoteRepository(*studio).waiting()->first().id, id);

    // Both publish it before they sync again: one poll.
    const sync::PublishReport fromStudio = sync::PollClient::publishWaiting(*studio, server.url(), token);
    const sync::PublishReport fromLaptop = sync::PollClient::publishWaiting(*laptop, server.url(), token);
    ASSERT_FALSE(fromStudio.stopped.has_value()) << fromStudio.stopped->toString();
    ASSERT_FALSE(fromLaptop.stopped.has_value()) << fromLaptop.stopped->toString();
    ASSERT_EQ(fromStudio.published.size(), 1);
    ASSERT_EQ(fromLaptop.published.size(), 1);
    EXPECT_EQ(fromStudio.published.first().pollId, fromLaptop.published.first().pollId);
    EXPECT_EQ(fromStudio.published.first().code.size(), 6);
    EXPECT_TRUE(fromStudio.published.first().url.endsWith(QStringLiteral("/v/") + fromStudio.published.first().code));
    auto polls = sync::PollClient::call(server.url(), token, "GET", QStringLiteral("/v1/polls"));
    ASSERT_TRUE(polls.has_value());
    ASSERT_EQ(polls->value(QStringLiteral("polls")).toArray().size(), 1);
    EXPECT_EQ(polls->value(QStringLiteral("polls")).toArray().first().toObject().value(QStringLiteral("show_id")).toString(), show);

    // Both records say where it is, and agree after they sync.
    ASSERT_TRUE(test::expectSyncs(*laptop, server.url(), token));
    ASSERT_TRUE(test::expectSyncs(*studio, server.url(), token));
    ASSERT_TRUE(test::expectSyncs(*laptop, server.url(), token));
    EXPECT_EQ(test::dumpOf(*laptop), test::dumpOf(*studio));
    const FanVote onStudio = FanVoteRepository(*studio).get(id).value();
    EXPECT_EQ(onStudio.pollId, fromLaptop.published.first().pollId);
    EXPECT_TRUE(FanVoteRepository(*studio).waiting()->isEmpty());
    // Nothing left to publish.
    const sync::PublishReport nothing = sync::PollClient::publishWaiting(*studio, server.url(), token);
    EXPECT_TRUE(nothing.published.isEmpty());
    EXPECT_FALSE(nothing.stopped.has_value());

    // The studio changes a vote the laptop has published but not synced yet: the first one
    // stands, and the studio is told its changes were not applied.
    const QString second = FanVoteRepository(*laptop).save(show, encoreRequest(QStringLiteral("And the encore?"))).value();
    ASSERT_TRUE(test::expectSyncs(*laptop, server.url(), token));
    ASSERT_TRUE(test::expectSyncs(*studio, server.url(), token));
    ASSERT_EQ(sync::PollClient::publishWaiting(*laptop, server.url(), token).published.size(), 1);
    ASSERT_TRUE(FanVoteRepository(*studio).save(show, encoreRequest(QStringLiteral("Changed in the studio")), second).has_value());
    const sync::PublishReport late = sync::PollClient::publishWaiting(*studio, server.url(), token);
    ASSERT_EQ(late.published.size(), 1);
    ASSERT_EQ(late.changedElsewhere.size(), 1);
    EXPECT_EQ(late.changedElsewhere.first().id, second);
    auto stands = sync::PollClient::call(server.url(), token, "GET", QStringLiteral("/v1/polls/") + late.published.first().pollId);
    ASSERT_TRUE(stands.has_value());
    EXPECT_EQ(stands->value(QStringLiteral("question")).toString(), QStringLiteral("And the encore?"));
}

TEST(FanVoteDraftTest, AVoteTheServerRefusesSaysWhyAndTheOthersStillGo)
{
    test::TempDir dir;
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = test::signIn(serverDb);
    auto db = test::openTestDatabase(dir);
    FanVoteRepository votes(*db);
    const QString show = showIn(*db);
    QJsonObject noSongs = encoreRequest();
    noSongs.insert(QStringLiteral("songs"), QJsonArray{});
    const QString bad = votes.save(show, noSongs).value();
    QJsonObject closed = encoreRequest();
    closed.insert(QStringLiteral("closes_at"), static_cast<double>(QDateTime::currentMSecsSinceEpoch() - 60'000));
    const QString late = votes.save(show, closed).value();
    const QString good = votes.save(show, encoreRequest()).value();

    const sync::PublishReport report = sync::PollClient::publishWaiting(*db, server.url(), token);
    EXPECT_FALSE(report.stopped.has_value());
    ASSERT_EQ(report.refused.size(), 2);  // (in the order they were kept: the same millisecond here, so either)
    QStringList refusedIds;
    for (const FanVote& vote : report.refused) {
        refusedIds << vote.id;
    }
    EXPECT_TRUE(refusedIds.contains(bad) && refusedIds.contains(late));
    EXPECT_TRUE(votes.get(bad)->refused.contains(QStringLiteral("songs"))) << votes.get(bad)->refused.toStdString();
    EXPECT_TRUE(votes.get(late)->refused.contains(QStringLiteral("closing time"))) << "published now it would be closed at once";
    ASSERT_EQ(report.published.size(), 1);
    EXPECT_EQ(report.published.first().id, good);
    EXPECT_TRUE(votes.waiting()->isEmpty()) << "a refused vote is not sent again until it changes";

    // An expired session is not the vote's fault: it keeps waiting.
    const QString other = votes.save(show, encoreRequest()).value();
    const sync::PublishReport unauthorized = sync::PollClient::publishWaiting(*db, server.url(), QStringLiteral("not-a-token"));
    ASSERT_TRUE(unauthorized.stopped.has_value());
    EXPECT_TRUE(unauthorized.refused.isEmpty());
    EXPECT_TRUE(votes.get(other)->waiting());
}

}  // namespace
