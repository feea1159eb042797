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

/// The votes waiting on this computer, for `vote list`.
QJsonArray waitingJson(const QList<core::setlists::FanVote>& votes)
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
        printJson(QJsonObject{{QStringLiteral("published"), published}, {QStringLiteral("refused"), refused}});
    } else {
        for (const auto& vote : report.published) {
            printOut(QStringLiteral("Fan vote %1 published: fans open %2 (code %3).\n").arg(vote.pollId, vote.url, vote.code));
        }
        if (report.published.isEmpty() && report.refused.isEmpty() && !report.stopped) {
            printOut(QStringLiteral("No fan vote waits to be published.\n"));
        }
    }
    for (const auto& vote : report.refused) {
        printErr(QStringLiteral("The server refused fan vote %1: %2\n").arg(vote.id, vote.refused));
    }
    if (report.stopped) {
        return reportError(*report.stopped);
    }
    return report.refused.isEmpty() ? kExitOk : kExitFailure;
}

}  // namespace

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
    const QStringList verbs{QStringLiteral("create"), QStringLiteral("list"), QStringLiteral("publish"), QStringLiteral("open"),
                            QStringLiteral("close"),  QStringLiteral("reset"), QStringLiteral("status"), QStringLiteral("qr")};
    const bool bare = verb == QLatin1String("list") || verb == QLatin1String("publish");
    if (!verbs.contains(verb) || options->words.size() != (bare ? 1 : 2)) {
        return reportError({ErrorCode::InvalidArgument, "expected vote create SHOW_ID, vote list, vote publish, or vote open|close|reset|status|qr POLL_ID", "vote"});
    }
    const bool later = options->flags.contains(QStringLiteral("--later"));
    if (later && verb != QLatin1String("create")) {
        return reportError({ErrorCode::InvalidArgument, "only vote create can wait for later", "--later"});
    }
    // A vote is prepared on this computer first (it syncs to the musician's other computers) and
    // then published; --later only keeps it, for `vote publish` or the next sync to send.
    std::unique_ptr<core::Database> db;
    std::optional<core::setlists::FanVote> prepared;
    if (verb == QLatin1String("create") || verb == QLatin1String("publish") || verb == QLatin1String("list")) {
        auto opened = verb == QLatin1String("list") ? openDatabaseForReading(args) : openDatabase(args);
        if (!opened) {
            return reportError(opened.error());
        }
        db = std::move(*opened);
    }
    if (verb == QLatin1String("create")) {
        auto body = pollFromLibrary(*db, *options);  // checked before the keychain is asked
        if (!body) {
            return reportError(body.error());
        }
        core::setlists::FanVoteRepository votes(*db);
        auto id = votes.save(body->value(QStringLiteral("show_id")).toString(), *body);
        auto vote = id ? votes.get(*id) : core::Result<core::setlists::FanVote>(std::unexpected(id.error()));
        if (!vote) {
            return reportError(vote.error());
        }
        prepared = *vote;
        if (later) {
            if (args.json) {
                printJson(QJsonObject{{QStringLiteral("draft_id"), vote->id}, {QStringLiteral("state"), QStringLiteral("waiting")}});
            } else {
                printOut(QStringLiteral("Fan vote %1 kept on this computer: bandmate-cli vote publish (or the next sync) puts it on your server.\n")
                             .arg(vote->id));
            }
            return kExitOk;
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
    if (!token && prepared) {
        (void)core::setlists::FanVoteRepository(*db).remove(prepared->id);  // nothing was asked of the server: nothing kept
    }
    if (!token) {
        return reportError(token.error());
    }
    const QString id = options->words.value(1);
    if (verb == QLatin1String("create")) {
        // Sent with its own id: if the answer is lost, sending it again finds the same poll.
        auto poll = sync::PollClient::call(*url, *token, "POST", QStringLiteral("/v1/polls"), core::setlists::FanVoteRepository::publishRequest(*prepared));
        core::setlists::FanVoteRepository votes(*db);
        if (!poll) {
            // Not created: nothing stays behind (with --later it would wait for the server).
            (void)votes.remove(prepared->id);
            core::Error error = poll.error();
            if (error.code == ErrorCode::Io) {
                error.message += " (vote create --later keeps it on this computer until the server can be reached)";
            }
            return reportError(error);
        }
        prepared->pollId = poll->value(QStringLiteral("id")).toString();
        prepared->code = poll->value(QStringLiteral("code")).toString();
        prepared->url = poll->value(QStringLiteral("url")).toString();
        if (auto marked = votes.markPublished(prepared->id, prepared->pollId, prepared->code, prepared->url); !marked) {
            return reportError(marked.error());
        }
        if (args.json) {
            QJsonObject out = *poll;
            out.insert(QStringLiteral("draft_id"), prepared->id);
            printJson(out);
        } else {
            printOut(QStringLiteral("Fan vote %1 created: fans open %2 (code %3).\n").arg(prepared->pollId, prepared->url, prepared->code));
        }
        return kExitOk;
    }
    if (verb == QLatin1String("publish")) {
        return reportPublished(args, sync::PollClient::publishWaiting(*db, *url, *token));
    }
    if (verb == QLatin1String("list")) {
        auto polls = sync::PollClient::call(*url, *token, "GET", QStringLiteral("/v1/polls"));
        if (!polls) {
            return reportError(polls.error());
        }
        auto waiting = core::setlists::FanVoteRepository(*db).waiting();
        if (!waiting) {
            return reportError(waiting.error());
        }
        if (args.json) {
            QJsonObject out = *polls;
            out.insert(QStringLiteral("waiting"), waitingJson(*waiting));
            printJson(out);
        } else {
            for (const auto& vote : *waiting) {
                printOut(QStringLiteral("%1  waiting to be published  %2\n").arg(vote.id, vote.request.value(QStringLiteral("question")).toString()));
            }
            for (const auto& poll : polls->value(QStringLiteral("polls")).toArray()) {
                const QJsonObject p = poll.toObject();
                printOut(QStringLiteral("%1  %2  %3  %4\n").arg(p.value(QStringLiteral("id")).toString(), p.value(QStringLiteral("code")).toString(),
                                                                p.value(QStringLiteral("state")).toString(), p.value(QStringLiteral("question")).toString()));
            }
        }
        return kExitOk;
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
