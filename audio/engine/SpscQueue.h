#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <optional>

namespace bandmate::audio {

/// A bounded single-producer single-consumer FIFO without locks or allocation, for plain values
/// between one non-real-time thread and the audio callback. `Capacity` must be a power of two;
/// it holds Capacity - 1 items.
///
/// Memory order: the producer writes the slot, then publishes it with a release store of m_head;
/// the consumer's acquire load of m_head makes the slot visible before it reads it. Symmetrically
/// the consumer releases the slot with m_tail, which the producer acquires before reusing it.
template <typename T, size_t Capacity>
class SpscQueue {
    static_assert(Capacity >= 2 && (Capacity & (Capacity - 1)) == 0, "Capacity must be a power of two");
    static_assert(std::atomic<size_t>::is_always_lock_free);

public:
    /// Producer side. False when full (the item is not queued).
    bool push(const T& item) noexcept
    {
        const size_t head = m_head.load(std::memory_order_relaxed);
        const size_t next = (head + 1) & (Capacity - 1);
        if (next == m_tail.load(std::memory_order_acquire)) {
            return false;
        }
        m_items[head] = item;
        m_head.store(next, std::memory_order_release);
        return true;
    }

    /// Consumer side. Empty optional when there is nothing.
    std::optional<T> pop() noexcept
    {
        const size_t tail = m_tail.load(std::memory_order_relaxed);
        if (tail == m_head.load(std::memory_order_acquire)) {
            return std::nullopt;
        }
        T item = m_items[tail];
        m_tail.store((tail + 1) & (Capacity - 1), std::memory_order_release);
        return item;
    }

private:
    std::array<T, Capacity> m_items{};
    alignas(64) std::atomic<size_t> m_head{0};
    alignas(64) std::atomic<size_t> m_tail{0};
};

}  // namespace bandmate::audio
