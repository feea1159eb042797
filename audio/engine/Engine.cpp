#include "audio/engine/Engine.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace bandmate::audio {

using core::beats::Flavor;
using core::beats::MachineLimits;

namespace {

// A short decaying sine for the count-in: 25 ms, the accent an octave up.
std::vector<float> makeClick(double sampleRate, double hz, float level)
{
    const auto frames = static_cast<size_t>(sampleRate * 0.025);
    std::vector<float> click(frames);
    for (size_t i = 0; i < frames; ++i) {
        const double t = static_cast<double>(i) / sampleRate;
        click[i] = level * static_cast<float>(std::sin(2.0 * std::numbers::pi * hz * t) * std::exp(-t * 160.0));
    }
    return click;
}

}  // namespace

Engine::Engine()
{
    m_channelVolume.fill(1.0f);
    m_patternVolume.fill(1.0f);
    prepareNonRealTime(48000.0);
}

Engine::~Engine() = default;

void Engine::prepareNonRealTime(double sampleRate)
{
    m_sampleRate = sampleRate > 0 ? sampleRate : 48000.0;
    retireFadingPattern();
    m_voices.assign(kMaxVoices + kFadeVoices, Voice{});
    m_clickAccent = makeClick(m_sampleRate, 1760.0, 0.7f);
    m_click = makeClick(m_sampleRate, 880.0, 0.5f);
    m_limiterRelease = static_cast<float>(std::exp(-1.0 / (0.120 * m_sampleRate)));  // 120 ms release
    m_limiterEnvelope = 0.0f;
    m_framesPerStep = framesPerStep();
}

// ---- control thread ----------------------------------------------------------------------

void Engine::send(const Command& command)
{
    if (!m_commands.push(command)) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
    }
}

void Engine::setPattern(std::shared_ptr<const Pattern> pattern)
{
    releaseRetiredNonRealTime();
    if (!pattern) {
        return;
    }
    const Pattern* raw = pattern.get();
    m_owned.push_back(std::move(pattern));
    // The audio thread takes m_pending with an exchange too, so exactly one side gets `unseen`:
    // if it is us, the audio thread never saw that pattern and it can go now.
    if (const Pattern* unseen = m_pending.exchange(raw, std::memory_order_acq_rel)) {
        auto it = std::find_if(m_owned.begin(), m_owned.end(), [&](const auto& p) { return p.get() == unseen; });
        if (it != m_owned.end()) {
            m_owned.erase(it);
        }
    }
}

void Engine::releaseRetiredNonRealTime()
{
    while (auto retired = m_retired.pop()) {
        auto it = std::find_if(m_owned.begin(), m_owned.end(), [&](const auto& p) { return p.get() == *retired; });
        if (it != m_owned.end()) {
            m_owned.erase(it);
        }
    }
}

void Engine::play(bool countIn, int fromStep)
{
    send({CommandType::Play, std::max(0, fromStep), countIn ? 1.0 : 0.0});
}

void Engine::restartSongInBar()
{
    send({CommandType::SongTop, 0, 0.0});
}

void Engine::queueJump(int target, int quantumSteps)
{
    send({CommandType::QueueJump, target, static_cast<double>(std::max(1, quantumSteps))});
}

void Engine::stop()
{
    send({CommandType::Stop, 0, 0.0});
}

void Engine::resume()
{
    send({CommandType::Resume, 0, 0.0});
}

// A NaN would pass std::clamp and poison every frame after it: not a number is no change.
void Engine::setTempo(double bpm)
{
    if (std::isfinite(bpm)) {
        send({CommandType::Tempo, 0, std::clamp(bpm, MachineLimits::kMinBpm, MachineLimits::kMaxBpm)});
    }
}

void Engine::setSwing(double amount)
{
    if (std::isfinite(amount)) {
        send({CommandType::Swing, 0, std::clamp(amount, 0.0, 1.0)});
    }
}

