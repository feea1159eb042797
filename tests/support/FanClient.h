#pragma once

// A fan's phone for tests of fan voting (issue 19): plain HTTP to a bandmate-server's fan pages
// with its own cookie and the CSRF token of the last page it loaded.

#include <QRegularExpression>
#include <QString>

#include <httplib.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bandmate::test {

/// A phone: its own cookie jar (one cookie) and the CSRF token of the last page it loaded.
class Fan {
public:
    explicit Fan(int port, std::string language = "en") : m_client("127.0.0.1", port), m_language(std::move(language))
    {
        m_client.set_keep_alive(true);
        m_client.set_tcp_nodelay(true);  // else Nagle and the server's delayed ACK cost ~40 ms a request
    }

    /// Loads the page (GET /v/CODE?QUERY); its HTML.
    std::string page(const QString& code, const std::string& query = {})
    {
        auto answer = m_client.Get(("/v/" + code.toStdString() + query).c_str(), headers());
        EXPECT_TRUE(answer) << "no answer";
        if (!answer) {
            return {};
        }
        m_status = answer->status;
        const std::string setCookie = answer->get_header_value("Set-Cookie");
        if (!setCookie.empty()) {
            m_cookie = setCookie.substr(0, setCookie.find(';'));
        }
        const QRegularExpressionMatch csrf =
            QRegularExpression(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\"")).match(QString::fromStdString(answer->body));
        m_csrf = csrf.hasMatch() ? csrf.captured(1).toStdString() : std::string();
        return answer->body;
    }

    /// Sends the vote form (as the page's script does with `json`, else as a plain form).
    httplib::Result vote(const QString& code, const std::vector<std::string>& songs, bool json = true)
    {
        std::string body = "csrf=" + m_csrf;
        for (const auto& song : songs) {
            body += "&song=" + song;
        }
        return post(code, "vote", body, json);
    }

    httplib::Result suggest(const QString& code, const std::string& text)
    {
        return post(code, "suggest", "csrf=" + m_csrf + "&text=" + httplib::detail::encode_query_param(text), true);
    }

    httplib::Result post(const QString& code, const std::string& action, const std::string& body, bool json)
    {
        httplib::Headers sent = headers();
        if (json) {
            sent.emplace("Accept", "application/json");
        }
        return m_client.Post(("/v/" + code.toStdString() + "/" + action).c_str(), sent, body, "application/x-www-form-urlencoded");
    }

    /// The request that opens this fan's live tally.
    [[nodiscard]] std::string eventsRequest(const QString& code) const
    {
        return "GET /v/" + code.toStdString() + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n" +
               (m_cookie.empty() ? std::string() : "Cookie: " + m_cookie + "\r\n") + "\r\n";
    }

    [[nodiscard]] int status() const { return m_status; }
    void forgetCsrf(std::string forged) { m_csrf = std::move(forged); }
    void dropCookie() { m_cookie.clear(); }

private:
    [[nodiscard]] httplib::Headers headers() const
    {
        httplib::Headers out{{"Accept-Language", m_language}};
        if (!m_cookie.empty()) {
            out.emplace("Cookie", m_cookie);
        }
        return out;
    }

    httplib::Client m_client;
    std::string m_language;
    std::string m_cookie;
    std::string m_csrf;
    int m_status = 0;
};

}  // namespace bandmate::test
