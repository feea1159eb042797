#pragma once

// An HTTP proxy on 127.0.0.1 between the sync client and a real server that breaks requests on
// purpose: drops a request, drops the answer after the server committed, sends a request twice,
// cuts a request or an answer short, answers 500/503/429 itself. Raw sockets, one request per
// connection (it tells both sides "Connection: close"), one thread per connection.

#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace bandmate::test {

enum class Fault { None, DropRequest, DropResponse, Duplicate, TruncateRequest, TruncateResponse, Error500AfterCommit, Busy503, TooMany429 };

inline const char* faultName(Fault fault)
{
    static const char* const names[] = {"none", "drop request", "drop response after commit", "duplicate request", "truncated request body",
                                        "truncated response body", "500 after commit", "503", "429"};
    return names[static_cast<int>(fault)];
}

class FaultyProxy {
public:
    /// `decide` picks the fault for each request ("POST /v1/sync/push"), numbered from 0.
    using Decide = std::function<Fault(const std::string& requestLine, int index)>;

    FaultyProxy(int upstreamPort, Decide decide) : m_upstreamPort(upstreamPort), m_decide(std::move(decide))
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        const int on = 1;
        ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(m_listener, 64);
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~FaultyProxy()
    {
        m_stopping = true;
        ::shutdown(m_listener, SHUT_RDWR);
        ::close(m_listener);
        m_acceptor.join();
        const std::lock_guard lock(m_mutex);
        for (std::thread& thread : m_connections) {
            thread.join();
        }
    }
    FaultyProxy(const FaultyProxy&) = delete;
    FaultyProxy& operator=(const FaultyProxy&) = delete;

    [[nodiscard]] QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    /// New rules, requests numbered from 0 again.
    void setDecide(Decide decide)
    {
        const std::lock_guard lock(m_mutex);
        m_decide = std::move(decide);
        m_index = 0;
    }
    /// Every push that went through, as sent (to send again later, out of order).
    [[nodiscard]] std::vector<std::string> pushes() const
    {
        const std::lock_guard lock(m_mutex);
        return m_pushes;
    }
    /// Sends a request straight to the server (a late duplicate); the status it got, 0 for none.
    [[nodiscard]] int replay(const std::string& request) const
    {
        const std::string answer = exchange(request);
        return answer.size() > 12 ? std::atoi(answer.substr(9, 3).c_str()) : 0;
    }

private:
    static bool sendAll(int socket, const std::string& bytes)
    {
        size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(socket, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            sent += static_cast<size_t>(n);
        }
        return true;
    }

    /// One request from the client: its head (with "Connection: close") and body; false at EOF.
    static bool readRequest(int socket, std::string& head, std::string& body)
    {
        std::string bytes;
        char buffer[16384];
        size_t end = std::string::npos;
        while ((end = bytes.find("\r\n\r\n")) == std::string::npos) {
            const ssize_t n = ::recv(socket, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return false;
            }
            bytes.append(buffer, static_cast<size_t>(n));
        }
        std::string rawHead = bytes.substr(0, end + 2);
        body = bytes.substr(end + 4);
        size_t length = 0;
        head.clear();
        size_t start = 0;
        while (start < rawHead.size()) {
            const size_t lineEnd = rawHead.find("\r\n", start);
            const std::string line = rawHead.substr(start, lineEnd - start);
            start = lineEnd + 2;
            std::string lower = line;
            for (char& c : lower) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            if (lower.rfind("content-length:", 0) == 0) {
                length = static_cast<size_t>(std::atol(line.c_str() + 15));
            }
            if (lower.rfind("connection:", 0) == 0) {
                continue;
            }
            head += line + "\r\n";
        }
        head += "Connection: close\r\n\r\n";
        while (body.size() < length) {
            const ssize_t n = ::recv(socket, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return false;
            }
            body.append(buffer, static_cast<size_t>(n));
        }
        return true;
    }

    /// Sends `request` to the server and reads its whole answer (until it closes).
    [[nodiscard]] std::string exchange(const std::string& request, size_t cutAfter = std::string::npos) const
    {
        const int upstream = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<uint16_t>(m_upstreamPort));
        std::string answer;
        if (::connect(upstream, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
            && sendAll(upstream, cutAfter == std::string::npos ? request : request.substr(0, cutAfter))) {
            if (cutAfter != std::string::npos) {
                ::shutdown(upstream, SHUT_WR);  // the rest never comes
            }
            char buffer[16384];
            ssize_t n = 0;
            while ((n = ::recv(upstream, buffer, sizeof buffer, 0)) > 0) {
                answer.append(buffer, static_cast<size_t>(n));
            }
        }
        ::close(upstream);
        return answer;
    }

    static std::string statusAnswer(int status, const char* reason)
    {
        const std::string body = std::string(R"({"code":"injected","message":")") + reason + "\"}";
        return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Type: application/json\r\nRetry-After: 1\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }

    void serve(int client)
    {
        std::string head;
        std::string body;
        if (readRequest(client, head, body)) {
            const std::string requestLine = head.substr(0, head.find(" HTTP/"));
            const std::string request = head + body;
            Fault fault = Fault::None;
            {
                const std::lock_guard lock(m_mutex);
                fault = m_decide ? m_decide(requestLine.substr(0, requestLine.find('?')), m_index++) : Fault::None;
                if (requestLine.rfind("POST /v1/sync/push", 0) == 0) {
                    m_pushes.push_back(request);
                }
            }
            switch (fault) {
            case Fault::None:
                sendAll(client, exchange(request));
                break;
            case Fault::DropRequest:
                break;
            case Fault::DropResponse:
                (void)exchange(request);
                break;
            case Fault::Duplicate:
                (void)exchange(request);
                sendAll(client, exchange(request));
                break;
            case Fault::TruncateRequest:
                (void)exchange(request, head.size() + body.size() / 2);
                break;
            case Fault::TruncateResponse: {
                const std::string answer = exchange(request);
                sendAll(client, answer.substr(0, answer.find("\r\n\r\n") + 4 + (answer.size() - answer.find("\r\n\r\n") - 4) / 2));
                break;
            }
            case Fault::Error500AfterCommit:
                (void)exchange(request);
                sendAll(client, statusAnswer(500, "Internal Server Error"));
                break;
            case Fault::Busy503:
                sendAll(client, statusAnswer(503, "Service Unavailable"));
                break;
            case Fault::TooMany429:
                sendAll(client, statusAnswer(429, "Too Many Requests"));
                break;
            }
        }
        ::shutdown(client, SHUT_RDWR);
        ::close(client);
    }

    void acceptLoop()
    {
        while (!m_stopping) {
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0) {
                continue;
            }
            const std::lock_guard lock(m_mutex);
            m_connections.emplace_back([this, client] { serve(client); });
        }
    }

    int m_upstreamPort;
    Decide m_decide;
    int m_listener = -1;
    int m_port = 0;
    int m_index = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptor;
    mutable std::mutex m_mutex;
    std::vector<std::thread> m_connections;
    std::vector<std::string> m_pushes;
};

}  // namespace bandmate::test
