#include "sync/server/Secrets.h"

#include <sodium.h>

#include <array>
#include <vector>

namespace bandmate::sync {

QString tokenHash(const QString& token)
{
    const QByteArray bytes = token.toUtf8();
    unsigned char hash[32];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(bytes.constData()), static_cast<unsigned long long>(bytes.size()),
                       nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(hash), sizeof hash).toHex());
}

QString randomToken()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(bytes), sizeof bytes).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString randomBase32(int bytes)
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::vector<unsigned char> random(static_cast<size_t>(bytes));
    randombytes_buf(random.data(), random.size());
    QString out;
    unsigned buffer = 0;
    int bits = 0;
    for (const unsigned char byte : random) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            out.append(QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 31]));
            bits -= 5;
        }
    }
    if (bits > 0) {
        out.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 31]));
    }
    return out;
}

QString randomCode(const QString& alphabet, int length)
{
    QString out;
    for (int i = 0; i < length; ++i) {
        out.append(alphabet.at(static_cast<qsizetype>(randombytes_uniform(static_cast<uint32_t>(alphabet.size())))));
    }
    return out;
}

QString signature(const QByteArray& key, const QByteArray& message)
{
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.constData()), static_cast<size_t>(key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.constData()), static_cast<unsigned long long>(message.size()));
    crypto_auth_hmacsha256_final(&state, mac.data());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(mac.data()), static_cast<qsizetype>(mac.size()))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool sameSignature(const QString& a, const QString& b)
{
    const QByteArray left = a.toLatin1();
    const QByteArray right = b.toLatin1();
    return left.size() == right.size() && sodium_memcmp(left.constData(), right.constData(), static_cast<size_t>(left.size())) == 0;
}

}  // namespace bandmate::sync
