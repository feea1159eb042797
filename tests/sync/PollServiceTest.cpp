// Fan voting without HTTP (issue 19): polls, ballots, the live tally against a recount, results
// visibility, suggestions and whose poll is whose. SQLite here, PostgreSQL under with-postgres.sh.
#include "sync/server/Polls.h"
#include "tests/support/ServerDatabases.h"

#include <QRandomGenerator>
#include <QSet>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace bandmate;
using sync::PollService;
using sync::PollSpec;

namespace {

struct PollServiceTest : ::testing::Test {
    test::TempDir dir;
    qint64 now = 1'780'000'000'000;
    std::unique_ptr<PollService> polls;
    QString location;

    void SetUp() override
    {
        location = test::serverDatabase(dir);
        auto opened = PollService::open(location, [this] { return now; });
        ASSERT_TRUE(opened.has_value()) << opened.error().toString();
        polls = std::move(*opened);
    }

    static PollSpec encore(int votes = 1)
    {
        PollSpec spec;
        spec.showId = QStringLiteral("show-1");
        spec.band = QStringLiteral("La Sonora");
        spec.showName = QStringLiteral("Friday at Blå");
        spec.question = QStringLiteral("Which songs for the encore?");
        spec.options = {{QStringLiteral("song-a"), QStringLiteral("Quimbara"), QStringLiteral("Celia Cruz")},
                        {QStringLiteral("song-b"), QStringLiteral("Pedro Navaja"), QStringLiteral("Rubén Blades")},
                        {QStringLiteral("song-c"), QStringLiteral("El Cantante"), QStringLiteral("Héctor Lavoe")}};
        spec.votesPerFan = votes;
        spec.openNow = true;
        return spec;
    }

