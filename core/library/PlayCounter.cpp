#include "core/library/PlayCounter.h"

#include <algorithm>

namespace bandmate::core::library {

namespace {
/// Position updates arrive every few hundred ms; a bigger step forward is a seek.
constexpr qint64 kLargestStepMs = 2'000;
}  // namespace

void PlayCounter::start(const QString& songId, qint64 durationMs)
{
    m_songId = songId;
    m_durationMs = durationMs;
    m_lastPositionMs = 0;
    m_listenedMs = 0;
    m_counted = false;
}

bool PlayCounter::positionChanged(qint64 positionMs)
{
    if (m_songId.isEmpty()) {
        return false;
    }
    const qint64 step = positionMs - m_lastPositionMs;
    if (step > 0 && step <= kLargestStepMs) {
        m_listenedMs += step;
    }
    m_lastPositionMs = positionMs;
    const qint64 needed = m_durationMs > 0 ? std::min(kEnoughMs, m_durationMs / 2) : kEnoughMs;
    if (!m_counted && m_listenedMs >= needed) {
        m_counted = true;
        return true;
    }
    return false;
}

}  // namespace bandmate::core::library