void Engine::setChannelVolume(int channel, double gain)
{
    if (std::isfinite(gain)) {
        send({CommandType::ChannelVolume, channel, std::clamp(gain, 0.0, 4.0)});
    }
}

namespace {

/// Sets or clears one channel's bit; only the control thread writes the masks.
void setBit(std::atomic<uint64_t>& mask, int channel, bool on)
{
    if (channel < 0 || channel >= Engine::kMaxChannels) {
        return;
    }
    const uint64_t bit = uint64_t{1} << channel;
    if (on) {
        mask.fetch_or(bit, std::memory_order_relaxed);
    } else {
        mask.fetch_and(~bit, std::memory_order_relaxed);
    }
}

}  // namespace

void Engine::setChannelMute(int channel, bool muted)
{
    setBit(m_muteMask, channel, muted);
}

void Engine::setChannelSolo(int channel, bool solo)
{
    setBit(m_soloMask, channel, solo);
}

void Engine::setMasterGain(double gain)
{
    if (std::isfinite(gain)) {
        send({CommandType::MasterGain, 0, std::clamp(gain, 0.0, 4.0)});
    }
}

// ---- audio thread --------------------------------------------------------------------------

double Engine::framesPerStep() const noexcept
{
    const Flavor flavor = playingFlavor();
    const double factor = m_clockDriven ? 1.0 : m_tempoFactor;
    return m_sampleRate * 60.0 / (m_bpm * factor * core::beats::stepsPerBeat(flavor));
}

void Engine::rebaseTempo(double newFramesPerStep) noexcept
{
    // Keep the playhead where it is and continue from here at the new step length.
    const auto now = static_cast<double>(m_frame);
    m_segmentStep += (now - m_segmentFrame) / m_framesPerStep;
    m_segmentFrame = now;
    m_framesPerStep = newFramesPerStep;
}

int64_t Engine::onsetFrame(int64_t step) const noexcept
{
    double frame = m_segmentFrame + (static_cast<double>(step) - m_segmentStep) * m_framesPerStep;
    if (step % 2 != 0) {
        frame += m_swing * m_framesPerStep / 3.0;
    }
    return std::llround(frame);
}

void Engine::apply(const Command& command) noexcept
{
    const bool validChannel = command.channel >= 0 && command.channel < kMaxChannels;
    switch (command.type) {
    case CommandType::Play: {
        const Flavor flavor = playingFlavor();
        m_playing = true;
        m_frame = 0;
        m_nextStep = command.value != 0.0 ? -core::beats::stepsPerBar(flavor) : 0;
        m_segmentFrame = 0.0;
        m_segmentStep = static_cast<double>(m_nextStep);
        const bool song = m_pattern != nullptr && m_pattern->isSong();
        m_songStart = command.channel;
        m_stepOffset = song ? std::min(command.channel, m_pattern->totalSteps() - 1) : 0;
        m_playedOffset = m_stepOffset;
        m_resolvedStep = kUnresolved;
        m_queuedTarget = -1;
        m_tempoFactor = song ? m_pattern->tempoFactorAt(m_stepOffset) : 1.0;
        m_framesPerStep = framesPerStep();
        break;
    }
    case CommandType::SongTop:
        if (m_pattern != nullptr && m_pattern->isSong()) {
            // The song's top where the bar playing now began: what follows is its first bar, in
            // phase (before the first step, or stopped: from the top).
            const int64_t bar = m_pattern->barSteps();
            m_stepOffset = m_nextStep > 0 ? -(m_nextStep - m_nextStep % bar) : 0;
            m_playedOffset = m_stepOffset;
            m_songStart = 0;
            m_queuedTarget = -1;
            m_resolvedStep = kUnresolved;
        }
        break;
    case CommandType::QueueJump:
        m_queuedTarget = command.channel;
        m_queuedQuantum = std::max(1, static_cast<int32_t>(command.value));
        if (m_resolvedStep != kUnresolved && m_resolvedStep == m_nextStep) {
            // Decided but not yet sounded: decided again, with the jump.
            m_stepOffset = m_resolvedFrom - m_resolvedStep;
            m_resolvedStep = kUnresolved;
        }
        break;
    case CommandType::Stop:
        m_playing = false;
        break;
    case CommandType::Resume:
        // The song position (m_frame) does not move while stopped, so everything continues
        // exactly where it paused.
        m_playing = true;
        break;
    case CommandType::Tempo:
        m_bpm = command.value;
        rebaseTempo(framesPerStep());
        break;
    case CommandType::Swing:
        m_swing = command.value;
        break;
    case CommandType::ChannelVolume:
        if (validChannel) {
            m_channelVolume[static_cast<size_t>(command.channel)] = static_cast<float>(command.value);
        }
        break;
    case CommandType::MasterGain:
        m_masterGain = static_cast<float>(command.value);
        break;
    }
}

