// Fan voting through a real bandmate-server (issue 19): the musician's API, fans' pages and
// forms with their cookie and CSRF token, live tallies on the fans' and the musician's streams,
// the closed state everywhere, results visibility, and abuse (10,000 votes from one cookie,
// forged tokens, huge or hostile suggestions). Fans are plain HTTP clients here; the browser
// test (tests/web) drives the same pages in Chromium.
#include "core/library/Songs.h"
#include "core/profile/Profile.h"
#include "core/setlists/Setlists.h"
#include "tests/e2e/CliRunner.h"
#include "tests/e2e/RawClient.h"
#include "tests/e2e/ServerProcess.h"
#include "tests/support/FanClient.h"
#include "tests/support/FaultyProxy.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/ServerDatabases.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QImage>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>

#include <atomic>
#include <chrono>
#include <thread>

namespace bandmate::test {
namespace {

struct FanVoteTest : ::testing::Test {
    TempDir dir;
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<httplib::Client> musician;
    QString token;

    void start(const QStringList& extra = {QStringLiteral("--fan-limit"), QStringLiteral("0")})
    {
        server = std::make_unique<ServerProcess>(serverDatabase(dir), extra);
        musician = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        token = signInOverHttp(*musician, "band@example.org");
    }

    httplib::Headers auth() const { return {{"Authorization", "Bearer " + token.toStdString()}}; }

    /// Creates a poll over the API; its JSON.
    QJsonObject createPoll(const QJsonObject& overrides = {})
    {
        QJsonObject body{{QStringLiteral("show_id"), QStringLiteral("show-1")},
                         {QStringLiteral("band"), QStringLiteral("La Sonora")},
                         {QStringLiteral("show"), QStringLiteral("Friday at Blå")},
                         {QStringLiteral("question"), QStringLiteral("Which songs for the encore?")},
                         {QStringLiteral("votes_per_fan"), 2},
                         {QStringLiteral("open_now"), true},
                         {QStringLiteral("songs"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a")}, {QStringLiteral("title"), QStringLiteral("Quimbara")}, {QStringLiteral("artist"), QStringLiteral("Celia Cruz")}},
                                                              QJsonObject{{QStringLiteral("id"), QStringLiteral("b")}, {QStringLiteral("title"), QStringLiteral("Pedro Navaja")}},
                                                              QJsonObject{{QStringLiteral("id"), QStringLiteral("c")}, {QStringLiteral("title"), QStringLiteral("El Cantante")}}}}};
        for (auto it = overrides.begin(); it != overrides.end(); ++it) {
            body.insert(it.key(), it.value());
        }
        auto created = musician->Post("/v1/polls", auth(), json(body), "application/json");
        EXPECT_TRUE(created && created->status == 201) << (created ? created->body : "no answer");
        return bodyOf(created);
    }

    QJsonObject status(const QString& id)
    {
        auto answer = musician->Get(("/v1/polls/" + id.toStdString()).c_str(), auth());
        EXPECT_TRUE(answer && answer->status == 200) << (answer ? answer->body : "no answer");
        return bodyOf(answer);
    }

    static qint64 votesOf(const QJsonObject& poll, const QString& songId)
    {
        for (const auto& entry : poll.value(QStringLiteral("tally")).toArray()) {
            if (entry.toObject().value(QStringLiteral("song_id")).toString() == songId) {
                return entry.toObject().value(QStringLiteral("votes")).toInteger();
            }
        }
        return -1;
    }

    std::string ownerEventsRequest(const QString& id) const
    {
        return "GET /v1/polls/" + id.toStdString() + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: Bearer " +
               token.toStdString() + "\r\n\r\n";
    }

