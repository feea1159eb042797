// Shared grooves through a real bandmate-server (issue 20): the author's API, the public pages and
// their files, and the sound: what the server serves for a shared version is, sample for sample,
// what `bandmate-cli render --loop` makes of the same machine and options, exactly its bars long.
// The browser test (tests/web/groove.mjs) plays the same pages in Chromium.
#include "core/beats/BuiltinMachines.h"
#include "core/beats/MachineRepository.h"
#include "core/beats/MachineXml.h"
#include "tests/e2e/CliRunner.h"
#include "tests/e2e/ServerProcess.h"
#include "tests/support/AudioFiles.h"
#include "tests/support/KeyringSession.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/ServerDatabases.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <atomic>
#include <thread>

namespace bandmate::test {
namespace {

struct GrooveShareTest : ::testing::Test {
    TempDir dir;
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<httplib::Client> author;
    QString token;

    void start(const QStringList& extra = {})
    {
        server = std::make_unique<ServerProcess>(serverDatabase(dir), extra);
        author = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        author->set_read_timeout(60);
        token = signInOverHttp(*author, "ana@example.org");
    }

    httplib::Headers auth(const QString& as = {}) const { return {{"Authorization", "Bearer " + (as.isEmpty() ? token : as).toStdString()}}; }

    static QString salsaXml()
    {
        return QString::fromUtf8(core::beats::writeMachineXml(*core::beats::loadBuiltinMachine(QStringLiteral("salsa"))));
    }

    QJsonObject share(const QJsonObject& overrides = {}, int expected = 201)
    {
        QJsonObject body{{QStringLiteral("machine"), salsaXml()},
                         {QStringLiteral("title"), QStringLiteral("Montuno")},
                         {QStringLiteral("author"), QStringLiteral("Ana")},
                         {QStringLiteral("visibility"), QStringLiteral("unlisted")}};
        for (auto it = overrides.begin(); it != overrides.end(); ++it) {
            body.insert(it.key(), it.value());
        }
        auto answer = author->Post("/v1/grooves", auth(), json(body), "application/json");
        EXPECT_TRUE(answer && answer->status == expected) << (answer ? answer->body : "no answer");
        return bodyOf(answer);
    }

