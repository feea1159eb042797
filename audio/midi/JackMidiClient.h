#pragma once

#include "core/util/Result.h"

#include <jack/jack.h>

#include <string>

namespace bandmate::audio {

/// A JACK client of Bandmate's own for MIDI (MIDI out, MIDI clock in): opened on the running
/// server (never starting one), its ports made, activated, then connected. Errors name `where`
/// (the option) and say what the client is for. The owner closes it.
struct JackMidiClient {
    jack_client_t* client = nullptr;
    const char* what = "MIDI";  ///< "MIDI out", for the errors

    [[nodiscard]] core::Result<void> open(const char* clientName, const char* forWhat, const std::string& where,
                                          JackProcessCallback process, JackInfoShutdownCallback shutdown, void* arg);
    /// A MIDI port (before activate()).
    [[nodiscard]] core::Result<jack_port_t*> addPort(const char* name, bool output, const std::string& where);
    [[nodiscard]] core::Result<void> activate(const std::string& where);
    /// Connects `port` to `peer`, a JACK MIDI port of the other direction (after activate()).
    [[nodiscard]] core::Result<void> connect(jack_port_t* port, bool output, const std::string& peer, const std::string& where);
    /// Whether `port` is connected to `peer` now; when not and `peer` is there again (its app
    /// restarted), connects them first. Not for a real-time thread.
    [[nodiscard]] bool ensureConnected(jack_port_t* port, bool output, const std::string& peer);
    /// A client with one MIDI input "in", opened, activated and, with `from` (a JACK MIDI output),
    /// connected to it: the input ports (MIDI clock in, a pedal's notes) are all made so.
    [[nodiscard]] core::Result<jack_port_t*> openInput(const char* clientName, const char* forWhat, const std::string& from,
                                                       const std::string& where, JackProcessCallback process,
                                                       JackInfoShutdownCallback shutdown, void* arg);
    /// Deactivates (unless the server went away) and closes.
    void close(bool serverGone);
};

}  // namespace bandmate::audio
