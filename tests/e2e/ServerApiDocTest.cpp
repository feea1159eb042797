// docs/server-api.md against the server itself (issue 27): every route the server registers is
// documented and every documented endpoint is routed; every error the server's code can send is
// in the error table and every code in the table is sent somewhere; /v1/health reports the
// version set once in CMakeLists.txt.

#include "tests/e2e/ServerProcess.h"
#include "tests/support/ServerDatabases.h"
#include "tests/support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <set>
#include <utility>

namespace bandmate::test {
namespace {

QString readText(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return QString::fromUtf8(file.readAll());
}

QString sourcePath(const QString& relative)
{
    return QStringLiteral(BANDMATE_SOURCE_DIR "/") + relative;
}

/// "GET /v1/polls/*" and the like: every route the running server registered, read from the
/// labels of its /metrics (one latency series per route, sent from the start).
std::set<QString> registeredRoutes(const ServerProcess& server)
{
    httplib::Client client("127.0.0.1", server.port());
    const auto page = client.Get("/metrics");
    EXPECT_TRUE(page && page->status == 200);
    std::set<QString> routes;
    static const QRegularExpression series(QStringLiteral(R"re(bandmate_http_request_duration_seconds_count\{route="([A-Z]+ /[^"]*)"\})re"));
    for (auto it = series.globalMatch(QString::fromStdString(page ? page->body : std::string())); it.hasNext();) {
        routes.insert(it.next().captured(1));
    }
    return routes;
}

/// The endpoints the document names in its "### `METHOD /path`" headings.
std::set<QString> documentedEndpoints(const QString& document)
{
    std::set<QString> endpoints;
    static const QRegularExpression heading(QStringLiteral(R"re(^### `([A-Z]+ /[^`]*)`\s*$)re"), QRegularExpression::MultilineOption);
    for (auto it = heading.globalMatch(document); it.hasNext();) {
        endpoints.insert(it.next().captured(1));
    }
    return endpoints;
}

/// Whether a documented endpoint ("GET /v1/polls/{id}/events") is answered by a route ("GET
/// /v1/polls/*": a prefix route takes every path that starts with what comes before the "*").
bool routes(const QString& route, const QString& endpoint)
{
    if (route.endsWith(QLatin1Char('*'))) {
        return endpoint.startsWith(route.chopped(1));
    }
    return route == endpoint;
}

using StatusCode = std::pair<int, QString>;

/// The (status, code) rows of the document's error table: "| 422 | `invalid` | ... |".
std::set<StatusCode> documentedErrors(const QString& document)
{
    std::set<StatusCode> errors;
    static const QRegularExpression row(QStringLiteral(R"re(^\| *([1-5][0-9][0-9]) *\| *`([a-z_]+)` *\|)re"), QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(document); it.hasNext();) {
        const auto match = it.next();
        errors.insert({match.captured(1).toInt(), match.captured(2)});
    }
    return errors;
}

/// The server's sources, concatenated.
QString serverSources()
{
    QString text;
    const QDir folder(sourcePath(QStringLiteral("sync/server")));
    for (const QString& name : folder.entryList({QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files)) {
        text += readText(folder.filePath(name));
    }
    return text;
}

/// Every error the sources send with a literal status and code: error(422, "invalid", ...),
/// sendError(res, 401, "unauthorized", ...), answerAndClose(431, "headers_too_large", ...).
std::set<StatusCode> errorsInTheCode(const QString& sources)
{
    std::set<StatusCode> errors;
    static const QRegularExpression call(QStringLiteral(R"re(\b(?:error|sendError|answerAndClose)\(\s*(?:res\s*,\s*)?([1-5][0-9][0-9])\s*,\s*"([a-z_]+)")re"));
    for (auto it = call.globalMatch(sources); it.hasNext();) {
        const auto match = it.next();
        errors.insert({match.captured(1).toInt(), match.captured(2)});
    }
    return errors;
}

QString versionInCMakeLists()
{
    static const QRegularExpression project(QStringLiteral(R"re(project\(\s*Bandmate\b[^)]*?\bVERSION\s+([0-9][0-9.]*))re"));
    return project.match(readText(sourcePath(QStringLiteral("CMakeLists.txt")))).captured(1);
}

TEST(ServerApiDoc, EveryRouteIsDocumentedAndEveryDocumentedEndpointIsRouted)
{
    TempDir dir;
    ServerProcess server(serverDatabase(dir));
    const std::set<QString> registered = registeredRoutes(server);
    const std::set<QString> documented = documentedEndpoints(readText(sourcePath(QStringLiteral("docs/server-api.md"))));
    // The server's own routes, as a floor: an empty /metrics or document must not pass.
    ASSERT_GE(registered.size(), 25U);
    ASSERT_GE(documented.size(), registered.size());
    for (const char* known : {"GET /v1/health", "POST /v1/sync/push", "GET /v/*", "GET /g/*", "POST /v1/polls/*"}) {
        EXPECT_TRUE(registered.contains(QString::fromLatin1(known))) << known;
    }

    for (const QString& route : registered) {
        const bool described = std::ranges::any_of(documented, [&](const QString& endpoint) { return routes(route, endpoint); });
        EXPECT_TRUE(described) << "the server routes " << route.toStdString() << ", which docs/server-api.md does not describe";
    }
    for (const QString& endpoint : documented) {
        const bool routed = std::ranges::any_of(registered, [&](const QString& route) { return routes(route, endpoint); });
        EXPECT_TRUE(routed) << "docs/server-api.md describes " << endpoint.toStdString() << ", which the server does not route";
    }
}

TEST(ServerApiDoc, TheErrorTableHoldsEveryErrorTheServerSendsAndNoOther)
{
    const QString document = readText(sourcePath(QStringLiteral("docs/server-api.md")));
    const std::set<StatusCode> table = documentedErrors(document);
    const QString sources = serverSources();
    const std::set<StatusCode> sent = errorsInTheCode(sources);
    ASSERT_GE(sent.size(), 15U);
    for (const auto& [status, code] : sent) {
        EXPECT_TRUE(table.contains({status, code})) << "the server sends " << status << " " << code.toStdString()
                                                    << ", which the error table of docs/server-api.md does not list";
    }
    for (const auto& [status, code] : table) {
        EXPECT_TRUE(sources.contains(QLatin1Char('"') + code + QLatin1Char('"')))
            << "docs/server-api.md lists " << status << " " << code.toStdString() << ", a code no source in sync/server sends";
    }
}

TEST(ServerApiDoc, HealthSaysTheVersionSetInCMakeLists)
{
    const QString version = versionInCMakeLists();
    ASSERT_FALSE(version.isEmpty());
    TempDir dir;
    ServerProcess server(serverDatabase(dir));
    httplib::Client client("127.0.0.1", server.port());
    for (int i = 0; i < 2; ++i) {  // the first asks the database, the second is answered from memory
        const auto health = client.Get("/v1/health");
        ASSERT_TRUE(health && health->status == 200);
        EXPECT_EQ(bodyOf(health)[QStringLiteral("version")].toString(), version) << health->body;
    }
}

}  // namespace
}  // namespace bandmate::test
