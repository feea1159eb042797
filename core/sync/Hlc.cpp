#include "core/sync/Hlc.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace bandmate::core {

QString Hlc::toString() const
{
    return QStringLiteral("%1.%2").arg(wallMs).arg(counter);
}

bool Hlc::fromString(const QString& text, Hlc* out)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 2) {
        return false;
    }
    bool okMs = false;
    bool okCounter = false;
    const qint64 ms = parts[0].toLongLong(&okMs);
    const uint counter = parts[1].toUInt(&okCounter);
    if (!okMs || !okCounter || ms < 0 || ms >= (qint64{1} << 47) || counter > 0xFFFF) {
        return false;
    }
    *out = Hlc{ms, static_cast<quint16>(counter)};
    return true;
}

HybridLogicalClock::HybridLogicalClock(WallClock wallClock, Hlc last)
    : m_wall(wallClock ? std::move(wallClock) : WallClock([] {
          return QDateTime::currentMSecsSinceEpoch();
      })),
      m_last(last)
{
}

namespace {

// Steps a stamp that must stay at `wallMs` forward by one logical tick; when the 16-bit counter
// is exhausted the stamp borrows the next millisecond, which keeps it monotonic.
Hlc tick(qint64 wallMs, quint16 counter)
{
    if (counter == 0xFFFF) {
        return Hlc{wallMs + 1, 0};
    }
    return Hlc{wallMs, static_cast<quint16>(counter + 1)};
}

}  // namespace

Hlc HybridLogicalClock::now()
{
    const qint64 physical = m_wall();
    if (physical > m_last.wallMs) {
        m_last = Hlc{physical, 0};
    } else {
        m_last = tick(m_last.wallMs, m_last.counter);
    }
    return m_last;
}

Hlc HybridLogicalClock::receive(Hlc remote)
{
    const qint64 physical = m_wall();
    const qint64 top = std::max({physical, m_last.wallMs, remote.wallMs});
    if (top == m_last.wallMs && top == remote.wallMs) {
        m_last = tick(top, std::max(m_last.counter, remote.counter));
    } else if (top == m_last.wallMs) {
        m_last = tick(top, m_last.counter);
    } else if (top == remote.wallMs) {
        m_last = tick(top, remote.counter);
    } else {
        m_last = Hlc{top, 0};
    }
    return m_last;
}

}  // namespace bandmate::core
