#include "sync/server/Polls.h"

#include "sync/server/Secrets.h"
#include "sync/server/ServerDatabase.h"
#include "sync/server/UserText.h"

#include "core/storage/Sql.h"
#include "core/storage/Transaction.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace bandmate::sync {

using core::ErrorCode;
using core::fail;
namespace sql = core::sql;

namespace {

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS poll (id TEXT PRIMARY KEY NOT NULL, code TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL, "
    "show_id TEXT NOT NULL, band TEXT NOT NULL, show_name TEXT NOT NULL, question TEXT NOT NULL, votes_per_fan INTEGER NOT NULL, "
    "results TEXT NOT NULL, suggestions INTEGER NOT NULL, state TEXT NOT NULL, opens_at BIGINT NOT NULL, closes_at BIGINT NOT NULL, "
    "ballots BIGINT NOT NULL, version BIGINT NOT NULL, created_at BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS poll_by_account ON poll (account_id, created_at)",
    // One row per option; `votes` is the live tally, kept with each ballot in its transaction.
    "CREATE TABLE IF NOT EXISTS poll_option (poll_id TEXT NOT NULL, song_key TEXT NOT NULL, title TEXT NOT NULL, artist TEXT NOT NULL, "
    "position INTEGER NOT NULL, votes BIGINT NOT NULL, state TEXT NOT NULL, suggested_by TEXT NOT NULL, PRIMARY KEY (poll_id, song_key))",
    // One ballot per fan and poll: the option keys as a JSON array; the fan as their token's hash.
    "CREATE TABLE IF NOT EXISTS poll_ballot (poll_id TEXT NOT NULL, fan TEXT NOT NULL, choices TEXT NOT NULL, updated_at BIGINT NOT NULL, "
    "PRIMARY KEY (poll_id, fan))",
    // The desktop's draft a poll was made from: publishing a draft twice makes one poll.
    // `request` is a hash of what the musician asked for, to tell a retry from a changed draft.
    "CREATE TABLE IF NOT EXISTS poll_draft (account_id TEXT NOT NULL, draft_id TEXT NOT NULL, poll_id TEXT NOT NULL, request TEXT NOT NULL, "
    "PRIMARY KEY (account_id, draft_id))",
};

/// Codes fans type: no 0/O, 1/I/L, so nothing reads as something else on a poster.
const QString kCodeAlphabet = QStringLiteral("ABCDEFGHJKMNPQRSTUVWXYZ23456789");
constexpr int kCodeLength = 6;

QString stateAt(const QString& stored, qint64 opensAt, qint64 closesAt, qint64 now)
{
    if (stored == QLatin1String("closed")) {
        return stored;
    }
    const bool opened = stored == QLatin1String("open") || (opensAt > 0 && now >= opensAt);
    if (!opened) {
        return QStringLiteral("scheduled");
    }
    return closesAt > 0 && now >= closesAt ? QStringLiteral("closed") : QStringLiteral("open");
}

QStringList choicesFrom(const QString& json)
{
    QStringList choices;
    for (const auto& value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        choices << value.toString();
    }
    return choices;
}

QString choicesJson(const QStringList& choices)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(choices)).toJson(QJsonDocument::Compact));
}

}  // namespace

QString resultsShownName(ResultsShown shown)
{
    switch (shown) {
    case ResultsShown::Always:
        return QStringLiteral("always");
    case ResultsShown::AfterVote:
        return QStringLiteral("after-vote");
    case ResultsShown::AfterClose:
        return QStringLiteral("after-close");
    case ResultsShown::Never:
        return QStringLiteral("never");
    }
    return QStringLiteral("always");
}

std::optional<ResultsShown> resultsShownFromName(const QString& name)
{
    for (const ResultsShown shown : {ResultsShown::Always, ResultsShown::AfterVote, ResultsShown::AfterClose, ResultsShown::Never}) {
        if (resultsShownName(shown) == name) {
            return shown;
        }
    }
    return std::nullopt;
}

PollService::PollService(QString connectionName, Clock clock) : m_connectionName(std::move(connectionName)), m_clock(std::move(clock)) {}

PollService::~PollService()
{
    QSqlDatabase::removeDatabase(m_connectionName);
}

