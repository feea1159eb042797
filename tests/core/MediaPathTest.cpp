#include "core/library/MediaPath.h"

#include <QRandomGenerator>
#include <QSet>

#include <gtest/gtest.h>

using namespace bandmate::core::library;

TEST(MediaPath, TextNamesAreKeptAsTheyRead)
{
    for (const QByteArray& bytes : {QByteArray("/music/Celia Cruz/Quimbara.mp3"), QByteArray("/música/Año ñ/夜.flac"),
                                    QByteArray("/m/\xF0\x9F\x8E\xBA trumpet.wav")}) {
        EXPECT_EQ(pathFromBytes(bytes), QString::fromUtf8(bytes));
        EXPECT_EQ(bytesFromPath(QString::fromUtf8(bytes)), bytes);
        EXPECT_EQ(fileUrl(QString::fromUtf8(bytes)), QUrl::fromLocalFile(QString::fromUtf8(bytes)));
    }
}

TEST(MediaPath, NamesThatAreNotUtf8StayDistinctAndComeBackByteForByte)
{
    // Latin-1 "é" and "è": as UTF-8 text both were U+FFFD, one path for two files.
    const QByteArray acute("/music/caf\xE9.wav");
    const QByteArray grave("/music/caf\xE8.wav");
    EXPECT_NE(pathFromBytes(acute), pathFromBytes(grave));
    EXPECT_EQ(bytesFromPath(pathFromBytes(acute)), acute);
    EXPECT_EQ(displayPath(pathFromBytes(acute)), QStringLiteral("/music/caf\uFFFD.wav"));
    EXPECT_EQ(fileUrl(pathFromBytes(acute)).toEncoded(), QByteArray("file:///music/caf%E9.wav"));
    // A name that holds a character of the kept range itself does not collide with the byte it
    // stands for.
    const QByteArray privateUse("/x/\xEE\xBE\x80");  // U+EF80 in UTF-8
    const QByteArray rawByte("/x/\x80");
    EXPECT_NE(pathFromBytes(privateUse), pathFromBytes(rawByte));
    EXPECT_EQ(bytesFromPath(pathFromBytes(privateUse)), privateUse);
    EXPECT_EQ(bytesFromPath(pathFromBytes(rawByte)), rawByte);
    // Overlong forms, encoded surrogates and cut sequences are bytes, not characters.
    for (const QByteArray& odd : {QByteArray("\xC0\xAF"), QByteArray("\xED\xA0\x80"), QByteArray("\xE2\x82"), QByteArray("\xF4\x90\x80\x80")}) {
        EXPECT_EQ(bytesFromPath(pathFromBytes(odd)), odd) << odd.toHex().toStdString();
        EXPECT_EQ(pathFromBytes(odd).size(), odd.size()) << odd.toHex().toStdString();
    }
}

TEST(MediaPath, AnyBytesComeBackAndDifferentBytesNeverShareAPath)
{
    // 20,000 random names biased towards bytes that make and break UTF-8 sequences.
    QRandomGenerator random(2026);
    const char pool[] = {'a', '/', '\x80', '\xBE', '\xC3', '\xA9', '\xE2', '\xEE', '\xEF', '\xF0', '\x9F', '\xFF', '\xED', '\xF4'};
    QSet<QByteArray> names;
    QSet<QString> paths;
    for (int i = 0; i < 20000; ++i) {
        QByteArray bytes;
        const int length = static_cast<int>(random.bounded(1, 9));
        for (int j = 0; j < length; ++j) {
            bytes.append(random.bounded(4) == 0 ? static_cast<char>(random.bounded(1, 256)) : pool[random.bounded(static_cast<int>(sizeof pool))]);
        }
        const QString path = pathFromBytes(bytes);
        ASSERT_EQ(bytesFromPath(path), bytes) << bytes.toHex().toStdString();
        ASSERT_EQ(QString::fromUtf8(path.toUtf8()), path) << "the path is text SQLite keeps as it is";
        if (!names.contains(bytes)) {
            names.insert(bytes);
            ASSERT_FALSE(paths.contains(path)) << bytes.toHex().toStdString();
            paths.insert(path);
        }
    }
}
