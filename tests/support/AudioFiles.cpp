#include "tests/support/AudioFiles.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <cstring>
#include <fstream>
#include <iterator>

namespace bandmate::test {

namespace {

std::vector<uint8_t> slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

uint32_t le32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16
           | static_cast<uint32_t>(p[3]) << 24;
}

uint16_t le16(const uint8_t* p)
{
    return static_cast<uint16_t>(p[0] | p[1] << 8);
}

uint32_t be32(const uint8_t* p)
{
    return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 | static_cast<uint32_t>(p[2]) << 8
           | static_cast<uint32_t>(p[3]);
}

void put16(std::string& out, uint32_t v)
{
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void put32(std::string& out, uint32_t v)
{
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

}  // namespace

WavData readWav(const std::string& path, std::string* error)
{
    WavData wav;
    const auto bytes = slurp(path);
    if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 || std::memcmp(bytes.data() + 8, "WAVE", 4) != 0) {
        *error = "not a RIFF/WAVE file";
        return wav;
    }
    int format = 0;
    size_t pos = 12;
    while (pos + 8 <= bytes.size()) {
        const uint8_t* chunk = bytes.data() + pos;
        const uint32_t size = le32(chunk + 4);
        const uint8_t* body = chunk + 8;
        if (pos + 8 + size > bytes.size()) {
            *error = "chunk runs past the end of the file";
            return WavData{};
        }
        if (std::memcmp(chunk, "fmt ", 4) == 0 && size >= 16) {
            format = le16(body);
            wav.channels = le16(body + 2);
            wav.sampleRate = static_cast<int>(le32(body + 4));
            wav.bitsPerSample = le16(body + 14);
            if (format == 0xFFFE && size >= 40) {
                format = le16(body + 24);  // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the tag
            }
        } else if (std::memcmp(chunk, "data", 4) == 0) {
            if (wav.channels <= 0 || (format != 1 && format != 3)) {
                *error = "data before a supported fmt chunk";
                return WavData{};
            }
            const int bytesPerSample = wav.bitsPerSample / 8;
            const size_t frames = size / static_cast<size_t>(bytesPerSample * wav.channels);
            wav.samples.assign(static_cast<size_t>(wav.channels), std::vector<float>(frames));
            for (size_t f = 0; f < frames; ++f) {
                for (int c = 0; c < wav.channels; ++c) {
                    const uint8_t* s = body + (f * static_cast<size_t>(wav.channels) + static_cast<size_t>(c))
                                                  * static_cast<size_t>(bytesPerSample);
                    float value = 0.0f;
                    if (format == 3 && bytesPerSample == 4) {
                        const uint32_t bits = le32(s);
                        std::memcpy(&value, &bits, 4);
                    } else if (bytesPerSample == 2) {
                        value = static_cast<float>(static_cast<int16_t>(le16(s))) / 32768.0f;
                    } else if (bytesPerSample == 3) {
                        int32_t v = s[0] | s[1] << 8 | s[2] << 16;
                        if ((v & 0x800000) != 0) {
                            v |= ~0xFFFFFF;
                        }
                        value = static_cast<float>(v) / 8388608.0f;
                    } else if (bytesPerSample == 4) {
                        value = static_cast<float>(static_cast<int32_t>(le32(s))) / 2147483648.0f;
                    }
                    wav.samples[static_cast<size_t>(c)][f] = value;
                }
            }
            return wav;
        }
        pos += 8 + size + (size & 1);
    }
    *error = "no data chunk";
    return WavData{};
}

bool writeWav16(const std::string& path, int sampleRate, const std::vector<std::vector<float>>& channels)
{
    const auto count = static_cast<uint32_t>(channels.size());
    const auto frames = static_cast<uint32_t>(channels.empty() ? 0 : channels.front().size());
    std::string out = "RIFF";
    put32(out, 36 + frames * count * 2);
    out += "WAVEfmt ";
    put32(out, 16);
    put16(out, 1);
    put16(out, count);
    put32(out, static_cast<uint32_t>(sampleRate));
    put32(out, static_cast<uint32_t>(sampleRate) * count * 2);
    put16(out, count * 2);
    put16(out, 16);
    out += "data";
    put32(out, frames * count * 2);
    for (uint32_t f = 0; f < frames; ++f) {
        for (const auto& channel : channels) {
            const float clamped = std::fmax(-1.0f, std::fmin(1.0f, channel[f]));
            put16(out, static_cast<uint16_t>(static_cast<int16_t>(std::lround(clamped * 32767.0f))));
        }
    }
    std::ofstream file(path, std::ios::binary);
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
    return static_cast<bool>(file);
}

int MidiTrack::countNoteOns() const
{
    int count = 0;
    for (const auto& event : events) {
        count += (event.status & 0xF0) == 0x90 && event.data2 > 0 ? 1 : 0;
    }
    return count;
}

std::string MidiTrack::name() const
{
    for (const auto& event : events) {
        if (event.status == 0xFF && event.data1 == 0x03) {
            return event.meta;
        }
    }
    return {};
}

int MidiFileData::tempo() const
{
    for (const auto& track : tracks) {
        for (const auto& event : track.events) {
            if (event.status == 0xFF && event.data1 == 0x51 && event.meta.size() == 3) {
                const auto* m = reinterpret_cast<const uint8_t*>(event.meta.data());
                return m[0] << 16 | m[1] << 8 | m[2];
            }
        }
    }
    return 0;
}

MidiFileData readMidiFile(const std::string& path, std::string* error)
{
    MidiFileData file;
    const auto bytes = slurp(path);
    if (bytes.size() < 14 || std::memcmp(bytes.data(), "MThd", 4) != 0 || be32(bytes.data() + 4) != 6) {
        *error = "no MThd header";
        return file;
    }
    const int format = bytes[8] << 8 | bytes[9];
    const int trackCount = bytes[10] << 8 | bytes[11];
    file.ticksPerQuarter = bytes[12] << 8 | bytes[13];
    size_t pos = 14;
    for (int t = 0; t < trackCount; ++t) {
        if (pos + 8 > bytes.size() || std::memcmp(bytes.data() + pos, "MTrk", 4) != 0) {
            *error = "missing MTrk " + std::to_string(t);
            return MidiFileData{};
        }
        const size_t end = pos + 8 + be32(bytes.data() + pos + 4);
        if (end > bytes.size()) {
            *error = "track " + std::to_string(t) + " runs past the end";
            return MidiFileData{};
        }
        pos += 8;
        MidiTrack track;
        int64_t tick = 0;
        uint8_t running = 0;
        const auto varLength = [&]() {
            uint32_t value = 0;
            for (int i = 0; i < 4 && pos < end; ++i) {
                const uint8_t b = bytes[pos++];
                value = (value << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            return value;
        };
        while (pos < end) {
            tick += varLength();
            MidiEvent event;
            event.tick = tick;
            uint8_t status = bytes[pos];
            if ((status & 0x80) != 0) {
                ++pos;
            } else {
                status = running;  // running status: the data byte stays
            }
            event.status = status;
            if (status == 0xFF) {
                event.data1 = bytes[pos++];
                const uint32_t length = varLength();
                event.meta.assign(reinterpret_cast<const char*>(bytes.data() + pos), length);
                pos += length;
            } else if (status == 0xF0 || status == 0xF7) {
                pos += varLength();
            } else {
                running = status;
                event.data1 = bytes[pos++];
                const uint8_t kind = status & 0xF0;
                if (kind != 0xC0 && kind != 0xD0) {
                    event.data2 = bytes[pos++];
                }
            }
            track.events.push_back(event);
        }
        pos = end;
        file.tracks.push_back(std::move(track));
    }
    file.format = format;
    return file;
}

std::vector<int64_t> onsetFrames(const WavData& wav, float threshold)
{
    std::vector<int64_t> frames;
    for (size_t f = 0; f < wav.frames(); ++f) {
        for (const auto& channel : wav.samples) {
            if (std::fabs(channel[f]) > threshold) {
                frames.push_back(static_cast<int64_t>(f));
                break;
            }
        }
    }
    return frames;
}

std::vector<float> claveStrokes(const std::vector<double>& hitsMs, double seconds, int sampleRate)
{
    std::vector<float> take(static_cast<size_t>(seconds * sampleRate));
    std::mt19937 random(5);
    std::uniform_real_distribution<float> noise(-0.003f, 0.003f);
    for (float& sample : take) {
        sample = noise(random);
    }
    for (const double ms : hitsMs) {
        const auto at = static_cast<size_t>(std::llround(ms * sampleRate / 1000.0));
        for (size_t i = 0; i < static_cast<size_t>(0.06 * sampleRate) && at + i < take.size(); ++i) {
            const double t = static_cast<double>(i) / sampleRate;
            take[at + i] += static_cast<float>(0.4 * std::min(1.0, t / 0.001) * std::exp(-t / 0.012) * std::cos(2.0 * std::numbers::pi * 2500.0 * t));
        }
    }
    return take;
}

}  // namespace bandmate::test