    /// The file at `path` saved under `name` in the test folder; its local path.
    QString download(const std::string& path, const QString& name, int expected = 200)
    {
        auto answer = author->Get(path);
        EXPECT_TRUE(answer && answer->status == expected) << path << ": " << (answer ? std::to_string(answer->status) + " " + answer->body.substr(0, 300) : "no answer");
        QFile file(dir.file(name));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        if (answer) {
            file.write(answer->body.data(), static_cast<qint64>(answer->body.size()));
        }
        return file.fileName();
    }
};

TEST_F(GrooveShareTest, TheServersAudioIsSampleForSampleTheCommandLinesRenderOfTheSameMachineAndOptions)
{
    start();
    const QJsonObject shared = share();
    const std::string id = shared[QStringLiteral("id")].toString().toStdString();
    ASSERT_FALSE(id.empty());

    struct Case {
        std::string query;
        QStringList cli;
        double bpm;
    };
    // salsa.xml: 180 BPM, 2-3, the loop is two bars (every enabled program is one or two bars).
    const std::vector<Case> cases{
        {"", {}, 180.0},
        {"?clave=3-2&tempo=120&key=5&off=piano,congas", {QStringLiteral("--clave"), QStringLiteral("3-2"), QStringLiteral("--bpm"), QStringLiteral("120"),
                                                          QStringLiteral("--key"), QStringLiteral("5"), QStringLiteral("--disable"), QStringLiteral("piano,congas")}, 120.0},
        // A listener's tempo is whole BPM (each combination one cached file): 95.4 plays at 95.
        {"?bars=4&tempo=95.4", {QStringLiteral("--bpm"), QStringLiteral("95")}, 95.0},
    };
    for (const Case& test : cases) {
        SCOPED_TRACE(test.query);
        const QString served = download("/g/" + id + "/v1/loop.wav" + test.query, QStringLiteral("served.wav"));
        auto head = author->Get("/g/" + id + "/v1/loop.wav" + test.query);
        ASSERT_TRUE(head);
        const int bars = std::stoi(head->get_header_value("X-Bandmate-Loop-Bars"));
        EXPECT_EQ(bars, test.query.find("bars=4") != std::string::npos ? 4 : 2);

        QStringList args{QStringLiteral("render"), QStringLiteral("salsa"), QStringLiteral("--loop"), QStringLiteral("--bars"), QString::number(bars),
                         QStringLiteral("--out"), dir.file(QStringLiteral("cli.wav")), QStringLiteral("--json")};
        args << test.cli;
        const CliRun cli = runCli(args);
        ASSERT_EQ(cli.exitCode, 0) << cli.err.toStdString();

        std::string error;
        const WavData remote = readWav(served.toStdString(), &error);
        ASSERT_TRUE(error.empty()) << error;
        const WavData local = readWav(dir.file(QStringLiteral("cli.wav")).toStdString(), &error);
        ASSERT_TRUE(error.empty()) << error;
        ASSERT_EQ(remote.channels, 2);
        EXPECT_EQ(remote.sampleRate, 48000);
        EXPECT_EQ(remote.bitsPerSample, 24);
        // Exactly the bars: bars × steps per bar × frames per step (an eighth note in salsa).
        const double framesPerStep = 48000.0 * 60.0 / test.bpm / 2.0;
        EXPECT_EQ(static_cast<double>(remote.frames()), std::round(bars * 8 * framesPerStep));
        ASSERT_EQ(remote.frames(), local.frames());
        ASSERT_EQ(remote.samples, local.samples) << "the same samples";
        float peak = 0.0f;
        for (const float sample : remote.samples.front()) {
            peak = std::max(peak, std::abs(sample));
        }
        EXPECT_GT(peak, 0.05f) << "the loop is not silent";
    }

    // The MIDI file is the command line's export of the same bars.
    const QString midi = download("/g/" + id + "/v1/groove.mid?clave=3-2", QStringLiteral("served.mid"));
    const CliRun cli = runCli({QStringLiteral("export-midi"), QStringLiteral("salsa"), QStringLiteral("--bars"), QStringLiteral("2"), QStringLiteral("--clave"),
                               QStringLiteral("3-2"), QStringLiteral("--out"), dir.file(QStringLiteral("cli.mid"))});
    ASSERT_EQ(cli.exitCode, 0) << cli.err.toStdString();
    QFile served(midi);
    QFile local(dir.file(QStringLiteral("cli.mid")));
    ASSERT_TRUE(served.open(QIODevice::ReadOnly) && local.open(QIODevice::ReadOnly));
    EXPECT_EQ(served.readAll(), local.readAll());
}

TEST_F(GrooveShareTest, RendersAreCachedByContentAndOptionsAreCheckedAndClamped)
{
    start();
    const std::string id = share()[QStringLiteral("id")].toString().toStdString();
    auto first = author->Get("/g/" + id + "/v1/loop.wav?clave=3-2");
    ASSERT_TRUE(first && first->status == 200);
    const std::string etag = first->get_header_value("ETag");
    EXPECT_FALSE(etag.empty());
    EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache") << "asked again each time: the groove may be unshared";
    // Another way of asking for the same combination is the same file.
    std::string form = "?set=1&clave=3-2";  // the page's form: every instrument left on named
    const auto salsa = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    ASSERT_TRUE(salsa.has_value());
    for (const auto& instrument : salsa->instruments) {
        if (instrument.enabled) {
            form += "&on-" + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(instrument.id))).toStdString() + "=on";
        }
    }
    auto same = author->Get("/g/" + id + "/v1/loop.wav" + form);
    ASSERT_TRUE(same && same->status == 200);
    EXPECT_EQ(same->get_header_value("ETag"), etag);
    auto cached = author->Get("/g/" + id + "/v1/loop.wav?clave=3-2", {{"If-None-Match", etag}});
    ASSERT_TRUE(cached);
    EXPECT_EQ(cached->status, 304);