Flavor Engine::playingFlavor() const noexcept
{
    return m_pattern != nullptr ? m_pattern->flavor() : Flavor::Salsa;
}

void Engine::followClock(const ClockPosition& position) noexcept
{
    // A position no engine could play from (not a number, a billion beats in) is not followed;
    // a stop is, whatever came with it.
    // The clock's tempo even beyond the machine's own range (Link allows 20–999 BPM): its beat
    // moves at it, and so must the steps.
    if (std::isfinite(position.beat) && std::abs(position.beat) < 1e9 && std::isfinite(position.bpm) && position.bpm > 0.0) {
        m_clock = position;
        m_clock.bpm = std::clamp(position.bpm, kMinClockBpm, kMaxClockBpm);
        m_clockPending = true;
    } else if (!position.rolling) {
        m_clock.rolling = false;
        m_clockPending = true;
    }
}

void Engine::resolveSongStep(int64_t step) noexcept
{
    if (step < 0 || step == m_resolvedStep || m_pattern == nullptr || !m_pattern->isSong()) {
        return;
    }
    const int64_t total = m_pattern->totalSteps();
    int64_t at = step + m_stepOffset;
    if (at < 0 || at > total) {
        at = ((at % total) + total) % total;  // a new pattern, shorter than the last
    }
    m_resolvedFrom = at;
    m_resolvedQueued = -1;
    if (m_queuedTarget >= 0 && m_queuedTarget < total && (at % total) % m_queuedQuantum == 0) {
        at = m_queuedTarget;
        m_resolvedQueued = m_queuedTarget;
        m_queuedTarget = -1;
    } else if (const int32_t to = m_pattern->jumpAt(at); to >= 0) {
        at = to;
    } else if (at == total) {
        at = 0;
    }
    m_stepOffset = at - step;
    m_resolvedStep = step;
    const double factor = m_pattern->tempoFactorAt(at);
    if (!m_clockDriven && factor != m_tempoFactor) {
        // The entry's tempo from this step's exact frame on (steps on a bar line: no swing).
        m_segmentFrame += (static_cast<double>(step) - m_segmentStep) * m_framesPerStep;
        m_segmentStep = static_cast<double>(step);
        m_tempoFactor = factor;
        m_framesPerStep = framesPerStep();
    }
}

