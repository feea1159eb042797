#!/usr/bin/env python3
"""Builds Bandmate's default sample kit (resources/kits/default/) from the FluidR3 GM soundfont.

FluidR3_GM.sf2 is by Frank Wen and is MIT-licensed (Debian package fluid-soundfont-gm). This
script renders single notes from it with fluidsynth, cuts each one so its attack starts at frame 0,
normalises it and stores it as 48 kHz mono FLAC. The instructor's counts are synthesised with
espeak-ng. The output is committed; the soundfont is not.

Needs (Debian 12): fluidsynth fluid-soundfont-gm sox flac espeak-ng python3
    sudo apt-get install fluidsynth fluid-soundfont-gm sox flac espeak-ng

Usage:
    resources/kits/make_default_kit.py            # rebuild resources/kits/default/
    resources/kits/make_default_kit.py --list     # print the files it writes (no tools needed)
    resources/kits/make_default_kit.py --soundfont PATH --out DIR

Sample names follow DESIGN.md section 3: "<instrumentId>-<number>", where the number is the MIDI
note for keyed instruments and the articulation for percussion (see ARTICULATIONS below and
resources/kits/default/README.md).
"""

import argparse
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile

RATE = 48000
SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
HERE = os.path.dirname(os.path.abspath(__file__))

# Keyed instruments: id, General MIDI program, lowest and highest MIDI note, seconds kept.
MELODIC = [
    ("piano", 0, 21, 108, 2.0),   # Acoustic Grand Piano, A0..C8
    ("bass", 32, 28, 67, 1.6),    # Acoustic Bass, E1..G4
    ("guitar", 24, 40, 88, 1.4),  # Nylon Guitar, E2..E6
    ("trumpet", 56, 52, 86, 1.0),     # Trumpet, E3..D6 (the format's Trumpet sits at 60 + pitch)
    ("saxophone", 66, 40, 79, 1.0),   # Tenor Sax, E2..G5 (the format's Saxophone sits at 48 + pitch)
]

# Other instrument ids that play the same keyed samples (written into kit.json, no extra files).
ALIASES = {"tres": "guitar", "requinto": "guitar"}

# Percussion: sample name -> (GM drum key, velocity, seconds, extra sox effects, peak level 0..1).
# The number after the id is the articulation the machines use.
ARTICULATIONS = {
    "clave-0": (75, 110, 0.35, [], 0.85),                          # claves
    "cowbell-0": (56, 115, 0.5, [], 0.8),                         # campana, mouth (low, open)
    "cowbell-1": (56, 100, 0.25, ["pitch", "350"], 0.55),         # campana, neck (high, closed)
    "congas-0": (62, 70, 0.3, ["lowpass", "1800"], 0.35),         # heel (palm)
    "congas-1": (62, 60, 0.25, ["highpass", "400"], 0.3),         # tip (fingers)
    "congas-2": (62, 127, 0.4, [], 0.9),                          # slap
    "congas-3": (63, 110, 0.7, [], 0.8),                          # open tone, conga
    "congas-4": (64, 110, 0.9, [], 0.8),                          # open tone, tumba
    "congas-5": (64, 90, 0.4, ["lowpass", "700"], 0.6),           # bass (palm in the centre)
    "bongos-0": (60, 110, 0.45, [], 0.8),                         # macho, open
    "bongos-1": (61, 110, 0.55, [], 0.8),                         # hembra, open
    "bongos-2": (60, 70, 0.2, ["lowpass", "2500"], 0.4),          # finger on the macho
    "bongos-3": (60, 55, 0.2, ["lowpass", "1500"], 0.3),          # thumb
    "bongos-4": (61, 127, 0.3, ["highpass", "500"], 0.85),        # slap on the hembra
    "timbales-0": (65, 110, 0.8, [], 0.8),                        # macho (high)
    "timbales-1": (66, 110, 0.9, [], 0.8),                        # hembra (low)
    "timbales-2": (37, 100, 0.2, ["highpass", "600"], 0.6),       # cáscara (stick on the shell)
    "timbales-3": (53, 110, 0.7, [], 0.7),                        # mambo bell
    "timbales-4": (65, 127, 0.6, ["pitch", "200"], 0.9),          # rim shot / accent
    "guiro-0": (73, 110, 0.2, [], 0.6),                           # short scrape
    "guiro-1": (74, 110, 0.5, [], 0.6),                           # long scrape
    "maracas-0": (70, 110, 0.2, [], 0.55),                        # shake, accent
    "maracas-1": (70, 70, 0.2, [], 0.3),                          # shake, soft
    "guira-0": (69, 110, 0.15, [], 0.55),                         # güira, short stroke
    "guira-1": (82, 110, 0.35, [], 0.55),                         # güira, long scrape
    "tambora-0": (41, 115, 0.6, [], 0.85),                        # open head
    "tambora-1": (37, 110, 0.2, [], 0.6),                         # stick on the rim
    "tambora-2": (62, 100, 0.25, ["pitch", "-300"], 0.6),         # palm on the other head
    "kick-0": (36, 115, 0.5, [], 0.9),
    "clap-0": (39, 110, 0.4, [], 0.8),                            # hand clap
    "quinto-0": (62, 120, 0.35, ["pitch", "300"], 0.8),           # quinto slap
    "quinto-1": (63, 110, 0.6, ["pitch", "300"], 0.8),            # quinto open
    "segundo-0": (62, 70, 0.25, ["lowpass", "1800"], 0.35),       # tres dos, muted
    "segundo-1": (63, 110, 0.7, ["pitch", "-150"], 0.8),          # tres dos, open
    "salidor-0": (64, 110, 0.9, ["pitch", "-200"], 0.85),         # salidor (tumba), open
    "salidor-1": (64, 80, 0.35, ["lowpass", "700"], 0.5),         # salidor, muted
    "palitos-0": (76, 100, 0.2, [], 0.55),                        # catá / palitos
    "palitos-1": (77, 90, 0.2, [], 0.45),                         # palitos, lower
}

