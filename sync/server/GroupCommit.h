#pragma once

#include <QList>

#include <condition_variable>
#include <functional>
#include <mutex>

namespace bandmate::sync {

/// Group commit for database workers: requests that arrive while one group is being written
/// queue up, and the worker that finds no writer busy writes everything queued in one
/// transaction (one disk flush for all). `Request` has a `bool done` the writer's caller sets.
/// Writes of one kind (pushes, votes) never wait in SQLite's busy handler (up to 100 ms) for
/// each other; other writes still may.
template <typename Request>
class GroupCommit {
public:
    using Write = std::function<void(QList<Request*>&)>;

    /// Returns when `request` has been written (by this thread or another).
    void run(Request& request, const Write& write)
    {
        std::unique_lock lock(m_mutex);
        m_queue.append(&request);
        while (!request.done) {
            if (m_writerBusy) {
                m_written.wait(lock);
                continue;
            }
            m_writerBusy = true;
            QList<Request*> group;
            group.swap(m_queue);
            lock.unlock();
            // Whatever happens in `write` (an exception too), the group ends and the next
            // writer may start: no request waits for ever.
            struct Finish {
                GroupCommit& self;
                QList<Request*>& group;
                std::unique_lock<std::mutex>& lock;
                ~Finish()
                {
                    if (!lock.owns_lock()) {
                        lock.lock();
                    }
                    for (Request* finished : group) {
                        finished->done = true;
                    }
                    self.m_writerBusy = false;
                    self.m_written.notify_all();
                }
            } finish{*this, group, lock};
            write(group);
        }
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_written;
    QList<Request*> m_queue;
    bool m_writerBusy = false;
};

}  // namespace bandmate::sync
