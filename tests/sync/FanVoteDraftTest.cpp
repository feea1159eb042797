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
    EXPECT_FALSE(votes.save(QString(), encoreRequest()).has_value()) << "a vote belongs to a show";
    EXPECT_FALSE(votes.save(QStringLiteral("show-1"), {}).has_value());
    const QString id = votes.save(QStringLiteral("show-1"), encoreRequest()).value();
    EXPECT_EQ(votes.waiting()->size(), 1);
    ASSERT_TRUE(votes.save(QStringLiteral("show-1"), encoreRequest(QStringLiteral("Which two?")), id).has_value());
    const FanVote kept = votes.newestForShow(QStringLiteral("show-1")).value().value();
    EXPECT_EQ(kept.id, id);
    EXPECT_EQ(kept.request.value(QStringLiteral("question")).toString(), QStringLiteral("Which two?"));
    EXPECT_TRUE(kept.waiting());
    EXPECT_EQ(FanVoteRepository::publishRequest(kept).value(QStringLiteral("draft_id")).toString(), id);
    EXPECT_EQ(FanVoteRepository::publishRequest(kept).value(QStringLiteral("show_id")).toString(), QStringLiteral("show-1"));

    // Refused: it waits no more, until the musician changes it.
    ASSERT_TRUE(votes.markRefused(id, QStringLiteral("songs: a poll has 1 to 100 songs")).has_value());
    EXPECT_TRUE(votes.waiting()->isEmpty());
    EXPECT_EQ(votes.get(id)->refused, QStringLiteral("songs: a poll has 1 to 100 songs"));
    ASSERT_TRUE(votes.save(QStringLiteral("show-1"), encoreRequest(), id).has_value());
    EXPECT_EQ(votes.waiting()->size(), 1);

    ASSERT_TRUE(votes.markPublished(id, QStringLiteral("poll-1"), QStringLiteral("K7M2QX"), QStringLiteral("http://x/v/K7M2QX")).has_value());
    EXPECT_TRUE(votes.waiting()->isEmpty());
    EXPECT_TRUE(votes.get(id)->published());
    auto changed = votes.save(QStringLiteral("show-1"), encoreRequest(QStringLiteral("Too late")), id);
    ASSERT_FALSE(changed.has_value()) << "a published vote is the server's";
    EXPECT_EQ(votes.get(id)->request.value(QStringLiteral("question")).toString(), QStringLiteral("Which song for the encore?"));
    EXPECT_EQ(votes.save(QStringLiteral("show-1"), encoreRequest(), QStringLiteral("no-such-vote")).error().code, core::ErrorCode::NotFound);

    ASSERT_TRUE(votes.remove(id).has_value());
    EXPECT_FALSE(votes.newestForShow(QStringLiteral("show-1"))->has_value());
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
    const QString id = FanVoteRepository(*laptop).save(QStringLiteral("show-1"), encoreRequest()).value();
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
    EXPECT_EQ(polls->value(QStringLiteral("polls")).toArray().first().toObject().value(QStringLiteral("show_id")).toString(), QStringLiteral("show-1"));

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
}

TEST(FanVoteDraftTest, AVoteTheServerRefusesSaysWhyAndTheOthersStillGo)
{
    test::TempDir dir;
    const QString serverDb = test::serverDatabase(dir);
    test::LocalServer server(serverDb);
    const QString token = test::signIn(serverDb);
    auto db = test::openTestDatabase(dir);
    FanVoteRepository votes(*db);
    QJsonObject noSongs = encoreRequest();
    noSongs.insert(QStringLiteral("songs"), QJsonArray{});
    const QString bad = votes.save(QStringLiteral("show-1"), noSongs).value();
    const QString good = votes.save(QStringLiteral("show-2"), encoreRequest()).value();

    const sync::PublishReport report = sync::PollClient::publishWaiting(*db, server.url(), token);
    EXPECT_FALSE(report.stopped.has_value());
    ASSERT_EQ(report.refused.size(), 1);
    EXPECT_EQ(report.refused.first().id, bad);
    EXPECT_TRUE(report.refused.first().refused.contains(QStringLiteral("songs"))) << report.refused.first().refused.toStdString();
    ASSERT_EQ(report.published.size(), 1);
    EXPECT_EQ(report.published.first().id, good);
    EXPECT_TRUE(votes.get(bad)->refused.contains(QStringLiteral("songs")));
    EXPECT_TRUE(votes.waiting()->isEmpty()) << "a refused vote is not sent again until it changes";

    // An expired session is not the vote's fault: it keeps waiting.
    const QString other = votes.save(QStringLiteral("show-3"), encoreRequest()).value();
    const sync::PublishReport unauthorized = sync::PollClient::publishWaiting(*db, server.url(), QStringLiteral("not-a-token"));
    ASSERT_TRUE(unauthorized.stopped.has_value());
    EXPECT_TRUE(unauthorized.refused.isEmpty());
    EXPECT_TRUE(votes.get(other)->waiting());
}

}  // namespace