    // Clamped: a tempo past the limits plays at the limit, a loop of at most 16 bars.
    auto fast = author->Get("/g/" + id + "/v1/loop.wav?tempo=100000&bars=1000");
    ASSERT_TRUE(fast && fast->status == 200);
    EXPECT_EQ(fast->get_header_value("X-Bandmate-Loop-Bars"), "16");
    std::string error;
    QFile file(dir.file(QStringLiteral("fast.wav")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(fast->body.data(), static_cast<qint64>(fast->body.size()));
    file.close();
    EXPECT_EQ(readWav(file.fileName().toStdString(), &error).frames(), static_cast<size_t>(16 * 8 * 48000 * 60 / 300 / 2)) << "16 bars at 300 BPM";
    // At most 64 seconds: 16 bars at 30 BPM would be 128.
    auto slow = author->Get("/g/" + id + "/v1/loop.wav?tempo=30&bars=16");
    ASSERT_TRUE(slow && slow->status == 200);
    EXPECT_EQ(slow->get_header_value("X-Bandmate-Loop-Bars"), "8");
    auto oneBar = author->Get("/g/" + id + "?bars=1");
    ASSERT_TRUE(oneBar && oneBar->status == 200);
    EXPECT_NE(oneBar->body.find(">1 bar, looped<"), std::string::npos) << "one bar, not 1 bars";
    auto page = author->Get("/g/" + id + "?tempo=5");
    ASSERT_TRUE(page && page->status == 200);
    EXPECT_NE(page->body.find(">30 BPM<"), std::string::npos) << "clamped to 30";

    // Wrong: one clear error naming the option, nothing rendered.
    for (const char* bad : {"?key=12", "?key=C", "?clave=4-4", "?tempo=fast", "?off=kazoo", "?bars=many"}) {
        auto answer = author->Get("/g/" + id + "/v1/loop.wav" + bad);
        ASSERT_TRUE(answer);
        EXPECT_EQ(answer->status, 400) << bad;
        const QString message = bodyOf(answer)[QStringLiteral("message")].toString();
        EXPECT_TRUE(message.contains(QRegularExpression(QStringLiteral("key|clave|tempo|off|bars")))) << bad << ": " << message.toStdString();
    }
    auto wrongPage = author->Get("/g/" + id + "?off=kazoo");
    ASSERT_TRUE(wrongPage && wrongPage->status == 200) << "the page says so and shows the groove as saved";
    EXPECT_NE(wrongPage->body.find("note bad"), std::string::npos);
    EXPECT_NE(wrongPage->body.find("off: this groove has no instrument &quot;kazoo&quot;"), std::string::npos) << "naming what was wrong";

    // An instrument saved off can be switched on (the form names every ticked one).
    auto withBongos = author->Get("/g/" + id + "?play=clave,bongos");
    ASSERT_TRUE(withBongos && withBongos->status == 200);
    const auto gridRows = [](const std::string& html) {
        std::size_t rows = 0;
        for (std::size_t at = html.find("<th scope=\"row\">"); at != std::string::npos; at = html.find("<th scope=\"row\">", at + 1)) {
            ++rows;
        }
        return rows;
    };
    EXPECT_EQ(gridRows(withBongos->body), 2u) << "clave and bongos";
    EXPECT_NE(withBongos->body.find("/loop.wav?play=clave,bongos\""), std::string::npos) << "one canonical link for the combination";
}

TEST_F(GrooveShareTest, RendersDoNotHoldTheDatabaseWorkers)
{
    // One database worker and one render thread; three long renders asked for at once (the
    // kit's first load, then 64 s of audio each). Were renders on the database worker, a page
    // asked for next would wait behind them; it is answered before any of them.
    start({QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--render-slots"), QStringLiteral("1")});
    const std::string id = share()[QStringLiteral("id")].toString().toStdString();
    std::atomic<int> rendered{0};
    std::vector<std::thread> listeners;
    for (const char* key : {"0", "5", "7"}) {
        listeners.emplace_back([&, key] {
            httplib::Client client("127.0.0.1", server->port());
            client.set_read_timeout(60);
            auto loop = client.Get("/g/" + id + "/v1/loop.wav?tempo=60&bars=16&key=" + key);
            EXPECT_TRUE(loop && loop->status == 200) << (loop ? loop->body.substr(0, 200) : "no answer");
            ++rendered;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    httplib::Client other("127.0.0.1", server->port());
    auto page = other.Get("/g/" + id);
    const int doneBeforePage = rendered.load();
    for (auto& listener : listeners) {
        listener.join();
    }
    ASSERT_TRUE(page && page->status == 200);
    EXPECT_EQ(doneBeforePage, 0) << "the page (which needs the one database worker) waited for renders";
}

TEST_F(GrooveShareTest, TheAuthorsApiVersionsVisibilityUnshareDeleteAndNobodyElseChangesIt)
{
    start({QStringLiteral("--share-limit"), QStringLiteral("40")});
    const QJsonObject shared = share({{QStringLiteral("tags"), QJsonArray{QStringLiteral("Salsa")}}, {QStringLiteral("licence"), QStringLiteral("cc0-1.0")}});
    const QString id = shared[QStringLiteral("id")].toString();
    EXPECT_EQ(shared[QStringLiteral("url")].toString(), server->url().toString() + QStringLiteral("/g/") + id);
    EXPECT_EQ(shared[QStringLiteral("version")].toInt(), 1);
    EXPECT_EQ(shared[QStringLiteral("tags")].toArray().first().toString(), QStringLiteral("salsa"));
    const std::string base = "/v1/grooves/" + id.toStdString();

    // A new version under the same link; the first keeps its own.
    auto machine = core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    machine->bpm = 200;
    const std::string changed = json({{QStringLiteral("machine"), QString::fromUtf8(core::beats::writeMachineXml(*machine))}});
    auto second = author->Post(base + "/versions", auth(), changed, "application/json");
    ASSERT_TRUE(second && second->status == 201) << (second ? second->body : "");
    EXPECT_EQ(bodyOf(second)[QStringLiteral("version")].toInt(), 2);
    auto again = author->Post(base + "/versions", auth(), changed, "application/json");
    ASSERT_TRUE(again && again->status == 200) << "the same machine again adds no version";
    auto v1 = author->Get("/g/" + id.toStdString() + "/v1");
    auto latest = author->Get("/g/" + id.toStdString());
    ASSERT_TRUE(v1 && latest);
    EXPECT_NE(v1->body.find(">180 BPM<"), std::string::npos);
    EXPECT_NE(latest->body.find(">200 BPM<"), std::string::npos);
    EXPECT_NE(v1->body.find("See the latest version"), std::string::npos);

    // Someone else: nothing of it is theirs to change or even to know about.
    const QString other = signInOverHttp(*author, "eve@example.org");
    const auto unknown = [](const httplib::Result& answer, const char* what) {
        EXPECT_TRUE(answer && answer->status == 404) << what << ": " << (answer ? answer->body : "no answer");
    };
    unknown(author->Post(base, auth(other), R"({"title":"Mine now"})", "application/json"), "change");
    unknown(author->Post(base + "/versions", auth(other), changed, "application/json"), "new version");
    unknown(author->Post(base + "/unshare", auth(other), "", "application/json"), "unshare");
    unknown(author->Delete(base, auth(other)), "delete");
    unknown(author->Get(base, auth(other)), "read");
    auto list = author->Get("/v1/grooves", auth(other));
    ASSERT_TRUE(list && list->status == 200);
    EXPECT_TRUE(bodyOf(list)[QStringLiteral("grooves")].toArray().isEmpty());

    // Private: 404 to everyone but the author; the author's list shows it.
    auto hide = author->Post(base, auth(), R"({"visibility":"private"})", "application/json");
    ASSERT_TRUE(hide && hide->status == 200);
    EXPECT_EQ(author->Get("/g/" + id.toStdString())->status, 404);
    EXPECT_EQ(author->Get("/g/" + id.toStdString() + "/v1/loop.wav")->status, 404);
    EXPECT_EQ(bodyOf(author->Get("/v1/grooves", auth()))[QStringLiteral("grooves")].toArray().size(), 1);

    // Bad settings: one error naming the field, nothing changed.
    for (const char* bad : {R"({"visibility":"everyone"})", R"({"licence":"gpl"})", R"({"tags":"salsa"})", R"({"allow_copies":"yes"})", R"({"title":""})"}) {
        auto answer = author->Post(base, auth(), bad, "application/json");
        ASSERT_TRUE(answer);
        EXPECT_EQ(answer->status, 422) << bad << ": " << answer->body;
    }
    EXPECT_EQ(author->Post(base, auth(), "{not json", "application/json")->status, 400);
    auto typo = author->Post(base, auth(), R"({"visibilty":"public"})", "application/json");
    EXPECT_EQ(typo->status, 422);
    EXPECT_TRUE(bodyOf(typo)[QStringLiteral("message")].toString().startsWith(QStringLiteral("visibilty:"))) << typo->body;
    EXPECT_EQ(author->Post(base, auth(), changed, "application/json")->status, 422) << "a machine goes to /versions";
    EXPECT_EQ(author->Post("/v1/grooves", auth(), json({{QStringLiteral("machine"), salsaXml()}, {QStringLiteral("origin_version"), 1.5}}), "application/json")->status, 422);
    EXPECT_EQ(author->Post("/v1/grooves", auth(), R"({"title":"no machine"})", "application/json")->status, 422);
    auto huge = author->Post("/v1/grooves", auth(), json({{QStringLiteral("machine"), QString(300 * 1024, QLatin1Char(' '))}}), "application/json");
    EXPECT_EQ(huge->status, 413);
    auto broken = author->Post("/v1/grooves", auth(), json({{QStringLiteral("machine"), QStringLiteral("<bm:Machine")}}), "application/json");
    ASSERT_EQ(broken->status, 422);
    EXPECT_TRUE(bodyOf(broken)[QStringLiteral("message")].toString().contains(QStringLiteral("machine:"))) << broken->body;
    auto mine = bodyOf(author->Get(base, auth()));
    EXPECT_EQ(mine[QStringLiteral("visibility")].toString(), QStringLiteral("private"));
    EXPECT_EQ(mine[QStringLiteral("licence")].toString(), QStringLiteral("cc0-1.0"));
    EXPECT_EQ(mine[QStringLiteral("latest_version")].toInt(), 2);

    // Unshare: the link says removed (410), the author can share it again; delete is for good.
    ASSERT_EQ(author->Post(base, auth(), R"({"visibility":"public"})", "application/json")->status, 200);
    ASSERT_EQ(author->Post(base + "/unshare", auth(), "", "application/json")->status, 200);
    auto removed = author->Get("/g/" + id.toStdString() + "/v2");
    EXPECT_EQ(removed->status, 410);
    EXPECT_NE(removed->body.find("Groove removed"), std::string::npos);
    EXPECT_EQ(author->Get("/g/" + id.toStdString() + "/v2/machine.xml")->status, 410);
    ASSERT_EQ(author->Post(base, auth(), R"({"visibility":"unlisted"})", "application/json")->status, 200);
    EXPECT_EQ(author->Get("/g/" + id.toStdString())->status, 200);
    ASSERT_EQ(author->Delete(base, auth())->status, 200);
    EXPECT_EQ(author->Get("/g/" + id.toStdString())->status, 410);
    EXPECT_EQ(author->Get(base, auth())->status, 404);

    // The per-account limit: 40 an hour in bursts of 10 (two were used above).
    int refused = 0;
    for (int i = 0; i < 12; ++i) {
        auto answer = author->Post("/v1/grooves", auth(), json({{QStringLiteral("machine"), salsaXml()}}), "application/json");
        ASSERT_TRUE(answer);
        if (answer->status == 429) {
            ++refused;
            EXPECT_FALSE(answer->get_header_value("Retry-After").empty());
        }
    }
    EXPECT_GE(refused, 3);
}

TEST_F(GrooveShareTest, CopiesAreAllowedOrNotByTheAuthorAndACopyLinksToItsOrigin)
{
    start();
    const QString id = share({{QStringLiteral("visibility"), QStringLiteral("public")}})[QStringLiteral("id")].toString();
    const std::string page = "/g/" + id.toStdString();
    auto xml = author->Get(page + "/v1/machine.xml");
    ASSERT_TRUE(xml && xml->status == 200);
    EXPECT_EQ(xml->get_header_value("X-Bandmate-Groove"), id.toStdString() + "/v1");
    EXPECT_NE(xml->get_header_value("Content-Disposition").find("montuno.xml"), std::string::npos);
    auto parsed = core::beats::readMachineXml(QByteArray::fromStdString(xml->body), QStringLiteral("download"));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, *core::beats::loadBuiltinMachine(QStringLiteral("salsa")));

    const QString other = signInOverHttp(*author, "eve@example.org");
    QJsonObject copy{{QStringLiteral("machine"), QString::fromStdString(xml->body)}, {QStringLiteral("origin"), id}, {QStringLiteral("origin_version"), 1},
                     {QStringLiteral("title"), QStringLiteral("My montuno")}};
    auto copied = author->Post("/v1/grooves", auth(other), json(copy), "application/json");
    ASSERT_TRUE(copied && copied->status == 201) << (copied ? copied->body : "");
    const QJsonObject origin = bodyOf(copied)[QStringLiteral("origin")].toObject();
    EXPECT_EQ(origin[QStringLiteral("id")].toString(), id);
    EXPECT_EQ(origin[QStringLiteral("version")].toInt(), 1);
    auto copyPage = author->Get("/g/" + bodyOf(copied)[QStringLiteral("id")].toString().toStdString());
    ASSERT_TRUE(copyPage && copyPage->status == 200);
    EXPECT_NE(copyPage->body.find("href=\"/g/" + id.toStdString() + "/v1\""), std::string::npos) << "inspired by, with a link";
    EXPECT_EQ(bodyOf(author->Get("/v1/grooves/" + id.toStdString(), auth()))[QStringLiteral("copies")].toInt(), 0) << "a download is not a copy";
    EXPECT_EQ(author->Post(page + "/copy", "", "text/plain")->status, 204);
    EXPECT_EQ(author->Post(page + "/copy", {{"Sec-Fetch-Site", "cross-site"}}, "", "text/plain")->status, 403) << "not from another site's page";
    EXPECT_EQ(bodyOf(author->Get("/v1/grooves/" + id.toStdString(), auth()))[QStringLiteral("copies")].toInt(), 1);

    // A copy of an unlisted original does not give its link away on the copy's page.
    const QString hiddenOriginal = share()[QStringLiteral("id")].toString();
    copy[QStringLiteral("origin")] = hiddenOriginal;
    copy[QStringLiteral("visibility")] = QStringLiteral("public");
    auto quiet = author->Post("/v1/grooves", auth(other), json(copy), "application/json");
    ASSERT_TRUE(quiet && quiet->status == 201) << (quiet ? quiet->body : "");
    EXPECT_EQ(bodyOf(quiet)[QStringLiteral("origin")].toObject()[QStringLiteral("id")].toString(), hiddenOriginal) << "its author's API says";
    auto quietPage = author->Get("/g/" + bodyOf(quiet)[QStringLiteral("id")].toString().toStdString());
    ASSERT_TRUE(quietPage && quietPage->status == 200);
    EXPECT_EQ(quietPage->body.find(hiddenOriginal.toStdString()), std::string::npos);
    copy[QStringLiteral("origin")] = id;

    // No copies: no XML, no MIDI, no "Open in Bandmate", no copy through the API; listening stays.
    ASSERT_EQ(author->Post("/v1/grooves/" + id.toStdString(), auth(), R"({"allow_copies":false})", "application/json")->status, 200);
    EXPECT_EQ(author->Get(page + "/v1/machine.xml")->status, 403);
    EXPECT_EQ(author->Get(page + "/groove.mid")->status, 403);
    auto listen = author->Get(page);
    EXPECT_EQ(listen->body.find("machine.xml"), std::string::npos);
    EXPECT_EQ(listen->body.find("bandmate://"), std::string::npos);
    EXPECT_NE(listen->body.find("loop.wav"), std::string::npos);
    auto refused = author->Post("/v1/grooves", auth(other), json(copy), "application/json");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_TRUE(bodyOf(refused)[QStringLiteral("message")].toString().contains(QStringLiteral("copies")));
}

TEST_F(GrooveShareTest, EverythingTheAuthorWroteIsEscapedAndThePageHasPreviewTags)
{
    start();
    const QJsonObject shared = share({{QStringLiteral("title"), QStringLiteral("<script>alert(1)</script>")},
                                      {QStringLiteral("author"), QStringLiteral("\"><img src=x onerror=alert(2)>")},
                                      {QStringLiteral("description"), QStringLiteral("</p><iframe src=//evil>")},
                                      {QStringLiteral("tags"), QJsonArray{QStringLiteral("<b>salsa</b>")}}});
    auto page = author->Get("/g/" + shared[QStringLiteral("id")].toString().toStdString());
    ASSERT_TRUE(page && page->status == 200);
    EXPECT_EQ(page->body.find("<script>alert"), std::string::npos);
    EXPECT_EQ(page->body.find("<img src=x"), std::string::npos);
    EXPECT_EQ(page->body.find("<iframe"), std::string::npos);
    EXPECT_EQ(page->body.find("<b>salsa"), std::string::npos);
    EXPECT_NE(page->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(page->body.find("<meta property=\"og:title\" content=\"&lt;script&gt;"), std::string::npos);
    EXPECT_NE(page->body.find("<meta property=\"og:url\" content=\"" + server->url().toString().toStdString()), std::string::npos);
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(page->body.find("<script>"), std::string::npos) << "no inline script at all";
}

TEST_F(GrooveShareTest, TheCommandLineSharesUpdatesAndAnotherComputerImportsACopyThatRendersTheSameLoop)
{
    KeyringSession keyring(dir);
    start();
    const QString url = server->url().toString();
    // The laptop has a machine of its own, saved in Bandmate.
    core::beats::Machine montuno = *core::beats::loadBuiltinMachine(QStringLiteral("salsa"));
    montuno.title = "Montuno en Sol";
    montuno.keyNote = 7;
    {
        auto laptop = openTestDatabase(dir, QStringLiteral("laptop.sqlite"));
        ASSERT_TRUE(core::beats::MachineRepository(*laptop).save(montuno).has_value());
    }
    const auto cli = [&](const QString& database, const QStringList& args, const QByteArray& input = {}) {
        return runCli(QStringList{QStringLiteral("--db"), dir.file(database), QStringLiteral("--json")} + args, keyring.environment(), 60'000, input);
    };
    ASSERT_EQ(cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("account"), QStringLiteral("register"), QStringLiteral("--server"), url, QStringLiteral("--email"),
                                                    QStringLiteral("laptop@example.org"), QStringLiteral("--password-stdin")},
                  "salsa-dura-1978\n")
                  .exitCode,
              0);

    // Bad input: refused before the server is asked, naming what is wrong.
    const CliRun unknown = cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("share"), QStringLiteral("Montuno en La"), QStringLiteral("--server"), url});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("Montuno en La"))) << unknown.err.toStdString();
    const CliRun badCopies = cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("share"), QStringLiteral("montuno en sol"), QStringLiteral("--copies"), QStringLiteral("maybe"), QStringLiteral("--server"), url});
    EXPECT_EQ(badCopies.exitCode, 2);
    EXPECT_TRUE(badCopies.err.contains(QStringLiteral("--copies"))) << badCopies.err.toStdString();
    const CliRun badVisibility = cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("share"), QStringLiteral("Montuno en Sol"), QStringLiteral("--visibility"), QStringLiteral("everyone"), QStringLiteral("--server"), url});
    EXPECT_EQ(badVisibility.exitCode, 2) << "the server's refusal is bad input too";
    EXPECT_TRUE(badVisibility.err.contains(QStringLiteral("visibility"))) << badVisibility.err.toStdString();

    // Shared by its title (any case), as the musician knows it.
    const CliRun shared = cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("share"), QStringLiteral("montuno en sol"), QStringLiteral("--server"), url,
                                                                QStringLiteral("--visibility"), QStringLiteral("public"), QStringLiteral("--tags"), QStringLiteral("salsa,son montuno")});
    ASSERT_EQ(shared.exitCode, 0) << shared.err.toStdString();
    const QJsonObject groove = shared.json();
    const QString id = groove[QStringLiteral("id")].toString();
    EXPECT_EQ(groove[QStringLiteral("title")].toString(), QStringLiteral("Montuno en Sol"));
    EXPECT_EQ(groove[QStringLiteral("version")].toInt(), 1);
    EXPECT_EQ(groove[QStringLiteral("url")].toString(), url + QStringLiteral("/g/") + id);

    // A new version under the same link.
    const CliRun updated = cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("shared"), QStringLiteral("update"), id, QStringLiteral("--machine"), QStringLiteral("merengue"),
                                                                 QStringLiteral("--title"), QStringLiteral("Montuno, then merengue"), QStringLiteral("--server"), url});
    ASSERT_EQ(updated.exitCode, 0) << updated.err.toStdString();
    EXPECT_EQ(updated.json()[QStringLiteral("latest_version")].toInt(), 2);
    EXPECT_EQ(updated.json()[QStringLiteral("title")].toString(), QStringLiteral("Montuno, then merengue"));

    // Another computer (no account needed) takes a copy of version 1, from a link as pasted.
    const CliRun imported = cli(QStringLiteral("studio.sqlite"), {QStringLiteral("import-shared"), url + QStringLiteral("/g/") + id + QStringLiteral("/v1/embed")});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    const QString copyId = imported.json()[QStringLiteral("machine_id")].toString();
    EXPECT_EQ(imported.json()[QStringLiteral("origin")].toString(), url + QStringLiteral("/g/") + id + QStringLiteral("/v1"));
    EXPECT_EQ(imported.json()[QStringLiteral("title")].toString(), QStringLiteral("Montuno en Sol"));
    // The same loop: the copy on the other computer, the original on the laptop, the server's.
    const QStringList render{QStringLiteral("render"), QStringLiteral("--loop"), QStringLiteral("--bars"), QStringLiteral("2"), QStringLiteral("--out")};
    ASSERT_EQ(cli(QStringLiteral("studio.sqlite"), QStringList{render} << dir.file(QStringLiteral("copy.wav")) << copyId).exitCode, 0);
    ASSERT_EQ(cli(QStringLiteral("laptop.sqlite"), QStringList{render} << dir.file(QStringLiteral("original.wav")) << QStringLiteral("Montuno en Sol")).exitCode, 0);
    const QString served = download("/g/" + id.toStdString() + "/v1/loop.wav", QStringLiteral("served.wav"));
    std::string error;
    const WavData copy = readWav(dir.file(QStringLiteral("copy.wav")).toStdString(), &error);
    ASSERT_TRUE(error.empty()) << error;
    EXPECT_GT(copy.frames(), 0u);
    EXPECT_EQ(copy.samples, readWav(dir.file(QStringLiteral("original.wav")).toStdString(), &error).samples);
    EXPECT_EQ(copy.samples, readWav(served.toStdString(), &error).samples);

    // Open in Bandmate's link form works too; the list counts both copies.
    const QString openLink = QStringLiteral("bandmate://import?url=") + QString::fromLatin1(QUrl::toPercentEncoding(url + QStringLiteral("/g/") + id));
    const CliRun opened = cli(QStringLiteral("studio.sqlite"), {QStringLiteral("import-shared"), openLink});
    ASSERT_EQ(opened.exitCode, 0) << opened.err.toStdString();
    EXPECT_EQ(opened.json()[QStringLiteral("origin")].toString(), url + QStringLiteral("/g/") + id + QStringLiteral("/v2")) << "the latest, named by its version";
    const CliRun list = cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("shared"), QStringLiteral("list"), QStringLiteral("--server"), url});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    ASSERT_EQ(list.json()[QStringLiteral("grooves")].toArray().size(), 1);
    EXPECT_EQ(list.json()[QStringLiteral("grooves")].toArray().first().toObject()[QStringLiteral("copies")].toInt(), 2);

    // The copy shared again (the studio signs in to the same server) names its origin.
    const CliRun reshared = cli(QStringLiteral("studio.sqlite"), {QStringLiteral("share"), copyId, QStringLiteral("--server"), url});
    ASSERT_EQ(reshared.exitCode, 0) << reshared.err.toStdString();
    EXPECT_EQ(reshared.json()[QStringLiteral("origin")].toObject()[QStringLiteral("id")].toString(), id);
    EXPECT_EQ(reshared.json()[QStringLiteral("origin")].toObject()[QStringLiteral("version")].toInt(), 1);

    // Unshared: a copy cannot be taken; bad links are refused with one clear error.
    ASSERT_EQ(cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("shared"), QStringLiteral("unshare"), id, QStringLiteral("--server"), url}).exitCode, 0);
    const CliRun removed = cli(QStringLiteral("studio.sqlite"), {QStringLiteral("import-shared"), url + QStringLiteral("/g/") + id});
    EXPECT_EQ(removed.exitCode, 2);
    EXPECT_TRUE(removed.err.contains(QStringLiteral("removed"))) << removed.err.toStdString();
    for (const QString& bad : {QStringLiteral("https://example.org/watch?v=1"), QStringLiteral("not a link"), url + QStringLiteral("/g/ABC")}) {
        const CliRun refused = cli(QStringLiteral("studio.sqlite"), {QStringLiteral("import-shared"), bad});
        EXPECT_EQ(refused.exitCode, 2) << bad.toStdString();
        EXPECT_TRUE(refused.err.contains(QStringLiteral("link"))) << refused.err.toStdString();
    }
    const CliRun gone = cli(QStringLiteral("studio.sqlite"), {QStringLiteral("import-shared"), url + QStringLiteral("/g/aaaaaaaaaaaaaaaaaaaaaaaaaa")});
    EXPECT_EQ(gone.exitCode, 2);
    ASSERT_EQ(cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("shared"), QStringLiteral("delete"), id, QStringLiteral("--server"), url}).exitCode, 0);
    const QJsonArray left = cli(QStringLiteral("laptop.sqlite"), {QStringLiteral("shared"), QStringLiteral("list"), QStringLiteral("--server"), url}).json()[QStringLiteral("grooves")].toArray();
    ASSERT_EQ(left.size(), 1) << "the studio's copy (the same account) stays";
    EXPECT_NE(left.first().toObject()[QStringLiteral("id")].toString(), id);
}

}  // namespace
}  // namespace bandmate::test
