#include "core/sync/MergeRule.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using namespace bandmate::core;

namespace {

FieldVersion version(qint64 ms, quint16 counter, const char* device, const QVariant& value)
{
    return FieldVersion{value, FieldStamp{Hlc{ms, counter}, QString::fromLatin1(device)}};
}

bool same(const FieldVersion& a, const FieldVersion& b)
{
    return a.stamp == b.stamp && a.value == b.value;
}

FieldVersion randomVersion(QRandomGenerator& random)
{
    static const char* const devices[] = {"a", "b", "c"};
    // Few distinct values so that ties on HLC happen often.
    return version(random.bounded(5), static_cast<quint16>(random.bounded(3)),
                   devices[random.bounded(3)], QVariant(random.bounded(4)));
}

}  // namespace

TEST(MergeRule, LaterHlcWins)
{
    const auto older = version(100, 0, "b", QStringLiteral("old"));
    const auto newer = version(100, 1, "a", QStringLiteral("new"));
    EXPECT_TRUE(incomingWins(older.stamp, newer.stamp));
    EXPECT_FALSE(incomingWins(newer.stamp, older.stamp));
    EXPECT_EQ(mergeField(older, newer).value, QStringLiteral("new"));
    EXPECT_EQ(mergeField(newer, older).value, QStringLiteral("new"));
}

TEST(MergeRule, DeviceIdBreaksHlcTies)
{
    const auto fromA = version(100, 0, "a", QStringLiteral("A"));
    const auto fromB = version(100, 0, "b", QStringLiteral("B"));
    EXPECT_EQ(mergeField(fromA, fromB).value, QStringLiteral("B"));
    EXPECT_EQ(mergeField(fromB, fromA).value, QStringLiteral("B"));
}

TEST(MergeRule, AStampNeverBeatsItself)
{
    const auto v = version(100, 0, "a", 1);
    EXPECT_FALSE(incomingWins(v.stamp, v.stamp));
}

TEST(MergeRule, MergeIsCommutativeAssociativeAndIdempotent)
{
    QRandomGenerator random(12345);
    for (int i = 0; i < 20'000; ++i) {
        const auto a = randomVersion(random);
        const auto b = randomVersion(random);
        const auto c = randomVersion(random);
        ASSERT_TRUE(same(mergeField(a, b), mergeField(b, a))) << i;
        ASSERT_TRUE(same(mergeField(mergeField(a, b), c), mergeField(a, mergeField(b, c)))) << i;
        ASSERT_TRUE(same(mergeField(a, a), a)) << i;
        ASSERT_TRUE(same(mergeField(mergeField(a, b), b), mergeField(a, b))) << i;
    }
}

TEST(MergeRule, AnyDeliveryOrderWithDuplicatesConverges)
{
    QRandomGenerator random(99);
    for (int round = 0; round < 500; ++round) {
        std::vector<FieldVersion> writes;
        for (int i = 0; i < 8; ++i) {
            writes.push_back(randomVersion(random));
        }
        std::vector<FieldVersion> delivered = writes;
        delivered.insert(delivered.end(), writes.begin(), writes.begin() + 3);  // duplicates
        const auto foldAll = [](const std::vector<FieldVersion>& list) {
            FieldVersion state = list.front();
            for (const auto& v : list) {
                state = mergeField(state, v);
            }
            return state;
        };
        const FieldVersion expected = foldAll(writes);
        for (int shuffle = 0; shuffle < 5; ++shuffle) {
            std::shuffle(delivered.begin(), delivered.end(), random);
            ASSERT_TRUE(same(foldAll(delivered), expected)) << round;
        }
    }
}
