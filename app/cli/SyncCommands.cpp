#include "app/cli/SyncCommands.h"

#include "app/cli/VoteCommands.h"
#include "core/storage/Database.h"
#include "core/sync/DeleteGuard.h"
#include "sync/client/AccountClient.h"
#include "sync/client/CredentialStore.h"
#include "sync/client/SessionLock.h"
#include "sync/client/PollClient.h"
#include "sync/client/SyncClient.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

namespace bandmate::app {

using core::ErrorCode;

namespace {

/// How long sync waits for another program that is trading the same session (one request).
constexpr int kSessionLockWaitMs = 15'000;

}  // namespace

core::Result<QUrl> serverUrl(const CommandOptions& options)
{
    const QUrl url(options.values.value(QStringLiteral("--server")));
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty()) {
        return core::fail(ErrorCode::InvalidArgument, "expected the server's address, e.g. https://sync.example.com", "--server");
    }
    return url;
}

namespace {

QString readPasswordFromStdin()
{
    QTextStream in(stdin);
    return in.readLine();
}

}  // namespace

core::Result<QString> accessTokenFromKeychain(const QUrl& url)
{
    // One program at a time trades the session (the app may be doing it): read the keychain,
    // refresh and save the new token under the lock.
    sync::SessionLock lock(url.toString());
    if (!lock.tryLock(kSessionLockWaitMs)) {
        return std::unexpected(core::Error{ErrorCode::Io, "another Bandmate is signing in to this server right now; try again in a moment",
                            sync::SessionLock::pathFor(url.toString()).toStdString()});
    }
    auto stored = sync::CredentialStore::load(url.toString());
    if (!stored) {
        return std::unexpected(stored.error());
    }
    // The keychain keeps a refresh token: trade it for this round's access token and keep the
    // new one (each refresh token works once). Its successor is chosen here and kept first, so a
    // crash or a lost answer before the new token is kept asks again with the same pair.
    auto kept = sync::StoredSession::parse(*stored);
    if (kept.nextToken.isEmpty()) {
        kept.nextToken = sync::StoredSession::newToken();
        // Proposed even when the keychain refuses to keep it: a lost answer that Qt asks again
        // for is then still the same trade, not a replay.
        (void)sync::CredentialStore::save(url.toString(), kept.toString());
    }
    auto session = sync::AccountClient::refresh(url, kept.refreshToken, kept.nextToken);
    if (!session) {
        return std::unexpected(session.error());
    }
    if (auto saved = sync::CredentialStore::save(url.toString(), session->refreshToken); !saved) {
        // The keychain still holds the spent token with the successor proposed for it: the next
        // run asks for the same trade again and goes on. This one has its access token.
        printErr(QStringLiteral("bandmate-cli: warning: the keychain did not keep the new session (%1); the next run asks the server again "
                                "(if that fails too: bandmate-cli account login)\n")
                     .arg(QString::fromStdString(saved.error().message)));
    }
    lock.unlock();
    return session->accessToken;
}

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
    const QString allowFlag = QStringLiteral("--allow-mass-delete");
    const QString restoreFlag = QStringLiteral("--restore-deleted");
    auto options = parseCommandOptions(args.rest, {QStringLiteral("--server")}, {allowFlag, restoreFlag});
    if (!options) {
        return reportError(options.error());
    }
    if (!options->words.isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "sync takes no words, only --server URL", options->words.first().toStdString()});
    }
    const bool allowMassDelete = options->flags.contains(allowFlag);
    const bool restoreDeleted = options->flags.contains(restoreFlag);
    if (allowMassDelete && restoreDeleted) {
        return reportError({ErrorCode::InvalidArgument, "either delete the held items or keep them, not both", "--allow-mass-delete, --restore-deleted"});
    }
    auto url = serverUrl(*options);
    if (!url) {
        return reportError(url.error());
    }
    auto token = accessTokenFromKeychain(*url);
    if (!token) {
        return reportError(token.error());
    }
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    // The answer to an earlier round's question goes first, so this round sends a restore.
    core::DeleteGuard guard(**db);
    if (auto answered = allowMassDelete ? guard.deleteHeld() : restoreDeleted ? guard.restoreHeld() : core::Result<int>(0); !answered) {
        return reportError(answered.error());
    }
    sync::SyncClient client(**db, *url, *token);
    client.setAllowMassDelete(allowMassDelete);
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
    // Fan votes prepared while offline (here or on another computer) go to the server now; what
    // they became syncs in the next round.
    const sync::PublishReport votes = sync::PollClient::publishWaiting(**db, *url, *token);
    for (const auto& vote : votes.published) {
        if (!args.json) {
            printOut(QStringLiteral("Fan vote published: fans open %1 (code %2).\n").arg(vote.url, vote.code));
        }
    }
    printPublishNotices(votes);
    if (votes.stopped) {
        printErr(QStringLiteral("Fan votes wait to be published: %1\n").arg(QString::fromStdString(votes.stopped->message)));
    }
    if (args.json) {
        printJson(QJsonObject{{QStringLiteral("fan_votes_published"), static_cast<int>(votes.published.size())},
                              {QStringLiteral("fan_votes_refused"), static_cast<int>(votes.refused.size())},
                              {QStringLiteral("fan_votes_waiting"), votes.stopped.has_value()},
                              {QStringLiteral("pushed"), report->pushed},
                              {QStringLiteral("pulled"), report->pulled},
                              {QStringLiteral("conflicts"), report->conflicts},
                              {QStringLiteral("seconds"), report->seconds},
                              {QStringLiteral("held_deletes"), report->heldDeletes},
                              {QStringLiteral("kept_aside"), report->keptAside},
                              {QStringLiteral("newer_data"), report->newerData}});
    } else {
        printOut(QStringLiteral("Synced with %1: %2 sent, %3 received, %4 conflicts, %5 s\n")
                     .arg(url->toString())
                     .arg(report->pushed)
                     .arg(report->pulled)
                     .arg(report->conflicts)
                     .arg(report->seconds, 0, 'f', 2));
    }
    if (report->newerData || report->keptAside > 0) {
        printErr(QStringLiteral("A newer Bandmate wrote data this version cannot show yet (%1 changes kept for it); update Bandmate to see it.\n")
                     .arg(report->keptAside));
    }
    if (report->heldDeletes > 0) {
        const auto held = guard.held();
        printErr(QStringLiteral("This sync would delete %1 (deleted on another computer); nothing was deleted here yet. "
                                "Run sync again with --allow-mass-delete to delete them, or with --restore-deleted to keep them on every computer.\n")
                     .arg(held ? sync::SyncClient::describeHeld(*held) : QStringLiteral("%1 items").arg(report->heldDeletes)));
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace bandmate::app
