#include "core/util/Uuid.h"

#include <QRandomGenerator>
#include <QSet>

#include <gtest/gtest.h>

using bandmate::core::UuidV7Generator;

TEST(UuidV7, HasVersionVariantAndTimestamp)
{
    QRandomGenerator random(42);
    UuidV7Generator ids(random);
    const qint64 ms = 1'764'000'000'123;
    const QString id = ids.next(ms);
    EXPECT_TRUE(UuidV7Generator::isV7(id)) << id.toStdString();
    EXPECT_EQ(UuidV7Generator::timestampMs(id), ms);
}

TEST(UuidV7, StrictlyIncreasingWithinOneMillisecondAndWhenTheClockStepsBack)
{
    QRandomGenerator random(7);
    UuidV7Generator ids(random);
    QString previous = ids.next(1000);
    QSet<QString> seen{previous};
    // 10,000 ids in one millisecond overflow the 12-bit counter; then the clock steps back.
    for (int i = 0; i < 10000; ++i) {
        const QString id = ids.next(i < 9000 ? 2000 : 1500);
        ASSERT_GT(id, previous) << i;
        ASSERT_TRUE(UuidV7Generator::isV7(id));
        seen.insert(id);
        previous = id;
    }
    EXPECT_EQ(seen.size(), 10001);
}

TEST(UuidV7, RejectsOtherText)
{
    EXPECT_FALSE(UuidV7Generator::isV7(QStringLiteral("not-a-uuid")));
    EXPECT_FALSE(UuidV7Generator::isV7(QStringLiteral("123e4567-e89b-42d3-a456-426614174000")));
    EXPECT_EQ(UuidV7Generator::timestampMs(QStringLiteral("x")), -1);
}
