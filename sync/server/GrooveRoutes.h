#pragma once

#include "sync/server/Grooves.h"
#include "sync/server/HttpCore.h"
#include "sync/server/HttpServer.h"
#include "sync/server/RateLimiter.h"

#include <QString>

#include <condition_variable>
#include <functional>
#include <deque>
#include <thread>
#include <vector>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <string>

namespace bandmate::sync {

struct Worker;

/// Rendered files by content (a hash of the machine and the options), made on threads of their
/// own so a render never holds a database worker: bounded in bytes (the least recently used go
/// first), one render per key however many ask for it while it runs, and a bounded queue of
/// renders waiting. Thread-safe.
class RenderCache {
public:
    using Bytes = std::shared_ptr<const std::string>;
    using Make = std::function<core::Result<std::string>()>;
    using Done = std::function<void(core::Result<Bytes>)>;

    /// `threads` renders at once, `queueLimit` more waiting.
    RenderCache(qint64 maxBytes, int threads, int queueLimit);
    /// Running renders finish; waiting ones are answered with an error.
    ~RenderCache();
    RenderCache(const RenderCache&) = delete;
    RenderCache& operator=(const RenderCache&) = delete;

    /// The file for `key` if it is cached.
    [[nodiscard]] Bytes find(const std::string& key);
    /// `done` gets the file for `key`: at once when cached, else from a render thread once
    /// `make` has made it (an exception it throws is an error). False, and `done` is not
    /// called, when the queue is full.
    [[nodiscard]] bool request(const std::string& key, Make make, Done done);
    [[nodiscard]] qint64 bytes() const;

private:
    void run();
    void insert(const std::string& key, const Bytes& bytes);

    const qint64 m_maxBytes;
    const std::size_t m_queueLimit;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    qint64 m_bytes = 0;
    std::list<std::string> m_order;  ///< most recently used first
    std::map<std::string, std::pair<Bytes, std::list<std::string>::iterator>, std::less<>> m_files;
    std::map<std::string, std::vector<Done>, std::less<>> m_waiting;  ///< by key, while queued or rendering
    std::deque<std::pair<std::string, Make>> m_queue;
    std::vector<std::thread> m_threads;  ///< last: they use everything above
};

/// Answers given in the last second, by request (path, query and page language), served again
/// from memory on the I/O thread without a database worker: a link passed round a room is one
/// database read a second, not one per phone. Changes made through this process drop a groove's
/// answers at once; another server process's changes show within the second. Thread-safe.
class RecentAnswers {
public:
    static constexpr qint64 kFreshMs = 1000;
    static constexpr std::size_t kMostAnswers = 2048;

    /// Answers `req` into `res` when an answer for it is fresh; true when it did. `base` is the
    /// address the page's links name (publicBase(): from the Host header without --public-url).
    [[nodiscard]] bool answer(const http::Request& req, const QString& base, http::Response& res);
    /// How often `grooveId` was forgotten: read before reading the groove, given to keep().
    [[nodiscard]] std::uint64_t generation(const QString& grooveId) const;
    /// Keeps `res` (a 200) as the answer to `req` for the next second, under groove `grooveId`,
    /// unless the groove was forgotten since `generation` was read (the answer may be stale).
    void keep(const http::Request& req, const QString& base, const http::Response& res, const QString& grooveId, std::uint64_t generation);
    /// Drops every answer about `grooveId` (its author is changing it; called before and after).
    void forget(const QString& grooveId);

private:
    struct Kept {
        http::Response response;
        qint64 keptAtMs = 0;
        QString grooveId;
    };
    [[nodiscard]] static std::string keyOf(const http::Request& req, const QString& base);

    mutable std::shared_mutex m_mutex;
    std::unordered_map<std::string, Kept> m_answers;
    std::map<QString, std::uint64_t> m_generations;  ///< grooves forgotten, and how often
    qint64 m_sweptMs = 0;
};

/// Shared grooves over HTTP (issue 20): the author's JSON API under /v1/grooves (a bearer token)
/// and the public pages under /g/ID (the grid drawn on the server, readable without JavaScript;
/// with it, the loop plays in Web Audio), their audio and downloads, and /g/ID/embed for
/// iframes. Audio comes from the renderer app/server injects (ServerOptions::renderGroove),
/// cached by content.
class GrooveRoutes {
public:
    using Handler = std::function<void(const http::Request&, http::Response&, Worker&, QString& account)>;
    using AddSignedIn = std::function<void(const char* method, const char* path, Handler handler)>;
    using ClientAddress = std::function<QString(const http::Request&)>;

    GrooveRoutes(http::Core& core, const ServerOptions& options, ClientAddress clientAddress);

    void install(const AddSignedIn& addSignedIn);

private:
    void publish(const http::Request& req, http::Response& res, Worker& worker, const QString& account);
    void authorGet(const http::Request& req, http::Response& res, Worker& worker, const QString& account);
    void authorPost(const http::Request& req, http::Response& res, Worker& worker, const QString& account);
    void authorDelete(const http::Request& req, http::Response& res, Worker& worker, const QString& account);
    void page(const http::Request& req, http::Response& res, Worker& worker);
    /// POST /g/ID/play and /g/ID/copy: a press of Play, a copy taken (counted, limited per address).
    void counted(const http::Request& req, http::Response& res, Worker& worker);
    /// Answers with the rendered file of `groove` with the request's options: from the cache,
    /// or deferred to the render threads.
    void rendered(const http::Request& req, http::Response& res, const SharedGroove& groove, GrooveFormat format, std::uint64_t generation);
    [[nodiscard]] bool overShareLimit(const QString& account, http::Response& res);
    /// What a handler keeps: the request's answer, unless the groove changed meanwhile.
    void keep(const http::Request& req, const http::Response& res, const QString& grooveId, std::uint64_t generation);
    /// The machine of a groove's version, parsed once per content (by its hash) and kept.
    [[nodiscard]] core::Result<std::shared_ptr<const core::beats::Machine>> machineOf(const SharedGroove& groove);

    http::Core& m_core;
    const ServerOptions& m_options;
    ClientAddress m_clientAddress;
    RateLimiter m_pages;   ///< page, audio and download requests per address
    RateLimiter m_counts;  ///< plays and copies counted per address
    RateLimiter m_renderMisses;  ///< renders not in the cache, per address
    RateLimiter m_shares;  ///< shares and new versions per account
    RenderCache m_renders;
    RecentAnswers m_recent;
    std::mutex m_machinesMutex;
    std::map<QString, std::shared_ptr<const core::beats::Machine>> m_machines;  ///< by version hash
};

}  // namespace bandmate::sync