# Percussion ids the Salsa Beat Machine format uses under another name: same files.
PERCUSSION_ALIASES = {"kickdrum-0": "kick-0"}

# The instructor counts 1-8 ("instructor-1" ... "instructor-8") in each language.
VOICES = {
    "en": ("en", ["one", "two", "three", "four", "five", "six", "seven", "eight"]),
    "es": ("es", ["uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho"]),
    "it": ("it", ["uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto"]),
    "fr": ("fr", ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit"]),
    "de": ("de", ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht"]),
    "ru": ("ru", ["один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь"]),
    "nb": ("nb", ["en", "to", "tre", "fire", "fem", "seks", "sju", "åtte"]),
}
DEFAULT_VOICE = "es"


def plan():
    """Every file the kit holds, relative to its folder, and the kit.json document."""
    samples = {}
    files = []
    for instrument, _program, low, high, _seconds in MELODIC:
        for note in range(low, high + 1):
            path = f"{instrument}/{instrument}-{note}.flac"
            files.append(path)
            samples[f"{instrument}-{note}"] = path
    for alias, instrument in ALIASES.items():
        low, high = next((m[2], m[3]) for m in MELODIC if m[0] == instrument)
        for note in range(low, high + 1):
            samples[f"{alias}-{note}"] = f"{instrument}/{instrument}-{note}.flac"
    for name in ARTICULATIONS:
        path = f"percussion/{name}.flac"
        files.append(path)
        samples[name] = path
    for alias, name in PERCUSSION_ALIASES.items():
        samples[alias] = f"percussion/{name}.flac"
    voices = {}
    for language in VOICES:
        voices[language] = {}
        for count in range(1, 9):
            path = f"voice/{language}/{count}.flac"
            files.append(path)
            voices[language][f"instructor-{count}"] = path
    manifest = {
        "name": "Bandmate default kit (FluidR3 GM)",
        "license": "MIT (FluidR3_GM.sf2 by Frank Wen); see LICENSE-FluidR3.txt",
        "samples": dict(sorted(samples.items())),
        "voices": voices,
        "defaultVoice": DEFAULT_VOICE,
    }
    return sorted(files + ["kit.json"]), manifest


def midi_file(events, path):
    """Writes a format-0 SMF: events are (seconds, status, data1, data2) at 120 BPM, 480 tpq."""
    ticks_per_second = 960
    # fluidsynth stops rendering at the last event: a harmless controller 3 s later keeps the
    # last note's sound.
    end = max(e[0] for e in events) + 3.0
    events = list(events) + [(end, 0xB0 | (events[-1][1] & 0x0F), 7, 100)]
    data = bytearray()
    last = 0
    for seconds, status, d1, d2 in sorted(events, key=lambda e: (e[0], e[1] & 0xF0 != 0x80)):
        tick = round(seconds * ticks_per_second)
        delta = tick - last
        last = tick
        var = [delta & 0x7F]
        delta >>= 7
        while delta:
            var.insert(0, 0x80 | (delta & 0x7F))
            delta >>= 7
        message = [status, d1] if status & 0xF0 in (0xC0, 0xD0) else [status, d1, d2]  # one data byte
        data += bytes(var) + bytes(message)
    data += b"\x00\xff\x2f\x00"
    header = b"MThd" + struct.pack(">IHHH", 6, 0, 1, 480)
    tempo = b"\x00\xff\x51\x03\x07\xa1\x20"  # 500000 us per quarter
    track = tempo + bytes(data)
    with open(path, "wb") as out:
        out.write(header + b"MTrk" + struct.pack(">I", len(track)) + track)


def run(*command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def render(soundfont, midi, wav):
    run("fluidsynth", "-ni", "-q", "-R", "0", "-C", "0", "-g", "0.8", "-r", str(RATE), "-F", wav, soundfont, midi)


def cut(source, start, seconds, level, effects, target):
    """One note from a long render: cut, drop the silence before the attack, normalise, fade."""
    peak_db = 20 * math.log10(level)
    fade = max(0.02, seconds * 0.3)
    # remix first: normalising before a stereo-to-mono mix would halve panned notes.
    run("sox", source, "-r", str(RATE), "-b", "16", target, "remix", "-",
        "trim", f"{start:.4f}", f"{seconds + 0.3:.4f}", *effects,
        "silence", "1", "1s", "-55d", "trim", "0", f"{seconds:.4f}",
        "norm", f"{peak_db:.2f}", "fade", "t", "0", f"{seconds:.4f}", f"{fade:.4f}")


def build(soundfont, out):
    files, manifest = plan()
    tmp = tempfile.mkdtemp(prefix="bandmate-kit-")
    try:
        # Only what this script writes is replaced; README.md and the license file stay.
        for folder in [m[0] for m in MELODIC] + ["percussion", "voice"]:
            shutil.rmtree(os.path.join(out, folder), ignore_errors=True)
        for folder in {os.path.dirname(f) for f in files if os.path.dirname(f)}:
            os.makedirs(os.path.join(out, folder), exist_ok=True)

        for instrument, program, low, high, seconds in MELODIC:
            slot = seconds + 1.5
            events = [(0.0, 0xC0, program, 0)]
            for i, note in enumerate(range(low, high + 1)):
                at = 0.5 + i * slot
                events.append((at, 0x90, note, 100))
                events.append((at + seconds - 0.2, 0x80, note, 0))
            midi = os.path.join(tmp, f"{instrument}.mid")
            wav = os.path.join(tmp, f"{instrument}.wav")
            midi_file(events, midi)
            render(soundfont, midi, wav)
            for i, note in enumerate(range(low, high + 1)):
                cut(wav, 0.5 + i * slot - 0.01, seconds, 0.5, [],
                    os.path.join(out, instrument, f"{instrument}-{note}.flac"))
            print(f"{instrument}: {high - low + 1} notes", file=sys.stderr)

        slot = 2.0
        events = []
        for i, (key, velocity, _seconds, _effects, _level) in enumerate(ARTICULATIONS.values()):
            at = 0.5 + i * slot
            events.append((at, 0x99, key, velocity))
            events.append((at + 0.1, 0x89, key, 0))
        midi = os.path.join(tmp, "percussion.mid")
        wav = os.path.join(tmp, "percussion.wav")
        midi_file(events, midi)
        render(soundfont, midi, wav)
        for i, (name, (_key, _velocity, seconds, effects, level)) in enumerate(ARTICULATIONS.items()):
            cut(wav, 0.5 + i * slot - 0.01, seconds, level, effects, os.path.join(out, "percussion", f"{name}.flac"))
        print(f"percussion: {len(ARTICULATIONS)} articulations", file=sys.stderr)

        for language, (voice, words) in VOICES.items():
            for count, word in enumerate(words, start=1):
                raw = os.path.join(tmp, f"{language}-{count}.wav")
                run("espeak-ng", "-v", voice, "-s", "170", "-w", raw, word)
                run("sox", raw, "-r", str(RATE), "-c", "1", "-b", "16",
                    os.path.join(out, "voice", language, f"{count}.flac"),
                    "silence", "1", "1s", "-45d", "reverse", "silence", "1", "1s", "-45d", "reverse", "norm", "-3")
            print(f"voice {language}: 8 counts", file=sys.stderr)

        with open(os.path.join(out, "kit.json"), "w", encoding="utf-8") as manifest_file:
            json.dump(manifest, manifest_file, indent=1, ensure_ascii=False)
            manifest_file.write("\n")
    finally:
        shutil.rmtree(tmp)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--soundfont", default=SOUNDFONT)
    parser.add_argument("--out", default=os.path.join(HERE, "default"))
    parser.add_argument("--list", action="store_true", help="print the files the kit holds and exit")
    args = parser.parse_args()
    if args.list:
        files, _ = plan()
        print("\n".join(files))
        return 0
    for tool in ("fluidsynth", "sox", "espeak-ng"):
        if shutil.which(tool) is None:
            print(f"make_default_kit: {tool} is missing (see the top of this script)", file=sys.stderr)
            return 2
    if not os.path.isfile(args.soundfont):
        print(f"make_default_kit: no soundfont at {args.soundfont} (apt-get install fluid-soundfont-gm)",
              file=sys.stderr)
        return 2
    build(args.soundfont, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