core::Result<std::unique_ptr<PollService>> PollService::open(const QString& location, Clock clock)
{
    if (!clock) {
        clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    }
    const QString name = QStringLiteral("bandmate-polls-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<PollService> service(new PollService(name, std::move(clock)));
    auto db = openServerDatabase(name, location, {kSchema[0], kSchema[1], kSchema[2], kSchema[3], kSchema[4], kSchema[5]});
    if (!db) {
        return std::unexpected(db.error());
    }
    return service;
}

QString PollService::normalizeCode(const QString& code)
{
    QString out;
    for (const QChar c : code) {
        if (!c.isSpace() && c != QLatin1Char('-')) {
            out.append(c.toUpper());
        }
    }
    return out;
}

bool PollService::tallyVisible(const Poll& poll, bool voted)
{
    switch (poll.spec.results) {
    case ResultsShown::Always:
        return true;
    case ResultsShown::AfterVote:
        return voted || poll.state == QLatin1String("closed");
    case ResultsShown::AfterClose:
        return poll.state == QLatin1String("closed");
    case ResultsShown::Never:
        return false;
    }
    return false;
}

core::Result<Poll> PollService::create(const QString& accountId, const PollSpec& spec, Draft* draft)
{
    if (draft != nullptr) {
        *draft = Draft::New;
    }
    const QString draftId = spec.draftId.trimmed();
    if (!draftId.isEmpty() && draftId.size() <= kMaxTextLength) {
        // Published before (from this computer or another, or an answer that was lost): that
        // poll, whatever this request holds (a changed one is reported, not applied).
        auto existing = byDraft(accountId, spec);
        if (existing && draft != nullptr) {
            *draft = existing->second ? Draft::Same : Draft::Changed;
        }
        if (existing || existing.error().code != ErrorCode::NotFound) {
            return existing ? core::Result<Poll>(existing->first) : std::unexpected(existing.error());
        }
    }
    auto created = insert(accountId, spec);
    if (!created && created.error().code != ErrorCode::InvalidInput && !draftId.isEmpty()) {
        // Another request for the same draft won the race (its row holds the key): that poll.
        if (auto existing = byDraft(accountId, spec); existing) {
            if (draft != nullptr) {
                *draft = existing->second ? Draft::Same : Draft::Changed;
            }
            return existing->first;
        }
    }
    return created;
}

namespace {

/// What a musician asked for, as a hash: a retry of a draft matches it, a changed draft does not.
QString requestHash(const PollSpec& spec)
{
    QJsonArray options;
    for (const auto& option : spec.options) {
        options.append(QJsonArray{option.key.trimmed(), option.title.trimmed(), option.artist.trimmed()});
    }
    const QJsonArray canonical{spec.showId.trimmed(), spec.question.trimmed(), options, spec.votesPerFan, resultsShownName(spec.results),
                               spec.suggestions, static_cast<double>(spec.opensAtMs), static_cast<double>(spec.closesAtMs), spec.openNow};
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(canonical).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

}  // namespace

core::Result<std::pair<Poll, bool>> PollService::byDraft(const QString& accountId, const PollSpec& spec) const
{
    auto row = sql::run(QSqlDatabase::database(m_connectionName),
                        QStringLiteral("SELECT poll_id, request FROM poll_draft WHERE account_id = ? AND draft_id = ?"), {accountId, spec.draftId.trimmed()});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next()) {
        return fail(ErrorCode::NotFound, "no poll for this draft", spec.draftId.toStdString());
    }
    const bool same = row->value(1).toString() == requestHash(spec);
    auto poll = byId(row->value(0).toString());
    if (!poll) {
        return std::unexpected(poll.error());
    }
    return std::pair{*poll, same};
}

core::Result<Poll> PollService::insert(const QString& accountId, const PollSpec& spec)
{
    PollSpec clean = spec;
    for (auto [text, field, optional] : {std::tuple{&clean.question, "question", false}, std::tuple{&clean.band, "band", true},
                                         std::tuple{&clean.showName, "show", true}, std::tuple{&clean.showId, "show id", true},
                                         std::tuple{&clean.draftId, "draft id", true}}) {
        auto cleaned = cleanText(*text, field, kMaxTextLength, optional);
        if (!cleaned) {
            return std::unexpected(cleaned.error());
        }
        *text = *cleaned;
    }
    if (clean.options.isEmpty() || clean.options.size() > kMaxOptions) {
        return fail(ErrorCode::InvalidInput, "a poll has 1 to " + std::to_string(kMaxOptions) + " songs", "songs");
    }
    QSet<QString> keys;
    for (auto& option : clean.options) {
        auto key = cleanText(option.key, "song id", 128);
        auto title = cleanText(option.title, "song title", kMaxTextLength);
        auto artist = cleanText(option.artist, "song artist", kMaxTextLength, true);
        for (const auto* checked : {&key, &title, &artist}) {
            if (!*checked) {
                return std::unexpected(checked->error());
            }
        }
        if (key->startsWith(QLatin1String("suggestion:")) || keys.contains(*key)) {
            return fail(ErrorCode::InvalidInput, "a song is listed twice or its id is taken", key->toStdString());
        }
        keys.insert(*key);
        option = PollOption{*key, *title, *artist, 0, QStringLiteral("listed"), false};
    }
    if (clean.votesPerFan < 1 || clean.votesPerFan > 5) {
        return fail(ErrorCode::InvalidInput, "each fan has 1 to 5 votes", "votes per fan");
    }
    if (clean.votesPerFan > clean.options.size() && !clean.suggestions) {
        clean.votesPerFan = static_cast<int>(clean.options.size());  // more votes than songs would be meaningless
    }
    const qint64 now = m_clock();
    if (clean.closesAtMs > 0 && clean.opensAtMs > 0 && clean.closesAtMs <= clean.opensAtMs) {
        return fail(ErrorCode::InvalidInput, "a poll closes after it opens", "closes");
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    Poll poll;
    poll.id = randomBase32(16);
    for (int attempt = 0;; ++attempt) {
        poll.code = randomCode(kCodeAlphabet, kCodeLength);
        auto taken = sql::scalar(db, QStringLiteral("SELECT count(*) FROM poll WHERE code = ?"), {poll.code});
        if (!taken) {
            return std::unexpected(taken.error());
        }
        if (taken->toInt() == 0) {
            break;
        }
        if (attempt == 10) {
            return fail(ErrorCode::Internal, "no free poll code found");
        }
    }
    const QString state = clean.openNow ? QStringLiteral("open") : QStringLiteral("scheduled");
    auto inserted = sql::exec(db,
                              QStringLiteral("INSERT INTO poll (id, code, account_id, show_id, band, show_name, question, votes_per_fan, results, "
                                             "suggestions, state, opens_at, closes_at, ballots, version, created_at) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?)"),
                              {poll.id, poll.code, accountId, clean.showId, clean.band, clean.showName, clean.question, clean.votesPerFan,
                               resultsShownName(clean.results), clean.suggestions ? 1 : 0, state, clean.openNow ? now : clean.opensAtMs,
                               clean.closesAtMs, now});
    if (!inserted) {
        return std::unexpected(inserted.error());
    }
    int position = 0;
    for (const auto& option : clean.options) {
        auto added = sql::exec(db,
                               QStringLiteral("INSERT INTO poll_option (poll_id, song_key, title, artist, position, votes, state, suggested_by) "
                                              "VALUES (?, ?, ?, ?, ?, 0, 'listed', '')"),
                               {poll.id, option.key, option.title, option.artist, position++});
        if (!added) {
            return std::unexpected(added.error());
        }
    }
    if (!clean.draftId.isEmpty()) {
        auto drafted = sql::exec(db, QStringLiteral("INSERT INTO poll_draft (account_id, draft_id, poll_id, request) VALUES (?, ?, ?, ?)"),
                                 {accountId, clean.draftId, poll.id, requestHash(spec)});
        if (!drafted) {
            return std::unexpected(drafted.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return byId(poll.id);
}

core::Result<Poll> PollService::read(const QString& where, const QString& value, bool withOptions) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto row = sql::run(db,
                        QStringLiteral("SELECT id, code, account_id, show_id, band, show_name, question, votes_per_fan, results, suggestions, "
                                       "state, opens_at, closes_at, ballots, version FROM poll WHERE ") +
                            where + QStringLiteral(" = ?"),
                        {value});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next()) {
        return fail(ErrorCode::NotFound, "no such poll", value.toStdString());
    }
    Poll poll;
    poll.id = row->value(0).toString();
    poll.code = row->value(1).toString();
    poll.accountId = row->value(2).toString();
    poll.spec.showId = row->value(3).toString();
    poll.spec.band = row->value(4).toString();
    poll.spec.showName = row->value(5).toString();
    poll.spec.question = row->value(6).toString();
    poll.spec.votesPerFan = row->value(7).toInt();
    poll.spec.results = resultsShownFromName(row->value(8).toString()).value_or(ResultsShown::Always);
    poll.spec.suggestions = row->value(9).toInt() != 0;
    poll.spec.opensAtMs = row->value(11).toLongLong();
    poll.spec.closesAtMs = row->value(12).toLongLong();
    poll.state = stateAt(row->value(10).toString(), poll.spec.opensAtMs, poll.spec.closesAtMs, m_clock());
    poll.ballots = row->value(13).toLongLong();
    // The stored version counts writes; the state can also change with the clock (a poll opens
    // or closes on time, no write): both go into the version the live streams compare, so a
    // snapshot read after the hour always replaces one read before it.
    const int stateRank = poll.state == QLatin1String("scheduled") ? 0 : poll.state == QLatin1String("open") ? 1 : 2;
    poll.version = row->value(14).toLongLong() * 4 + stateRank;
    if (!withOptions) {
        return poll;
    }
    auto options = sql::run(db,
                            QStringLiteral("SELECT song_key, title, artist, votes, state, suggested_by FROM poll_option WHERE poll_id = ? "
                                           "ORDER BY position, song_key"),
                            {poll.id});
    if (!options) {
        return std::unexpected(options.error());
    }
    while (options->next()) {
        PollOption option{options->value(0).toString(), options->value(1).toString(), options->value(2).toString(),
                          options->value(3).toLongLong(),  options->value(4).toString(), !options->value(5).toString().isEmpty()};
        poll.options.append(option);
        if (!option.suggested) {
            poll.spec.options.append(option);
        }
    }
    return poll;
}

core::Result<Poll> PollService::byId(const QString& pollId) const
{
    return read(QStringLiteral("id"), pollId);
}

core::Result<Poll> PollService::byCode(const QString& code, bool options) const
{
    const QString normal = normalizeCode(code);
    if (normal.size() != kCodeLength) {
        return fail(ErrorCode::NotFound, "no such poll", code.left(16).toStdString());
    }
    return read(QStringLiteral("code"), normal, options);
}

core::Result<Poll> PollService::get(const QString& accountId, const QString& pollId) const
{
    auto poll = byId(pollId);
    if (poll && poll->accountId != accountId) {
        return fail(ErrorCode::NotFound, "no such poll", pollId.toStdString());  // another's poll is not there for them
    }
    return poll;
}

core::Result<QList<Poll>> PollService::list(const QString& accountId) const
{
    auto ids = sql::run(QSqlDatabase::database(m_connectionName),
                        QStringLiteral("SELECT id FROM poll WHERE account_id = ? ORDER BY created_at DESC, id"), {accountId});
    if (!ids) {
        return std::unexpected(ids.error());
    }
    QStringList found;
    while (ids->next()) {
        found << ids->value(0).toString();
    }
    QList<Poll> polls;
    for (const QString& id : found) {
        auto poll = byId(id);
        if (!poll) {
            return std::unexpected(poll.error());
        }
        polls.append(*poll);
    }
    return polls;
}

core::Result<void> PollService::bump(const QString& pollId)
{
    return sql::exec(QSqlDatabase::database(m_connectionName), QStringLiteral("UPDATE poll SET version = version + 1 WHERE id = ?"), {pollId});
}

core::Result<Poll> PollService::setState(const QString& accountId, const QString& pollId, const QString& state)
{
    auto poll = get(accountId, pollId);
    if (!poll) {
        return poll;
    }
    if (state != QLatin1String("open") && state != QLatin1String("closed")) {
        return fail(ErrorCode::InvalidInput, "a poll is opened or closed", state.toStdString());
    }
    const qint64 now = m_clock();
    // Opened by hand: a closing time already past no longer applies. Closed by hand: now.
    const qint64 closesAt = state == QLatin1String("open") ? (poll->spec.closesAtMs > now ? poll->spec.closesAtMs : 0) : now;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    auto changed = sql::exec(db, QStringLiteral("UPDATE poll SET state = ?, closes_at = ?, opens_at = CASE WHEN ? = 'open' AND opens_at = 0 THEN ? ELSE opens_at END, "
                                                "version = version + 1 WHERE id = ?"),
                             {state, closesAt, state, now, pollId});
    if (!changed) {
        return std::unexpected(changed.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return byId(pollId);
}

core::Result<Poll> PollService::reset(const QString& accountId, const QString& pollId)
{
    if (auto poll = get(accountId, pollId); !poll) {
        return poll;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    // The poll's row first, as a vote takes it: a vote in flight finishes before the reset reads
    // the ballots (PostgreSQL), and the two never wait for each other in a circle.
    for (const char* statement : {"UPDATE poll SET ballots = 0, version = version + 1 WHERE id = ?", "DELETE FROM poll_ballot WHERE poll_id = ?",
                                  "UPDATE poll_option SET votes = 0 WHERE poll_id = ?"}) {
        if (auto ok = sql::exec(db, QString::fromLatin1(statement), {pollId}); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return byId(pollId);
}

core::Result<Poll> PollService::moderate(const QString& accountId, const QString& pollId, const QString& key, const QString& state)
{
    auto poll = get(accountId, pollId);
    if (!poll) {
        return poll;
    }
    const auto option = std::find_if(poll->options.begin(), poll->options.end(), [&](const PollOption& o) { return o.key == key; });
    if (option == poll->options.end() || !option->suggested) {
        return fail(ErrorCode::NotFound, "no such suggestion", key.toStdString());
    }
    if (state != QLatin1String("listed") && state != QLatin1String("hidden")) {
        return fail(ErrorCode::InvalidInput, "a suggestion is listed or hidden", state.toStdString());
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    if (auto ok = bump(pollId); !ok) {  // the poll's row before an option's, as votes lock them
        return std::unexpected(ok.error());
    }
    if (auto ok = sql::exec(db, QStringLiteral("UPDATE poll_option SET state = ? WHERE poll_id = ? AND song_key = ?"), {state, pollId, key}); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return byId(pollId);
}

core::Result<QStringList> PollService::ballot(const QString& pollId, const QString& fan) const
{
    auto stored = sql::scalar(QSqlDatabase::database(m_connectionName), QStringLiteral("SELECT choices FROM poll_ballot WHERE poll_id = ? AND fan = ?"),
                              {pollId, tokenHash(fan)});
    if (!stored) {
        return std::unexpected(stored.error());
    }
    return stored->isNull() ? QStringList() : choicesFrom(stored->toString());
}

core::Result<QStringList> PollService::applyBallot(const BallotRequest& request)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto row = sql::run(db, QStringLiteral("SELECT state, opens_at, closes_at, votes_per_fan FROM poll WHERE id = ?") + forUpdate(db), {request.pollId});
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!row->next()) {
        return fail(ErrorCode::NotFound, "no such poll", request.pollId.toStdString());
    }
    const QString state = stateAt(row->value(0).toString(), row->value(1).toLongLong(), row->value(2).toLongLong(), m_clock());
    if (state != QLatin1String("open")) {
        return fail(ErrorCode::Conflict, state == QLatin1String("closed") ? "the vote is closed" : "the vote has not opened yet", "poll");
    }
    const int most = row->value(3).toInt();
    // The count first: a ballot of 100,000 names is refused before anything looks at them.
    if (request.choices.size() > most) {
        return fail(ErrorCode::InvalidInput, most == 1 ? std::string("one vote per fan") : "at most " + std::to_string(most) + " votes per fan", "song");
    }
    const QStringList& choices = request.choices;
    if (QSet<QString>(choices.begin(), choices.end()).size() != choices.size()) {
        return fail(ErrorCode::InvalidInput, "a song is chosen twice", "song");
    }
    if (!choices.isEmpty()) {
        auto listed = sql::run(db, QStringLiteral("SELECT song_key FROM poll_option WHERE poll_id = ? AND state = 'listed'"), {request.pollId});
        if (!listed) {
            return std::unexpected(listed.error());
        }
        QSet<QString> votable;
        while (listed->next()) {
            votable.insert(listed->value(0).toString());
        }
        for (const QString& choice : choices) {
            if (!votable.contains(choice)) {
                return fail(ErrorCode::InvalidInput, "not a song of this vote", "song");
            }
        }
    }
    const QString fan = tokenHash(request.fan);
    auto before = sql::scalar(db, QStringLiteral("SELECT choices FROM poll_ballot WHERE poll_id = ? AND fan = ?"), {request.pollId, fan});
    if (!before) {
        return std::unexpected(before.error());
    }
    const QStringList old = before->isNull() ? QStringList() : choicesFrom(before->toString());
    if (old == choices) {
        return choices;  // the same ballot again (a double tap, a resent form): nothing changes
    }
    for (const QString& gone : old) {
        if (!choices.contains(gone)) {
            if (auto ok = sql::exec(db, QStringLiteral("UPDATE poll_option SET votes = votes - 1 WHERE poll_id = ? AND song_key = ?"), {request.pollId, gone}); !ok) {
                return std::unexpected(ok.error());
            }
        }
    }
    for (const QString& added : choices) {
        if (!old.contains(added)) {
            if (auto ok = sql::exec(db, QStringLiteral("UPDATE poll_option SET votes = votes + 1 WHERE poll_id = ? AND song_key = ?"), {request.pollId, added}); !ok) {
                return std::unexpected(ok.error());
            }
        }
    }
    const qint64 ballotsDelta = (old.isEmpty() ? 0 : -1) + (choices.isEmpty() ? 0 : 1);
    auto stored = choices.isEmpty()
                      ? sql::exec(db, QStringLiteral("DELETE FROM poll_ballot WHERE poll_id = ? AND fan = ?"), {request.pollId, fan})
                      : sql::exec(db,
                                  QStringLiteral("INSERT INTO poll_ballot (poll_id, fan, choices, updated_at) VALUES (?, ?, ?, ?) "
                                                 "ON CONFLICT (poll_id, fan) DO UPDATE SET choices = excluded.choices, updated_at = excluded.updated_at"),
                                  {request.pollId, fan, choicesJson(choices), m_clock()});
    if (!stored) {
        return std::unexpected(stored.error());
    }
    if (auto ok = sql::exec(db, QStringLiteral("UPDATE poll SET ballots = ballots + ?, version = version + 1 WHERE id = ?"), {ballotsDelta, request.pollId}); !ok) {
        return std::unexpected(ok.error());
    }
    return choices;
}

void PollService::voteGroup(const QList<BallotRequest*>& group)
{
    // Polls in one order, so two server processes writing groups on one PostgreSQL never wait
    // for each other's row locks in a circle.
    QList<BallotRequest*> ordered = group;
    std::stable_sort(ordered.begin(), ordered.end(), [](const BallotRequest* a, const BallotRequest* b) { return a->pollId < b->pollId; });
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    const auto alone = [this](BallotRequest* request) {
        auto transaction = core::Transaction::begin(QSqlDatabase::database(m_connectionName));
        if (!transaction) {
            request->result = std::unexpected(transaction.error());
            return;
        }
        request->result = applyBallot(*request);
        if (request->result) {
            if (auto committed = transaction->commit(); !committed) {
                request->result = std::unexpected(committed.error());
            }
        }
    };
    if (ordered.size() == 1) {
        alone(ordered.first());
        return;
    }
    std::optional<core::Transaction> transaction;
    if (auto begun = core::Transaction::begin(db)) {
        transaction.emplace(std::move(*begun));
    }
    bool failed = !transaction;
    for (BallotRequest* request : ordered) {
        if (failed) {
            break;
        }
        // A refused vote changes nothing (it fails before any write); a database error spoils
        // the transaction, and every vote goes again on its own.
        request->result = applyBallot(*request);
        failed = !request->result && request->result.error().code != ErrorCode::InvalidInput && request->result.error().code != ErrorCode::Conflict
                 && request->result.error().code != ErrorCode::NotFound;
    }
    if (!failed && transaction->commit()) {
        return;
    }
    transaction.reset();  // rolls back what the group wrote
    for (BallotRequest* request : ordered) {
        alone(request);
    }
}

core::Result<QStringList> PollService::vote(const QString& pollId, const QString& fan, const QStringList& choices)
{
    BallotRequest request{pollId, fan, choices};
    voteGroup({&request});
    return request.result;
}

core::Result<QString> PollService::suggest(const QString& pollId, const QString& fan, const QString& text)
{
    auto title = cleanText(text, "suggestion", kMaxTextLength);
    if (!title) {
        return std::unexpected(title.error());
    }
    auto poll = byId(pollId);
    if (!poll) {
        return std::unexpected(poll.error());
    }
    if (!poll->spec.suggestions) {
        return fail(ErrorCode::Conflict, "this vote takes no suggestions", "suggestion");
    }
    if (poll->state == QLatin1String("closed")) {
        return fail(ErrorCode::Conflict, "the vote is closed", "poll");
    }
    for (const auto& option : poll->options) {
        if (option.title.compare(*title, Qt::CaseInsensitive) == 0) {
            return option.key;  // already there (listed, waiting or hidden): no second copy
        }
    }
    const QString by = tokenHash(fan);
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    auto transaction = core::Transaction::begin(db);
    if (!transaction) {
        return std::unexpected(transaction.error());
    }
    // The poll's row first: two suggestions at once count each other (PostgreSQL).
    if (auto ok = bump(pollId); !ok) {
        return std::unexpected(ok.error());
    }
    auto counts = sql::run(db,
                           QStringLiteral("SELECT sum(CASE WHEN suggested_by = ? THEN 1 ELSE 0 END), sum(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), "
                                          "max(position) FROM poll_option WHERE poll_id = ?"),
                           {by, pollId});
    if (!counts || !counts->next()) {
        return counts ? fail(ErrorCode::Internal, "no counts") : std::unexpected(counts.error());
    }
    if (counts->value(0).toLongLong() >= kSuggestionsPerFan) {
        return fail(ErrorCode::Conflict, "at most " + std::to_string(kSuggestionsPerFan) + " suggestions each", "suggestion");
    }
    if (counts->value(1).toLongLong() >= kPendingSuggestions) {
        return fail(ErrorCode::Conflict, "the band has many suggestions to read already; try again later", "suggestion");
    }
    const QString key = QStringLiteral("suggestion:") + randomBase32(10);
    auto added = sql::exec(db,
                           QStringLiteral("INSERT INTO poll_option (poll_id, song_key, title, artist, position, votes, state, suggested_by) "
                                          "VALUES (?, ?, ?, '', ?, 0, 'pending', ?)"),
                           {pollId, key, *title, counts->value(2).toLongLong() + 1, by});
    if (!added) {
        return std::unexpected(added.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return std::unexpected(committed.error());
    }
    return key;
}

core::Result<QHash<QString, qint64>> PollService::recount(const QString& pollId) const
{
    auto rows = sql::run(QSqlDatabase::database(m_connectionName), QStringLiteral("SELECT choices FROM poll_ballot WHERE poll_id = ?"), {pollId});
    if (!rows) {
        return std::unexpected(rows.error());
    }
    QHash<QString, qint64> counts;
    while (rows->next()) {
        for (const QString& choice : choicesFrom(rows->value(0).toString())) {
            ++counts[choice];
        }
    }
    return counts;
}

core::Result<QByteArray> PollService::webSecret()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (auto made = sql::exec(db, QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('web_secret', ?) ON CONFLICT (key) DO NOTHING"),
                              {randomToken()});
        !made) {
        return std::unexpected(made.error());
    }
    auto secret = sql::scalar(db, QStringLiteral("SELECT value FROM server_meta WHERE key = 'web_secret'"));
    if (!secret) {
        return std::unexpected(secret.error());
    }
    return secret->toString().toLatin1();
}

}  // namespace bandmate::sync
