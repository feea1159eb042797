#include "sync/server/RateLimiter.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace bandmate::sync {

RateLimiter::RateLimiter(double perMinute, int burst, Clock clock)
    : m_perMinute(std::max(0.0, perMinute)), m_burst(std::max(1, burst)), m_clock(std::move(clock))
{
    if (!m_clock) {
        m_clock = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
        };
    }
}

std::optional<int> RateLimiter::take(const QString& key)
{
    if (m_perMinute <= 0.0) {
        return std::nullopt;
    }
    const qint64 now = m_clock();
    const double perMs = m_perMinute / 60'000.0;
    const std::lock_guard lock(m_mutex);
    // Buckets that have filled up again are the same as no bucket: drop them now and then, so
    // addresses seen once do not pile up.
    if (now - m_sweptMs > 60'000) {
        m_sweptMs = now;
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            it = it->tokens + static_cast<double>(now - it->updatedMs) * perMs >= m_burst ? m_buckets.erase(it) : std::next(it);
        }
    }
    auto found = m_buckets.find(key);
    if (found == m_buckets.end()) {
        found = m_buckets.insert(key, Bucket{static_cast<double>(m_burst), now});
    }
    Bucket& bucket = *found;
    bucket.tokens = std::min(static_cast<double>(m_burst), bucket.tokens + static_cast<double>(now - bucket.updatedMs) * perMs);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return std::nullopt;
    }
    return std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / perMs / 1000.0)));
}

}  // namespace bandmate::sync
