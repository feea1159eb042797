#pragma once

#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <compare>
#include <functional>

namespace bandmate::core {

/// A hybrid logical clock timestamp: wall milliseconds plus a logical counter. Packed into one
/// 64-bit integer (48 bits of milliseconds, 16 bits of counter) so SQLite orders it as a number.
struct Hlc {
    qint64 wallMs = 0;
    quint16 counter = 0;

    [[nodiscard]] qint64 packed() const { return (wallMs << 16) | counter; }
    [[nodiscard]] static Hlc fromPacked(qint64 packed)
    {
        return Hlc{packed >> 16, static_cast<quint16>(packed & 0xFFFF)};
    }
    /// "wallMs.counter", for logs and JSON.
    [[nodiscard]] QString toString() const;
    /// Parses toString()'s form; false on anything else.
    [[nodiscard]] static bool fromString(const QString& text, Hlc* out);

    auto operator<=>(const Hlc&) const = default;
};

/// The clock that stamps every local edit. Monotonic: each stamp is greater than every stamp it
/// issued or received before, even when the wall clock steps back. Not thread-safe; one per
/// database connection, kept in step with the file's `sync_state.last_hlc` by ChangeTracker, so
/// a database file has one clock however many connections write to it.
class HybridLogicalClock {
public:
    using WallClock = std::function<qint64()>;  ///< Unix time in milliseconds

    /// `wallClock` defaults to the system clock; `last` is the newest stamp already used.
    explicit HybridLogicalClock(WallClock wallClock = {}, Hlc last = {});

    /// A stamp for a local event.
    [[nodiscard]] Hlc now();
    /// Advances past a stamp received from another device and returns the new local stamp.
    Hlc receive(Hlc remote);
    /// Moves the clock up to `seen` (a stamp another connection to the same database issued or
    /// received) without issuing one: the next now() is above it.
    void observe(Hlc seen) { m_last = std::max(m_last, seen); }
    /// The newest stamp issued or received.
    [[nodiscard]] Hlc last() const { return m_last; }
    /// The wall clock's current reading.
    [[nodiscard]] qint64 wallMs() const { return m_wall(); }

private:
    WallClock m_wall;
    Hlc m_last;
};

}  // namespace bandmate::core