void Engine::applyClock() noexcept
{
    m_clockPending = false;
    if (!m_clock.rolling) {
        m_playing = false;
        return;
    }
    const Flavor flavor = playingFlavor();
    const double step = m_clock.beat * core::beats::stepsPerBeat(flavor);
    const double here = m_segmentStep + (static_cast<double>(m_frame) - m_segmentFrame) / m_framesPerStep;
    // Starting, or a jump (a relocated transport, a session that re-mapped its beats): play from
    // the clock's next step. A small correction keeps the steps already played: a step is never
    // played twice nor skipped because the clock moved a fraction of a millisecond. Before beat 0
    // (a start on the next bar line) nothing plays until step 0, on its exact frame.
    const bool jump = !m_playing || std::abs(step - here) >= 1.0;
    if (!m_playing && m_pattern != nullptr && m_pattern->isSong()) {
        // A start: the song from where the last play() asked (its top), not from wherever an
        // earlier run's jumps had taken it.
        m_stepOffset = std::min<int64_t>(m_songStart, m_pattern->totalSteps() - 1);
        m_playedOffset = m_stepOffset;
        m_queuedTarget = -1;
    }
    if (jump) {
        m_resolvedStep = kUnresolved;  // the next step's place is decided afresh
    }
    m_playing = true;
    m_bpm = m_clock.bpm;
    m_segmentFrame = static_cast<double>(m_frame);
    m_segmentStep = step;
    m_framesPerStep = framesPerStep();
    if (jump) {
        // The first step whose onset is still to come: a swung off-beat step just behind the
        // clock's position may not have sounded yet.
        m_nextStep = static_cast<int64_t>(std::ceil(step - 1e-9));
        if (onsetFrame(m_nextStep - 1) >= m_frame) {
            --m_nextStep;
        }
    }
    // Never the count-in's negative steps: before beat 0 the engine only waits (also when a
    // switch of flavor rescaled the position while it waited).
    m_nextStep = std::max<int64_t>(0, m_nextStep);
}

void Engine::adoptPendingPattern() noexcept
{
    if (m_pending.load(std::memory_order_relaxed) == nullptr) {
        return;
    }
    const Pattern* next = m_pending.exchange(nullptr, std::memory_order_acq_rel);
    if (next == nullptr) {
        return;
    }
    const Pattern* previous = m_pattern;
    const bool kitChanges = previous != nullptr && &previous->kit() != &next->kit();
    if (kitChanges) {
        // The old kit's notes fade out, so the old pattern (which owns the kit's samples) stays
        // until they are silent. A pattern still fading from an earlier switch goes now, its
        // notes cut: three kits in 3 ms is not worth more memory on this thread.
        retireFadingPattern();
        for (auto& voice : m_voices) {
            if (voice.active) {
                fadeOut(voice);
                voice.oldKit = true;
                // Their mix as it was (the new pattern's volumes are not theirs): on the channel
                // whose gain is always 1.
                voice.gain *= m_channelGain[static_cast<size_t>(voice.channel)];
                voice.channel = kClickChannel;
            }
        }
        m_fadingPattern = previous;
        m_fadingPatternLeft = kFadeFrames;
    }
    if (m_resolvedStep != kUnresolved && m_resolvedStep == m_nextStep) {
        // The next step's place was decided with the old layout and has not sounded: decided
        // again with the new one (a jump it had taken from the queue waits for it again).
        m_stepOffset = m_resolvedFrom - m_resolvedStep;
        if (m_resolvedQueued >= 0 && m_queuedTarget < 0) {
            m_queuedTarget = m_resolvedQueued;
        }
    }
    m_resolvedStep = kUnresolved;
    m_pattern = next;
    if (!next->isSong()) {
        m_stepOffset = 0;
        m_playedOffset = 0;
        m_queuedTarget = -1;
        if (m_tempoFactor != 1.0) {
            // Back to the machine's own tempo from here on (not the last section's).
            m_tempoFactor = 1.0;
            if (!m_clockPending) {
                rebaseTempo(framesPerStep());
            }
        }
    } else {
        if (m_queuedTarget >= next->totalSteps()) {
            m_queuedTarget = -1;  // a break or section the new layout no longer has
        }
    }
    m_patternVolume.fill(1.0f);
    for (const auto& channel : next->channels()) {
        if (channel.mixerChannel >= 0 && channel.mixerChannel < kMaxChannels) {
            m_patternVolume[static_cast<size_t>(channel.mixerChannel)] = channel.volume;
        }
    }
    if (previous != nullptr && previous->flavor() != next->flavor()) {
        // Salsa steps are eighths, merengue steps sixteenths: the same place in the bar is
        // another step number, so the position scales with the step length (the beat goes on
        // where it was instead of jumping by half or double).
        rebaseTempo(framesPerStep());
        const double ratio = static_cast<double>(core::beats::stepsPerBeat(next->flavor())) / core::beats::stepsPerBeat(previous->flavor());
        m_segmentStep *= ratio;
        m_nextStep = static_cast<int64_t>(std::ceil(m_segmentStep - 1e-9));
    }
    if (previous != nullptr && !kitChanges) {
        // Never fails in practice: the control thread drains the queue before every publish, so
        // at most two patterns wait in it (this one and one whose kit's notes faded out). If it ever did fail, the pattern leaks until the
        // engine is destroyed rather than being freed here.
        (void)m_retired.push(previous);
    }
}