    /// The musician's computer (laptop.sqlite): a show, three songs in the library and the band's
    /// name; the show's id.
    QString prepareLaptop(QStringList& songIds)
    {
        auto db = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
        core::library::SongRepository songs(*db);
        for (const auto& [title, artist] : {std::pair{"Quimbara", "Celia Cruz"}, std::pair{"Pedro Navaja", "Rubén Blades"}, std::pair{"El Cantante", "Héctor Lavoe"}}) {
            core::library::Song song;
            song.title = QString::fromUtf8(title);
            song.artist = QString::fromUtf8(artist);
            songIds << songs.save(song).value();
        }
        core::setlists::Show show;
        show.name = QStringLiteral("Friday at Blå");
        show.date = QDate(2026, 12, 11);
        EXPECT_TRUE(core::profile::ProfileRepository(*db).save({QStringLiteral("La Sonora"), {}, {}, {}}).has_value());
        return core::setlists::SetlistRepository(*db).saveShow(show).value();
    }
};

TEST_F(FanVoteTest, AFansVoteMovesTheOtherFansAndTheMusiciansLiveTally)
{
    start();
    const QJsonObject poll = createPoll();
    const QString code = poll.value(QStringLiteral("code")).toString();
    const QString id = poll.value(QStringLiteral("id")).toString();
    EXPECT_EQ(poll.value(QStringLiteral("url")).toString(), server->url().toString() + QStringLiteral("/v/") + code);
    EXPECT_EQ(code.size(), 6);

    Fan first(server->port());
    Fan second(server->port());
    const std::string html = first.page(code);
    EXPECT_EQ(first.status(), 200);
    EXPECT_NE(html.find("Which songs for the encore?"), std::string::npos);
    EXPECT_NE(html.find("Friday at Blå"), std::string::npos);
    second.page(code);

    RawClient secondStream(server->port());
    ASSERT_TRUE(secondStream.send(second.eventsRequest(code)));
    ASSERT_TRUE(secondStream.readUntil("\"votes\":0")) << secondStream.received();
    RawClient ownerStream(server->port());
    ASSERT_TRUE(ownerStream.send(ownerEventsRequest(id)));
    ASSERT_TRUE(ownerStream.readUntil("event: tally")) << ownerStream.received();

    auto voted = first.vote(code, {"a", "c"});
    ASSERT_TRUE(voted);
    ASSERT_EQ(voted->status, 200) << voted->body;
    EXPECT_EQ(bodyOf(voted).value(QStringLiteral("ballot")).toArray(), (QJsonArray{QStringLiteral("a"), QStringLiteral("c")}));
    EXPECT_TRUE(bodyOf(voted).value(QStringLiteral("message")).toString().startsWith(QStringLiteral("Your vote is in")));
    // Both live tallies move (the hub sends at most ten updates a second per topic).
    EXPECT_TRUE(secondStream.readUntil("{\"artist\":\"Celia Cruz\",\"key\":\"a\",\"title\":\"Quimbara\",\"votes\":1}")) << secondStream.received();
    EXPECT_TRUE(ownerStream.readUntil("\"ballots\":1")) << ownerStream.received();

    // A fan changes their vote: the tally follows, the ballot count does not grow.
    ASSERT_EQ(first.vote(code, {"b"})->status, 200);
    const QJsonObject after = status(id);
    EXPECT_EQ(after.value(QStringLiteral("ballots")).toInteger(), 1);
    EXPECT_EQ(votesOf(after, QStringLiteral("a")), 0);
    EXPECT_EQ(votesOf(after, QStringLiteral("b")), 1);
    EXPECT_TRUE(secondStream.readUntil("\"key\":\"b\",\"title\":\"Pedro Navaja\",\"votes\":1")) << secondStream.received();
}

TEST_F(FanVoteTest, ThePlainFormVotesWithoutScriptAndThePageShowsTheBallot)
{
    start();
    const QString code = createPoll().value(QStringLiteral("code")).toString();
    Fan fan(server->port(), "es-ES,es;q=0.9,en;q=0.5");
    const std::string page = fan.page(code);
    EXPECT_NE(page.find("lang=\"es\""), std::string::npos);
    EXPECT_NE(page.find("Elige hasta 2 canciones"), std::string::npos);
    auto voted = fan.vote(code, {"b"}, false);
    ASSERT_TRUE(voted);
    EXPECT_EQ(voted->status, 303);
    EXPECT_EQ(voted->get_header_value("Location"), "/v/" + code.toStdString() + "?done=voted");
    const std::string back = fan.page(code, "?done=voted");
    EXPECT_NE(back.find("Tu voto está registrado"), std::string::npos);
    EXPECT_NE(back.find("<li data-key=\"b\" class=\"chosen\">"), std::string::npos) << back;
    EXPECT_NE(back.find("value=\"b\" checked"), std::string::npos);
    // A refused vote comes back with the page's own message, never text from the link.
    auto tooMany = fan.vote(code, {"a", "b", "c"}, false);
    EXPECT_EQ(tooMany->get_header_value("Location"), "/v/" + code.toStdString() + "?error=err_too_many");
    EXPECT_NE(fan.page(code, "?error=err_too_many").find("Tienes 2 votos: elige menos canciones."), std::string::npos);
    EXPECT_EQ(fan.page(code, "?error=%3Cscript%3E").find("<script>"), std::string::npos);

    // Strict headers on the page.
    httplib::Client plain("127.0.0.1", server->port());
    auto answer = plain.Get(("/v/" + code.toStdString()).c_str());
    EXPECT_NE(answer->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(answer->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(answer->get_header_value("Set-Cookie").find("HttpOnly; SameSite=Lax"), std::string::npos);
    // Its stylesheet and script, named by content, cached for ever.
    const QRegularExpressionMatch css = QRegularExpression(QStringLiteral("href=\"(/static/site\\.[0-9a-f]+\\.css)\"")).match(QString::fromStdString(answer->body));
    ASSERT_TRUE(css.hasMatch());
    auto sheet = plain.Get(css.captured(1).toStdString().c_str());
    EXPECT_EQ(sheet->status, 200);
    EXPECT_NE(sheet->get_header_value("Cache-Control").find("immutable"), std::string::npos);
    auto again = plain.Get(css.captured(1).toStdString().c_str(), {{"If-None-Match", sheet->get_header_value("ETag")}});
    EXPECT_EQ(again->status, 304);
    EXPECT_EQ(plain.Get("/v/ZZZZZZ")->status, 404);
    EXPECT_EQ(plain.Get("/static/site.css")->status, 404);
}

TEST_F(FanVoteTest, ClosingThePollShowsTheClosedStateOnEveryPageAndStream)
{
    start();
    const QJsonObject poll = createPoll();
    const QString code = poll.value(QStringLiteral("code")).toString();
    const QString id = poll.value(QStringLiteral("id")).toString();
    Fan fan(server->port());
    fan.page(code);
    RawClient stream(server->port());
    ASSERT_TRUE(stream.send(fan.eventsRequest(code)));
    ASSERT_TRUE(stream.readUntil("\"state\":\"open\""));
    auto closed = musician->Post(("/v1/polls/" + id.toStdString() + "/close").c_str(), auth(), "", "application/json");
    ASSERT_EQ(closed->status, 200) << closed->body;
    EXPECT_TRUE(stream.readUntil("\"state\":\"closed\"")) << stream.received();
    const std::string page = fan.page(code);
    EXPECT_NE(page.find("<p id=\"closed\" class=\"note closed\">"), std::string::npos) << "shown, not hidden";
    EXPECT_NE(page.find("<fieldset disabled>"), std::string::npos);
    auto refused = fan.vote(code, {"a"});
    EXPECT_EQ(refused->status, 409);
    EXPECT_EQ(bodyOf(refused).value(QStringLiteral("message")).toString(), QStringLiteral("This vote is closed."));
    EXPECT_EQ(status(id).value(QStringLiteral("ballots")).toInteger(), 0);
}

TEST_F(FanVoteTest, ResultsAfterVotingAreHiddenUntilTheFanVotes)
{
    start();
    const QString code = createPoll({{QStringLiteral("results"), QStringLiteral("after-vote")}}).value(QStringLiteral("code")).toString();
    Fan early(server->port());
    Fan voter(server->port());
    voter.page(code);
    ASSERT_EQ(voter.vote(code, {"a"})->status, 200);
    const std::string before = early.page(code);
    EXPECT_NE(before.find("The results appear once you have voted."), std::string::npos);
    EXPECT_NE(before.find("<span class=\"tally\" hidden>"), std::string::npos);
    EXPECT_EQ(before.find("<span class=\"count\">1</span>"), std::string::npos) << "hidden counts are not in the page's source either";
    EXPECT_EQ(before.find("value=\"1\">1</progress>"), std::string::npos);
    RawClient hidden(server->port());
    ASSERT_TRUE(hidden.send(early.eventsRequest(code)));
    ASSERT_TRUE(hidden.readUntil("event: tally"));
    ASSERT_TRUE(hidden.readUntil("\"votes_per_fan\":2}\n\n"));
    EXPECT_EQ(hidden.received().find("\"votes\""), std::string::npos) << "no counts on the stream either: " << hidden.received();
    auto voted = early.vote(code, {"b"});
    EXPECT_TRUE(bodyOf(voted).value(QStringLiteral("tally_visible")).toBool());
    RawClient shown(server->port());
    ASSERT_TRUE(shown.send(early.eventsRequest(code)));
    EXPECT_TRUE(shown.readUntil("\"ballots\":2")) << shown.received();
    EXPECT_EQ(early.page(code).find("<span class=\"tally\" hidden>"), std::string::npos);
}

TEST_F(FanVoteTest, AbuseChangesOneBallotAndHostileTextIsRefusedOrShownAsText)
{
    start();
    const QJsonObject poll = createPoll({{QStringLiteral("suggestions"), true}});
    const QString code = poll.value(QStringLiteral("code")).toString();
    const QString id = poll.value(QStringLiteral("id")).toString();
    Fan script(server->port());
    script.page(code);
    // 10,000 votes from one cookie: one ballot, however they alternate.
    for (int i = 0; i < 10'000; ++i) {
        auto voted = script.vote(code, {i % 2 == 0 ? "a" : "b"});
        ASSERT_TRUE(voted && voted->status == 200) << i << (voted ? voted->body : " no answer: " + httplib::to_string(voted.error()));
    }
    const QJsonObject tally = status(id);
    EXPECT_EQ(tally.value(QStringLiteral("ballots")).toInteger(), 1);
    EXPECT_EQ(votesOf(tally, QStringLiteral("a")) + votesOf(tally, QStringLiteral("b")), 1);

    // A forged CSRF token, and no cookie at all.
    Fan forger(server->port());
    forger.page(code);
    forger.forgetCsrf("forged-token");
    EXPECT_EQ(forger.vote(code, {"a"})->status, 403);
    Fan stale(server->port());
    stale.page(code);
    stale.dropCookie();
    auto noCookie = stale.vote(code, {"a"}, false);
    EXPECT_EQ(noCookie->status, 303);
    EXPECT_EQ(noCookie->get_header_value("Location"), "/v/" + code.toStdString() + "?error=cookies");
    EXPECT_EQ(status(id).value(QStringLiteral("ballots")).toInteger(), 1);

    // A 100 KB suggestion is refused; HTML in one is text on every page.
    auto huge = script.suggest(code, std::string(100'000, 'x'));
    EXPECT_EQ(huge->status, 422);
    EXPECT_EQ(bodyOf(huge).value(QStringLiteral("message")).toString(), QStringLiteral("A suggestion has at most 200 characters."));
    auto hostile = script.suggest(code, "<script>alert('x')</script><img src=x onerror=alert(1)>");
    ASSERT_EQ(hostile->status, 200) << hostile->body;
    EXPECT_EQ(script.page(code).find("alert"), std::string::npos) << "pending suggestions are not on the fans' page";
    QString key;
    for (const auto& entry : status(id).value(QStringLiteral("tally")).toArray()) {
        if (entry.toObject().value(QStringLiteral("suggested")).toBool()) {
            key = entry.toObject().value(QStringLiteral("song_id")).toString();
            EXPECT_EQ(entry.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        }
    }
    ASSERT_FALSE(key.isEmpty());
    auto listed = musician->Post(("/v1/polls/" + id.toStdString() + "/suggestions/" + key.toStdString()).c_str(), auth(),
                                 json({{QStringLiteral("state"), QStringLiteral("listed")}}), "application/json");
    ASSERT_EQ(listed->status, 200) << listed->body;
    const std::string page = script.page(code);
    EXPECT_EQ(page.find("<script>alert"), std::string::npos);
    EXPECT_EQ(page.find("<img src=x"), std::string::npos);
    EXPECT_NE(page.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
}

TEST_F(FanVoteTest, FansFromOneAddressAreLimitedLooselyWithRetryAfter)
{
    start({QStringLiteral("--fan-limit"), QStringLiteral("60")});  // 60 a minute, bursts of 30
    const QString code = createPoll().value(QStringLiteral("code")).toString();
    Fan fan(server->port());
    fan.page(code);
    int accepted = 0;
    int limited = 0;
    std::string retryAfter;
    for (int i = 0; i < 40; ++i) {
        auto voted = fan.vote(code, {"a"});
        accepted += voted->status == 200 ? 1 : 0;
        if (voted->status == 429) {
            ++limited;
            retryAfter = voted->get_header_value("Retry-After");
        }
    }
    EXPECT_GE(accepted, 30);
    EXPECT_GE(limited, 5);
    EXPECT_FALSE(retryAfter.empty());
    EXPECT_EQ(fan.page(code).find("Too many"), std::string::npos) << "reading the page is not limited";
}

TEST_F(FanVoteTest, AnotherMusiciansPollIsNotFoundAndBadRequestsSayWhere)
{
    start();
    const QString id = createPoll().value(QStringLiteral("id")).toString();
    httplib::Client other("127.0.0.1", server->port());
    const QString otherToken = signInOverHttp(other, "other@example.org");
    const httplib::Headers otherAuth{{"Authorization", "Bearer " + otherToken.toStdString()}};
    EXPECT_EQ(other.Get(("/v1/polls/" + id.toStdString()).c_str(), otherAuth)->status, 404);
    EXPECT_EQ(other.Post(("/v1/polls/" + id.toStdString() + "/close").c_str(), otherAuth, "", "application/json")->status, 404);
    EXPECT_EQ(other.Get(("/v1/polls/" + id.toStdString() + "/events").c_str(), otherAuth)->status, 404);
    EXPECT_EQ(status(id).value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    EXPECT_EQ(other.Get("/v1/polls")->status, 401);

    auto noSongs = musician->Post("/v1/polls", auth(), json({{QStringLiteral("question"), QStringLiteral("Q?")}}), "application/json");
    EXPECT_EQ(noSongs->status, 422);
    EXPECT_NE(bodyOf(noSongs).value(QStringLiteral("message")).toString().indexOf(QStringLiteral("songs")), -1);
    auto badResults = musician->Post("/v1/polls", auth(), json({{QStringLiteral("results"), QStringLiteral("sometimes")}}), "application/json");
    EXPECT_EQ(bodyOf(badResults).value(QStringLiteral("message")).toString(), QStringLiteral("results: expected always, after-vote, after-close or never"));
    for (const char* time : {R"({"question":"Q?","opens_at":1e300,"songs":[{"id":"a","title":"A"}]})", R"({"question":"Q?","closes_at":-5,"songs":[{"id":"a","title":"A"}]})",
                             R"({"question":"Q?","closes_at":"2026-12-24","songs":[{"id":"a","title":"A"}]})"}) {
        auto refused = musician->Post("/v1/polls", auth(), time, "application/json");
        EXPECT_EQ(refused->status, 422) << time;
        EXPECT_TRUE(bodyOf(refused).value(QStringLiteral("message")).toString().contains(QStringLiteral("Unix milliseconds"))) << refused->body;
    }
    auto notJson = musician->Post("/v1/polls", auth(), "{\"question\":", "application/json");
    EXPECT_EQ(notJson->status, 400);
    EXPECT_EQ(musician->Get("/v1/polls", auth())->status, 200);
}

TEST_F(FanVoteTest, TheCommandLineCreatesFollowsClosesAndPrintsTheQrCodeOfAVote)
{
    KeyringSession keyring(dir);
    start();
    const QString database = dir.file(QStringLiteral("laptop.sqlite"));
    QStringList songIds;
    const QString showId = prepareLaptop(songIds);
    const QString url = server->url().toString();
    const auto cli = [&](const QStringList& args, const QByteArray& input = {}) {
        return runCli(QStringList{QStringLiteral("--db"), database, QStringLiteral("--json")} + args, keyring.environment(), 60'000, input);
    };
    ASSERT_EQ(cli({QStringLiteral("account"), QStringLiteral("register"), QStringLiteral("--server"), url, QStringLiteral("--email"), QStringLiteral("ana@example.org"),
                   QStringLiteral("--password-stdin")},
                  "salsa-dura-1978\n")
                  .exitCode,
              0);
    // Bad input is refused before anything reaches the server.
    const CliRun unknownSong = cli({QStringLiteral("vote"), QStringLiteral("create"), showId, QStringLiteral("--songs"), QStringLiteral("nope"),
                                    QStringLiteral("--question"), QStringLiteral("Q?"), QStringLiteral("--server"), url});
    EXPECT_EQ(unknownSong.exitCode, 2) << "bad input";
    EXPECT_TRUE(unknownSong.err.contains(QStringLiteral("nope"))) << unknownSong.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("vote"), QStringLiteral("create"), showId, QStringLiteral("--songs"), songIds.join(QLatin1Char(',')), QStringLiteral("--question"),
                   QStringLiteral("Q?"), QStringLiteral("--votes-per-fan"), QStringLiteral("9"), QStringLiteral("--server"), url})
                  .err.contains(QStringLiteral("--votes-per-fan")),
              true);

    const CliRun created = cli({QStringLiteral("vote"), QStringLiteral("create"), showId, QStringLiteral("--songs"), songIds.join(QLatin1Char(',')),
                                QStringLiteral("--question"), QStringLiteral("What do we open with?"), QStringLiteral("--votes-per-fan"), QStringLiteral("2"),
                                QStringLiteral("--server"), url});
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    const QJsonObject poll = created.json();
    const QString id = poll.value(QStringLiteral("id")).toString();
    const QString code = poll.value(QStringLiteral("code")).toString();
    EXPECT_EQ(poll.value(QStringLiteral("url")).toString(), url + QStringLiteral("/v/") + code);
    EXPECT_EQ(poll.value(QStringLiteral("band")).toString(), QStringLiteral("La Sonora"));
    EXPECT_EQ(poll.value(QStringLiteral("show")).toString(), QStringLiteral("Friday at Blå · 2026-12-11"));

    // --follow prints the tally on every change: a fan votes, a line with the vote appears.
    QProcess follow;
    follow.setProcessEnvironment(keyring.environment());
    follow.start(QStringLiteral(BANDMATE_CLI), {QStringLiteral("--db"), database, QStringLiteral("--json"), QStringLiteral("vote"), QStringLiteral("status"), id,
                                                 QStringLiteral("--follow"), QStringLiteral("--server"), url});
    ASSERT_TRUE(follow.waitForReadyRead(20'000)) << follow.readAllStandardError().toStdString();
    const QJsonObject first = QJsonDocument::fromJson(follow.readLine()).object();
    EXPECT_EQ(first.value(QStringLiteral("ballots")).toInteger(), 0);
    EXPECT_EQ(first.value(QStringLiteral("tally")).toArray().size(), 3);
    Fan fan(server->port());
    fan.page(code);
    ASSERT_EQ(fan.vote(code, {songIds.at(1).toStdString()})->status, 200);
    QJsonObject moved;
    while (moved.value(QStringLiteral("ballots")).toInteger() != 1 && follow.waitForReadyRead(10'000)) {
        while (follow.canReadLine()) {
            moved = QJsonDocument::fromJson(follow.readLine()).object();
        }
    }
    ASSERT_EQ(moved.value(QStringLiteral("ballots")).toInteger(), 1);
    for (const auto& row : moved.value(QStringLiteral("tally")).toArray()) {
        EXPECT_EQ(row.toObject().value(QStringLiteral("votes")).toInteger(), row.toObject().value(QStringLiteral("song_id")).toString() == songIds.at(1) ? 1 : 0);
    }
    // Closing it ends the follow, which exits 0; status says closed.
    const CliRun closed = cli({QStringLiteral("vote"), QStringLiteral("close"), id, QStringLiteral("--server"), url});
    ASSERT_EQ(closed.exitCode, 0) << closed.err.toStdString();
    EXPECT_TRUE(follow.waitForFinished(20'000));
    EXPECT_EQ(follow.exitCode(), 0) << follow.readAllStandardError().toStdString();
    const QJsonObject status = cli({QStringLiteral("vote"), QStringLiteral("status"), id, QStringLiteral("--server"), url}).json();
    EXPECT_EQ(status.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    EXPECT_EQ(status.value(QStringLiteral("ballots")).toInteger(), 1);

    // The QR code, read back by a real scanner (zbarimg) when the machine has one.
    const QString png = dir.file(QStringLiteral("poster.png"));
    const QString svg = dir.file(QStringLiteral("poster.svg"));
    ASSERT_EQ(cli({QStringLiteral("vote"), QStringLiteral("qr"), id, QStringLiteral("--out"), png, QStringLiteral("--server"), url}).exitCode, 0);
    ASSERT_EQ(cli({QStringLiteral("vote"), QStringLiteral("qr"), id, QStringLiteral("--out"), svg, QStringLiteral("--server"), url}).exitCode, 0);
    EXPECT_FALSE(QImage(png).isNull());
    EXPECT_TRUE(readAll(svg).startsWith("<?xml"));
    EXPECT_EQ(cli({QStringLiteral("vote"), QStringLiteral("qr"), id, QStringLiteral("--out"), dir.file(QStringLiteral("poster.gif")), QStringLiteral("--server"), url}).exitCode,
              2);
    const QString zbar = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    if (zbar.isEmpty()) {
        GTEST_SKIP() << "zbarimg (zbar-tools) is not installed: the QR code was written but not scanned";
    }
    for (const QString& file : {png}) {
        QProcess scan;
        scan.start(zbar, {QStringLiteral("--raw"), QStringLiteral("-q"), file});
        ASSERT_TRUE(scan.waitForFinished(20'000));
        EXPECT_EQ(QString::fromUtf8(scan.readAllStandardOutput()).trimmed(), url + QStringLiteral("/v/") + code);
    }
    // Another account's vote is not there for this one.
    const CliRun other = cli({QStringLiteral("vote"), QStringLiteral("status"), QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaa"), QStringLiteral("--server"), url});
    EXPECT_EQ(other.exitCode, 2);
    EXPECT_TRUE(other.err.contains(QStringLiteral("no such poll"))) << other.err.toStdString();
}

TEST_F(FanVoteTest, AVotePreparedOfflineWaitsAndGoesToTheServerWithPublishOrTheNextSync)
{
    KeyringSession keyring(dir);
    start();
    const QString database = dir.file(QStringLiteral("laptop.sqlite"));
    QStringList songIds;
    const QString showId = prepareLaptop(songIds);
    // Through a proxy that can lose the server's answer to a vote (after the server made it).
    std::atomic<bool> loseAnswers{false};
    test::FaultyProxy proxy(server->port(), [&](const std::string& line, int) {
        return loseAnswers && line == "POST /v1/polls" ? test::Fault::DropResponse : test::Fault::None;
    });
    const QString url = proxy.url().toString();
    const auto cli = [&](const QStringList& args, const QByteArray& input = {}) {
        return runCli(QStringList{QStringLiteral("--db"), database, QStringLiteral("--json")} + args, keyring.environment(), 60'000, input);
    };
    const auto prepare = [&](const QString& question) {
        return cli({QStringLiteral("vote"), QStringLiteral("create"), showId, QStringLiteral("--songs"), songIds.join(QLatin1Char(',')), QStringLiteral("--question"),
                    question, QStringLiteral("--later")});
    };
    // Without --later a vote needs the server: a command that fails keeps nothing.
    const CliRun noServer = cli({QStringLiteral("vote"), QStringLiteral("create"), showId, QStringLiteral("--songs"), songIds.join(QLatin1Char(',')),
                                 QStringLiteral("--question"), QStringLiteral("Q?")});
    EXPECT_EQ(noServer.exitCode, 2);
    EXPECT_TRUE(noServer.err.contains(QStringLiteral("--server"))) << noServer.err.toStdString();
    const CliRun closedAlready = cli({QStringLiteral("vote"), QStringLiteral("create"), showId, QStringLiteral("--songs"), songIds.join(QLatin1Char(',')),
                                      QStringLiteral("--question"), QStringLiteral("Q?"), QStringLiteral("--closes-at"), QStringLiteral("2020-01-01T20:00"),
                                      QStringLiteral("--later")});
    EXPECT_EQ(closedAlready.exitCode, 2);
    EXPECT_TRUE(closedAlready.err.contains(QStringLiteral("--closes-at"))) << closedAlready.err.toStdString();
    // The server is not there (yet): the vote stays kept, and sending it again is the same vote.
    const CliRun unreachable = cli({QStringLiteral("vote"), QStringLiteral("create"), showId, QStringLiteral("--songs"), songIds.join(QLatin1Char(',')),
                                    QStringLiteral("--question"), QStringLiteral("Q?"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9")});
    EXPECT_NE(unreachable.exitCode, 0);
    const QJsonArray none = cli({QStringLiteral("vote"), QStringLiteral("list"), QStringLiteral("--server"), url}).json().value(QStringLiteral("kept")).toArray();
    EXPECT_TRUE(none.isEmpty()) << "no session in the keychain yet: nothing was kept";

    // No account, no server: kept on this computer; one kept by mistake is discarded.
    const CliRun mistake = prepare(QStringLiteral("Oops"));
    ASSERT_EQ(mistake.exitCode, 0) << mistake.err.toStdString();
    EXPECT_EQ(cli({QStringLiteral("vote"), QStringLiteral("discard"), mistake.json().value(QStringLiteral("draft_id")).toString()}).exitCode, 0);
    EXPECT_EQ(cli({QStringLiteral("vote"), QStringLiteral("discard"), QStringLiteral("no-such-vote")}).exitCode, 2);
    const CliRun kept = prepare(QStringLiteral("What do we open with?"));
    ASSERT_EQ(kept.exitCode, 0) << kept.err.toStdString();
    const QString draftId = kept.json().value(QStringLiteral("draft_id")).toString();
    EXPECT_FALSE(draftId.isEmpty());
    EXPECT_EQ(kept.json().value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
    EXPECT_EQ(cli({QStringLiteral("vote"), QStringLiteral("open"), QStringLiteral("x"), QStringLiteral("--later")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("vote"), QStringLiteral("publish"), QStringLiteral("extra")}).exitCode, 2);

    ASSERT_EQ(cli({QStringLiteral("account"), QStringLiteral("register"), QStringLiteral("--server"), url, QStringLiteral("--email"), QStringLiteral("ana@example.org"),
                   QStringLiteral("--password-stdin")},
                  "salsa-dura-1978\n")
                  .exitCode,
              0);
    const QJsonObject before = cli({QStringLiteral("vote"), QStringLiteral("list"), QStringLiteral("--server"), url}).json();
    EXPECT_TRUE(before.value(QStringLiteral("polls")).toArray().isEmpty());
    ASSERT_EQ(before.value(QStringLiteral("kept")).toArray().size(), 1);
    EXPECT_EQ(before.value(QStringLiteral("kept")).toArray().first().toObject().value(QStringLiteral("draft_id")).toString(), draftId);

    // The server made it but its answer was lost: vote create keeps it (exit 1) and says how it
    // goes; sent again it is the same vote, not a second one.
    loseAnswers = true;
    const CliRun lost = cli({QStringLiteral("vote"), QStringLiteral("create"), showId, QStringLiteral("--songs"), songIds.join(QLatin1Char(',')),
                             QStringLiteral("--question"), QStringLiteral("Made, answer lost"), QStringLiteral("--server"), url});
    loseAnswers = false;
    EXPECT_EQ(lost.exitCode, 1);
    EXPECT_TRUE(lost.err.contains(QStringLiteral("vote publish"))) << lost.err.toStdString();

    // The next sync publishes it.
    const CliRun synced = cli({QStringLiteral("sync"), QStringLiteral("--server"), url});
    ASSERT_EQ(synced.exitCode, 0) << synced.err.toStdString();
    EXPECT_EQ(synced.json().value(QStringLiteral("fan_votes_published")).toInt(), 2) << "the one prepared offline, the one whose answer was lost";
    EXPECT_EQ(synced.json().value(QStringLiteral("fan_votes_refused")).toInt(), 0);
    const QJsonObject after = cli({QStringLiteral("vote"), QStringLiteral("list"), QStringLiteral("--server"), url}).json();
    ASSERT_EQ(after.value(QStringLiteral("polls")).toArray().size(), 2);
    QStringList questions;
    for (const auto& poll : after.value(QStringLiteral("polls")).toArray()) {
        questions << poll.toObject().value(QStringLiteral("question")).toString();
    }
    EXPECT_TRUE(questions.contains(QStringLiteral("What do we open with?"))) << questions.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(after.value(QStringLiteral("kept")).toArray().isEmpty());

    // Another, published by hand: its code and link; publishing again finds nothing to send.
    ASSERT_EQ(prepare(QStringLiteral("And the encore?")).exitCode, 0);
    const CliRun published = cli({QStringLiteral("vote"), QStringLiteral("publish"), QStringLiteral("--server"), url});
    ASSERT_EQ(published.exitCode, 0) << published.err.toStdString();
    const QJsonArray sent = published.json().value(QStringLiteral("published")).toArray();
    ASSERT_EQ(sent.size(), 1);
    const QString code = sent.first().toObject().value(QStringLiteral("code")).toString();
    EXPECT_EQ(sent.first().toObject().value(QStringLiteral("url")).toString(), url + QStringLiteral("/v/") + code);
    Fan fan(server->port());
    EXPECT_TRUE(QString::fromStdString(fan.page(code)).contains(QStringLiteral("And the encore?")));
    EXPECT_EQ(fan.status(), 200);
    EXPECT_TRUE(cli({QStringLiteral("vote"), QStringLiteral("publish"), QStringLiteral("--server"), url}).json().value(QStringLiteral("published")).toArray().isEmpty());
    EXPECT_EQ(cli({QStringLiteral("vote"), QStringLiteral("list"), QStringLiteral("--server"), url}).json().value(QStringLiteral("polls")).toArray().size(), 3);
}

TEST_F(FanVoteTest, ACookieTheServerDidNotMakeCastsNoBallotAndAHugeBallotIsRefusedAtOnce)
{
    start();
    const QJsonObject poll = createPoll();
    const QString code = poll.value(QStringLiteral("code")).toString();
    // A script invents a cookie, loads the page with it for a CSRF token, and votes with it.
    const std::string invented = "bm_fan=" + std::string(43, 'A');
    httplib::Client script("127.0.0.1", server->port());
    auto page = script.Get(("/v/" + code.toStdString()).c_str(), {{"Cookie", invented}});
    ASSERT_EQ(page->status, 200);
    EXPECT_FALSE(page->get_header_value("Set-Cookie").empty()) << "the page hands out a cookie of its own instead";
    const QRegularExpressionMatch csrf = QRegularExpression(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\"")).match(QString::fromStdString(page->body));
    auto voted = script.Post(("/v/" + code.toStdString() + "/vote").c_str(), {{"Cookie", invented}, {"Accept", "application/json"}},
                             "csrf=" + csrf.captured(1).toStdString() + "&song=a", "application/x-www-form-urlencoded");
    EXPECT_EQ(voted->status, 403) << voted->body;
    EXPECT_EQ(status(poll.value(QStringLiteral("id")).toString()).value(QStringLiteral("ballots")).toInteger(), 0);

    // A ballot naming 60,000 songs (a form just under 1 MiB) is refused by its size, with the page's words.
    Fan fan(server->port());
    fan.page(code);
    std::vector<std::string> flood;
    for (int i = 0; i < 60'000; ++i) {
        flood.push_back("s" + std::to_string(i));
    }
    auto huge = fan.vote(code, flood);
    ASSERT_TRUE(huge);
    EXPECT_EQ(huge->status, 422);
    EXPECT_EQ(bodyOf(huge).value(QStringLiteral("message")).toString(), QStringLiteral("You have 2 votes: choose fewer songs."));
}

TEST_F(FanVoteTest, APollThatClosesOnTimeSaysSoOnItsStreamWithoutAnyoneWriting)
{
    start({QStringLiteral("--fan-limit"), QStringLiteral("0"), QStringLiteral("--public-url"), QStringLiteral("https://vote.example.org/")});
    const QJsonObject poll = createPoll({{QStringLiteral("closes_at"), static_cast<double>(QDateTime::currentMSecsSinceEpoch() + 1500)}});
    const QString code = poll.value(QStringLiteral("code")).toString();
    EXPECT_EQ(poll.value(QStringLiteral("url")).toString(), QStringLiteral("https://vote.example.org/v/") + code);
    Fan fan(server->port());
    fan.page(code);
    RawClient stream(server->port());
    ASSERT_TRUE(stream.send(fan.eventsRequest(code)));
    ASSERT_TRUE(stream.readUntil("\"state\":\"open\""));
    EXPECT_TRUE(stream.readUntil("\"state\":\"closed\"", 10s)) << stream.received();
    // Fans reach this server over HTTPS (its public address says so): the cookie is Secure.
    httplib::Client plain("127.0.0.1", server->port());
    EXPECT_NE(plain.Get(("/v/" + code.toStdString()).c_str())->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_F(FanVoteTest, AFanWhoNeverReadsTheirStreamIsDroppedAndTheOthersKeepTheirs)
{
    // A poll of 100 long titles: each tally is ~25 KB, so a stream that is never read fills its
    // socket's buffers within a few updates; the server then waits the write timeout (10 s) and
    // drops it. The other stream hears every update meanwhile.
    start();
    QJsonArray songs;
    for (int i = 0; i < 100; ++i) {
        songs.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("s%1").arg(i)},
                                 {QStringLiteral("title"), QStringLiteral("Song %1 ").arg(i) + QString(180, QLatin1Char('x'))}});
    }
    const QJsonObject poll = createPoll({{QStringLiteral("songs"), songs}, {QStringLiteral("votes_per_fan"), 1}});
    const QString code = poll.value(QStringLiteral("code")).toString();
    Fan voter(server->port());
    voter.page(code);
    RawClient stalled(server->port(), 4096);
    ASSERT_TRUE(stalled.send(voter.eventsRequest(code)));
    RawClient reader(server->port());
    ASSERT_TRUE(reader.send(voter.eventsRequest(code)));
    ASSERT_TRUE(reader.readUntil("event: tally"));
    httplib::Client metrics("127.0.0.1", server->port());
    const auto streams = [&] {
        const std::string text = metrics.Get("/metrics")->body;
        const std::string name = "\nbandmate_sse_subscribers ";
        const size_t at = text.find(name);
        return at == std::string::npos ? -1 : std::stoi(text.substr(at + name.size()));
    };
    // Both streams are subscribed once the server has read both requests.
    for (int i = 0; i < 100 && streams() != 2; ++i) {
        std::this_thread::sleep_for(50ms);
    }
    ASSERT_EQ(streams(), 2);
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    int round = 0;
    while (streams() == 2 && std::chrono::steady_clock::now() < deadline) {
        ASSERT_EQ(voter.vote(code, {"s" + std::to_string(round++ % 100)})->status, 200);
        // The reader keeps up; what it holds is dropped as it goes.
        reader.readUntil("\"votes\":1}", 50ms);
    }
    EXPECT_EQ(streams(), 1) << "the stream that never read was dropped after " << round << " updates";
    const std::string last = "s" + std::to_string((round + 5) % 100);
    ASSERT_EQ(voter.vote(code, {last})->status, 200);
    EXPECT_TRUE(reader.readUntil("{\"artist\":\"\",\"key\":\"" + last + "\"")) << "the other stream still hears";
}

TEST_F(FanVoteTest, FansOnOneServerMoveTheMusiciansTallyOnAnotherOnTheSamePostgreSQL)
{
    if (postgresCluster().isEmpty()) {
        GTEST_SKIP() << "needs PostgreSQL (tests/support/with-postgres.sh)";
    }
    const QString database = serverDatabase(dir);
    ServerProcess first(database, {QStringLiteral("--fan-limit"), QStringLiteral("0")});
    ServerProcess second(database, {QStringLiteral("--fan-limit"), QStringLiteral("0")});
    httplib::Client onSecond("127.0.0.1", second.port());
    token = signInOverHttp(onSecond, "band@example.org");
    musician = std::make_unique<httplib::Client>("127.0.0.1", second.port());
    const QJsonObject poll = createPoll();
    const QString code = poll.value(QStringLiteral("code")).toString();
    RawClient ownerStream(second.port());
    ASSERT_TRUE(ownerStream.send(ownerEventsRequest(poll.value(QStringLiteral("id")).toString())));
    ASSERT_TRUE(ownerStream.readUntil("event: tally"));
    Fan fan(first.port());
    fan.page(code);
    RawClient fanStream(first.port());
    ASSERT_TRUE(fanStream.send(fan.eventsRequest(code)));
    ASSERT_TRUE(fanStream.readUntil("event: tally"));
    ASSERT_EQ(fan.vote(code, {"c"})->status, 200);
    EXPECT_TRUE(ownerStream.readUntil("\"ballots\":1")) << ownerStream.received();
    EXPECT_TRUE(fanStream.readUntil("\"key\":\"c\",\"title\":\"El Cantante\",\"votes\":1")) << fanStream.received();
    // The musician closes on the second server; the fan on the first sees it.
    ASSERT_EQ(musician->Post(("/v1/polls/" + poll.value(QStringLiteral("id")).toString().toStdString() + "/close").c_str(), auth(), "", "application/json")->status,
              200);
    EXPECT_TRUE(fanStream.readUntil("\"state\":\"closed\"")) << fanStream.received();
}

}  // namespace
}  // namespace bandmate::test
