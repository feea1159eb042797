#pragma once

#include <QString>
#include <QtGlobal>

class QRandomGenerator;

namespace bandmate::core {

/// Generates time-ordered UUIDv7 ids (RFC 9562) as lower-case hyphenated text. Ids made by one
/// generator are strictly increasing, also within the same millisecond (12-bit counter in rand_a).
class UuidV7Generator {
public:
    /// Uses the system's secure random source.
    UuidV7Generator();
    /// `random` must outlive the generator (tests pass a seeded one).
    explicit UuidV7Generator(QRandomGenerator& random);

    /// A new id for the given Unix time in milliseconds.
    [[nodiscard]] QString next(qint64 unixMs);
    /// A new id for the current time.
    [[nodiscard]] QString next();

    /// True if `text` is a hyphenated UUID of version 7.
    [[nodiscard]] static bool isV7(const QString& text);
    /// The Unix milliseconds encoded in a v7 id, or -1.
    [[nodiscard]] static qint64 timestampMs(const QString& text);

private:
    QRandomGenerator* m_random;
    qint64 m_lastMs = -1;
    quint16 m_counter = 0;
};

}  // namespace bandmate::core
