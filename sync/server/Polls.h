#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace bandmate::sync {

/// When fans see the tally.
enum class ResultsShown { Always, AfterVote, AfterClose, Never };
[[nodiscard]] QString resultsShownName(ResultsShown shown);
[[nodiscard]] std::optional<ResultsShown> resultsShownFromName(const QString& name);

/// One song fans may vote for: a song of the musician's library, or a fan's suggestion.
struct PollOption {
    QString key;  ///< the library's song id, or "suggestion:…" for a fan's suggestion
    QString title;
    QString artist;
    qint64 votes = 0;
    /// "listed" (votable), "pending" (a suggestion waiting for the musician), "hidden".
    QString state = QStringLiteral("listed");
    bool suggested = false;
};

/// What the musician sets when creating a poll.
struct PollSpec {
    QString showId;
    QString band;
    QString showName;
    QString question;
    QList<PollOption> options;  ///< the candidate songs (key, title, artist), 1 to kMaxOptions
    int votesPerFan = 1;        ///< 1 to 5
    ResultsShown results = ResultsShown::Always;
    bool suggestions = false;
    qint64 opensAtMs = 0;   ///< 0: opened by hand (or now, with openNow)
    qint64 closesAtMs = 0;  ///< 0: closed by hand
    bool openNow = false;
    /// The desktop's own id for a vote it prepared (a synced `fan_vote`), or empty: creating a
    /// poll for the same draft again, from any of the musician's computers, returns the first one.
    QString draftId;
};

/// A poll as the server keeps it, with its live tally.
struct Poll {
    QString id;    ///< 128 random bits in base32: unguessable
    QString code;  ///< 6 characters fans type (no 0/O, 1/I/L)
    QString accountId;
    PollSpec spec;
    QString state;  ///< "scheduled", "open", "closed" (at the time it was read)
    qint64 ballots = 0;  ///< fans with at least one vote
    qint64 version = 0;  ///< grows with every change, and when the poll opens or closes on time (the live streams' event id)
    QList<PollOption> options;  ///< every option, in the musician's order, suggestions after
};

/// A fan's vote, waiting to be written with others (group commit).
struct BallotRequest {
    QString pollId;
    QString fan;  ///< the fan's cookie token (stored only as a hash)
    QStringList choices;  ///< option keys; empty takes the fan's votes back
    core::Result<QStringList> result = core::fail(core::ErrorCode::Internal, "not voted yet");
    bool done = false;
    qint64 version = 0;  ///< the poll's version published after the group that wrote it (0: none)
};

/// Fan voting on a show's songs (issue 19), without a transport: polls, ballots (one per fan and
/// poll, changeable until the poll closes), an exact tally kept with each ballot in the same
/// transaction (recount() checks it), suggestions the musician approves. Every call a musician
/// makes is scoped by account: another musician's poll is NotFound. One instance per thread, on
/// the server's database (SQLite or PostgreSQL).
class PollService {
public:
    using Clock = std::function<qint64()>;
    static constexpr int kMaxOptions = 100;
    static constexpr int kMaxTextLength = 200;       ///< a question, title or suggestion, in characters
    static constexpr int kSuggestionsPerFan = 3;     ///< per poll
    static constexpr int kPendingSuggestions = 200;  ///< waiting for the musician, per poll

    [[nodiscard]] static core::Result<std::unique_ptr<PollService>> open(const QString& location, Clock clock = {});
    ~PollService();
    PollService(const PollService&) = delete;
    PollService& operator=(const PollService&) = delete;

    /// What create() found for the spec's draft id.
    enum class Draft { New, Same, Changed };
    /// A new poll; for a draft the account published before, the poll it made then (`draft`
    /// says whether the request was the same as that time: a changed one is not applied).
    [[nodiscard]] core::Result<Poll> create(const QString& accountId, const PollSpec& spec, Draft* draft = nullptr);
    /// The musician's poll (NotFound for anyone else's).
    [[nodiscard]] core::Result<Poll> get(const QString& accountId, const QString& pollId) const;
    /// A poll by its fan code (case-insensitive), for the fan page; without `options` only the
    /// poll's own row is read (what a vote's checks need), its options stay empty.
    [[nodiscard]] core::Result<Poll> byCode(const QString& code, bool options = true) const;
    /// A poll by id, whoever owns it (the live streams re-read it).
    [[nodiscard]] core::Result<Poll> byId(const QString& pollId) const;
    /// The account's polls, newest first.
    [[nodiscard]] core::Result<QList<Poll>> list(const QString& accountId) const;
    /// "open" or "closed" by hand; opening a closed poll reopens it (ballots kept).
    [[nodiscard]] core::Result<Poll> setState(const QString& accountId, const QString& pollId, const QString& state);
    /// Takes back every ballot (the tally starts at zero); the poll stays as it is.
    [[nodiscard]] core::Result<Poll> reset(const QString& accountId, const QString& pollId);
    /// A suggestion: "listed" (votable) or "hidden".
    [[nodiscard]] core::Result<Poll> moderate(const QString& accountId, const QString& pollId, const QString& key, const QString& state);

    /// The fan's choices (empty when they have not voted).
    [[nodiscard]] core::Result<QStringList> ballot(const QString& pollId, const QString& fan) const;
    /// One fan's vote in a transaction of its own (see voteGroup).
    [[nodiscard]] core::Result<QStringList> vote(const QString& pollId, const QString& fan, const QStringList& choices);
    /// Several fans' votes in one transaction (one disk flush); each is refused or taken on its
    /// own: refused when the poll is not open, a choice is not a listed option or is named twice,
    /// or there are more than the poll's votes per fan. A fan voting again replaces their ballot.
    void voteGroup(const QList<BallotRequest*>& group);
    /// A fan's suggestion, pending until the musician lists it; its key.
    [[nodiscard]] core::Result<QString> suggest(const QString& pollId, const QString& fan, const QString& text);
    /// The tally counted again from the stored ballots (key → votes), to check the live one.
    [[nodiscard]] core::Result<QHash<QString, qint64>> recount(const QString& pollId) const;

    /// The secret the web pages sign their CSRF tokens with (made once per database, shared by
    /// every server process on it).
    [[nodiscard]] core::Result<QByteArray> webSecret();

    /// Whether fans may see the tally now: `voted` says whether this fan has a ballot.
    [[nodiscard]] static bool tallyVisible(const Poll& poll, bool voted);
    /// A code as fans may type it: upper case, without spaces or dashes.
    [[nodiscard]] static QString normalizeCode(const QString& code);

private:
    PollService(QString connectionName, Clock clock);
    [[nodiscard]] core::Result<Poll> insert(const QString& accountId, const PollSpec& spec);
    /// The draft's poll and whether `spec` is what made it.
    [[nodiscard]] core::Result<std::pair<Poll, bool>> byDraft(const QString& accountId, const PollSpec& spec) const;
    [[nodiscard]] core::Result<Poll> read(const QString& where, const QString& value, bool options = true) const;
    [[nodiscard]] core::Result<QStringList> applyBallot(const BallotRequest& request);
    [[nodiscard]] core::Result<void> bump(const QString& pollId);

    QString m_connectionName;
    Clock m_clock;
};

}  // namespace bandmate::sync
