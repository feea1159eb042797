#include "audio/midi/JackMidiClient.h"

#include "audio/midi/JackMidiPorts.h"

#include <jack/midiport.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <string_view>

namespace bandmate::audio {

using core::ErrorCode;
using core::fail;

core::Result<void> JackMidiClient::open(const char* clientName, const char* forWhat, const std::string& where,
                                        JackProcessCallback process, JackInfoShutdownCallback shutdown, void* arg)
{
    what = forWhat;
    jack_status_t status{};
    client = jack_client_open(clientName, JackNoStartServer, &status);
    if (client == nullptr) {
        return fail(ErrorCode::NotFound,
                    std::string("no JACK server is running: ") + what + " goes through JACK (start it with QjackCtl or jackd)", where);
    }
    jack_on_info_shutdown(client, shutdown, arg);
    jack_set_process_callback(client, process, arg);
    return {};
}

core::Result<jack_port_t*> JackMidiClient::addPort(const char* name, bool output, const std::string& where)
{
    jack_port_t* port = jack_port_register(client, name, JACK_DEFAULT_MIDI_TYPE, output ? JackPortIsOutput : JackPortIsInput, 0);
    if (port == nullptr) {
        return fail(ErrorCode::Io, std::string("JACK did not make Bandmate's ") + what + " port", where);
    }
    return port;
}

core::Result<void> JackMidiClient::activate(const std::string& where)
{
    if (jack_activate(client) != 0) {
        return fail(ErrorCode::Io, std::string("the JACK server did not take Bandmate's ") + what + " client", where);
    }
    return {};
}

core::Result<jack_port_t*> JackMidiClient::openInput(const char* clientName, const char* forWhat, const std::string& from,
                                                     const std::string& where, JackProcessCallback process,
                                                     JackInfoShutdownCallback shutdown, void* arg)
{
    if (auto opened = open(clientName, forWhat, where, process, shutdown, arg); !opened) {
        return std::unexpected(opened.error());
    }
    auto port = addPort("in", false, where);
    if (!port) {
        return std::unexpected(port.error());
    }
    if (auto active = activate(where); !active) {
        return std::unexpected(active.error());
    }
    if (!from.empty()) {
        if (auto connected = connect(*port, false, from, where); !connected) {
            return std::unexpected(connected.error());
        }
    }
    return *port;
}

core::Result<void> JackMidiClient::connect(jack_port_t* port, bool output, const std::string& peer, const std::string& where)
{
    jack_port_t* other = jack_port_by_name(client, peer.c_str());
    if (other == nullptr || (jack_port_flags(other) & (output ? JackPortIsInput : JackPortIsOutput)) == 0
        || std::string(jack_port_type(other)) != JACK_DEFAULT_MIDI_TYPE) {
        return fail(ErrorCode::NotFound, std::string("no JACK MIDI ") + (output ? "input" : "output") + " named \"" + peer
                                             + "\" (jack_lsp -t lists the ports and their types)",
                    where);
    }
    const std::string ours = jack_port_name(port);
    const int connected = output ? jack_connect(client, ours.c_str(), peer.c_str()) : jack_connect(client, peer.c_str(), ours.c_str());
    if (connected != 0 && connected != EEXIST) {
        return fail(ErrorCode::Io, std::string("JACK did not connect ") + what + (output ? " to \"" : " from \"") + peer + "\"", where);
    }
    return {};
}

bool JackMidiClient::ensureConnected(jack_port_t* port, bool output, const std::string& peer)
{
    if (client == nullptr || port == nullptr) {
        return false;
    }
    if (jack_port_connected_to(port, peer.c_str()) != 0) {
        return true;
    }
    if (jack_port_by_name(client, peer.c_str()) == nullptr) {
        return false;
    }
    const std::string ours = jack_port_name(port);
    const int connected = output ? jack_connect(client, ours.c_str(), peer.c_str()) : jack_connect(client, peer.c_str(), ours.c_str());
    return connected == 0 || connected == EEXIST;
}

std::vector<std::string> jackMidiPorts(bool inputs)
{
    // libjack says on stderr that no server runs each time a client looks: an empty list says it.
    jack_set_error_function([](const char*) {});
    jack_set_info_function([](const char*) {});
    jack_status_t status{};
    jack_client_t* client = jack_client_open("bandmate-ports", JackNoStartServer, &status);
    if (client == nullptr) {
        return {};
    }
    std::vector<std::string> ports;
    if (const char** names = jack_get_ports(client, nullptr, JACK_DEFAULT_MIDI_TYPE, inputs ? JackPortIsInput : JackPortIsOutput)) {
        for (const char** name = names; *name != nullptr; ++name) {
            // Bandmate's own (JACK adds "-01" to a client name taken twice): notes sent to its
            // pedal input would move the arrangement, a clock sent to its clock input loop.
            const std::string_view port(*name);
            const bool ours = std::ranges::any_of(std::array<std::string_view, 3>{"bandmate-midi", "bandmate-clock-in", "bandmate-notes-in"},
                                                  [port](std::string_view prefix) {
                                                      return port.starts_with(prefix) && port.size() > prefix.size()
                                                             && (port[prefix.size()] == ':' || port[prefix.size()] == '-');
                                                  });
            if (!ours) {
                ports.emplace_back(port);
            }
        }
        jack_free(static_cast<void*>(names));
    }
    jack_client_close(client);
    return ports;
}

void JackMidiClient::close(bool serverGone)
{
    if (client != nullptr) {
        if (!serverGone) {
            jack_deactivate(client);
        }
        jack_client_close(client);
    }
    client = nullptr;
}

}  // namespace bandmate::audio
