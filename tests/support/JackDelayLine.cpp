// bandmate-test-delay-line CLIENT DELAY_FRAMES [GAIN]: a JACK client for live-audio tests, the
// "room" between Bandmate's output and its input. It has one input port (in) and one output port
// (out) and plays what reaches its input DELAY_FRAMES later, times GAIN. Connect Bandmate's output
// to CLIENT:in and CLIENT:out to Bandmate's input (LivePlayer does both when CLIENT is chosen as
// the output and the input device). Prints "ready" once active; runs until stdin closes.
#include <jack/jack.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct DelayLine {
    jack_port_t* in = nullptr;
    jack_port_t* out = nullptr;
    std::vector<float> buffer;  // the last DELAY_FRAMES input frames, a ring
    size_t position = 0;
    float gain = 1.0f;
};

int process(jack_nframes_t frames, void* arg)
{
    auto* line = static_cast<DelayLine*>(arg);
    const auto* in = static_cast<const float*>(jack_port_get_buffer(line->in, frames));
    auto* out = static_cast<float*>(jack_port_get_buffer(line->out, frames));
    for (jack_nframes_t i = 0; i < frames; ++i) {
        const float now = in[i];
        if (line->buffer.empty()) {
            out[i] = line->gain * now;
            continue;
        }
        out[i] = line->gain * line->buffer[line->position];
        line->buffer[line->position] = now;
        line->position = (line->position + 1) % line->buffer.size();
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s CLIENT DELAY_FRAMES [GAIN]\n", argv[0]);
        return 2;
    }
    DelayLine line;
    line.buffer.assign(static_cast<size_t>(std::strtoul(argv[2], nullptr, 10)), 0.0f);
    line.gain = argc > 3 ? std::strtof(argv[3], nullptr) : 1.0f;
    jack_status_t status{};
    jack_client_t* client = jack_client_open(argv[1], JackNoStartServer, &status);
    if (client == nullptr) {
        std::fprintf(stderr, "no JACK server (status 0x%x)\n", static_cast<unsigned>(status));
        return 1;
    }
    line.in = jack_port_register(client, "in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
    line.out = jack_port_register(client, "out", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
    if (line.in == nullptr || line.out == nullptr || jack_set_process_callback(client, process, &line) != 0
        || jack_activate(client) != 0) {
        std::fprintf(stderr, "could not set up the JACK client\n");
        jack_client_close(client);
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    while (std::getchar() != EOF) {
    }
    jack_deactivate(client);
    jack_client_close(client);
    return 0;
}
