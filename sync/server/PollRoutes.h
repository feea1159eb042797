#pragma once

#include "sync/server/GroupCommit.h"
#include "sync/server/HttpCore.h"
#include "sync/server/HttpServer.h"
#include "sync/server/Polls.h"
#include "sync/server/RateLimiter.h"

#include <QByteArray>
#include <QString>

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace bandmate::sync {

struct Worker;

/// Fan voting over HTTP (issue 19): the musician's JSON API under /v1/polls (a bearer token),
/// the fans' page /v/CODE (HTML that works without JavaScript: a form POST and a reload; with
/// it, the tally live over Server-Sent Events), and the page's static files under /static/.
/// Fans are anonymous: a random token in an HttpOnly cookie is their one ballot per poll, and
/// every form carries a CSRF token signed with the server's secret. Votes are written in groups
/// (one transaction each); after each group every changed poll is published to its topics:
/// "poll:ID" (the tally), "poll-open:ID" (the same without counts, for fans who may not see them
/// yet) and "poll-owner:ID" (everything, suggestions waiting too, for the musician).
class PollRoutes {
public:
    using Handler = std::function<void(const http::Request&, http::Response&, Worker&, QString& account)>;
    /// Registers a route for signed-in musicians (bearer token and the sync limits), as the sync
    /// routes are.
    using AddSignedIn = std::function<void(const char* method, const char* path, Handler handler)>;
    /// The client's address (behind a trusted proxy, the one it names).
    using ClientAddress = std::function<QString(const http::Request&)>;

    PollRoutes(http::Core& core, const ServerOptions& options, ClientAddress clientAddress);
    ~PollRoutes();
    PollRoutes(const PollRoutes&) = delete;
    PollRoutes& operator=(const PollRoutes&) = delete;

    void install(const AddSignedIn& addSignedIn);
    /// Another server process changed a poll topic (TopicRelay's thread): re-read and publish.
    void reread(const QString& topic);

private:
    void fanPage(const http::Request& req, http::Response& res, Worker& worker);
    void fanPost(const http::Request& req, http::Response& res, Worker& worker);
    void musicianGet(const http::Request& req, http::Response& res, Worker& worker, const QString& account);
    void musicianPost(const http::Request& req, http::Response& res, Worker& worker, const QString& account);
    void create(const http::Request& req, http::Response& res, Worker& worker, const QString& account);
    /// Publishes the poll's state to its three topics (and to other server processes).
    void publish(const Poll& poll, Worker* announceFrom);
    [[nodiscard]] QByteArray secret(Worker& worker);
    [[nodiscard]] QString fanUrl(const http::Request& req, const QString& code) const;
    [[nodiscard]] bool secure(const http::Request& req) const;
    /// Publishes the poll again when it opens or closes on time (no write tells anyone).
    void scheduleTransitions(const Poll& poll);
    void runClock();

    http::Core& m_core;
    const ServerOptions& m_options;
    ClientAddress m_clientAddress;
    RateLimiter m_perAddress;
    RateLimiter m_perPoll;
    RateLimiter m_pages;    ///< page loads and streams per address
    RateLimiter m_newFans;  ///< new fan cookies per address (each one can be a ballot)
    GroupCommit<BallotRequest> m_votes;
    std::mutex m_secretMutex;
    QByteArray m_secret;
    std::unique_ptr<PollService> m_relayPolls;  ///< TopicRelay's thread only
    /// Polls to publish again at a time (Unix ms), on the clock thread with its own connection.
    std::mutex m_clockMutex;
    std::condition_variable m_clockChanged;
    std::multimap<qint64, QString> m_due;
    bool m_stopping = false;
    std::unique_ptr<PollService> m_clockPolls;  ///< the clock thread's only
    std::thread m_clock;  ///< last: it uses everything above
};

}  // namespace bandmate::sync