    qint64 votesOf(const QString& pollId, const QString& key) const
    {
        auto poll = polls->byId(pollId);
        EXPECT_TRUE(poll.has_value());
        for (const auto& option : poll->options) {
            if (option.key == key) {
                return option.votes;
            }
        }
        return -1;
    }
};

TEST_F(PollServiceTest, APollHasAnUnguessableIdAShortCodeAndOpensClosesAndResets)
{
    auto poll = polls->create(QStringLiteral("acct-1"), encore());
    ASSERT_TRUE(poll.has_value()) << poll.error().toString();
    EXPECT_EQ(poll->id.size(), 26) << "128 bits in base32";
    EXPECT_EQ(poll->code.size(), 6);
    EXPECT_FALSE(poll->code.contains(QRegularExpression(QStringLiteral("[01OIL]"))));
    EXPECT_EQ(poll->state, QStringLiteral("open"));
    EXPECT_EQ(poll->spec.options.size(), 3);
    // Fans may type the code in lower case with a dash.
    const QString typed = poll->code.left(3).toLower() + QStringLiteral("-") + poll->code.mid(3).toLower();
    EXPECT_EQ(polls->byCode(typed)->id, poll->id);

    ASSERT_TRUE(polls->vote(poll->id, QStringLiteral("fan-1"), {QStringLiteral("song-a")}).has_value());
    auto closed = polls->setState(QStringLiteral("acct-1"), poll->id, QStringLiteral("closed"));
    ASSERT_TRUE(closed.has_value());
    EXPECT_EQ(closed->state, QStringLiteral("closed"));
    auto refused = polls->vote(poll->id, QStringLiteral("fan-2"), {QStringLiteral("song-b")});
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(refused.error().message, "the vote is closed");

    auto reopened = polls->setState(QStringLiteral("acct-1"), poll->id, QStringLiteral("open"));
    ASSERT_TRUE(reopened.has_value());
    EXPECT_EQ(reopened->ballots, 1) << "reopening keeps the ballots";
    auto reset = polls->reset(QStringLiteral("acct-1"), poll->id);
    ASSERT_TRUE(reset.has_value());
    EXPECT_EQ(reset->ballots, 0);
    EXPECT_EQ(votesOf(poll->id, QStringLiteral("song-a")), 0);
    EXPECT_TRUE(polls->ballot(poll->id, QStringLiteral("fan-1"))->isEmpty());
    EXPECT_GT(reset->version, reopened->version);
}

TEST_F(PollServiceTest, AScheduledPollOpensAndClosesOnTime)
{
    PollSpec spec = encore();
    spec.openNow = false;
    spec.opensAtMs = now + 60'000;
    spec.closesAtMs = now + 120'000;
    auto poll = polls->create(QStringLiteral("acct-1"), spec);
    ASSERT_TRUE(poll.has_value());
    EXPECT_EQ(poll->state, QStringLiteral("scheduled"));
    EXPECT_EQ(polls->vote(poll->id, QStringLiteral("fan"), {QStringLiteral("song-a")}).error().message, "the vote has not opened yet");
    now += 60'000;
    EXPECT_EQ(polls->byId(poll->id)->state, QStringLiteral("open"));
    EXPECT_TRUE(polls->vote(poll->id, QStringLiteral("fan"), {QStringLiteral("song-a")}).has_value());
    now += 60'000;
    EXPECT_EQ(polls->byId(poll->id)->state, QStringLiteral("closed"));
    spec.closesAtMs = spec.opensAtMs;
    EXPECT_FALSE(polls->create(QStringLiteral("acct-1"), spec).has_value()) << "closing before opening";
}

TEST_F(PollServiceTest, EachFanHasTheirVotesAndMayChangeThemButNotExceedThem)
{
    auto poll = polls->create(QStringLiteral("acct-1"), encore(2));
    ASSERT_TRUE(poll.has_value());
    const QString a = QStringLiteral("song-a"), b = QStringLiteral("song-b"), c = QStringLiteral("song-c");
    EXPECT_EQ(*polls->vote(poll->id, QStringLiteral("fan-1"), {a, b}), (QStringList{a, b}));
    EXPECT_EQ(polls->vote(poll->id, QStringLiteral("fan-1"), {a, b, c}).error().message, "at most 2 votes per fan");
    EXPECT_EQ(polls->vote(poll->id, QStringLiteral("fan-1"), {a, a}).error().message, "a song is chosen twice");
    EXPECT_EQ(polls->vote(poll->id, QStringLiteral("fan-1"), {QStringLiteral("song-x")}).error().message, "not a song of this vote");
    EXPECT_EQ(votesOf(poll->id, a), 1) << "refused votes change nothing";
    // Changing a vote moves it; voting the same again (a double tap) counts once.
    ASSERT_TRUE(polls->vote(poll->id, QStringLiteral("fan-1"), {a, c}).has_value());
    ASSERT_TRUE(polls->vote(poll->id, QStringLiteral("fan-1"), {a, c}).has_value());
    EXPECT_EQ(votesOf(poll->id, a), 1);
    EXPECT_EQ(votesOf(poll->id, b), 0);
    EXPECT_EQ(votesOf(poll->id, c), 1);
    EXPECT_EQ(*polls->ballot(poll->id, QStringLiteral("fan-1")), (QStringList{a, c}));
    // An empty ballot takes the fan's votes back.
    ASSERT_TRUE(polls->vote(poll->id, QStringLiteral("fan-1"), {}).has_value());
    EXPECT_EQ(polls->byId(poll->id)->ballots, 0);
    EXPECT_EQ(votesOf(poll->id, a), 0);
}

TEST_F(PollServiceTest, TheLiveTallyEqualsARecountAfterThousandsOfVotesInGroups)
{
    auto poll = polls->create(QStringLiteral("acct-1"), encore(2));
    ASSERT_TRUE(poll.has_value());
    const QStringList keys{QStringLiteral("song-a"), QStringLiteral("song-b"), QStringLiteral("song-c"), QStringLiteral("song-x")};
    QRandomGenerator random(19);
    std::vector<sync::BallotRequest> requests;
    for (int i = 0; i < 3000; ++i) {
        QStringList choices;
        const int count = static_cast<int>(random.bounded(4));  // 3 is one too many: refused
        for (int j = 0; j < count; ++j) {
            choices << keys.at(random.bounded(static_cast<int>(keys.size())));  // sometimes twice, sometimes not a song
        }
        requests.push_back({poll->id, QStringLiteral("fan-%1").arg(random.bounded(500)), choices});
    }
    for (size_t start = 0; start < requests.size(); start += 64) {
        QList<sync::BallotRequest*> group;
        for (size_t i = start; i < std::min(requests.size(), start + 64); ++i) {
            group.append(&requests[i]);
        }
        polls->voteGroup(group);
    }
    int refused = 0;
    for (const auto& request : requests) {
        refused += request.result ? 0 : 1;
    }
    EXPECT_GT(refused, 0);
    EXPECT_LT(refused, 3000);
    auto recount = polls->recount(poll->id);
    ASSERT_TRUE(recount.has_value());
    auto live = polls->byId(poll->id);
    qint64 total = 0;
    for (const auto& option : live->options) {
        EXPECT_EQ(option.votes, recount->value(option.key)) << option.key.toStdString();
        total += option.votes;
    }
    EXPECT_GT(total, 0);
    // The last accepted ballot of each fan is what is stored.
    QHash<QString, QStringList> last;
    for (const auto& request : requests) {
        if (request.result) {
            last[request.fan] = *request.result;
        }
    }
    qint64 nonEmpty = 0;
    for (auto it = last.cbegin(); it != last.cend(); ++it) {
        EXPECT_EQ(*polls->ballot(poll->id, it.key()), it.value()) << it.key().toStdString();
        nonEmpty += it.value().isEmpty() ? 0 : 1;
    }
    EXPECT_EQ(live->ballots, nonEmpty);
}

TEST_F(PollServiceTest, ResultsAreShownAsTheMusicianChose)
{
    sync::Poll poll;
    poll.state = QStringLiteral("open");
    for (const auto& [shown, beforeVote, afterVote, afterClose] :
         {std::tuple{sync::ResultsShown::Always, true, true, true}, std::tuple{sync::ResultsShown::AfterVote, false, true, true},
          std::tuple{sync::ResultsShown::AfterClose, false, false, true}, std::tuple{sync::ResultsShown::Never, false, false, false}}) {
        poll.spec.results = shown;
        poll.state = QStringLiteral("open");
        EXPECT_EQ(PollService::tallyVisible(poll, false), beforeVote) << sync::resultsShownName(shown).toStdString();
        EXPECT_EQ(PollService::tallyVisible(poll, true), afterVote) << sync::resultsShownName(shown).toStdString();
        poll.state = QStringLiteral("closed");
        EXPECT_EQ(PollService::tallyVisible(poll, false), afterClose) << sync::resultsShownName(shown).toStdString();
    }
    EXPECT_EQ(sync::resultsShownFromName(QStringLiteral("after-vote")), sync::ResultsShown::AfterVote);
    EXPECT_FALSE(sync::resultsShownFromName(QStringLiteral("sometimes")).has_value());
}

TEST_F(PollServiceTest, SuggestionsWaitForTheMusicianAndAreCapped)
{
    PollSpec spec = encore();
    spec.suggestions = true;
    auto poll = polls->create(QStringLiteral("acct-1"), spec);
    ASSERT_TRUE(poll.has_value());
    auto key = polls->suggest(poll->id, QStringLiteral("fan-1"), QStringLiteral("  <b>Oye Como Va</b>  "));
    ASSERT_TRUE(key.has_value()) << key.error().toString();
    EXPECT_EQ(polls->vote(poll->id, QStringLiteral("fan-2"), {*key}).error().message, "not a song of this vote") << "pending is not votable";
    EXPECT_EQ(*polls->suggest(poll->id, QStringLiteral("fan-2"), QStringLiteral("<B>oye como va</B>")), *key) << "no second copy";
    EXPECT_EQ(polls->suggest(poll->id, QStringLiteral("fan-1"), QString(PollService::kMaxTextLength + 1, QLatin1Char('x'))).error().message,
              "at most 200 characters");
    EXPECT_EQ(polls->suggest(poll->id, QStringLiteral("fan-1"), QString(100'000, QLatin1Char('x'))).error().message, "at most 200 characters");
    EXPECT_EQ(polls->suggest(poll->id, QStringLiteral("fan-1"), QStringLiteral("a\u0007b")).error().message, "holds control characters");
    ASSERT_TRUE(polls->suggest(poll->id, QStringLiteral("fan-1"), QStringLiteral("Two")).has_value());
    ASSERT_TRUE(polls->suggest(poll->id, QStringLiteral("fan-1"), QStringLiteral("Three")).has_value());
    EXPECT_EQ(polls->suggest(poll->id, QStringLiteral("fan-1"), QStringLiteral("Four")).error().message, "at most 3 suggestions each");

    // Another musician cannot list it; its owner can, and then it takes votes.
    EXPECT_EQ(polls->moderate(QStringLiteral("acct-2"), poll->id, *key, QStringLiteral("listed")).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(polls->moderate(QStringLiteral("acct-1"), poll->id, QStringLiteral("song-a"), QStringLiteral("hidden")).error().code,
              core::ErrorCode::NotFound)
        << "the musician's own songs are not suggestions";
    ASSERT_TRUE(polls->moderate(QStringLiteral("acct-1"), poll->id, *key, QStringLiteral("listed")).has_value());
    EXPECT_TRUE(polls->vote(poll->id, QStringLiteral("fan-2"), {*key}).has_value());
    auto hidden = polls->moderate(QStringLiteral("acct-1"), poll->id, *key, QStringLiteral("hidden"));
    ASSERT_TRUE(hidden.has_value());
    EXPECT_EQ(polls->vote(poll->id, QStringLiteral("fan-3"), {*key}).error().message, "not a song of this vote");

    PollSpec closed = encore();
    auto without = polls->create(QStringLiteral("acct-1"), closed);
    EXPECT_EQ(polls->suggest(without->id, QStringLiteral("fan-1"), QStringLiteral("Anything")).error().message, "this vote takes no suggestions");
}

TEST_F(PollServiceTest, AnotherMusiciansPollIsNotThereForThem)
{
    auto poll = polls->create(QStringLiteral("acct-1"), encore());
    ASSERT_TRUE(poll.has_value());
    for (const auto& result : {polls->get(QStringLiteral("acct-2"), poll->id), polls->setState(QStringLiteral("acct-2"), poll->id, QStringLiteral("closed")),
                               polls->reset(QStringLiteral("acct-2"), poll->id)}) {
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().code, core::ErrorCode::NotFound);
    }
    EXPECT_EQ(polls->byId(poll->id)->state, QStringLiteral("open"));
    EXPECT_TRUE(polls->list(QStringLiteral("acct-2"))->isEmpty());
    EXPECT_EQ(polls->list(QStringLiteral("acct-1"))->size(), 1);
}

TEST_F(PollServiceTest, WhatAMusicianSendsIsCheckedAndNamedWhereItIsWrong)
{
    PollSpec spec = encore();
    spec.question.clear();
    EXPECT_EQ(polls->create(QStringLiteral("acct-1"), spec).error().where, "question");
    spec = encore();
    spec.options.clear();
    EXPECT_EQ(polls->create(QStringLiteral("acct-1"), spec).error().where, "songs");
    spec = encore();
    spec.options.append(spec.options.first());
    EXPECT_EQ(polls->create(QStringLiteral("acct-1"), spec).error().where, "song-a");
    spec = encore(6);
    EXPECT_EQ(polls->create(QStringLiteral("acct-1"), spec).error().where, "votes per fan");
    spec = encore(5);
    EXPECT_EQ(polls->create(QStringLiteral("acct-1"), spec)->spec.votesPerFan, 3) << "no more votes than songs";
    EXPECT_TRUE(polls->list(QStringLiteral("acct-1"))->size() == 1) << "refused polls are not stored";
    // The web pages' secret is made once and kept.
    auto secret = polls->webSecret();
    ASSERT_TRUE(secret.has_value());
    EXPECT_GE(secret->size(), 40);
    EXPECT_EQ(*polls->webSecret(), *secret);
}

}  // namespace

namespace {

TEST_F(PollServiceTest, AnOverlongBallotIsRefusedByItsSizeBeforeItsNamesAreRead)
{
    auto poll = polls->create(QStringLiteral("acct-1"), encore(2));
    ASSERT_TRUE(poll.has_value());
    // Four names (one twice) for two votes: the count says no first, cheaply.
    EXPECT_EQ(polls->vote(poll->id, QStringLiteral("fan"), {QStringLiteral("song-a"), QStringLiteral("song-a"), QStringLiteral("song-b"), QStringLiteral("song-c")})
                  .error()
                  .message,
              "at most 2 votes per fan");
    QStringList flood;
    for (int i = 0; i < 100'000; ++i) {
        flood << QStringLiteral("s%1").arg(i);
    }
    EXPECT_EQ(polls->vote(poll->id, QStringLiteral("fan"), flood).error().message, "at most 2 votes per fan");
}

TEST_F(PollServiceTest, TextThatReordersItselfIsRefusedButEmojiStay)
{
    PollSpec spec = encore();
    spec.suggestions = true;
    auto poll = polls->create(QStringLiteral("acct-1"), spec);
    ASSERT_TRUE(poll.has_value());
    for (const char16_t control : {u'\u202E', u'\u2066', u'\u200F'}) {
        EXPECT_EQ(polls->suggest(poll->id, QStringLiteral("fan-1"), QStringLiteral("abc") + QChar(control) + QStringLiteral("def")).error().message,
                  "holds control characters");
    }
    EXPECT_TRUE(polls->suggest(poll->id, QStringLiteral("fan-1"), QStringLiteral("Familia \U0001F468\u200D\U0001F469\u200D\U0001F467")).has_value())
        << "a joiner inside an emoji is not a control";
}

TEST_F(PollServiceTest, APollThatClosesOnTimeHasANewVersionWithoutAnyWrite)
{
    PollSpec spec = encore();
    spec.closesAtMs = now + 60'000;
    auto poll = polls->create(QStringLiteral("acct-1"), spec);
    ASSERT_TRUE(poll.has_value());
    const qint64 before = poll->version;
    now += 60'000;
    auto closed = polls->byId(poll->id);
    EXPECT_EQ(closed->state, QStringLiteral("closed"));
    EXPECT_GT(closed->version, before) << "the live streams replace the open snapshot";
    // A musician reopening it by hand is newer still.
    auto reopened = polls->setState(QStringLiteral("acct-1"), poll->id, QStringLiteral("open"));
    EXPECT_GT(reopened->version, closed->version);
}

TEST_F(PollServiceTest, ResetsWhileFansVoteOnAnotherConnectionKeepTheTallyEqualToARecount)
{
    // Two connections (two server workers, or two server processes on PostgreSQL): one resets
    // the poll over and over while the other writes ballots of new fans in groups.
    auto poll = polls->create(QStringLiteral("acct-1"), encore(2));
    ASSERT_TRUE(poll.has_value());
    auto other = PollService::open(location);
    ASSERT_TRUE(other.has_value()) << other.error().toString();
    std::atomic<bool> voting{true};
    std::thread voter([&] {
        auto mine = PollService::open(location);
        ASSERT_TRUE(mine.has_value());
        for (int round = 0; round < 60; ++round) {
            std::vector<sync::BallotRequest> requests;
            for (int i = 0; i < 8; ++i) {
                requests.push_back({poll->id, QStringLiteral("fan-%1-%2").arg(round).arg(i), {i % 2 == 0 ? QStringLiteral("song-a") : QStringLiteral("song-b")}});
            }
            QList<sync::BallotRequest*> group;
            for (auto& request : requests) {
                group.append(&request);
            }
            (*mine)->voteGroup(group);
        }
        voting = false;
    });
    while (voting) {
        EXPECT_TRUE((*other)->reset(QStringLiteral("acct-1"), poll->id).has_value());
    }
    voter.join();
    auto recount = polls->recount(poll->id);
    auto live = polls->byId(poll->id);
    qint64 ballots = 0;
    for (auto it = recount->cbegin(); it != recount->cend(); ++it) {
        ballots += it.value();
    }
    for (const auto& option : live->options) {
        EXPECT_EQ(option.votes, recount->value(option.key)) << option.key.toStdString();
    }
    EXPECT_EQ(live->ballots, ballots) << "one song per ballot here";
}

}  // namespace

TEST_F(PollServiceTest, ADraftPublishedTwiceMakesOnePollButAnotherMusiciansDraftIsTheirOwn)
{
    PollSpec spec = encore();
    spec.draftId = QStringLiteral("0193a1b2-draft-of-the-laptop");
    auto first = polls->create(QStringLiteral("ana"), spec);
    ASSERT_TRUE(first.has_value()) << first.error().toString();
    // The studio computer got the draft by sync and publishes it too (or the answer was lost).
    PollService::Draft draft = PollService::Draft::New;
    auto retry = polls->create(QStringLiteral("ana"), spec, &draft);
    ASSERT_TRUE(retry.has_value());
    EXPECT_EQ(retry->id, first->id);
    EXPECT_EQ(draft, PollService::Draft::Same);
    spec.question = QStringLiteral("Edited on the other computer before it synced");
    auto again = polls->create(QStringLiteral("ana"), spec, &draft);
    ASSERT_TRUE(again.has_value()) << again.error().toString();
    EXPECT_EQ(draft, PollService::Draft::Changed);
    EXPECT_EQ(again->id, first->id);
    EXPECT_EQ(again->code, first->code);
    EXPECT_EQ(again->spec.question, QStringLiteral("Which songs for the encore?")) << "the first one stands";
    EXPECT_EQ(polls->list(QStringLiteral("ana"))->size(), 1);
    // Even a changed request the checks would refuse finds the poll it made (not a refusal).
    spec.options.clear();
    auto invalid = polls->create(QStringLiteral("ana"), spec, &draft);
    ASSERT_TRUE(invalid.has_value()) << invalid.error().toString();
    EXPECT_EQ(invalid->id, first->id);
    spec = encore();
    spec.draftId = QStringLiteral("0193a1b2-draft-of-the-laptop");
    // The same draft id from another account is another poll (ids are scoped by account).
    auto other = polls->create(QStringLiteral("bo"), spec);
    ASSERT_TRUE(other.has_value());
    EXPECT_NE(other->id, first->id);
    // Without a draft id every create is a poll of its own, as before.
    spec.draftId.clear();
    EXPECT_NE(polls->create(QStringLiteral("ana"), spec)->id, first->id);
    EXPECT_EQ(polls->list(QStringLiteral("ana"))->size(), 2);
    // An unusable draft id is refused by name.
    spec.draftId = QStringLiteral("bad\nid");
    auto refused = polls->create(QStringLiteral("ana"), spec);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().where, "draft id");
}

TEST_F(PollServiceTest, ManyRequestsForOneDraftAtOnceMakeOnePoll)
{
    // Two computers (or a retry) racing: every answer names the same poll.
    PollSpec spec = encore();
    spec.draftId = QStringLiteral("0193a1b2-raced");
    std::vector<std::thread> threads;
    std::vector<QString> ids(4);
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            auto service = PollService::open(location, [this] { return now; });
            ASSERT_TRUE(service.has_value());
            auto poll = (*service)->create(QStringLiteral("ana"), spec);
            ASSERT_TRUE(poll.has_value()) << poll.error().toString();
            ids[i] = poll->id;
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (const QString& id : ids) {
        EXPECT_EQ(id, ids.front());
    }
    EXPECT_EQ(polls->list(QStringLiteral("ana"))->size(), 1);
}
