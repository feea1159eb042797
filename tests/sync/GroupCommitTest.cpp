// Group commit (sync/server/GroupCommit.h): every request is written once, by one writer at a
// time, and a writer that fails does not leave the others waiting.
#include "sync/server/GroupCommit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

struct Job {
    int value = 0;
    int writtenBy = -1;
    bool done = false;
};

TEST(GroupCommit, EveryRequestIsWrittenOnceByOneWriterAtATime)
{
    bandmate::sync::GroupCommit<Job> groups;
    std::atomic<int> writers{0};
    std::atomic<int> mostAtOnce{0};
    std::atomic<int> written{0};
    std::vector<std::thread> threads;
    std::vector<Job> jobs(400);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = t; i < 400; i += 8) {
                jobs[static_cast<size_t>(i)].value = i;
                groups.run(jobs[static_cast<size_t>(i)], [&, t](QList<Job*>& group) {
                    mostAtOnce = std::max(mostAtOnce.load(), ++writers);
                    for (Job* job : group) {
                        EXPECT_EQ(job->writtenBy, -1) << "written twice";
                        job->writtenBy = t;
                        ++written;
                    }
                    --writers;
                });
                EXPECT_TRUE(jobs[static_cast<size_t>(i)].done);
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(written.load(), 400);
    EXPECT_EQ(mostAtOnce.load(), 1);
}

TEST(GroupCommit, AWriterThatThrowsDoesNotLeaveTheNextWaitingForEver)
{
    bandmate::sync::GroupCommit<Job> groups;
    Job first;
    EXPECT_THROW(groups.run(first, [](QList<Job*>&) { throw std::runtime_error("the database went away"); }), std::runtime_error);
    EXPECT_TRUE(first.done) << "its group ended";
    auto next = std::async(std::launch::async, [&] {
        Job second;
        groups.run(second, [](QList<Job*>& group) { group.first()->writtenBy = 1; });
        return second.writtenBy;
    });
    ASSERT_EQ(next.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "the next writer waits for a group that ended";
    EXPECT_EQ(next.get(), 1);
}

}  // namespace
