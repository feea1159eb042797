#pragma once

#include <QHash>
#include <QString>

#include <functional>
#include <mutex>
#include <optional>

namespace bandmate::sync {

/// Token buckets in memory, one per key ("sync-account:…", "sync-ip:…"): each holds up to
/// `burst` requests and refills at `perMinute`. Cheap enough for every sync request (a lock and
/// a hash lookup), unlike the sign-in limits kept in the database. Being per process, servers
/// behind a load balancer each allow the rate (documented in the README). Thread-safe.
class RateLimiter {
public:
    using Clock = std::function<qint64()>;  ///< milliseconds, steady

    /// `perMinute` 0 turns the limiter off (a fraction: fewer than one a minute).
    RateLimiter(double perMinute, int burst, Clock clock = {});

    /// Takes one request's token under `key`; when none is left, the whole seconds until one is
    /// (the Retry-After, at least 1).
    [[nodiscard]] std::optional<int> take(const QString& key);

private:
    struct Bucket {
        double tokens = 0.0;
        qint64 updatedMs = 0;
    };
    double m_perMinute;
    int m_burst;
    Clock m_clock;
    std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    qint64 m_sweptMs = 0;
};

}  // namespace bandmate::sync
