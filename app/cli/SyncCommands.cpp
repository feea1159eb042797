#include "app/cli/SyncCommands.h"

#include "core/storage/Database.h"
#include "sync/client/AccountClient.h"
#include "sync/client/CredentialStore.h"
#include "sync/client/SyncClient.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

namespace bandmate::app {

using core::ErrorCode;

namespace {

core::Result<QUrl> serverUrl(const CommandOptions& options)
{
    const QUrl url(options.values.value(QStringLiteral("--server")));
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty()) {
        return core::fail(ErrorCode::InvalidArgument, "expected the server's address, e.g. https://sync.example.com", "--server");
    }
    return url;
}

QString readPasswordFromStdin()
{
    QTextStream in(stdin);
    return in.readLine();
}

}  // namespace

int runAccountCommand(const CliArgs& args)
{
    auto options = parseCommandOptions(args.rest, {QStringLiteral("--server"), QStringLiteral("--email")}, {QStringLiteral("--password-stdin")});
    if (!options) {
        return reportError(options.error());
    }
    const QString sub = options->words.value(0);
    if ((sub != QLatin1String("register") && sub != QLatin1String("login")) || options->words.size() != 1) {
        return reportError({ErrorCode::InvalidArgument, "expected account register or account login", "account"});
    }
    auto url = serverUrl(*options);
    if (!url) {
        return reportError(url.error());
    }
    const QString email = options->values.value(QStringLiteral("--email"));
    if (email.isEmpty() || !options->flags.contains(QStringLiteral("--password-stdin"))) {
        return reportError({ErrorCode::InvalidArgument, "needs --email E and --password-stdin (the password on standard input)", "account " + sub.toStdString()});
    }
    const QString password = readPasswordFromStdin();
    if (sub == QLatin1String("register")) {
        if (auto created = sync::AccountClient::registerAccount(*url, email, password); !created) {
            return reportError(created.error());
        }
    }
    auto session = sync::AccountClient::login(*url, email, password);
    if (!session) {
        return reportError(session.error());
    }
    auto saved = sync::CredentialStore::save(url->toString(), session->refreshToken);
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("account_id"), session->accountId}, {QStringLiteral("keychain"), saved.has_value()}});
    } else {
        printOut(QStringLiteral("Signed in to %1 as %2.\n").arg(url->toString(), email));
    }
    if (!saved) {
        // The account exists and the password works, but this command cannot keep the session.
        return reportError(saved.error());
    }
    return kExitOk;
}

int runSyncCommand(const CliArgs& args)
{
    auto options = parseCommandOptions(args.rest, {QStringLiteral("--server")});
    if (!options) {
        return reportError(options.error());
    }
    if (!options->words.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "sync takes no words, only --server URL", options->words.first().toStdString()});
    }
    auto url = serverUrl(*options);
    if (!url) {
        return reportError(url.error());
    }
    auto stored = sync::CredentialStore::load(url->toString());
    if (!stored) {
        return reportError(stored.error());
    }
    // The keychain keeps a refresh token: trade it for this round's access token and keep the
    // new one (each refresh token works once).
    auto session = sync::AccountClient::refresh(*url, *stored);
    if (!session) {
        return reportError(session.error());
    }
    if (auto saved = sync::CredentialStore::save(url->toString(), session->refreshToken); !saved) {
        return reportError(saved.error());
    }
    const QString token = session->accessToken;
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    sync::SyncClient client(**db, *url, token);
    QEventLoop loop;
    std::optional<sync::SyncReport> report;
    QString failure;
    QObject::connect(&client, &sync::SyncClient::finished, &loop, [&](const sync::SyncReport& done) {
        report = done;
        loop.quit();
    });
    QObject::connect(&client, &sync::SyncClient::failed, &loop, [&](const QString& message) {
        failure = message;
        loop.quit();
    });
    client.start();
    loop.exec();
    if (!report) {
        return reportError({ErrorCode::Io, failure.toStdString(), url->toString().toStdString()});
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("pushed"), report->pushed},
                              {QStringLiteral("pulled"), report->pulled},
                              {QStringLiteral("conflicts"), report->conflicts},
                              {QStringLiteral("seconds"), report->seconds}});
    } else {
        printOut(QStringLiteral("Synced with %1: %2 sent, %3 received, %4 conflicts, %5 s\n")
                     .arg(url->toString())
                     .arg(report->pushed)
                     .arg(report->pulled)
                     .arg(report->conflicts)
                     .arg(report->seconds, 0, 'f', 2));
    }
    return kExitOk;
}

}  // namespace bandmate::app
