#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace bandmate::sync {

/// The server's log (request lines and notices) written to stderr by a thread of its own: the
/// threads that serve requests only queue a line and never wait on the output. When whoever
/// reads stderr falls behind (a full pipe, a stalled journald) the queue fills up to its bound,
/// further lines are dropped and counted, and one line says how many were dropped once the
/// output moves again; serving goes on either way.
class ServerLog {
public:
    /// `json`: notices as JSON objects {"time","notice"} among JSON request lines. `limitBytes`:
    /// the most that may wait to be written (besides the batch being written).
    explicit ServerLog(bool json = false, std::size_t limitBytes = 4 * 1024 * 1024);
    /// Writes what is queued (as long as the output takes it), then ends the thread.
    ~ServerLog();
    ServerLog(const ServerLog&) = delete;
    ServerLog& operator=(const ServerLog&) = delete;

    /// Queues one line (without its newline); any thread, never blocks on the output.
    void write(std::string line);
    /// Queues a notice (not a request's line): control characters escaped, as JSON in a JSON log.
    void note(const std::string& text);
    /// Waits until everything queued before this call has been written (a clean stop's last
    /// lines come before what the caller prints next), at most `timeoutMs`.
    void flush(int timeoutMs = 2000);
    /// Lines dropped because the output did not keep up (for /metrics).
    [[nodiscard]] std::uint64_t dropped() const;
    /// A notice from anywhere in the server (the relay, Qt's warnings): through the newest
    /// ServerLog alive, else straight to stderr when it takes it without waiting. Any thread.
    static void notice(const std::string& text);

    /// How escaped() writes the bytes a terminal would act on.
    enum class Escape {
        Controls,            ///< control characters as \xNN (a notice: UTF-8 stays readable)
        ControlsAndNonAscii, ///< those and every byte past ASCII as \xNN (a request's path or note)
        Json,                ///< the inside of a JSON string: controls as \u00NN, quotes and backslashes escaped
    };
    /// `text` for a log line: a control character could move a terminal's cursor, and a line
    /// break would split one line into lines that look like others.
    [[nodiscard]] static std::string escaped(const std::string& text, Escape how);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace bandmate::sync
