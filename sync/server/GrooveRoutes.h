#pragma once

#include "sync/server/Grooves.h"
#include "sync/server/HttpCore.h"
#include "sync/server/HttpServer.h"
#include "sync/server/RateLimiter.h"

#include <QString>

#include <condition_variable>
#include <functional>
#include <future>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace bandmate::sync {

struct Worker;

/// Rendered files by content (a hash of the machine and the options): bounded in bytes (the
/// least recently used go first), one render per key at a time (others asking for it wait for
/// that one), and at most `slots` renders at once. Thread-safe.
class RenderCache {
public:
    using Bytes = std::shared_ptr<const std::string>;
    RenderCache(qint64 maxBytes, int slots);

    /// The file for `key`: cached, or made now by `make`. When every slot is rendering
    /// something else, `busy` is set and nothing is made (the caller answers 503).
    [[nodiscard]] core::Result<Bytes> get(const std::string& key, const std::function<core::Result<std::string>()>& make, bool& busy);
    /// The file for `key` if it is cached (no render).
    [[nodiscard]] Bytes find(const std::string& key);
    [[nodiscard]] qint64 bytes() const;

private:
    void insert(const std::string& key, const Bytes& bytes);

    const qint64 m_maxBytes;
    const int m_slots;
    mutable std::mutex m_mutex;
    int m_rendering = 0;
    qint64 m_bytes = 0;
    std::list<std::string> m_order;  ///< most recently used first
    std::map<std::string, std::pair<Bytes, std::list<std::string>::iterator>, std::less<>> m_files;
    std::map<std::string, std::shared_future<core::Result<Bytes>>, std::less<>> m_pending;
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
    void played(const http::Request& req, http::Response& res, Worker& worker);
    /// Answers with the rendered file of `groove` with the request's options (`versioned`: asked
    /// for by its version's own URL, so cacheable).
    void rendered(const http::Request& req, http::Response& res, const SharedGroove& groove, GrooveFormat format, bool versioned);
    [[nodiscard]] bool overShareLimit(const QString& account, http::Response& res);

    http::Core& m_core;
    const ServerOptions& m_options;
    ClientAddress m_clientAddress;
    RateLimiter m_pages;   ///< page, audio and download requests per address
    RateLimiter m_plays;   ///< play counts per address
    RateLimiter m_shares;  ///< shares and new versions per account
    RenderCache m_renders;
};

}  // namespace bandmate::sync
