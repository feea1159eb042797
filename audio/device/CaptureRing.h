#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace bandmate::audio {

/// What the device callback recorded, for one worker thread to read: two channels of frames,
/// the input (what the microphone heard) and the output (what the speakers played, mono), frame
/// for frame in step: frame i of both belongs to the same instant of the device's clock.
///
/// The callback only copies into it (no locks, no allocation); the buffers are allocated when
/// the ring is made. When the worker falls so far behind that a block does not fit, the block is
/// dropped whole and counted (`overflowedFrames`): a take with a gap is not a take.
///
/// Memory order as in SpscQueue: the writer fills the frames, then publishes them with a release
/// store of the written count; the reader acquires it, reads, and releases what it consumed.
class CaptureRing {
public:
    /// `capacity` frames are rounded up to a power of two.
    explicit CaptureRing(size_t capacity)
    {
        size_t size = 1;
        while (size < capacity) {
            size *= 2;
        }
        m_input.assign(size, 0.0f);
        m_output.assign(size, 0.0f);
        m_mask = size - 1;
    }

    [[nodiscard]] size_t capacity() const noexcept { return m_mask + 1; }

    // --- the device callback ----------------------------------------------------------------
    /// Appends `frames` of both channels (`output` may be null: silence). False, and nothing
    /// written, when they do not fit.
    bool write(const float* input, const float* output, size_t frames) noexcept
    {
        const uint64_t written = m_written.load(std::memory_order_relaxed);
        const uint64_t read = m_read.load(std::memory_order_acquire);
        if (frames > capacity() - static_cast<size_t>(written - read)) {
            m_overflowed.fetch_add(frames, std::memory_order_relaxed);
            return false;
        }
        for (size_t i = 0; i < frames; ++i) {
            const size_t slot = static_cast<size_t>(written + i) & m_mask;
            m_input[slot] = input != nullptr ? input[i] : 0.0f;
            m_output[slot] = output != nullptr ? output[i] : 0.0f;
        }
        m_written.store(written + frames, std::memory_order_release);
        return true;
    }

    // --- the worker -------------------------------------------------------------------------
    /// Moves up to `frames` of what was written into `input` and `output` (either may be null:
    /// skipped). Returns how many.
    size_t read(float* input, float* output, size_t frames) noexcept
    {
        const uint64_t read = m_read.load(std::memory_order_relaxed);
        const uint64_t written = m_written.load(std::memory_order_acquire);
        const size_t count = std::min(frames, static_cast<size_t>(written - read));
        for (size_t i = 0; i < count; ++i) {
            const size_t slot = static_cast<size_t>(read + i) & m_mask;
            if (input != nullptr) {
                input[i] = m_input[slot];
            }
            if (output != nullptr) {
                output[i] = m_output[slot];
            }
        }
        m_read.store(read + count, std::memory_order_release);
        return count;
    }

    // --- any thread -------------------------------------------------------------------------
    /// Frames written since the ring was made (not counting dropped ones).
    [[nodiscard]] uint64_t framesWritten() const noexcept { return m_written.load(std::memory_order_acquire); }
    /// Frames the callback had to drop because the worker had not read enough.
    [[nodiscard]] uint64_t overflowedFrames() const noexcept { return m_overflowed.load(std::memory_order_relaxed); }

private:
    std::vector<float> m_input;
    std::vector<float> m_output;
    size_t m_mask = 0;
    alignas(64) std::atomic<uint64_t> m_written{0};
    alignas(64) std::atomic<uint64_t> m_read{0};
    std::atomic<uint64_t> m_overflowed{0};
    static_assert(std::atomic<uint64_t>::is_always_lock_free);
};

}  // namespace bandmate::audio
