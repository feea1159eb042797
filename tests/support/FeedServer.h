#pragma once

// A web server on 127.0.0.1 that serves the feeds a test writes (cpp-httplib, one thread per
// request up to 32): answers set per path, every request counted, and the most requests it
// ever had open at once, so a test can hold the fetcher to its per-host limit.

#include <httplib.h>

#include <QString>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace bandmate::test {

class FeedServer {
public:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    FeedServer()
    {
        m_server.new_task_queue = [] { return new httplib::ThreadPool(32); };
        m_server.set_keep_alive_max_count(100);
        m_server.Get(".*", [this](const httplib::Request& request, httplib::Response& response) { serve(request, response); });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ~FeedServer()
    {
        m_server.stop();
        m_thread.join();
    }
    FeedServer(const FeedServer&) = delete;
    FeedServer& operator=(const FeedServer&) = delete;

    /// Answers GET `path` with `handler` from now on.
    void on(const std::string& path, Handler handler)
    {
        const std::lock_guard lock(m_mutex);
        m_handlers[path] = std::move(handler);
    }
    /// Answers GET `path` with `body` as `type`.
    void serve(const std::string& path, std::string body, std::string type = "application/rss+xml")
    {
        on(path, [body = std::move(body), type = std::move(type)](const httplib::Request&, httplib::Response& response) {
            response.set_content(body, type);
        });
    }

    [[nodiscard]] QString url(const std::string& path) const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port) + QString::fromStdString(path); }
    [[nodiscard]] int port() const { return m_port; }
    /// Requests for `path` so far.
    [[nodiscard]] int requests(const std::string& path) const
    {
        const std::lock_guard lock(m_mutex);
        auto it = m_counts.find(path);
        return it == m_counts.end() ? 0 : it->second;
    }
    [[nodiscard]] int totalRequests() const { return m_total; }
    /// The most requests open at once.
    [[nodiscard]] int mostAtOnce() const { return m_most; }
    /// The headers of the last request for `path`.
    [[nodiscard]] httplib::Headers lastHeaders(const std::string& path) const
    {
        const std::lock_guard lock(m_mutex);
        auto it = m_lastHeaders.find(path);
        return it == m_lastHeaders.end() ? httplib::Headers{} : it->second;
    }

private:
    void serve(const httplib::Request& request, httplib::Response& response)
    {
        const int open = ++m_open;
        for (int most = m_most; open > most && !m_most.compare_exchange_weak(most, open);) {
        }
        ++m_total;
        Handler handler;
        {
            const std::lock_guard lock(m_mutex);
            ++m_counts[request.path];
            m_lastHeaders[request.path] = request.headers;
            auto it = m_handlers.find(request.path);
            if (it != m_handlers.end()) {
                handler = it->second;
            }
        }
        if (handler) {
            handler(request, response);
        } else {
            response.status = 404;
            response.set_content("not here", "text/plain");
        }
        --m_open;
    }

    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::map<std::string, Handler> m_handlers;
    std::map<std::string, int> m_counts;
    std::map<std::string, httplib::Headers> m_lastHeaders;
    std::atomic<int> m_open{0};
    std::atomic<int> m_most{0};
    std::atomic<int> m_total{0};
};

}  // namespace bandmate::test
