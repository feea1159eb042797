#include "app/cli/VoteCommands.h"

#include "app/cli/SyncCommands.h"
#include "core/library/Songs.h"
#include "core/profile/Profile.h"
#include "core/setlists/FanVotes.h"
#include "core/setlists/Setlists.h"
#include "core/storage/Database.h"
#include "sync/client/PollClient.h"
#include "ui/print/QrPicture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>

#include <algorithm>
#include <cstdio>

namespace bandmate::app {

using core::ErrorCode;

namespace {

/// When a poll opens or closes: an ISO date-time ("2026-12-24T21:30", local time unless it says
/// otherwise), "now" (opens_at) or nothing; Unix ms, 0 for nothing.
core::Result<qint64> timeOption(const CommandOptions& options, const QString& name)
{
    const QString value = options.values.value(name);
    if (value.isEmpty()) {
        return 0;
    }
    QDateTime at = QDateTime::fromString(value, Qt::ISODate);
    if (!at.isValid()) {
        return core::fail(ErrorCode::InvalidArgument, "expected a date and time like 2026-12-24T21:30", name.toStdString());
    }
    return at.toMSecsSinceEpoch();
}

/// The tally as a musician reads it in a terminal: the question, the state, and a bar per song,
/// most votes first.
QString tallyText(const QJsonObject& poll)
{
    QString out = QStringLiteral("%1\n%2 · %3 ballots · code %4\n")
                      .arg(poll.value(QStringLiteral("question")).toString(), poll.value(QStringLiteral("state")).toString())
                      .arg(poll.value(QStringLiteral("ballots")).toInteger())
                      .arg(poll.value(QStringLiteral("code")).toString());
    QList<QJsonObject> rows;
    qint64 most = 1;
    for (const auto& value : poll.value(QStringLiteral("tally")).toArray()) {
        rows.append(value.toObject());
        most = std::max(most, value.toObject().value(QStringLiteral("votes")).toInteger());
    }
    std::stable_sort(rows.begin(), rows.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(QStringLiteral("votes")).toInteger() > b.value(QStringLiteral("votes")).toInteger();
    });
    for (const QJsonObject& row : rows) {
        const qint64 votes = row.value(QStringLiteral("votes")).toInteger();
        const QString state = row.value(QStringLiteral("state")).toString();
        out += QStringLiteral("  %1 %2 %3%4\n")
                   .arg(votes, 5)
                   .arg(QString(static_cast<qsizetype>(votes * 20 / most), QChar(0x2588)), -20)
                   .arg(row.value(QStringLiteral("title")).toString(),
                        state == QLatin1String("listed") ? QString() : QStringLiteral("  (suggestion %1: %2)").arg(state, row.value(QStringLiteral("song_id")).toString()));
    }
    return out;
}

/// The poll to create from this computer's show and songs.
core::Result<QJsonObject> pollFromLibrary(core::Database& database, const CommandOptions& options)
{
    auto* db = &database;
    const QString showId = options.words.value(1);
    auto show = core::setlists::SetlistRepository(*db).show(showId);
    if (!show) {
        return core::fail(ErrorCode::NotFound, "no such show on this computer (bandmate-cli setlist list shows them)", showId.toStdString());
    }
    QJsonArray songs;
    core::library::SongRepository library(*db);
    for (const QString& id : options.values.value(QStringLiteral("--songs")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto song = library.get(id.trimmed());
        if (!song) {
            return core::fail(ErrorCode::NotFound, "no such song in the library", id.trimmed().toStdString());
        }
        songs.append(QJsonObject{{QStringLiteral("id"), song->id}, {QStringLiteral("title"), song->title}, {QStringLiteral("artist"), song->artist}});
    }
    if (songs.isEmpty()) {
        return core::fail(ErrorCode::InvalidArgument, "name the candidate songs: --songs ID,ID,…", "--songs");
    }
    const QString question = options.values.value(QStringLiteral("--question"));
    if (question.trimmed().isEmpty()) {
        return core::fail(ErrorCode::InvalidArgument, "ask the fans something: --question TEXT", "--question");
    }
    int votes = 1;
    if (options.values.contains(QStringLiteral("--votes-per-fan"))) {
        bool ok = false;
        votes = options.values.value(QStringLiteral("--votes-per-fan")).toInt(&ok);
        if (!ok || votes < 1 || votes > 5) {
            return core::fail(ErrorCode::InvalidArgument, "expected 1 to 5", "--votes-per-fan");
        }
    }
    const QString results = options.values.value(QStringLiteral("--results"), QStringLiteral("always"));
    if (!QStringList{QStringLiteral("always"), QStringLiteral("after-vote"), QStringLiteral("after-close"), QStringLiteral("never")}.contains(results)) {
        return core::fail(ErrorCode::InvalidArgument, "expected always, after-vote, after-close or never", "--results");
    }
    auto opensAt = timeOption(options, QStringLiteral("--opens-at"));
    auto closesAt = timeOption(options, QStringLiteral("--closes-at"));
    for (const auto* time : {&opensAt, &closesAt}) {
        if (!*time) {
            return std::unexpected(time->error());
        }
    }
    if (*closesAt > 0 && *closesAt <= QDateTime::currentMSecsSinceEpoch()) {
        return core::fail(ErrorCode::InvalidArgument, "that time has passed: the vote would be closed at once", "--closes-at");
    }
    const QString band = core::profile::ProfileRepository(*db).load().value_or(core::profile::Profile{}).artistName;
    return QJsonObject{{QStringLiteral("show_id"), show->id},
                       {QStringLiteral("show"), show->name + (show->date.isValid() ? QStringLiteral(" · ") + show->date.toString(Qt::ISODate) : QString())},
                       {QStringLiteral("band"), band},
                       {QStringLiteral("question"), question},
                       {QStringLiteral("songs"), songs},
                       {QStringLiteral("votes_per_fan"), votes},
                       {QStringLiteral("results"), results},
                       {QStringLiteral("suggestions"), options.flags.contains(QStringLiteral("--suggestions"))},
                       {QStringLiteral("open_now"), options.flags.contains(QStringLiteral("--open")) || (*opensAt == 0 && !options.flags.contains(QStringLiteral("--closed")))},
                       {QStringLiteral("opens_at"), static_cast<double>(*opensAt)},
                       {QStringLiteral("closes_at"), static_cast<double>(*closesAt)}};
}

/// What a fan vote on the server is, for `vote create` and `vote publish`.
QJsonObject createdJson(const core::setlists::FanVote& vote)
{
    return {{QStringLiteral("id"), vote.pollId}, {QStringLiteral("code"), vote.code}, {QStringLiteral("url"), vote.url}, {QStringLiteral("draft_id"), vote.id}};
}

/// The votes kept on this computer (waiting or refused), for `vote list`.
QJsonArray keptJson(const QList<core::setlists::FanVote>& votes)
{
    QJsonArray out;
    for (const auto& vote : votes) {
        out.append(QJsonObject{{QStringLiteral("draft_id"), vote.id},
                               {QStringLiteral("show_id"), vote.showId},
                               {QStringLiteral("question"), vote.request.value(QStringLiteral("question"))},
                               {QStringLiteral("refused"), vote.refused}});
    }
    return out;
}

/// Prints what `vote publish` (or a create) sent; the exit code.
int reportPublished(const CliArgs& args, const sync::PublishReport& report)
{
    if (args.json) {
        QJsonArray published;
        QJsonArray refused;
        for (const auto& vote : report.published) {
            published.append(createdJson(vote));
        }
        for (const auto& vote : report.refused) {
            refused.append(QJsonObject{{QStringLiteral("draft_id"), vote.id}, {QStringLiteral("error"), vote.refused}});
        }
        printJson(QJsonObject{{QStringLiteral("published"), published}, {QStringLiteral("refused"), refused},
                              {QStringLiteral("changed_elsewhere"), static_cast<int>(report.changedElsewhere.size())}});
    } else {
        for (const auto& vote : report.published) {
            printOut(QStringLiteral("Fan vote %1 published: fans open %2 (code %3).\n").arg(vote.pollId, vote.url, vote.code));
        }
        if (report.published.isEmpty() && report.refused.isEmpty() && !report.stopped) {
            printOut(QStringLiteral("No fan vote waits to be published.\n"));
        }
    }
    printPublishNotices(report);
    if (report.stopped) {
        return reportError(*report.stopped);
    }
    return report.refused.isEmpty() ? kExitOk : kExitFailure;
}

/// `vote create` after its input was checked: keeps the vote, and unless `later`, sends it.
int createVote(const CliArgs& args, const QJsonObject& body, bool later, const std::optional<QUrl>& url, const QString& token)
{
    auto db = openDatabase(args);
    if (!db) {
        return reportError(db.error());
    }
    core::setlists::FanVoteRepository votes(**db);
    auto id = votes.save(body.value(QStringLiteral("show_id")).toString(), body);
    auto vote = id ? votes.get(*id) : core::Result<core::setlists::FanVote>(std::unexpected(id.error()));
    if (!vote) {
        return reportError(vote.error());
    }
    if (later) {
        if (args.json) {
            printJson(QJsonObject{{QStringLiteral("draft_id"), vote->id}, {QStringLiteral("state"), QStringLiteral("waiting")}});
        } else {
            printOut(QStringLiteral("Fan vote %1 kept on this computer: bandmate-cli vote publish (or the next sync) puts it on your server.\n")
                         .arg(vote->id));
        }
        return kExitOk;
    }
    // Sent with its own id: if the answer is lost, sending it again finds the same poll.
    auto poll = sync::PollClient::call(*url, token, "POST", QStringLiteral("/v1/polls"), core::setlists::FanVoteRepository::publishRequest(*vote));
    if (!poll) {
        core::Error error = poll.error();
        if (error.code == ErrorCode::InvalidInput) {
            (void)votes.remove(vote->id);  // refused: nothing stays behind
        } else {
            // Maybe made, maybe not (a lost answer): kept, so sending it again cannot make two.
            error.message += "; the vote is kept on this computer and bandmate-cli vote publish (or the next sync) sends it, as the same vote";
        }
        return reportError(error);
    }
    vote->pollId = poll->value(QStringLiteral("id")).toString();
    vote->code = poll->value(QStringLiteral("code")).toString();
    vote->url = poll->value(QStringLiteral("url")).toString();
    if (auto marked = votes.markPublished(vote->id, vote->pollId, vote->code, vote->url); !marked) {
        return reportError(marked.error());
    }
    if (args.json) {
        printJson(*poll);
    } else {
        printOut(QStringLiteral("Fan vote %1 created: fans open %2 (code %3).\n").arg(vote->pollId, vote->url, vote->code));
    }
    return kExitOk;
}

/// `vote list`: the votes kept on this computer (also without the server), then the server's.
int listVotes(const CliArgs& args, const QUrl& url, const core::Result<QString>& token)
{
    QList<core::setlists::FanVote> kept;
    if (auto db = openDatabaseForReading(args); db) {  // a server-only user may have no database here
        auto found = core::setlists::FanVoteRepository(**db).kept();
        if (!found) {
            return reportError(found.error());
        }
        kept = *found;
    }
    if (!args.json) {
        for (const auto& vote : kept) {
            printOut(QStringLiteral("%1  %2  %3\n").arg(vote.id, vote.refused.isEmpty() ? QStringLiteral("kept here, waiting to be published")
                                                                                    : QStringLiteral("refused by the server: ") + vote.refused,
                                                     vote.request.value(QStringLiteral("question")).toString()));
        }
    }
    auto polls = token ? sync::PollClient::call(url, *token, "GET", QStringLiteral("/v1/polls")) : core::Result<QJsonObject>(std::unexpected(token.error()));
    if (args.json) {
        QJsonObject out = polls.value_or(QJsonObject{});
        out.insert(QStringLiteral("kept"), keptJson(kept));
        printJson(out);
    } else if (polls) {
        for (const auto& poll : polls->value(QStringLiteral("polls")).toArray()) {
            const QJsonObject p = poll.toObject();
            printOut(QStringLiteral("%1  %2  %3  %4\n").arg(p.value(QStringLiteral("id")).toString(), p.value(QStringLiteral("code")).toString(),
                                                            p.value(QStringLiteral("state")).toString(), p.value(QStringLiteral("question")).toString()));
        }
    }
    return polls ? kExitOk : reportError(polls.error());
}

}  // namespace

void printPublishNotices(const sync::PublishReport& report)
{
    for (const auto& vote : report.refused) {
        printErr(QStringLiteral("The server refused fan vote %1: %2 (change it in the app, or bandmate-cli vote discard %1)\n").arg(vote.id, vote.refused));
    }
    for (const auto& vote : report.changedElsewhere) {
        printErr(QStringLiteral("Fan vote %1 was published before from another computer (code %2); the changes made here were not applied.\n")
                     .arg(vote.id, vote.code));
    }
}

int runVoteCommand(const CliArgs& args)
{
    auto options = parseCommandOptions(args.rest,
                                       {QStringLiteral("--server"), QStringLiteral("--songs"), QStringLiteral("--question"), QStringLiteral("--votes-per-fan"),
                                        QStringLiteral("--results"), QStringLiteral("--opens-at"), QStringLiteral("--closes-at"), QStringLiteral("--out")},
                                       {QStringLiteral("--follow"), QStringLiteral("--suggestions"), QStringLiteral("--open"), QStringLiteral("--closed"),
                                        QStringLiteral("--later")});
    if (!options) {
        return reportError(options.error());
    }
    const QString verb = options->words.value(0);
    const QStringList verbs{QStringLiteral("create"), QStringLiteral("list"),  QStringLiteral("publish"), QStringLiteral("discard"), QStringLiteral("open"),
                            QStringLiteral("close"),  QStringLiteral("reset"), QStringLiteral("status"),  QStringLiteral("qr")};
    const bool bare = verb == QLatin1String("list") || verb == QLatin1String("publish");
    if (!verbs.contains(verb) || options->words.size() != (bare ? 1 : 2)) {
        return reportError({ErrorCode::InvalidArgument,
                            "expected vote create SHOW_ID, vote list, vote publish, vote discard DRAFT_ID, or vote open|close|reset|status|qr POLL_ID", "vote"});
    }
    const bool later = options->flags.contains(QStringLiteral("--later"));
    if (later && verb != QLatin1String("create")) {
        return reportError({ErrorCode::InvalidArgument, "only vote create can wait for later", "--later"});
    }
    const QString id = options->words.value(1);
    if (verb == QLatin1String("discard")) {  // a vote kept on this computer, not published
        auto db = openDatabase(args);
        if (!db) {
            return reportError(db.error());
        }
        if (auto removed = core::setlists::FanVoteRepository(**db).remove(id); !removed) {
            return reportError(removed.error());
        }
        args.json ? printJson(QJsonObject{{QStringLiteral("discarded"), id}}) : printOut(QStringLiteral("Fan vote %1 discarded.\n").arg(id));
        return kExitOk;
    }
    // Everything is checked before anything is kept or the keychain is asked: a command that
    // fails leaves nothing behind.
    std::optional<QJsonObject> body;
    if (verb == QLatin1String("create")) {
        auto db = openDatabaseForReading(args);
        auto request = db ? pollFromLibrary(**db, *options) : core::Result<QJsonObject>(std::unexpected(db.error()));
        if (!request) {
            return reportError(request.error());
        }
        body = *request;
        if (later) {
            return createVote(args, *body, true, std::nullopt, {});
        }
    }
    auto url = serverUrl(*options);
    if (!url) {
        return reportError(url.error());
    }
    if (verb == QLatin1String("qr") && options->values.value(QStringLiteral("--out")).isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "where to write it: --out FILE.png or FILE.svg", "--out"});
    }
    auto token = accessTokenFromKeychain(*url);
    if (verb == QLatin1String("list")) {
        return listVotes(args, *url, token);  // the kept votes also without a session
    }
    if (!token) {
        return reportError(token.error());
    }
    if (verb == QLatin1String("create")) {
        return createVote(args, *body, false, *url, *token);
    }
    if (verb == QLatin1String("publish")) {
        auto db = openDatabase(args);
        if (!db) {
            return reportError(db.error());
        }
        return reportPublished(args, sync::PollClient::publishWaiting(**db, *url, *token));
    }
    if (verb == QLatin1String("open") || verb == QLatin1String("close") || verb == QLatin1String("reset")) {
        auto poll = sync::PollClient::call(*url, *token, "POST", QStringLiteral("/v1/polls/") + id + QLatin1Char('/') + verb);
        if (!poll) {
            return reportError(poll.error());
        }
        args.json ? printJson(*poll) : printOut(tallyText(*poll));
        return kExitOk;
    }
    if (verb == QLatin1String("qr")) {
        auto poll = sync::PollClient::call(*url, *token, "GET", QStringLiteral("/v1/polls/") + id);
        if (!poll) {
            return reportError(poll.error());
        }
        const QString out = options->values.value(QStringLiteral("--out"));
        if (auto written = ui::saveQr(poll->value(QStringLiteral("url")).toString(), out, 10); !written) {
            return reportError(written.error());
        }
        if (args.json) {
            printJson(QJsonObject{{QStringLiteral("url"), poll->value(QStringLiteral("url"))}, {QStringLiteral("file"), out}});
        } else {
            printOut(QStringLiteral("%1 points to %2\n").arg(out, poll->value(QStringLiteral("url")).toString()));
        }
        return kExitOk;
    }
    // status [--follow]
    if (!options->flags.contains(QStringLiteral("--follow"))) {
        auto poll = sync::PollClient::call(*url, *token, "GET", QStringLiteral("/v1/polls/") + id);
        if (!poll) {
            return reportError(poll.error());
        }
        args.json ? printJson(*poll) : printOut(tallyText(*poll));
        return kExitOk;
    }
    // One line of JSON (or a tally) per change, until the poll closes or the user stops it. The
    // server ends a stream when its access token expires (15 minutes): then a fresh one.
    bool closed = false;
    for (;;) {
        auto followed = sync::PollClient::follow(*url, *token, id, [&](const QJsonObject& poll) {
            if (args.json) {
                printJson(poll);
            } else {
                printOut(tallyText(poll) + QLatin1Char('\n'));
            }
            std::fflush(stdout);
            closed = poll.value(QStringLiteral("state")).toString() == QLatin1String("closed");
            return !closed;
        });
        if (!followed) {
            return reportError(followed.error());
        }
        if (closed) {
            return kExitOk;
        }
        token = accessTokenFromKeychain(*url);
        if (!token) {
            return reportError(token.error());
        }
    }
}

}  // namespace bandmate::app
