#include "sync/server/ServerLog.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>
#include <vector>

#ifndef _WIN32
#include <poll.h>
#include <unistd.h>
#endif

namespace bandmate::sync {

namespace {

/// A notice as a log line.
std::string noticeLine(const std::string& text, bool json)
{
    if (!json) {
        return ServerLog::escaped(text, ServerLog::Escape::Controls);
    }
    char time[64];
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
#ifdef _WIN32
    gmtime_s(&utc, &seconds);
#else
    gmtime_r(&seconds, &utc);
#endif
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::snprintf(time, sizeof time, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                  utc.tm_sec, static_cast<int>(millis));
    return std::string("{\"time\":\"") + time + "\",\"notice\":\"" + ServerLog::escaped(text, ServerLog::Escape::Json) + "\"}";
}

/// Writes all of `bytes` to stderr (its file descriptor: no stdio lock held while it waits),
/// waiting while a non-blocking output is full; false when the output is closed.
bool writeAll(const char* bytes, std::size_t size)
{
#ifdef _WIN32
    const bool wrote = std::fwrite(bytes, 1, size, stderr) == size;
    std::fflush(stderr);
    return wrote;
#else
    for (std::size_t at = 0; at < size;) {
        const ssize_t wrote = ::write(STDERR_FILENO, bytes + at, size - at);
        if (wrote < 0 && errno == EINTR) {
            continue;
        }
        if (wrote < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd out{STDERR_FILENO, POLLOUT, 0};
            (void)::poll(&out, 1, 1000);
            continue;
        }
        if (wrote <= 0) {
            return false;
        }
        at += static_cast<std::size_t>(wrote);
    }
    return true;
#endif
}

}  // namespace

struct ServerLog::Impl {
    bool json = false;
    std::size_t limit = 0;
    std::mutex mutex;
    std::condition_variable wake;     ///< lines queued, or stopping
    std::condition_variable written;  ///< a batch went out
    std::string queued;               ///< whole lines, each with its newline
    std::uint64_t queuedUpTo = 0;     ///< lines queued so far
    std::uint64_t writtenUpTo = 0;    ///< of which written
    std::uint64_t droppedSinceSaid = 0;
    std::atomic<std::uint64_t> droppedTotal{0};
    bool stopping = false;
    bool finished = false;  ///< the thread has written everything and ends
    std::thread thread;

    void run()
    {
        std::string batch;
        for (;;) {
            std::uint64_t upTo = 0;
            std::uint64_t dropped = 0;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [this] { return stopping || !queued.empty() || droppedSinceSaid != 0; });
                if (queued.empty() && droppedSinceSaid == 0) {
                    finished = true;  // stopping, and everything is out
                    written.notify_all();
                    return;
                }
                batch.clear();
                batch.swap(queued);
                upTo = queuedUpTo;
                dropped = droppedSinceSaid;
                droppedSinceSaid = 0;
            }
            if (dropped != 0) {
                batch += noticeLine("log: " + std::to_string(dropped) + " lines dropped (whoever reads this log did not keep up)", json) + "\n";
            }
            // One write for every line that gathered meanwhile: under load, far fewer system calls
            // than lines. A blocked output blocks this thread only, and holds no stdio lock that
            // the process's exit would wait for.
            (void)writeAll(batch.data(), batch.size());  // false: closed, nobody to tell
            {
                const std::lock_guard lock(mutex);
                writtenUpTo = upTo;
            }
            written.notify_all();
        }
    }
};

namespace {
std::mutex noticeMutex;
std::vector<ServerLog*> liveLogs;  ///< every ServerLog alive, the newest last (under noticeMutex)
}  // namespace

ServerLog::ServerLog(bool json, std::size_t limitBytes) : m_impl(std::make_unique<Impl>())
{
    m_impl->json = json;
    m_impl->limit = limitBytes;
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->run(); });
    const std::lock_guard lock(noticeMutex);
    liveLogs.push_back(this);
}

void ServerLog::note(const std::string& text)
{
    write(noticeLine(text, m_impl->json));
}

void ServerLog::notice(const std::string& text)
{
    const std::lock_guard lock(noticeMutex);
    if (!liveLogs.empty()) {
        liveLogs.back()->note(text);
        return;
    }
    // No log (yet, or any more): only when stderr takes it now, never a wait.
    const std::string line = noticeLine(text, false) + "\n";
#ifdef _WIN32
    std::fputs(line.c_str(), stderr);
#else
    pollfd out{STDERR_FILENO, POLLOUT, 0};
    if (::poll(&out, 1, 0) == 1 && (out.revents & POLLOUT) != 0) {
        [[maybe_unused]] const ssize_t wrote = ::write(STDERR_FILENO, line.data(), line.size());
    }
#endif
}

ServerLog::~ServerLog()
{
    {
        const std::lock_guard lock(noticeMutex);
        std::erase(liveLogs, this);
    }
    std::unique_lock lock(m_impl->mutex);
    m_impl->stopping = true;
    m_impl->wake.notify_one();
    // An output that nobody reads would hold the writer, and a stopping server with it, for
    // ever: after a while the writer is left to the process's exit (its state with it).
    if (m_impl->written.wait_for(lock, std::chrono::seconds(3), [this] { return m_impl->finished; })) {
        lock.unlock();
        m_impl->thread.join();
        return;
    }
    lock.unlock();
    m_impl->thread.detach();
    (void)m_impl.release();  // still in use by the detached writer: deliberately never freed
}

void ServerLog::write(std::string line)
{
    line += '\n';
    {
        const std::lock_guard lock(m_impl->mutex);
        if (m_impl->queued.size() + line.size() > m_impl->limit) {
            ++m_impl->droppedSinceSaid;
            m_impl->droppedTotal.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        if (m_impl->queued.empty()) {
            m_impl->queued.swap(line);  // no copy for the first line of a batch
        } else {
            m_impl->queued += line;
        }
        ++m_impl->queuedUpTo;
    }
    m_impl->wake.notify_one();
}

void ServerLog::flush(int timeoutMs)
{
    std::unique_lock lock(m_impl->mutex);
    const std::uint64_t target = m_impl->queuedUpTo;
    m_impl->written.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this, target] { return m_impl->writtenUpTo >= target; });
}

std::uint64_t ServerLog::dropped() const
{
    return m_impl->droppedTotal.load(std::memory_order_relaxed);
}

std::string ServerLog::escaped(const std::string& text, Escape how)
{
    const bool json = how == Escape::Json;
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (json && (c == '"' || c == '\\')) {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7f || (byte > 0x7f && how == Escape::ControlsAndNonAscii)) {
            char code[8];
            std::snprintf(code, sizeof code, json ? "\\u%04x" : "\\x%02x", byte);
            out += code;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace bandmate::sync
