// bandmate-test-clock-source CLIENT BPM [JITTER_US]: a MIDI clock sender for the live tests, as a
// DAW or a hardware drum machine would be. A JACK client with a MIDI output (out) that sends 24
// ticks a beat at BPM, each moved by up to ±JITTER_US at random (a USB MIDI interface's
// jitter), from the moment it starts; and a MIDI input (in) whose messages it records. Commands
// on stdin, one a line: start (Start, the next tick is beat 0), stop (Stop), continue (Song
// Position on the next sixteenth, then Continue), silence (no more ticks: a pulled cable),
// resume (ticks again), note KEY (a Note On of KEY and its Note Off: a pedal or a pad), quit. Prints "ready" once active; at quit, everything sent and heard:
//   S FRAME IDEAL SONGTICK HEX   a message sent at FRAME (IDEAL: the tick's frame without jitter;
//                                SONGTICK: the tick's place in the song, -1 when stopped)
//   R FRAME HEX                  a message heard
// FRAME is JACK's frame time.
#include <jack/jack.h>
#include <jack/midiport.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

struct Logged {
    char kind = 'S';
    uint32_t frame = 0;
    double ideal = 0.0;
    long long songTick = -1;
    uint8_t size = 0;
    uint8_t bytes[3] = {0, 0, 0};
};

enum Command : int { kNone, kStart, kStop, kContinue, kSilence, kResume };

struct Source {
    jack_client_t* client = nullptr;
    jack_port_t* out = nullptr;
    jack_port_t* in = nullptr;
    double framesPerTick = 0.0;
    double jitterFrames = 0.0;
    std::mt19937 random{20261207};
    double nextTick = -1.0;  // the next tick's ideal frame
    bool ticking = true;
    bool running = false;
    long long songTick = 0;  // the next tick's, while running
    std::atomic<int> command{kNone};
    std::atomic<int> note{-1};  // a key to play at the next cycle
    std::vector<Logged> log;  // reserved: the process thread never allocates
    std::atomic<size_t> logged{0};
};

void record(Source& source, const Logged& entry)
{
    const size_t at = source.logged.load(std::memory_order_relaxed);
    if (at < source.log.size()) {
        source.log[at] = entry;
        source.logged.store(at + 1, std::memory_order_release);
    }
}

void send(Source& source, void* buffer, jack_nframes_t start, jack_nframes_t offset, double ideal, long long songTick,
          std::initializer_list<uint8_t> bytes)
{
    Logged entry;
    entry.kind = 'S';
    entry.frame = start + offset;
    entry.ideal = ideal;
    entry.songTick = songTick;
    entry.size = static_cast<uint8_t>(bytes.size());
    std::copy(bytes.begin(), bytes.end(), entry.bytes);
    if (jack_midi_event_write(buffer, offset, entry.bytes, entry.size) == 0) {
        record(source, entry);
    }
}

