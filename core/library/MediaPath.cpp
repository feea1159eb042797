#include "core/library/MediaPath.h"

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

#include <algorithm>

namespace bandmate::core::library {

namespace {

constexpr char32_t kKeptFirst = 0xEF80;  // byte 0x80
constexpr char32_t kKeptLast = 0xEFFF;   // byte 0xFF

bool isKept(char32_t c)
{
    return c >= kKeptFirst && c <= kKeptLast;
}

/// The code point of the strict UTF-8 sequence at `at` (no overlong forms, no surrogates, at most
/// U+10FFFF) and its length, or length 0 when the bytes there are not one.
std::pair<char32_t, qsizetype> decodeOne(QByteArrayView bytes, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return static_cast<unsigned char>(bytes[i]); };
    const unsigned char lead = byte(at);
    qsizetype length = 0;
    char32_t c = 0;
    char32_t least = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, c = lead & 0x1F, least = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, c = lead & 0x0F, least = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, c = lead & 0x07, least = 0x10000;
    } else {
        return {0, 0};
    }
    if (at + length > bytes.size()) {
        return {0, 0};
    }
    for (qsizetype i = 1; i < length; ++i) {
        const unsigned char next = byte(at + i);
        if ((next & 0xC0) != 0x80) {
            return {0, 0};
        }
        c = (c << 6) | (next & 0x3F);
    }
    if (c < least || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return {0, 0};
    }
    return {c, length};
}

void appendUtf8(QByteArray& out, char32_t c)
{
    if (c < 0x80) {
        out.append(static_cast<char>(c));
    } else if (c < 0x800) {
        out.append(static_cast<char>(0xC0 | (c >> 6)));
        out.append(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.append(static_cast<char>(0xE0 | (c >> 12)));
        out.append(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.append(static_cast<char>(0xF0 | (c >> 18)));
        out.append(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.append(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.append(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

}  // namespace

QString pathFromBytes(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    qsizetype at = 0;
    while (at < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[at]);
        if (lead < 0x80) {
            out.append(QChar(static_cast<char16_t>(lead)));
            ++at;
            continue;
        }
        const auto [c, length] = decodeOne(bytes, at);
        if (length == 0 || isKept(c)) {
            out.append(QChar(static_cast<char16_t>(kKeptFirst + (lead - 0x80))));
            ++at;
            continue;
        }
        const char32_t one[1] = {c};
        out.append(QString::fromUcs4(one, 1));
        at += length;
    }
    return out;
}

QByteArray bytesFromPath(const QString& path)
{
    QByteArray out;
    out.reserve(path.size());
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QChar unit = path.at(i);
        char32_t c = unit.unicode();
        if (unit.isHighSurrogate() && i + 1 < path.size() && path.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(unit, path.at(i + 1));
            ++i;
        } else if (unit.isSurrogate()) {
            c = 0xFFFD;  // a lone half of a pair is not a character (pathFromBytes never makes one)
        }
        if (isKept(c)) {
            out.append(static_cast<char>(0x80 + (c - kKeptFirst)));
        } else {
            appendUtf8(out, c);
        }
    }
    return out;
}

QString displayPath(const QString& path)
{
    QString shown = path;
    for (QChar& unit : shown) {
        if (isKept(unit.unicode())) {
            unit = QChar(QChar::ReplacementCharacter);
        }
    }
    return shown;
}

bool hasKeptBytes(const QString& path)
{
    return std::any_of(path.begin(), path.end(), [](QChar unit) { return isKept(unit.unicode()); });
}

QUrl fileUrl(const QString& path)
{
    if (!hasKeptBytes(path)) {
        return QUrl::fromLocalFile(path);  // plain text: Qt's own form (and Windows drive letters)
    }
    return QUrl::fromEncoded("file://" + bytesFromPath(path).toPercentEncoding("/"), QUrl::StrictMode);
}

std::unique_ptr<QFile> openKeptName(const QString& path)
{
#ifdef _WIN32
    (void)path;
    return nullptr;  // names are UTF-16 there: Qt opens every one
#else
    const int fd = ::open(bytesFromPath(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return nullptr;
    }
    auto file = std::make_unique<QFile>();
    if (!file->open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return nullptr;
    }
    return file;
#endif
}

}  // namespace bandmate::core::library
