#include "app/cli/VoteCommands.h"

#include "app/cli/SyncCommands.h"
#include "core/library/Songs.h"
#include "core/profile/Profile.h"
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
core::Result<QJsonObject> pollFromLibrary(const CliArgs& args, const CommandOptions& options)
{
    auto db = openDatabaseForReading(args);
    if (!db) {
        return std::unexpected(db.error());
    }
    const QString showId = options.words.value(1);
    auto show = core::setlists::SetlistRepository(**db).show(showId);
    if (!show) {
        return core::fail(ErrorCode::NotFound, "no such show on this computer (bandmate-cli setlist list shows them)", showId.toStdString());
    }
    QJsonArray songs;
    core::library::SongRepository library(**db);
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
    const QString band = core::profile::ProfileRepository(**db).load().value_or(core::profile::Profile{}).artistName;
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

}  // namespace

int runVoteCommand(const CliArgs& args)
{
    auto options = parseCommandOptions(args.rest,
                                       {QStringLiteral("--server"), QStringLiteral("--songs"), QStringLiteral("--question"), QStringLiteral("--votes-per-fan"),
                                        QStringLiteral("--results"), QStringLiteral("--opens-at"), QStringLiteral("--closes-at"), QStringLiteral("--out")},
                                       {QStringLiteral("--follow"), QStringLiteral("--suggestions"), QStringLiteral("--open"), QStringLiteral("--closed")});
    if (!options) {
        return reportError(options.error());
    }
    const QString verb = options->words.value(0);
    const QStringList verbs{QStringLiteral("create"), QStringLiteral("list"), QStringLiteral("open"), QStringLiteral("close"),
                            QStringLiteral("reset"), QStringLiteral("status"), QStringLiteral("qr")};
    if (!verbs.contains(verb) || options->words.size() != (verb == QLatin1String("list") ? 1 : 2)) {
        return reportError({ErrorCode::InvalidArgument, "expected vote create SHOW_ID, vote list, or vote open|close|reset|status|qr POLL_ID", "vote"});
    }
    auto url = serverUrl(*options);
    if (!url) {
        return reportError(url.error());
    }
    std::optional<QJsonObject> created;
    if (verb == QLatin1String("create")) {
        auto body = pollFromLibrary(args, *options);  // checked before the keychain is asked
        if (!body) {
            return reportError(body.error());
        }
        created = *body;
    }
    if (verb == QLatin1String("qr") && options->values.value(QStringLiteral("--out")).isEmpty()) {
        return reportError({ErrorCode::InvalidArgument, "where to write it: --out FILE.png or FILE.svg", "--out"});
    }
    auto token = accessTokenFromKeychain(*url);
    if (!token) {
        return reportError(token.error());
    }
    const QString id = options->words.value(1);
    if (verb == QLatin1String("create")) {
        auto poll = sync::PollClient::call(*url, *token, "POST", QStringLiteral("/v1/polls"), *created);
        if (!poll) {
            return reportError(poll.error());
        }
        if (args.json) {
            printJson(*poll);
        } else {
            printOut(QStringLiteral("Fan vote %1 created: fans open %2 (code %3).\n")
                         .arg(poll->value(QStringLiteral("id")).toString(), poll->value(QStringLiteral("url")).toString(), poll->value(QStringLiteral("code")).toString()));
        }
        return kExitOk;
    }
    if (verb == QLatin1String("list")) {
        auto polls = sync::PollClient::call(*url, *token, "GET", QStringLiteral("/v1/polls"));
        if (!polls) {
            return reportError(polls.error());
        }
        if (args.json) {
            printJson(*polls);
        } else {
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