int process(jack_nframes_t frames, void* arg)
{
    auto& source = *static_cast<Source*>(arg);
    const jack_nframes_t start = jack_last_frame_time(source.client);
    // What was heard.
    void* inBuffer = jack_port_get_buffer(source.in, frames);
    const uint32_t count = jack_midi_get_event_count(inBuffer);
    for (uint32_t i = 0; i < count; ++i) {
        jack_midi_event_t event{};
        if (jack_midi_event_get(&event, inBuffer, i) == 0 && event.size >= 1) {
            Logged entry;
            entry.kind = 'R';
            entry.frame = start + event.time;
            entry.size = static_cast<uint8_t>(std::min<size_t>(event.size, 3));
            std::memcpy(entry.bytes, event.buffer, entry.size);
            record(source, entry);
        }
    }
    void* buffer = jack_port_get_buffer(source.out, frames);
    jack_midi_clear_buffer(buffer);
    if (source.nextTick < 0.0) {
        source.nextTick = static_cast<double>(start) + frames;  // the first tick: next cycle
    }
    switch (source.command.exchange(kNone)) {
    case kStart:
        source.running = true;
        source.songTick = 0;
        send(source, buffer, start, 0, 0.0, -1, {0xFA});
        break;
    case kStop:
        source.running = false;
        send(source, buffer, start, 0, 0.0, -1, {0xFC});
        break;
    case kContinue: {
        const long long sixteenth = (source.songTick + 5) / 6;
        source.songTick = sixteenth * 6;
        send(source, buffer, start, 0, 0.0, -1,
             {0xF2, static_cast<uint8_t>(sixteenth & 0x7F), static_cast<uint8_t>((sixteenth >> 7) & 0x7F)});
        send(source, buffer, start, 0, 0.0, -1, {0xFB});
        source.running = true;
        break;
    }
    case kSilence: source.ticking = false; break;
    case kResume: source.ticking = true; break;
    default: break;
    }
    if (const int key = source.note.exchange(-1); key >= 0) {
        send(source, buffer, start, 0, 0.0, -1, {0x90, static_cast<uint8_t>(key), 100});
        send(source, buffer, start, 1, 0.0, -1, {0x80, static_cast<uint8_t>(key), 0});
    }
    std::uniform_real_distribution<double> jitter(-source.jitterFrames, source.jitterFrames);
    jack_nframes_t last = 0;
    while (source.nextTick < static_cast<double>(start) + frames) {
        const double ideal = source.nextTick;
        source.nextTick += source.framesPerTick;
        if (!source.ticking) {
            source.songTick += source.running ? 1 : 0;  // the song goes on where the cable is pulled
            continue;
        }
        const double at = ideal + (source.jitterFrames > 0.0 ? jitter(source.random) : 0.0) - static_cast<double>(start);
        const auto offset = static_cast<jack_nframes_t>(std::clamp(std::llround(at), static_cast<long long>(last),
                                                                   static_cast<long long>(frames - 1)));
        last = offset;
        send(source, buffer, start, offset, ideal, source.running ? source.songTick : -1, {0xF8});
        if (source.running) {
            ++source.songTick;
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s CLIENT BPM [JITTER_US]\n", argv[0]);
        return 2;
    }
    Source source;
    source.log.resize(1u << 20);
    jack_status_t status{};
    source.client = jack_client_open(argv[1], JackNoStartServer, &status);
    if (source.client == nullptr) {
        std::fprintf(stderr, "no JACK server (status 0x%x)\n", static_cast<unsigned>(status));
        return 1;
    }
    const double rate = jack_get_sample_rate(source.client);
    source.framesPerTick = rate * 60.0 / std::strtod(argv[2], nullptr) / 24.0;
    source.jitterFrames = argc > 3 ? std::strtod(argv[3], nullptr) * 1e-6 * rate : 0.0;
    source.out = jack_port_register(source.client, "out", JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
    source.in = jack_port_register(source.client, "in", JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
    if (source.out == nullptr || source.in == nullptr || jack_set_process_callback(source.client, process, &source) != 0
        || jack_activate(source.client) != 0) {
        std::fprintf(stderr, "could not set up the JACK client\n");
        jack_client_close(source.client);
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    char line[256];
    while (std::fgets(line, sizeof line, stdin) != nullptr) {
        const std::string word = std::string(line).substr(0, std::strcspn(line, "\r\n"));
        const Command command = word == "start" ? kStart
                                : word == "stop" ? kStop
                                : word == "continue" ? kContinue
                                : word == "silence" ? kSilence
                                : word == "resume" ? kResume
                                                      : kNone;
        if (word == "quit") {
            break;
        }
        if (word.rfind("note ", 0) == 0) {
            source.note.store(std::atoi(word.c_str() + 5) & 0x7F);
            continue;
        }
        if (command != kNone) {
            source.command.store(command);
        }
    }
    jack_deactivate(source.client);
    const size_t count = source.logged.load(std::memory_order_acquire);
    for (size_t i = 0; i < count; ++i) {
        const Logged& entry = source.log[i];
        if (entry.kind == 'S') {
            std::printf("S %u %.3f %lld", entry.frame, entry.ideal, entry.songTick);
        } else {
            std::printf("R %u", entry.frame);
        }
        for (uint8_t b = 0; b < entry.size; ++b) {
            std::printf(" %02x", entry.bytes[b]);
        }
        std::printf("\n");
    }
    jack_client_close(source.client);
    return 0;
}
