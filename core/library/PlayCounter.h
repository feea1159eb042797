#pragma once

#include <QString>
#include <QtGlobal>

namespace bandmate::core::library {

/// Decides when listening to a song counts as a play: after half of it or 30 seconds, whichever
/// comes first, of time actually listened (seeking ahead does not count). Once per start().
class PlayCounter {
public:
    static constexpr qint64 kEnoughMs = 30'000;

    void start(const QString& songId, qint64 durationMs);
    void stop() { m_songId.clear(); }
    /// The player's position now; true exactly once, when the play starts to count.
    [[nodiscard]] bool positionChanged(qint64 positionMs);
    [[nodiscard]] const QString& songId() const { return m_songId; }
    [[nodiscard]] qint64 listenedMs() const { return m_listenedMs; }

private:
    QString m_songId;
    qint64 m_durationMs = 0;
    qint64 m_lastPositionMs = 0;
    qint64 m_listenedMs = 0;
    bool m_counted = false;
};

}  // namespace bandmate::core::library
