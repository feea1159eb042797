// The shared grooves' render cache (issue 20): renders on threads of their own, one render per
// key however many ask while it runs, failures and exceptions answered to everyone waiting
// (and the render thread free again), a bounded queue, and a bounded size in bytes.
#include "sync/server/GrooveRoutes.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace bandmate;
using sync::RenderCache;

namespace {

/// Results handed to `done` callbacks, waited for.
struct Answers {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<core::Result<RenderCache::Bytes>> got;

    RenderCache::Done collector()
    {
        return [this](const core::Result<RenderCache::Bytes>& result) {
            const std::lock_guard lock(mutex);
            got.push_back(result);
            changed.notify_all();
        };
    }
    bool waitFor(std::size_t count)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(10), [&] { return got.size() >= count; });
    }
};

/// A render that blocks until released.
struct Gate {
    std::mutex mutex;
    std::condition_variable opened;
    bool open = false;
    std::atomic<int> started{0};

    void release()
    {
        const std::lock_guard lock(mutex);
        open = true;
        opened.notify_all();
    }
    void pass()
    {
        ++started;
        std::unique_lock lock(mutex);
        opened.wait(lock, [this] { return open; });
    }
};

TEST(RenderCacheTest, ManyAskingForOneFileWhileItRendersMakeOneRender)
{
    RenderCache cache(1024 * 1024, 2, 8);
    Gate gate;
    std::atomic<int> renders{0};
    Answers answers;
    const auto make = [&]() -> core::Result<std::string> {
        ++renders;
        gate.pass();
        return std::string("RIFF-loop");
    };
    for (int i = 0; i < 20; ++i) {
        ASSERT_TRUE(cache.request("key-a", make, answers.collector()));
    }
    gate.release();
    ASSERT_TRUE(answers.waitFor(20));
    EXPECT_EQ(renders.load(), 1);
    for (const auto& answer : answers.got) {
        ASSERT_TRUE(answer.has_value());
        EXPECT_EQ(**answer, "RIFF-loop");
    }
    // Cached now: answered at once, on the caller's thread, without a render.
    ASSERT_NE(cache.find("key-a"), nullptr);
    Answers again;
    ASSERT_TRUE(cache.request("key-a", make, again.collector()));
    ASSERT_EQ(again.got.size(), 1u) << "answered before request() returned";
    EXPECT_EQ(renders.load(), 1);
}

TEST(RenderCacheTest, AFailedOrThrowingRenderAnswersEveryoneAndFreesItsThread)
{
    RenderCache cache(1024 * 1024, 1, 8);
    Answers answers;
    ASSERT_TRUE(cache.request("bad", [] { return core::Result<std::string>(core::fail(core::ErrorCode::NotFound, "no kit")); }, answers.collector()));
    ASSERT_TRUE(cache.request("throws", []() -> core::Result<std::string> { throw std::bad_alloc(); }, answers.collector()));
    ASSERT_TRUE(cache.request("throws", []() -> core::Result<std::string> { throw std::bad_alloc(); }, answers.collector()));
    ASSERT_TRUE(answers.waitFor(3));
    for (const auto& answer : answers.got) {
        EXPECT_FALSE(answer.has_value());
    }
    EXPECT_EQ(cache.find("bad"), nullptr) << "a failure is not cached";
    // The one render thread is free again, and the key may be asked for again.
    Answers later;
    ASSERT_TRUE(cache.request("throws", [] { return core::Result<std::string>(std::string("fine")); }, later.collector()));
    ASSERT_TRUE(later.waitFor(1));
    ASSERT_TRUE(later.got.front().has_value());
    EXPECT_EQ(**later.got.front(), "fine");
}

TEST(RenderCacheTest, TheQueueIsBoundedAndTheCacheKeepsTheNewestWithinItsBytes)
{
    RenderCache cache(100, 1, 2);
    Gate gate;
    Answers answers;
    const auto slow = [&gate](std::string bytes) {
        return [&gate, bytes]() -> core::Result<std::string> {
            gate.pass();
            return bytes;
        };
    };
    ASSERT_TRUE(cache.request("one", slow(std::string(40, '1')), answers.collector()));
    while (gate.started.load() < 1) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ASSERT_TRUE(cache.request("two", slow(std::string(40, '2')), answers.collector()));
    ASSERT_TRUE(cache.request("three", slow(std::string(40, '3')), answers.collector()));
    EXPECT_FALSE(cache.request("four", slow(std::string(40, '4')), answers.collector())) << "two wait already";
    EXPECT_TRUE(cache.request("two", slow(std::string(40, '2')), answers.collector())) << "one more for a key already waiting costs nothing";
    gate.release();
    ASSERT_TRUE(answers.waitFor(4));
    EXPECT_EQ(cache.find("one"), nullptr) << "the oldest went to stay within 100 bytes";
    EXPECT_NE(cache.find("two"), nullptr);
    EXPECT_NE(cache.find("three"), nullptr);
    EXPECT_EQ(cache.bytes(), 80);
    // Larger than the whole cache: served, not kept.
    Answers big;
    ASSERT_TRUE(cache.request("big", [] { return core::Result<std::string>(std::string(500, 'b')); }, big.collector()));
    ASSERT_TRUE(big.waitFor(1));
    EXPECT_EQ((*big.got.front())->size(), 500u);
    EXPECT_EQ(cache.find("big"), nullptr);
    EXPECT_EQ(cache.bytes(), 80);
}

