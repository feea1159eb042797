#pragma once

// A client socket for e2e tests of the server that writes exactly what the test says (no HTTP
// library in between) and reads what comes back: answers, event streams, closes.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace bandmate::test {

using namespace std::chrono_literals;

/// A client socket that writes exactly what the test says (no HTTP library in between).
class RawClient {
public:
    /// `receiveBuffer` > 0: the socket's receive buffer in bytes (a client that reads slowly or
    /// never fills it soon). `from`: the loopback address it connects from ("127.0.0.2"), as if
    /// it were another machine; null: the system's choice.
    explicit RawClient(int port, int receiveBuffer = 0, const char* from = nullptr)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd >= 0 && receiveBuffer > 0) {
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        }
        if (m_fd >= 0 && from != nullptr) {
            sockaddr_in source{};
            source.sin_family = AF_INET;
            ::inet_pton(AF_INET, from, &source.sin_addr);
            if (::bind(m_fd, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0) {
                ::close(m_fd);
                m_fd = -1;
            }
        }
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = m_fd >= 0 && ::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~RawClient()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    [[nodiscard]] bool connected() const { return m_connected; }

    /// False once the server has closed the connection (or reset it).
    bool send(const std::string& bytes)
    {
        return ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
    }

    /// Everything that arrives until `count` answers are complete (by Content-Length), the server
    /// closes, or `wait` passes.
    std::string read(int count = 1, std::chrono::milliseconds wait = 5s)
    {
        receiveWhile([&] { return answers() < count; }, wait);
        return m_received;
    }

    /// Whether the server closes the connection within `wait` (whatever it sends first).
    bool closedWithin(std::chrono::milliseconds wait)
    {
        receiveWhile([] { return true; }, wait);
        return m_closed;
    }

    /// Reads until `text` has arrived (true), the server closes, or `wait` passes.
    bool readUntil(const std::string& text, std::chrono::milliseconds wait = 5s)
    {
        receiveWhile([&] { return m_received.find(text) == std::string::npos; }, wait);
        return m_received.find(text) != std::string::npos;
    }

    [[nodiscard]] const std::string& received() const { return m_received; }

private:
    /// Receives while `more()` holds, until the server closes or `wait` passes.
    template <typename More>
    void receiveWhile(More more, std::chrono::milliseconds wait)
    {
        const auto deadline = std::chrono::steady_clock::now() + wait;
        while (!m_closed && more()) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left <= 0ms || !waitReadable(left)) {
                return;
            }
            char chunk[4096];
            const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (got <= 0) {
                m_closed = true;
            } else {
                m_received.append(chunk, static_cast<size_t>(got));
            }
        }
    }

    bool waitReadable(std::chrono::milliseconds wait) const
    {
        pollfd one{m_fd, POLLIN, 0};
        return ::poll(&one, 1, static_cast<int>(wait.count())) > 0;
    }

    /// Complete answers in what was received.
    [[nodiscard]] int answers() const
    {
        int complete = 0;
        size_t at = 0;
        for (;;) {
            const size_t end = m_received.find("\r\n\r\n", at);
            if (end == std::string::npos) {
                return complete;
            }
            const std::string head = m_received.substr(at, end - at);
            const size_t length = head.find("Content-Length: ");
            const size_t bodyLength = length == std::string::npos ? 0 : std::stoul(head.substr(length + 16));
            if (m_received.size() < end + 4 + bodyLength) {
                return complete;
            }
            ++complete;
            at = end + 4 + bodyLength;
        }
    }

    int m_fd = -1;
    bool m_connected = false;
    bool m_closed = false;
    std::string m_received;
};

}  // namespace bandmate::test
