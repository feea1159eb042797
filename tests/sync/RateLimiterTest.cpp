// The sync endpoints' token buckets, on a clock the test moves.
#include "sync/server/RateLimiter.h"

#include <gtest/gtest.h>

using bandmate::sync::RateLimiter;

TEST(RateLimiterTest, ABurstThenTheRateWithTheWaitUntilTheNextToken)
{
    qint64 now = 1'000'000;
    RateLimiter limiter(60, 3, [&now] { return now; });  // one a second, bursts of three
    const QString key = QStringLiteral("sync-account:ana");
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(limiter.take(key).has_value()) << "request " << i << " of the burst";
    }
    ASSERT_TRUE(limiter.take(key).has_value());
    EXPECT_EQ(*limiter.take(key), 1) << "a token a second: wait one second";
    EXPECT_FALSE(limiter.take(QStringLiteral("sync-account:bob")).has_value()) << "each key has its own bucket";
    now += 999;
    EXPECT_TRUE(limiter.take(key).has_value());
    now += 1;
    EXPECT_FALSE(limiter.take(key).has_value()) << "refilled after a second";
    EXPECT_TRUE(limiter.take(key).has_value());
    now += 60'000;
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(limiter.take(key).has_value()) << "full again after a quiet minute, never more than the burst";
    }
    EXPECT_TRUE(limiter.take(key).has_value());
}

TEST(RateLimiterTest, SlowRatesWaitLongerAndZeroIsOff)
{
    qint64 now = 0;
    RateLimiter slow(2, 1, [&now] { return now; });  // one every 30 s
    EXPECT_FALSE(slow.take(QStringLiteral("k")).has_value());
    EXPECT_EQ(slow.take(QStringLiteral("k")), 30);
    now += 20'000;
    EXPECT_EQ(slow.take(QStringLiteral("k")), 10);
    RateLimiter off(0, 1, [&now] { return now; });
    for (int i = 0; i < 1000; ++i) {
        ASSERT_FALSE(off.take(QStringLiteral("k")).has_value());
    }
}