void Engine::fadeOut(Voice& voice) noexcept
{
    if (voice.position <= 0) {
        voice.active = false;  // not sounding yet: nothing to fade
    } else if (voice.fadeLeft == 0 || voice.fadeLeft > kFadeFrames) {
        voice.fadeLeft = kFadeFrames;
    }
}

void Engine::retireFadingPattern() noexcept
{
    if (m_fadingPattern == nullptr) {
        return;
    }
    for (auto& voice : m_voices) {
        if (voice.oldKit) {
            voice.active = false;  // its samples are about to be freed
            voice.oldKit = false;
        }
    }
    // Never fails in practice (see adoptPendingPattern); if it did, the pattern leaks until the
    // engine is destroyed rather than being freed here.
    (void)m_retired.push(m_fadingPattern);
    m_fadingPattern = nullptr;
}

void Engine::startVoice(const float* left, const float* right, int64_t length, float gain, int channel,
                        int offset) noexcept
{
    // A free slot; else one already fading out (nearest silence first); else the oldest note.
    Voice* slot = nullptr;
    for (int i = 0; i < kMaxVoices; ++i) {
        Voice& voice = m_voices[static_cast<size_t>(i)];
        if (!voice.active) {
            slot = &voice;
            break;
        }
        const bool fading = voice.fadeLeft > 0;
        const bool slotFading = slot != nullptr && slot->fadeLeft > 0;
        if (slot == nullptr || (fading && (!slotFading || voice.fadeLeft < slot->fadeLeft)) ||
            (!fading && !slotFading && voice.serial < slot->serial)) {
            slot = &voice;
        }
    }
    if (slot->active) {
        if (slot->fadeLeft == 0) {
            ++m_stolen;  // a note cut short (one already fading out was ending anyway)
        }
        // The stolen note moves to a fade slot (a free one, else the one nearest silence) and
        // fades out there while the new note takes its place.
        Voice stolen = *slot;
        fadeOut(stolen);
        if (stolen.active) {
            Voice* fade = nullptr;
            for (size_t i = kMaxVoices; i < m_voices.size(); ++i) {
                Voice& candidate = m_voices[i];
                if (!candidate.active) {
                    fade = &candidate;
                    break;
                }
                if (fade == nullptr || candidate.fadeLeft < fade->fadeLeft) {
                    fade = &candidate;
                }
            }
            *fade = stolen;
        }
    }
    *slot = Voice{left, right != nullptr ? right : left, length, -static_cast<int64_t>(offset), gain,
                  channel, ++m_voiceSerial, true};
}

void Engine::triggerStep(int64_t step, int offset) noexcept
{
    if (step < 0) {  // count-in: a click on every beat, the first one accented
        const Flavor flavor = playingFlavor();
        if (step % core::beats::stepsPerBeat(flavor) == 0) {
            const bool accent = step == -core::beats::stepsPerBar(flavor);
            const auto& click = accent ? m_clickAccent : m_click;
            startVoice(click.data(), nullptr, static_cast<int64_t>(click.size()), 1.0f, kClickChannel, offset);
        }
        return;
    }
    if (m_pattern == nullptr) {
        return;
    }
    const auto& samples = m_pattern->kit().samples();
    const int64_t at = step + m_stepOffset;
    m_playedOffset = m_stepOffset;
    for (const auto& channel : m_pattern->channels()) {
        const auto loopStep = static_cast<size_t>(((at % channel.loopLength) + channel.loopLength) % channel.loopLength);
        for (uint32_t e = channel.stepStart[loopStep]; e < channel.stepStart[loopStep + 1]; ++e) {
            const PatternEvent& event = channel.events[e];
            if (event.sample >= 0) {
                const Sample& sample = samples[static_cast<size_t>(event.sample)];
                startVoice(sample.left.data(), sample.right.empty() ? nullptr : sample.right.data(),
                           static_cast<int64_t>(sample.frames()), event.gain, channel.mixerChannel, offset);
                ++m_notes;
            }
            noteStarted(channel, event, offset);
        }
    }
}

