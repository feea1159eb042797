#include "core/sync/Hlc.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

using bandmate::core::Hlc;
using bandmate::core::HybridLogicalClock;

TEST(Hlc, PackedFormRoundTripsAndOrdersLikeTheStamp)
{
    const Hlc a{1'764'000'000'000, 3};
    const Hlc b{1'764'000'000'000, 4};
    const Hlc c{1'764'000'000'001, 0};
    EXPECT_EQ(Hlc::fromPacked(a.packed()), a);
    EXPECT_LT(a.packed(), b.packed());
    EXPECT_LT(b.packed(), c.packed());
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
}

TEST(Hlc, TextFormRoundTripsAndRejectsGarbage)
{
    Hlc epoch;
    ASSERT_TRUE(Hlc::fromString(QStringLiteral("0.0"), &epoch)) << "the epoch is a stamp";
    EXPECT_EQ(epoch, (Hlc{0, 0}));
    const Hlc a{1'764'000'000'000, 65535};
    Hlc parsed;
    ASSERT_TRUE(Hlc::fromString(a.toString(), &parsed));
    EXPECT_EQ(parsed, a);
    for (const char* bad : {"", "1", "1.2.3", "-5.1", "10.70000", "abc.1", "1.x"}) {
        EXPECT_FALSE(Hlc::fromString(QString::fromLatin1(bad), &parsed)) << bad;
    }
}

TEST(HybridLogicalClock, FollowsTheWallClockWhenItMovesForward)
{
    qint64 wall = 5000;
    HybridLogicalClock clock([&] { return wall; });
    EXPECT_EQ(clock.now(), (Hlc{5000, 0}));
    EXPECT_EQ(clock.now(), (Hlc{5000, 1}));
    wall = 6000;
    EXPECT_EQ(clock.now(), (Hlc{6000, 0}));
}

TEST(HybridLogicalClock, StaysMonotonicWhenTheWallClockStepsBack)
{
    qint64 wall = 10'000;
    HybridLogicalClock clock([&] { return wall; });
    Hlc previous = clock.now();
    wall = 4'000;  // NTP correction, manual change, VM restore
    for (int i = 0; i < 100'000; ++i) {  // more than the 16-bit counter holds
        const Hlc next = clock.now();
        ASSERT_GT(next, previous) << i;
        previous = next;
    }
    EXPECT_GE(previous.wallMs, 10'000);
}

TEST(HybridLogicalClock, ReceiveMovesPastRemoteStamps)
{
    qint64 wall = 1000;
    HybridLogicalClock clock([&] { return wall; });
    const Hlc remote{9000, 7};
    const Hlc after = clock.receive(remote);
    EXPECT_GT(after, remote);
    EXPECT_GT(clock.now(), after);
    // A remote stamp from the past does not move the clock back.
    const Hlc before = clock.last();
    EXPECT_GT(clock.receive(Hlc{10, 0}), before);
}

TEST(HybridLogicalClock, AStampOfTheSameMillisecondWithAHigherCounterIsPassedToo)
{
    // This clock and the remote one stand at the same millisecond (the wall clock behind both):
    // the next stamp must pass the larger counter, whichever clock has it.
    qint64 wall = 500;
    HybridLogicalClock clock([&] { return wall; }, Hlc{1000, 2});
    EXPECT_GT(clock.receive(Hlc{1000, 7}), (Hlc{1000, 7}));
    EXPECT_GT(clock.receive(Hlc{1000, 1}), (Hlc{1000, 8}));
}

TEST(HybridLogicalClock, RandomInterleavingOfEventsIsStrictlyIncreasing)
{
    QRandomGenerator random(2026);
    qint64 wall = 1'000'000;
    HybridLogicalClock clock([&] { return wall; });
    Hlc previous;
    for (int i = 0; i < 20'000; ++i) {
        wall += static_cast<qint64>(random.bounded(21)) - 10;  // jitters both ways
        Hlc next;
        if (random.bounded(3) == 0) {
            next = clock.receive(Hlc{wall + random.bounded(2000) - 1000,
                                     static_cast<quint16>(random.bounded(65536))});
        } else {
            next = clock.now();
        }
        ASSERT_GT(next, previous) << i;
        previous = next;
    }
}

TEST(HybridLogicalClock, ResumesFromThePersistedStamp)
{
    qint64 wall = 100;  // the machine's clock is far behind the last stamp it issued
    HybridLogicalClock clock([&] { return wall; }, Hlc{50'000, 12});
    EXPECT_EQ(clock.now(), (Hlc{50'000, 13}));
}