TEST(RenderCacheTest, StoppingAnswersTheRendersStillWaiting)
{
    Answers answers;
    Gate gate;
    {
        RenderCache cache(1024, 1, 8);
        ASSERT_TRUE(cache.request("running", [&gate]() -> core::Result<std::string> {
            gate.pass();
            return std::string("done");
        }, answers.collector()));
        while (gate.started.load() < 1) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ASSERT_TRUE(cache.request("waiting", [] { return core::Result<std::string>(std::string("never")); }, answers.collector()));
        std::thread opener([&gate] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            gate.release();
        });
        opener.detach();
    }  // the destructor: the running render finishes, the waiting one is answered with an error
    ASSERT_EQ(answers.got.size(), 2u);
    int failed = 0;
    for (const auto& answer : answers.got) {
        failed += answer.has_value() ? 0 : 1;
    }
    EXPECT_EQ(failed, 1);
}

}  // namespace

namespace {

sync::http::Request pageRequest(const std::string& path, const std::string& query = {}, const std::string& language = "en")
{
    sync::http::Request req;
    req.method = "GET";
    req.path = path;
    req.query = query;
    req.headers = {{"Accept-Language", language}};
    return req;
}

const QString kBase = QStringLiteral("https://grooves.example.org");

TEST(RecentAnswersTest, AnAnswerIsReusedForASecondPerRequestAndLanguageAndForgottenWhenItsGrooveChanges)
{
    sync::RecentAnswers recent;
    sync::http::Response page;
    page.status = 200;
    page.body = "<h1>Montuno</h1>";
    page.setHeader("ETag", "\"abc\"");
    const auto req = pageRequest("/g/aaaa");
    sync::http::Response out;
    EXPECT_FALSE(recent.answer(req, kBase, out)) << "nothing kept yet";
    recent.keep(req, kBase, page, QStringLiteral("aaaa"), recent.generation(QStringLiteral("aaaa")));
    ASSERT_TRUE(recent.answer(req, kBase, out));
    EXPECT_EQ(out.body, page.body);
    EXPECT_FALSE(recent.answer(pageRequest("/g/aaaa", "clave=3-2"), kBase, out)) << "another combination";
    EXPECT_FALSE(recent.answer(pageRequest("/g/aaaa", {}, "es"), kBase, out)) << "another language";

    auto revalidate = req;
    revalidate.headers.emplace_back("If-None-Match", "\"abc\"");
    sync::http::Response notModified;
    ASSERT_TRUE(recent.answer(revalidate, kBase, notModified));
    EXPECT_EQ(notModified.status, 304);
    EXPECT_TRUE(notModified.body.empty());

    sync::http::Response refused;
    refused.status = 404;
    recent.keep(pageRequest("/g/bbbb"), kBase, refused, QStringLiteral("bbbb"), 0);
    EXPECT_FALSE(recent.answer(pageRequest("/g/bbbb"), kBase, out)) << "only answers that found the groove are kept";

    recent.keep(pageRequest("/g/cccc"), kBase, page, QStringLiteral("cccc"), 0);
    recent.forget(QStringLiteral("aaaa"));
    EXPECT_FALSE(recent.answer(req, kBase, out)) << "its author changed it";
    EXPECT_TRUE(recent.answer(pageRequest("/g/cccc"), kBase, out)) << "others stay";

    // A page asked at another address (a Host header) names that address: not the same answer.
    EXPECT_FALSE(recent.answer(pageRequest("/g/cccc"), QStringLiteral("http://evil.example"), out));
    // An answer made from the groove as it was before a change is not kept after the change.
    const auto before = recent.generation(QStringLiteral("cccc"));
    recent.forget(QStringLiteral("cccc"));
    recent.keep(pageRequest("/g/cccc"), kBase, page, QStringLiteral("cccc"), before);
    EXPECT_FALSE(recent.answer(pageRequest("/g/cccc"), kBase, out)) << "made before the change";
    recent.keep(pageRequest("/g/cccc"), kBase, page, QStringLiteral("cccc"), recent.generation(QStringLiteral("cccc")));
    EXPECT_TRUE(recent.answer(pageRequest("/g/cccc"), kBase, out));

    std::this_thread::sleep_for(std::chrono::milliseconds(sync::RecentAnswers::kFreshMs + 50));
    EXPECT_FALSE(recent.answer(pageRequest("/g/cccc"), kBase, out)) << "a second later the database is asked again";
}

}  // namespace