void Engine::noteStarted(const PatternChannel& channel, const PatternEvent& event, int offset) noexcept
{
    if (m_blockNoteCount >= kMaxBlockNotes) {
        ++m_blockNotesDropped;
        return;
    }
    StartedNote& note = m_blockNotes[static_cast<size_t>(m_blockNoteCount++)];
    note.offset = m_blockNoteBase + offset;
    note.lengthFrames = std::max(1, static_cast<int>(channel.keyed ? m_framesPerStep : m_framesPerStep / 2.0));
    note.mixerChannel = static_cast<uint8_t>(channel.mixerChannel);
    note.midiChannel = channel.midiChannel;
    note.key = event.key;
    note.velocity = static_cast<uint8_t>(std::clamp(std::lround(event.gain * 127.0f), 1L, 127L));
    note.silent = channel.mixerChannel >= 0 && channel.mixerChannel < kMaxChannels
                  && (m_blockSilent & (uint64_t{1} << channel.mixerChannel)) != 0;
}

void Engine::renderVoices(float* left, float* right, int frames) noexcept
{
    // Each switch on its own; a block sees both masks as they were at its start (process()).
    for (int c = 0; c < kMaxChannels; ++c) {
        const auto i = static_cast<size_t>(c);
        const bool silent = (m_blockSilent & (uint64_t{1} << c)) != 0;
        m_channelGain[i] = silent ? 0.0f : m_channelVolume[i] * m_patternVolume[i];
    }
    m_channelGain[kClickChannel] = 1.0f;

    int sounding = 0;
    for (size_t v = 0; v < m_voices.size(); ++v) {
        Voice& voice = m_voices[v];
        if (!voice.active) {
            continue;
        }
        const int begin = voice.position < 0 ? static_cast<int>(std::min<int64_t>(-voice.position, frames)) : 0;
        const int64_t source = voice.position + begin;
        int count = static_cast<int>(std::min<int64_t>(frames - begin, voice.length - source));
        const float gain = voice.gain * m_channelGain[static_cast<size_t>(voice.channel)];
        const float* inL = voice.left + source;
        const float* inR = voice.right + source;
        float* outL = left + begin;
        float* outR = right + begin;
        if (voice.fadeLeft > 0) {
            // A linear ramp from where the fade is down to silence at fadeLeft frames.
            count = std::min(count, voice.fadeLeft);
            const float step = gain / static_cast<float>(kFadeFrames);
            for (int n = 0; n < count; ++n) {
                const float g = step * static_cast<float>(voice.fadeLeft - n);
                outL[n] += inL[n] * g;
                outR[n] += inR[n] * g;
            }
            voice.fadeLeft -= frames - begin;
            voice.position += frames;
            voice.active = voice.fadeLeft > 0 && voice.position < voice.length;
            if (!voice.active) {
                voice.fadeLeft = 0;
                voice.oldKit = false;
            }
            continue;
        }
        for (int n = 0; n < count; ++n) {
            outL[n] += inL[n] * gain;
            outR[n] += inR[n] * gain;
        }
        voice.position += frames;
        voice.active = voice.position < voice.length;
        sounding += voice.active && v < static_cast<size_t>(kMaxVoices) ? 1 : 0;
    }
    m_statusVoices.store(sounding, std::memory_order_relaxed);
}

