#include "core/util/Uuid.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

namespace bandmate::core {

UuidV7Generator::UuidV7Generator() : m_random(QRandomGenerator::system()) {}

UuidV7Generator::UuidV7Generator(QRandomGenerator& random) : m_random(&random) {}

QString UuidV7Generator::next()
{
    return next(QDateTime::currentMSecsSinceEpoch());
}

QString UuidV7Generator::next(qint64 unixMs)
{
    // Monotonic even when the wall clock steps back or 4096 ids land in one millisecond: the
    // timestamp field then runs ahead of the clock by the overflow, as RFC 9562 6.2 allows.
    if (unixMs <= m_lastMs) {
        unixMs = m_lastMs;
        if (++m_counter > 0x0FFF) {
            ++unixMs;
            m_counter = 0;
        }
    } else {
        // Start each millisecond at a random point in the lower half to keep ids unguessable
        // while leaving room for the counter.
        m_counter = static_cast<quint16>(m_random->bounded(0x0800));
    }
    m_lastMs = unixMs;

    std::array<quint8, 16> b{};
    const auto ms = static_cast<quint64>(unixMs) & 0xFFFFFFFFFFFFULL;
    for (int i = 0; i < 6; ++i) {
        b[static_cast<size_t>(i)] = static_cast<quint8>(ms >> (40 - 8 * i));
    }
    b[6] = static_cast<quint8>(0x70 | ((m_counter >> 8) & 0x0F));
    b[7] = static_cast<quint8>(m_counter & 0xFF);
    const quint64 randB = m_random->generate64();
    for (int i = 8; i < 16; ++i) {
        b[static_cast<size_t>(i)] = static_cast<quint8>(randB >> (8 * (15 - i)));
    }
    b[8] = static_cast<quint8>(0x80 | (b[8] & 0x3F));

    static constexpr char kHex[] = "0123456789abcdef";
    QString out;
    out.reserve(36);
    for (size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out.append(QLatin1Char('-'));
        }
        out.append(QLatin1Char(kHex[b[i] >> 4]));
        out.append(QLatin1Char(kHex[b[i] & 0x0F]));
    }
    return out;
}

bool UuidV7Generator::isV7(const QString& text)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return re.match(text).hasMatch();
}

qint64 UuidV7Generator::timestampMs(const QString& text)
{
    if (!isV7(text)) {
        return -1;
    }
    QString hex = text.left(8) + text.mid(9, 4);
    bool ok = false;
    const qint64 ms = hex.toLongLong(&ok, 16);
    return ok ? ms : -1;
}

}  // namespace bandmate::core