void Engine::applyMasterAndLimiter(float* left, float* right, int frames) noexcept
{
    const float master = m_masterGain * (m_pattern != nullptr ? m_pattern->masterVolume() : 1.0f);
    float envelope = m_limiterEnvelope;
    for (int n = 0; n < frames; ++n) {
        const float l = left[n] * master;
        const float r = right[n] * master;
        // Instant attack, smooth release: the gain never lets a peak past the ceiling.
        const float peak = std::max(std::abs(l), std::abs(r));
        envelope = std::max(peak, envelope * m_limiterRelease);
        const float gain = envelope > kLimiterCeiling ? kLimiterCeiling / envelope : 1.0f;
        left[n] = l * gain;
        right[n] = r * gain;
    }
    // After seconds of silence the release decays into denormals, which some CPUs process a
    // hundred times slower: below any audible level it is simply zero.
    m_limiterEnvelope = envelope < 1e-12f ? 0.0f : envelope;
}

void Engine::process(float* left, float* right, int frames, bool continuesBlock) noexcept
{
    frames = std::clamp(frames, 0, kMaxBlockFrames);
    std::fill_n(left, frames, 0.0f);
    std::fill_n(right, frames, 0.0f);

    if (!continuesBlock) {
        m_blockNoteCount = 0;
        m_blockNoteBase = 0;
    }
    const uint64_t mute = m_muteMask.load(std::memory_order_relaxed);
    const uint64_t solo = m_soloMask.load(std::memory_order_relaxed);
    m_blockSilent = mute | (solo != 0 ? ~solo : 0);
    adoptPendingPattern();
    m_clockDriven = m_clockPending;
    while (auto command = m_commands.pop()) {
        apply(*command);
    }
    if (m_clockPending) {
        applyClock();
    }

    const int64_t offsetAtStart = m_playedOffset;  // the song step heard at the block's start
    if (m_playing) {
        const int64_t blockEnd = m_frame + frames;
        // Each iteration starts one step; the bound only guards against a corrupted state.
        for (int guard = 0; guard < 4 * kMaxBlockFrames; ++guard) {
            resolveSongStep(m_nextStep);
            const int64_t onset = onsetFrame(m_nextStep);
            if (onset >= blockEnd) {
                break;
            }
            triggerStep(m_nextStep, static_cast<int>(std::max<int64_t>(0, onset - m_frame)));
            if (m_nextStep >= 0) {
                m_beatsPlayed += 1.0 / core::beats::stepsPerBeat(playingFlavor());
            }
            ++m_nextStep;
        }
    }

    renderVoices(left, right, frames);
    applyMasterAndLimiter(left, right, frames);
    if (m_fadingPattern != nullptr) {
        m_fadingPatternLeft -= frames;
        if (m_fadingPatternLeft <= 0) {
            retireFadingPattern();  // every one of its notes has faded out by now
        }
    }

    if (m_playing) {
        if (!continuesBlock) {
            const double step = m_segmentStep + (static_cast<double>(m_frame) - m_segmentFrame) / m_framesPerStep;
            m_statusStep.store(step, std::memory_order_relaxed);
            m_statusBeat.store(step / core::beats::stepsPerBeat(playingFlavor()), std::memory_order_relaxed);
            const bool song = m_pattern != nullptr && m_pattern->isSong();
            m_statusSongStep.store(song ? std::max(0.0, step) + static_cast<double>(offsetAtStart) : 0.0, std::memory_order_relaxed);
        }
        m_frame += frames;
    }
    m_blockNoteBase += frames;
    m_statusBeatsPlayed.store(m_beatsPlayed, std::memory_order_relaxed);
    m_statusPlaying.store(m_playing, std::memory_order_relaxed);
    m_statusBpm.store(m_clockDriven ? m_bpm : m_bpm * m_tempoFactor, std::memory_order_relaxed);
    m_statusFrames.store(m_frame, std::memory_order_relaxed);
    m_statusNotes.store(m_notes, std::memory_order_relaxed);
    m_statusStolen.store(m_stolen, std::memory_order_relaxed);
    m_statusQueued.store(m_queuedTarget, std::memory_order_relaxed);
}

}  // namespace bandmate::audio
