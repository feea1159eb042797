#!/usr/bin/env python3
"""Writes Bandmate's built-in rhythm library: resources/machines/*.xml (the Salsa Beat Machine
format) and resources/machines/README.md (what each program is, for learners).

The rhythms are traditional and common knowledge; these transcriptions, titles and files are
Bandmate's own (GPL-3.0-or-later, like the rest of Bandmate).

Percussion programs are written as step strings, one character per step:
    .        rest
    0 … 9    that articulation (see resources/kits/default/README.md), full velocity
    a … j    articulation 0 … 9, soft (velocity 0.55)
Several strings for one program play together (two hands, or drum and bell).

Keyed programs (piano, bass, guitar/tres) are made from chord progressions: pitches are
semitones over the machine's key, so every program follows the key chooser.

Every percussion program is written in 2-3 clave; the engine turns it around for 3-2.

    resources/machines/make_machines.py      # rewrite the XML files and README.md
"""

import os
import sys
from xml.sax.saxutils import quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
SOFT = 0.55

# ---------------------------------------------------------------------------------------------
# Building blocks


def steps(*layers, velocity_soft=SOFT):
    """Notes from step strings: [(index, pitch, velocity)]."""
    notes = []
    for layer in layers:
        for index, char in enumerate(layer):
            if char == ".":
                continue
            if char.isdigit():
                notes.append((index, int(char), 1.0))
            elif "a" <= char <= "j":
                notes.append((index, ord(char) - ord("a"), velocity_soft))
            else:
                raise ValueError(f"bad step character {char!r} in {layer!r}")
    return sorted(notes)


def perc(title, about, *layers):
    length = len(layers[0])
    assert all(len(layer) == length for layer in layers), title
    return {"title": title, "about": about, "length": length,
            "notes": [{"index": i, "pitch": p, "velocity": v} for i, p, v in steps(*layers)]}


# Chords: root in semitones over the key, and the intervals of the quality.
QUALITY = {"": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "m7": (0, 3, 7, 10)}
ROMAN = {"I": 0, "ii": 2, "iii": 4, "IV": 5, "V": 7, "vi": 9, "i": 0, "iv": 5, "bVI": 8, "bVII": 10,
         "bIII": 3}


def chord(name):
    """"V7" -> (7, (0, 4, 7, 10)); "iv" -> (5, minor)."""
    for numeral in sorted(ROMAN, key=len, reverse=True):
        if name.startswith(numeral):
            rest = name[len(numeral):]
            minor = numeral.islower() and not numeral.startswith("b")
            quality = rest if rest in QUALITY else ""
            if minor and quality == "":
                quality = "m"
            if minor and quality == "7":
                quality = "m7"
            return ROMAN[numeral], QUALITY[quality]
    raise ValueError(name)


def chord_at(progression, span, step, length):
    return chord(progression[(step // span) % len(progression)])


def near(pitch, low=-2):
    """The pitch class placed in low .. low + 11 (keeps a voice in one register)."""
    return (pitch - low) % 12 + low


# Montuno templates, one symbol per step of a chord span (4 = half a bar, 8 = a bar):
#   R 3 5  that chord tone in octaves (both hands, with the tonic octave on top)
#   C      a chord stab in the right hand (third and fifth, plus the seventh if any)
#   .      rest
# The last step of each span anticipates the next chord, as montunos do.
MONTUNO_STYLES = {
    "guajeo": {4: "R C 3 5", 8: "R . C 3 . C 5 C"},
    "syncopated": {4: ". C 3 C", 8: ". C R C . 3 C 5"},
}


def montuno(title, about, progression, span, style, length=16, merengue=False):
    template = MONTUNO_STYLES[style][span].split()
    scale = 2 if merengue else 1  # merengue counts sixteenths: every symbol lasts two steps
    notes = []
    for step in range(0, length // scale):
        symbol = template[step % span]
        if symbol == ".":
            continue
        anticipate = step % span == span - 1
        root, intervals = chord_at(progression, span, step + (1 if anticipate else 0), length)
        index = step * scale
        if symbol == "C":
            for interval in intervals[1:]:
                notes.append({"index": index, "pitch": near(root + interval, 0), "hand": "right",
                              "velocity": 0.7})
        else:
            interval = {"R": 0, "3": intervals[1], "5": intervals[2]}[symbol]
            notes.append({"index": index, "pitch": near(root + interval, -2), "pianoTonic": True})
    return {"title": title, "about": about, "length": length, "notes": notes}


def tumbao(title, about, progression, span, style, length=16, merengue=False):
    """Anticipated bass: the next chord sounds before its bar line."""
    notes = []
    bar = 16 if merengue else 8
    for start in range(0, length, bar):
        def root_at(step):
            return chord_at(progression, span * (2 if merengue else 1), step % length, length)[0]
        next_bar = root_at(start + bar)
        if merengue:
            here = root_at(start)
            notes += [{"index": start, "pitch": near(here, -5)},
                      {"index": start + 6, "pitch": near(here + 7, -5), "velocity": 0.8},
                      {"index": start + 8, "pitch": near(root_at(start + 8), -5)},
                      {"index": start + 14, "pitch": near(next_bar + 7, -5), "velocity": 0.8}]
            continue
        middle = root_at(start + 4)
        if style == "classic":
            # "and" of 2 and beat 4, tied over the bar line
            notes.append({"index": start + 3, "pitch": near(middle if span == 4 else next_bar + 7, -5)})
            notes.append({"index": start + 6, "pitch": near(next_bar, -5)})
        elif style == "with one":
            notes.append({"index": start, "pitch": near(root_at(start), -5), "velocity": 0.7})
            notes.append({"index": start + 3, "pitch": near(middle if span == 4 else next_bar + 7, -5)})
            notes.append({"index": start + 6, "pitch": near(next_bar, -5)})
        elif style == "on the beat":  # bolero and cha-cha: 1 and 3
            notes.append({"index": start, "pitch": near(root_at(start), -5)})
            notes.append({"index": start + 4, "pitch": near(middle + 7 if span == 8 else middle, -5),
                          "velocity": 0.85})
        elif style == "bachata":
            notes.append({"index": start, "pitch": near(root_at(start), -5)})
            notes.append({"index": start + 3, "pitch": near(root_at(start) + 7, -5), "velocity": 0.7})
            notes.append({"index": start + 4, "pitch": near(middle, -5), "velocity": 0.9})
            notes.append({"index": start + 6, "pitch": near(middle + 7, -5), "velocity": 0.7})
    return {"title": title, "about": about, "length": length, "notes": notes}


def arpeggio(title, about, progression, span, length=16):
    """Requinto-style guitar: chord tones climbing in eighths, top note on the off-beat."""
    notes = []
    shape = [0, 1, 2, 3, 2, 1, 2, 3]  # chord tone indices
    for step in range(length):
        root, intervals = chord_at(progression, span, step, length)
        tones = [root + intervals[0], root + intervals[1], root + intervals[2], root + 12]
        tone = tones[shape[step % 8]]
        notes.append({"index": step, "pitch": near(tone, 0) if tone < 12 else tone,
                      "velocity": 1.0 if step % 2 == 0 else 0.75})
    return {"title": title, "about": about, "length": length, "notes": notes}


def horn_line(title, about, progression, span, figure):
    """A horn section's figure, one voice: `figure` has a symbol per step, a tone of the chord
    sounding at that step (R 3 5 7) or "." for a rest. Kept between D and C♯ an octave up, so
    every key stays in the trumpet's range."""
    notes = []
    for index, symbol in enumerate(figure):
        if symbol == ".":
            continue
        root, intervals = chord_at(progression, span, index, len(figure))
        interval = {"R": 0, "3": intervals[1], "5": intervals[2], "7": intervals[-1]}[symbol]
        notes.append({"index": index, "pitch": near(root + interval, 2),
                      "velocity": 1.0 if index % 2 == 0 else 0.85})
    return {"title": title, "about": about, "length": len(figure), "notes": notes}


def counting(length, every):
    return {"title": "Counting 1-8", "about": "The instructor counts the eight beats of two bars.",
            "length": length,
            # The format counts from 0: pitch 0 is "one" (the web machine plays instructor-0 on it).
            "notes": [{"index": i * every, "pitch": i} for i in range(8)]}


def instrument(element, title, programs, *, enabled=True, volume=1.0, clave=False, keyed=False,
               pitch_offset=0, both_hands=False, left_offset=0, active=0):
    return {"element": element, "title": title, "programs": programs, "enabled": enabled,
            "volume": volume, "respectsClave": clave, "keyed": keyed, "pitchOffset": pitch_offset,
            "playBothHands": both_hands, "leftHandPitchOffset": left_offset, "active": active}


def cierre(title, about, figure, stroke="0"):
    """A one-bar break figure (cierre) for percussion: "x" strikes `stroke`, "." rests."""
    return perc(title, about, figure.replace("x", stroke))


def hits(title, about, figure, chord_name="I", bass=False, horn=False):
    """A one-bar break figure for a keyed part: the chord (piano), its root (bass) or its fifth
    (a horn's one voice) on each "x"."""
    root, intervals = chord(chord_name)
    notes = []
    for index, char in enumerate(figure):
        if char != "x":
            continue
        if horn:
            notes.append({"index": index, "pitch": near(root + intervals[2], 2)})
            continue
        if bass:
            notes.append({"index": index, "pitch": near(root, -5)})
            continue
        notes.append({"index": index, "pitch": near(root, -2), "pianoTonic": True})
        for interval in intervals[1:3]:
            notes.append({"index": index, "pitch": near(root + interval, 0), "hand": "right", "velocity": 0.8})
    return {"title": title, "about": about, "length": len(figure), "notes": notes}


# The band's breaks, one bar each, played by every part at once (Bandmate's own figures). A
# section's break is its last bar: with an even number of bars that is the clave's three side in
# 2-3, and its two side in 3-2, so each clave has its own three.
SALSA_CIERRES = [
    ("Cierre 1", "2-3: one, the 'and' of two, four (the clave's own three side): the classic "
     "three-hit cierre.", "x..x..x."),
    ("Cierre 2", "2-3: on one, two and three, then a breath before the next section.", "x.x.x..."),
    ("Cierre 3", "2-3: one, the 'and' of two, the 'and' of three and four: pushing into the one.",
     "x..x.xx."),
]
SALSA_CIERRES_32 = [
    ("Cierre 1 (3-2)", "3-2: two and three, the clave's own two side, and a bar's breath before "
     "the one.", "..x.x..."),
    ("Cierre 2 (3-2)", "3-2: the 'and' of one, two, three: answering the three side that came "
     "before.", ".xx.x..."),
    ("Cierre 3 (3-2)", "3-2: two, three, four and its 'and': a run of hits into the next section.",
     "..x.x.xx"),
]


def cierres(stroke, keyed=None, figures=SALSA_CIERRES, chord_name="I"):
    """The break figures for one instrument: percussion strikes `stroke`; keyed is "piano",
    "bass" or "horn"."""
    out = []
    for title, about, figure in figures:
        if keyed:
            out.append(hits(title, about, figure, chord_name, bass=keyed == "bass", horn=keyed == "horn"))
        else:
            out.append(cierre(title, about, figure, stroke))
    return out


def salsa_cierres(stroke, keyed=None):
    """Both cierre sets, 2-3 then 3-2."""
    return cierres(stroke, keyed) + cierres(stroke, keyed, SALSA_CIERRES_32)


def section(name, bars, parts=None, *, repeats=1, bpm=0, key=-1, brk=None, colour=""):
    """A section of an arrangement: `parts` and `brk` map an instrument's element name to a
    program title (or "off"); instruments not in `parts` play as the machine has them."""
    return {"name": name, "bars": bars, "repeats": repeats, "parts": parts or {}, "bpm": bpm,
            "key": key, "break": brk or {}, "colour": colour}


def arrangement(name, about, sections, form):
    """`form`: section names in playing order."""
    index = {s["name"]: i for i, s in enumerate(sections)}
    return {"name": name, "about": about, "sections": sections, "form": [index[n] for n in form]}


def each(title, *elements):
    """The same program title for several instruments: {"Congas": title, ...}."""
    return {element: title for element in elements}


# ---------------------------------------------------------------------------------------------
# Shared programs

SON_CLAVE = perc("Son clave 2-3", "The son clave: two strokes, then three (2, 4 | 8, 11, 14).",
                 "..0.0...0..0..0.")
RUMBA_CLAVE = perc("Rumba clave 2-3", "Rumba clave: the last stroke of the three side is pushed "
                   "half a beat later (2, 4 | 8, 11, 15).", "..0.0...0..0...0")

PROGRESSIONS = [
    # (name, chords, chord span in steps, major?)
    ("I-V", ["I", "I", "V7", "V7"], 4, True),
    ("I-IV-V-IV", ["I", "IV", "V7", "IV"], 4, True),
    ("ii-V-I", ["ii", "V7", "I", "I"], 4, True),
    ("I-vi-ii-V", ["I", "vi", "ii", "V7"], 4, True),
    ("IV-V-I", ["IV", "V7", "I", "I"], 4, True),
    ("i-iv-V-iv", ["i", "iv", "V7", "iv"], 4, False),
    ("i-V", ["i", "i", "V7", "V7"], 4, False),
    ("i-bVII-bVI-V", ["i", "bVII", "bVI", "V7"], 4, False),
]


def progression_about(name, major):
    return f"{'major' if major else 'minor'} progression {name}"


def salsa_montunos():
    programs = []
    for name, chords, span, major in PROGRESSIONS:
        programs.append(montuno(f"Montuno {name}", f"Guajeo over the {progression_about(name, major)}: "
                                "octave melody and chord stabs, anticipating each change.",
                                chords, span, "guajeo"))
        programs.append(montuno(f"Montuno {name} (syncopated)", f"Off-beat chord stabs over the "
                                f"{progression_about(name, major)}, leaving the downbeats open.",
                                chords, span, "syncopated"))
    return programs


def salsa_tumbaos():
    programs = []
    for name, chords, span, major in PROGRESSIONS:
        programs.append(tumbao(f"Tumbao {name}", f"Anticipated bass for the {progression_about(name, major)}: "
                               "the 'and' of 2 and beat 4, tied over the bar line; pairs with "
                               f"Montuno {name}.", chords, span, "classic"))
        programs.append(tumbao(f"Tumbao {name} (with the one)", f"The same tumbao with a soft root on "
                               "beat 1, easier to hear for beginners.", chords, span, "with one"))
    return programs


# ---------------------------------------------------------------------------------------------
# The machines

def salsa():
    return {
        "file": "salsa", "title": "Salsa", "flavor": "Salsa", "bpm": 180, "key": 0, "volume": 0.5,
        "about": "Salsa dura in the New York and Cuban tradition: clave, campana, congas, timbales, "
                 "güiro, piano montuno and anticipated bass.",
        "instruments": [
            instrument("Clave", "Clave", [SON_CLAVE, RUMBA_CLAVE, *salsa_cierres("0")], clave=True, volume=0.75),
            instrument("Cowbell", "Campana", [
                perc("Bongo bell (campana)", "The bongocero's hand bell in the montuno: the mouth on "
                     "1 and 3, the neck filling in, busier on the three side.",
                     "0.1.0.11" "0.110111"),
                perc("Campana on the beat", "Mouth on 1 and 3, neck on 2 and 4: the steady bell for "
                     "learning to hear the beat.", "0.1.0.1."),
                perc("Mambo bell", "The big-band mambo bell, locked to the clave.",
                     "0.1.1.11" ".01.1.1."),
                perc("Cha-cha cencerro", "Quarter notes on the mouth, as in cha-cha-chá.", "0.0.0.0."),
                perc("Open campana", "Mouth on every beat and neck on every off-beat: driving and full.",
                     "01010101"),
                *salsa_cierres("0"),
            ], clave=True, volume=0.5),
            instrument("Congas", "Congas", [
                perc("Tumbao, one conga", "Heel, tip, slap, tip, heel, tip, two open tones: the basic "
                     "marcha.", "ab2bab33"),
                perc("Tumbao, two congas", "The marcha with the second bar's open tones on the tumba.",
                     "ab2bab33" "ab2bab44"),
                perc("Tumbao with bass tone", "A palm bass tone on 1 instead of the heel.", "5b2bab33"),
                perc("Tumbao, busy three side", "More open tones on the three side of the clave.",
                     "ab2bab33" "ab2b3b44"),
                perc("Bolero", "The slow bolero marcha: slap on 2, open tones on 4 and its 'and'.",
                     "a.2.ab33" "a.2.ab44"),
                perc("Guaguancó on congas", "The rumba's tres-dos and tumba parts on two congas.",
                     "ab3bab2b" "ab3b4b2b"),
                perc("Caballo", "The galloping caballo: slaps and opens in pairs.", "2b33ab33"),
                perc("Mambo, two congas", "Open tumba tones answer the slaps in the mambo section.",
                     "ab2b4b33" "ab2b4b44"),
                perc("Cha-cha conga", "Open tones on 4 and its 'and': the cha-cha.", "ab2bab34"),
                *salsa_cierres("2"),
            ], clave=True, volume=0.9),
            instrument("Bongos", "Bongós", [
                perc("Martillo", "The hammer: finger and thumb on the macho, open hembra on 4.",
                     "2d2d2d1d"),
                perc("Martillo with open macho", "An open macho tone on 3 lifts the pattern.",
                     "2d0d2d1d"),
                perc("Martillo, two open tones", "Open hembra on 4 and its 'and'.", "2d2d2d11"),
                perc("Martillo with variation", "Plain martillo on the two side, open tones on the three side.",
                     "2d2d2d1d" "2d0d2d11"),
                perc("Bolero bongó", "A sparser martillo for slow tempos.", "2.2d2.1d" "2.0d2.11"),
                *salsa_cierres("1"),
            ], enabled=False, clave=True, volume=0.7),
            instrument("Timbales", "Timbales", [
                perc("Cáscara 2-3", "Sticks on the shell, with the hembra on 4: verses and soft parts.",
                     "2.22.2.2" "2.2.22.2", "......b.......1."),
                perc("Mambo bell 2-3", "The timbale bell for the loud montuno and mambo sections.",
                     "3.3.33.3" "3.33.33.", "......1......." "1."),
                perc("Cha-cha bell", "Quarter notes on the bell, hembra on 4 and its 'and'.",
                     "3.3.3.3.", "......11"),
                perc("Ponche accents", "Only the hits: hembra on 4 and the rim shot on its 'and'.",
                     "......14"),
                perc("Cáscara with paila accents", "Cáscara with rim shots on the three side.",
                     "2.22.2.2" "4.2.24.2"),
                *salsa_cierres("4"),
            ], clave=True, volume=0.55),
            instrument("Guiro", "Güiro", [
                perc("Long-short-short", "One long scrape on the beat, two short ones after.", "1.001.00"),
                perc("Cha-cha güiro", "Long scrapes on 1, 2, 3 and the 'cha-cha' on 4.", "1.1.1.00"),
                perc("Steady güiro", "Long on 1 and 3, short on 2 and 4.", "1.0.1.0."),
                perc("Bolero güiro", "Half the notes, for slow songs.", "1...1.00" "1...1.00"),
            ], volume=0.45),
            instrument("Maracas", "Maracas", [
                perc("Eighths", "Every eighth note, accents on the beats.", "01010101"),
                perc("Quarters", "One shake per beat.", "0.0.0.0."),
            ], enabled=False, volume=0.4),
            instrument("Piano", "Piano", salsa_montunos() + salsa_cierres("", "piano"), keyed=True, pitch_offset=60,
                       both_hands=True, left_offset=48, volume=0.55, active=2),
            instrument("Bass", "Bass", salsa_tumbaos() + salsa_cierres("", "bass"), keyed=True, pitch_offset=36,
                       volume=0.85, active=2),
            instrument("Trumpet", "Horns", [
                horn_line("Mambo horns I-V", "The mambo's horn figure over I-V: quiet on the two "
                          "side, three punches on the three side, as the clave goes.",
                          ["I", "I", "V7", "V7"], 4, "..5.3..R" "5..3..R."),
                horn_line("Mambo horns ii-V-I", "A horn figure over ii-V-I answering the bell: a "
                          "pickup into each bar and the 'and' of two held.",
                          ["ii", "V7", "I", "I"], 4, ".5.3.R.7" "R..5..3."),
                horn_line("Moña I-IV-V-IV", "The moña: a short riff the horns repeat over the coro "
                          "in the last montuno, busier on the three side.",
                          ["I", "IV", "V7", "IV"], 4, "R.3.5.3." "R.35.R.5"),
                *salsa_cierres("", "horn"),
            ], enabled=False, keyed=True, pitch_offset=60, volume=0.5),
            instrument("Instructor", "Instructor", [counting(16, 2)], enabled=False, volume=0.9),
        ],
        "arrangements": [arrangement(
            "Salsa dura, 64 bars",
            "A whole tune: the piano's intro, the verse (son) on cáscara, the coro-montuno on the bells "
            "ending on a cierre, the mambo with the horns' figure, the coro again and the final hits "
            "over the horns' moña.",
            [section("Intro", 4, {"Cowbell": "off", "Bass": "off", "Guiro": "off", "Timbales": "Cáscara 2-3",
                                  "Congas": "Tumbao, one conga", "Piano": "Montuno I-V (syncopated)"},
                     colour="#7f8c8d"),
             section("Verso", 8, {"Cowbell": "off", "Timbales": "Cáscara 2-3", "Congas": "Tumbao, one conga",
                                  "Bongos": "Martillo", "Piano": "Montuno I-V", "Bass": "Tumbao I-V"},
                     repeats=2, colour="#2980b9"),
             section("Coro", 8, {"Cowbell": "Bongo bell (campana)", "Timbales": "Mambo bell 2-3",
                                 "Congas": "Tumbao, two congas", "Piano": "Montuno I-IV-V-IV",
                                 "Bass": "Tumbao I-IV-V-IV"},
                     repeats=2, brk=each("Cierre 1", "Clave", "Cowbell", "Congas", "Timbales", "Piano", "Bass"),
                     colour="#27ae60"),
             section("Mambo", 8, {"Cowbell": "Mambo bell", "Timbales": "Mambo bell 2-3",
                                  "Congas": "Mambo, two congas", "Piano": "Montuno ii-V-I", "Bass": "Tumbao ii-V-I",
                                  "Trumpet": "Mambo horns ii-V-I"},
                     brk=each("Cierre 2", "Clave", "Cowbell", "Congas", "Timbales", "Piano", "Bass", "Trumpet"),
                     colour="#c0392b"),
             section("Final", 4, {"Cowbell": "Bongo bell (campana)", "Timbales": "Mambo bell 2-3",
                                  "Congas": "Tumbao, two congas", "Piano": "Montuno I-IV-V-IV",
                                  "Bass": "Tumbao I-IV-V-IV", "Trumpet": "Moña I-IV-V-IV"},
                     brk=each("Cierre 3", "Clave", "Cowbell", "Congas", "Timbales", "Piano", "Bass", "Trumpet"),
                     colour="#8e44ad")],
            ["Intro", "Verso", "Coro", "Mambo", "Coro", "Final"])],
    }


def merengue():
    progressions = [("I-V", ["I", "I", "V7", "V7"], True), ("I-IV-V", ["I", "IV", "V7", "V7"], True),
                    ("i-V", ["i", "i", "V7", "V7"], False)]
    return {
        "file": "merengue", "title": "Merengue", "flavor": "Merengue", "bpm": 132, "key": 7, "volume": 0.5,
        "about": "Dominican merengue in sixteenth notes: güira, tambora, congas, bell, piano and bass.",
        "instruments": [
            instrument("Guira", "Güira", [
                perc("Merengue güira", "Long scrape on each beat, two short strokes before the next.",
                     "1.001.001.001.00"),
                perc("Güira in sixteenths", "Every sixteenth, accents on the beats.", "0aaa0aaa0aaa0aaa"),
            ], volume=0.5),
            instrument("Tambora", "Tambora", [
                perc("Merengue derecho", "Stick on the rim, open head on the 'and's, a roll into beat 1.",
                     "1.0.1.0.1.0.1022" "1.0.1.0.1.0.2000"),
                perc("Tambora, simple", "Rim on the beats, open head on the off-beats.",
                     "1.0.1.0.1.0.1.0."),
            ], volume=0.8),
            instrument("Congas", "Congas", [
                perc("Merengue conga", "Heel and tip with open tones at the end of the bar.",
                     "a.b.2.b.a.b.3.33"),
            ], volume=0.7),
            instrument("Cowbell", "Cowbell", [
                perc("Quarter notes", "The bell on every beat.", "0...0...0...0..."),
            ], enabled=False, volume=0.45),
            instrument("Piano", "Piano", [
                montuno(f"Jaleo {name}", f"Merengue piano over the {progression_about(name, major)}.",
                        chords, 4, "guajeo", length=32, merengue=True)
                for name, chords, major in progressions
            ], keyed=True, pitch_offset=60, both_hands=True, left_offset=48, volume=0.5),
            instrument("Bass", "Bass", [
                tumbao(f"Merengue bass {name}", f"Root and fifth, pushing into the next bar; "
                       f"{progression_about(name, major)}.", chords, 4, "merengue", length=32, merengue=True)
                for name, chords, major in progressions
            ], keyed=True, pitch_offset=36, volume=0.85),
            instrument("Kick", "Kick", [
                perc("Four on the floor", "The bass drum on every beat.", "0...0...0...0..."),
            ], enabled=False, volume=0.6),
            instrument("Instructor", "Instructor", [counting(32, 4)], enabled=False, volume=0.9),
        ],
    }


def chachacha():
    chords = ["I", "IV", "V7", "IV"]
    return {
        "file": "cha-cha-cha", "title": "Cha-cha-chá", "flavor": "Salsa", "bpm": 118, "key": 0,
        "volume": 0.55,
        "about": "Cuban cha-cha-chá: the güiro and bell mark the 'cha-cha-chá' on 4 and 1.",
        "instruments": [
            instrument("Guiro", "Güiro", [
                perc("Cha-cha güiro", "Long scrapes on 1, 2, 3 and the 'cha-cha' on 4.", "1.1.1.00"),
                perc("Güiro, soft verse", "Long scrapes on 1 and 3 only, the 'cha-cha' kept: for the "
                     "singer's verse.", "1...1.00"),
            ], volume=0.5),
            instrument("Cowbell", "Cencerro", [
                perc("Cha-cha cencerro", "Quarter notes on the mouth.", "0.0.0.0."),
                perc("Cencerro with the neck", "Mouth on the beats, the neck answering on the 'and' of "
                     "four: the dancers' step.", "0.0.0.01"),
            ], volume=0.5),
            instrument("Congas", "Congas", [
                perc("Cha-cha conga", "Open tones on 4 and its 'and'.", "ab2bab34"),
                perc("Cha-cha, two congas", "The same marcha with the second bar's open tones on the "
                     "tumba.", "ab2bab34" "ab2bab44"),
            ], volume=0.85),
            instrument("Timbales", "Timbales", [
                perc("Cha-cha bell", "Bell on the beats, hembra on 4 and its 'and'.", "3.3.3.3.", "......11"),
                perc("Cáscara for the verse", "Sticks on the shell, the hembra on 4: quieter, for the "
                     "first part of the tune.", "2.22.2.2", "......b."),
            ], volume=0.5),
            instrument("Clave", "Clave", [SON_CLAVE], enabled=False, clave=True, volume=0.6),
            instrument("Piano", "Piano", [
                montuno("Cha-cha montuno", "Chord stabs in the danzón-style cha-cha over I-IV-V-IV.",
                        chords, 4, "syncopated"),
                montuno("Cha-cha montuno ii-V-I", "The stabs over ii-V-I, the turnaround of the B part.",
                        ["ii", "V7", "I", "I"], 4, "syncopated"),
            ], keyed=True, pitch_offset=60, both_hands=True, left_offset=48, volume=0.5),
            instrument("Bass", "Bass", [
                tumbao("Cha-cha bass", "Root on 1 and fifth on 3.", chords, 4, "on the beat"),
                tumbao("Cha-cha bass ii-V-I", "Root on 1 and fifth on 3 over ii-V-I; pairs with the "
                       "montuno of that name.", ["ii", "V7", "I", "I"], 4, "on the beat"),
            ], keyed=True, pitch_offset=36, volume=0.85),
            instrument("Instructor", "Instructor", [counting(16, 2)], enabled=False, volume=0.9),
        ],
    }


def bachata():
    chords = ["i", "iv", "V7", "V7"]
    return {
        "file": "bachata", "title": "Bachata", "flavor": "Salsa", "bpm": 128, "key": 9, "volume": 0.75,
        "about": "Dominican bachata: bongó derecho, güira, requinto arpeggios and a bass on 1 and 3.",
        "instruments": [
            instrument("Bongos", "Bongó", [
                perc("Bachata derecho", "Martillo with open hembra on 4 and its 'and'.", "2d2d2d11"),
                perc("Bachata majao", "More open tones: the busier section.", "2d0d2d11" "0d0d2d11"),
                perc("Derecho with a slap", "The derecho with a slap on the hembra on 3: a lift for the "
                     "second verse.", "2d2d4d11"),
            ], volume=0.7),
            instrument("Guira", "Güira", [
                perc("Bachata güira", "Long scrape on the beat, short on the 'and'.", "10101000"),
                perc("Güira, mambo", "Every eighth, long scrapes on the beats: the mambo's drive.",
                     "10101011"),
            ], volume=0.45),
            instrument("Cowbell", "Campana", [
                perc("Bachata mambo bell", "The bongocero's bell in the mambo: mouth on the beats, neck "
                     "on the 'and's.", "01010101"),
                perc("Mambo bell, open", "Mouth on 1 and 3, neck filling in, the 'and' of four pushed.",
                     "0.1.0.11"),
            ], enabled=False, volume=0.45),
            instrument("Guitar", "Requinto", [
                arpeggio("Requinto arpeggio", "Climbing chord tones in eighths over i-iv-V.", chords, 4),
                arpeggio("Requinto arpeggio i-bVI-iv-V", "The same climb over i-bVI-iv-V, the "
                         "romantic turn.", ["i", "bVI", "iv", "V7"], 4),
                arpeggio("Requinto arpeggio i-bVII-bVI-V", "Down the minor scale, i-bVII-bVI-V.",
                         ["i", "bVII", "bVI", "V7"], 4),
            ], keyed=True, pitch_offset=55, volume=0.5),
            instrument("Bass", "Bass", [
                tumbao("Bachata bass", "Root on 1, fifth and root pushing into 3.", chords, 4, "bachata"),
                tumbao("Bachata bass i-bVI-iv-V", "The bachata bass over i-bVI-iv-V; pairs with the "
                       "requinto of that name.", ["i", "bVI", "iv", "V7"], 4, "bachata"),
                tumbao("Bachata bass i-bVII-bVI-V", "The bachata bass down the minor scale.",
                       ["i", "bVII", "bVI", "V7"], 4, "bachata"),
            ], keyed=True, pitch_offset=36, volume=0.85),
            instrument("Instructor", "Instructor", [counting(16, 2)], enabled=False, volume=0.9),
        ],
    }


def son_montuno():
    chords = ["I", "I", "V7", "V7"]
    return {
        "file": "son-montuno", "title": "Son montuno", "flavor": "Salsa", "bpm": 100, "key": 2, "volume": 0.6,
        "about": "The Cuban son: clave, bongó, maracas, tres guajeo, congas and bass.",
        "instruments": [
            instrument("Clave", "Clave", [SON_CLAVE], clave=True, volume=0.8),
            instrument("Bongos", "Bongó", [
                perc("Martillo", "The hammer pattern of the bongocero.", "2d2d2d1d"),
                perc("Martillo with open tones", "Open hembra on 4 and its 'and': the montuno's lift.",
                     "2d2d2d11"),
            ], clave=True, volume=0.7),
            instrument("Maracas", "Maracas", [
                perc("Eighths", "Every eighth, accents on the beats.", "01010101"),
                perc("Quarters", "One shake a beat, for the slow son.", "0.0.0.0."),
            ], volume=0.4),
            instrument("Tres", "Tres", [
                montuno("Tres guajeo", "The tres plays the montuno over I-V.", chords, 4, "guajeo"),
                montuno("Tres guajeo I-IV-V-IV", "The guajeo over I-IV-V-IV, the montuno's vamp.",
                        ["I", "IV", "V7", "IV"], 4, "guajeo"),
                montuno("Tres guajeo ii-V-I", "The guajeo over ii-V-I, for the son's verse.",
                        ["ii", "V7", "I", "I"], 4, "guajeo"),
            ], keyed=True, pitch_offset=55, volume=0.5),
            instrument("Congas", "Tumbadora", [
                perc("Tumbao, one conga", "The basic marcha.", "ab2bab33"),
                perc("Tumbao, two congas", "The marcha with the second bar's open tones on the tumba.",
                     "ab2bab33" "ab2bab44"),
            ], clave=True, volume=0.8),
            instrument("Bass", "Bass", [
                tumbao("Son tumbao", "Anticipated bass on the 'and' of 2 and on 4.", chords, 4, "classic"),
                tumbao("Son tumbao I-IV-V-IV", "The tumbao over the montuno's vamp; pairs with the "
                       "tres guajeo of that name.", ["I", "IV", "V7", "IV"], 4, "classic"),
                tumbao("Son tumbao ii-V-I", "The tumbao over ii-V-I.", ["ii", "V7", "I", "I"], 4, "classic"),
            ], keyed=True, pitch_offset=36, volume=0.85),
            instrument("Instructor", "Instructor", [counting(16, 2)], enabled=False, volume=0.9),
        ],
    }


def rumba():
    return {
        "file": "rumba-guaguanco", "title": "Rumba guaguancó", "flavor": "Salsa", "bpm": 112, "key": 0,
        "volume": 0.7, "clave32": True,
        "about": "Havana-style guaguancó in rumba clave 3-2: palitos, three drums and the clave.",
        "instruments": [
            instrument("Clave", "Clave", [RUMBA_CLAVE], clave=True, volume=0.8),
            instrument("Palitos", "Palitos", [perc("Guaguancó palitos", "Sticks on the catá: the cáscara "
                                                   "pattern, accents with the clave.", "0.11.1.1" "0.1.10.1")],
                       clave=True, volume=0.5),
            instrument("Salidor", "Salidor", [
                perc("Salidor", "The low drum answers on 4 of the three side and marks the two side.",
                     "b.....0." "b...0.0."),
                perc("Salidor, Matanzas style", "The low drum on the three side's last stroke and the "
                     "two side's two and three, closer to the clave.", "b.....0." "b.0.0..."),
            ], clave=True, volume=0.85),
            instrument("Segundo", "Tres dos", [
                perc("Tres dos", "The middle drum's open tones on the 'and' of 2, talking with the "
                     "salidor.", "a..1a..." "a..1a.1."),
                perc("Tres dos, answering", "Open tones after each salidor stroke: the conversation "
                     "between the two low drums.", "a..1a.1." "a.1.a..1"),
            ], clave=True, volume=0.8),
            instrument("Quinto", "Quinto", [
                perc("Quinto calls", "A few slaps and open tones over the top; the quinto improvises, "
                     "this is a starting point.", "....0.........1." "......0..0...1.."),
                perc("Quinto llamada", "The call that opens the rumba and brings the drums in: slaps "
                     "on the two side, open tones landing on the three side.", "..0.0.0." "1..1..1."),
                perc("Quinto floreo", "A busier conversation with the dancers: slaps and open tones "
                     "crossing the bar line.", "0.1.01.0" "..1.0.11"),
                perc("Quinto answers the three side", "Silence on the two side, then the clave's three "
                     "strokes answered in open tones.", "........" "1..1..1."),
            ], clave=True, volume=0.6),
            instrument("Instructor", "Instructor", [counting(16, 2)], enabled=False, volume=0.9),
        ],
    }


def with_breaks(machine, figures, parts, chord_name="I"):
    """Adds the break figures to the instruments in `parts` (element: stroke, or "piano"/"bass"
    for keyed parts)."""
    for inst in machine["instruments"]:
        if inst["element"] in parts:
            part = parts[inst["element"]]
            keyed = part if part in ("piano", "bass") else None
            inst["programs"] += cierres(part, keyed, figures, chord_name)
    return machine


MERENGUE_BREAKS = [("Merengue break", "One, two, three, and the 'and' of four: the band stops together.",
                    "x...x...x.....x."),
                   ("Merengue break (roll)", "Hits on one and two, then a run of sixteenths into the one.",
                    "x...x...x.x.xxxx")]
CHACHA_BREAKS = [("Cha-cha-chá break", "One, two, three, cha-cha: the dance's own step as a break.", "x.x.x.xx")]
BACHATA_BREAKS = [("Bachata break", "One, the 'and' of two, four: the band hits together.", "x..x..x.")]
SON_BREAKS = [("Son break", "One, the 'and' of two, four: the son's cierre.", "x..x..x.")]
RUMBA_BREAKS = [("Rumba cierre", "The drums close together: one, the 'and' of two, four.", "x..x..x.")]


def merengue_arranged():
    machine = with_breaks(merengue(), MERENGUE_BREAKS,
                          {"Guira": "1", "Tambora": "2", "Congas": "2", "Cowbell": "0", "Piano": "piano", "Bass": "bass"})
    brk = each("Merengue break", "Guira", "Tambora", "Congas", "Piano", "Bass")
    machine["arrangements"] = [arrangement(
        "Merengue, 40 bars",
        "Güira and tambora alone, the merengue (paseo and body) twice, the jaleo with the bell twice "
        "ending on a break, and the final hits.",
        [section("Intro", 4, {"Congas": "off", "Piano": "off", "Bass": "off", "Tambora": "Tambora, simple"},
                 colour="#7f8c8d"),
         section("Merengue", 8, {"Piano": "Jaleo I-V", "Bass": "Merengue bass I-V"}, repeats=2, colour="#2980b9"),
         section("Jaleo", 8, {"Cowbell": "Quarter notes", "Piano": "Jaleo I-IV-V", "Bass": "Merengue bass I-IV-V",
                              "Guira": "Güira in sixteenths"}, repeats=2, brk=brk, colour="#27ae60"),
         section("Final", 4, {"Cowbell": "Quarter notes"}, brk=each("Merengue break (roll)", "Guira", "Tambora",
                                                                   "Congas", "Piano", "Bass"), colour="#8e44ad")],
        ["Intro", "Merengue", "Jaleo", "Final"])]
    return machine


def chachacha_arranged():
    machine = with_breaks(chachacha(), CHACHA_BREAKS,
                          {"Guiro": "1", "Cowbell": "0", "Congas": "3", "Timbales": "1", "Piano": "piano", "Bass": "bass"})
    brk = each("Cha-cha-chá break", "Guiro", "Cowbell", "Congas", "Timbales", "Piano", "Bass")
    machine["arrangements"] = [arrangement(
        "Cha-cha-chá, 40 bars",
        "The rhythm section alone, the melody's A part on the cáscara, the B part with the clave and "
        "the bell, and the cha-cha-chá break to end.",
        [section("Intro", 4, {"Piano": "off", "Bass": "off"}, colour="#7f8c8d"),
         section("A", 8, {"Timbales": "Cáscara for the verse", "Guiro": "Güiro, soft verse"}, repeats=2,
                 colour="#2980b9"),
         section("B", 8, {"Clave": "Son clave 2-3", "Congas": "Cha-cha, two congas",
                          "Cowbell": "Cencerro with the neck"}, repeats=2, brk=brk, colour="#27ae60"),
         section("Final", 4, brk=brk, colour="#8e44ad")],
        ["Intro", "A", "B", "Final"])]
    return machine


def bachata_arranged():
    machine = with_breaks(bachata(), BACHATA_BREAKS,
                          {"Bongos": "1", "Guira": "1", "Cowbell": "0", "Guitar": "piano", "Bass": "bass"},
                          chord_name="i")
    brk = each("Bachata break", "Bongos", "Guira", "Guitar", "Bass")
    machine["arrangements"] = [arrangement(
        "Bachata, 64 bars",
        "The requinto alone, the verse on the bongó's derecho, the chorus on the majao ending on a "
        "break, the mambo (the bongocero on the bell, the güira driving), the verse again and the "
        "final hits.",
        [section("Intro", 4, {"Bongos": "off", "Guira": "off", "Bass": "off"}, colour="#7f8c8d"),
         section("Derecho", 8, {"Bongos": "Bachata derecho"}, repeats=2, colour="#2980b9"),
         section("Majao", 8, {"Bongos": "Bachata majao"}, repeats=2, brk=brk, colour="#27ae60"),
         section("Mambo", 8, {"Bongos": "off", "Cowbell": "Bachata mambo bell", "Guira": "Güira, mambo",
                              "Guitar": "Requinto arpeggio i-bVI-iv-V", "Bass": "Bachata bass i-bVI-iv-V"},
                 brk=each("Bachata break", "Cowbell", "Guira", "Guitar", "Bass"), colour="#c0392b"),
         section("Final", 4, {"Bongos": "Bachata majao"}, brk=brk, colour="#8e44ad")],
        ["Intro", "Derecho", "Majao", "Mambo", "Derecho", "Final"])]
    return machine


def son_montuno_arranged():
    machine = with_breaks(son_montuno(), SON_BREAKS,
                          {"Clave": "0", "Bongos": "1", "Congas": "3", "Tres": "piano", "Bass": "bass"})
    brk = each("Son break", "Clave", "Bongos", "Congas", "Tres", "Bass")
    machine["arrangements"] = [arrangement(
        "Son montuno, 40 bars",
        "The tres and the clave, the son (the verse), the montuno with its coro ending on a break, "
        "and the final hits.",
        [section("Intro", 4, {"Bongos": "off", "Maracas": "off", "Congas": "off", "Bass": "off"}, colour="#7f8c8d"),
         section("Son", 8, {"Congas": "off"}, repeats=2, colour="#2980b9"),
         section("Montuno", 8, {"Tres": "Tres guajeo I-IV-V-IV", "Bass": "Son tumbao I-IV-V-IV",
                                "Bongos": "Martillo with open tones", "Congas": "Tumbao, two congas"},
                 repeats=2, brk=brk, colour="#27ae60"),
         section("Final", 4, brk=brk, colour="#8e44ad")],
        ["Intro", "Son", "Montuno", "Final"])]
    return machine


def rumba_arranged():
    machine = with_breaks(rumba(), RUMBA_BREAKS,
                          {"Clave": "0", "Palitos": "1", "Salidor": "0", "Segundo": "1", "Quinto": "0"})
    brk = each("Rumba cierre", "Clave", "Palitos", "Salidor", "Segundo", "Quinto")
    machine["arrangements"] = [arrangement(
        "Guaguancó, 40 bars",
        "The diana (clave and palitos, the quinto's llamada calling the drums in), the canto with the "
        "drums, the guaguancó with the quinto's floreo ending on a cierre, and the drums closing "
        "together.",
        [section("Diana", 4, {"Salidor": "off", "Segundo": "off", "Quinto": "Quinto llamada"}, colour="#7f8c8d"),
         section("Canto", 8, {"Quinto": "off"}, repeats=2, colour="#2980b9"),
         section("Guaguancó", 8, {"Quinto": "Quinto floreo", "Segundo": "Tres dos, answering"}, repeats=2,
                 brk=brk, colour="#c0392b"),
         section("Cierre", 4, brk=brk, colour="#8e44ad")],
        ["Diana", "Canto", "Guaguancó", "Cierre"])]
    return machine


MACHINES = [salsa, merengue_arranged, chachacha_arranged, bachata_arranged, son_montuno_arranged, rumba_arranged]

# ---------------------------------------------------------------------------------------------
# Output


def fmt(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def machine_xml(machine):
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f"<!-- {machine['title']}: {machine['about']}",
             "     Bandmate's built-in rhythm library, written by resources/machines/make_machines.py;",
             "     edit the script, not this file. License: GPL-3.0-or-later. -->",
             '<bm:Machine xmlns="http://www.salsabeatmachine.org/xns/bm" '
             'xmlns:bm="http://www.salsabeatmachine.org/xns/bm">',
             "  <bm:instrumentList>"]
    for inst in machine["instruments"]:
        lines.append(f'    <{inst["element"]} xmlns="http://www.salsabeatmachine.org/xns/instruments" '
                     f'title={quoteattr(inst["title"])}>')
        lines.append(f"      <enabled>{fmt(inst['enabled'])}</enabled>")
        lines.append(f"      <activeProgram>{inst['active']}</activeProgram>")
        lines.append(f"      <volume>{fmt(float(inst['volume']))}</volume>")
        lines.append(f"      <respectsClave>{fmt(inst['respectsClave'])}</respectsClave>")
        lines.append(f"      <keyedInstrument>{fmt(inst['keyed'])}</keyedInstrument>")
        if inst["keyed"]:
            lines.append(f"      <pitchOffset>{inst['pitchOffset']}</pitchOffset>")
            lines.append(f"      <playBothHands>{fmt(inst['playBothHands'])}</playBothHands>")
            if inst["playBothHands"]:
                lines.append(f"      <leftHandPitchOffset>{inst['leftHandPitchOffset']}</leftHandPitchOffset>")
        lines.append("      <programs>")
        for program in inst["programs"]:
            lines.append(f'        <bm:Program title={quoteattr(program["title"])} length="{program["length"]}">')
            for note in program["notes"]:
                attrs = f'index="{note["index"]}" pitch="{note["pitch"]}"'
                if note.get("velocity", 1.0) != 1.0:
                    attrs += f' velocity="{fmt(float(note["velocity"]))}"'
                if note.get("pianoTonic"):
                    attrs += ' pianoTonic="true"'
                if note.get("hand"):
                    attrs += f' hand="{note["hand"]}"'
                lines.append(f"          <bm:Note {attrs} />")
            lines.append("        </bm:Program>")
        lines.append("      </programs>")
        lines.append(f'    </{inst["element"]}>')
    lines += ["  </bm:instrumentList>",
              f"  <bm:machineId>BANDMATE-{machine['file'].upper()}</bm:machineId>",
              f"  <bm:title>{machine['title']}</bm:title>",
              f"  <bm:flavor>{machine['flavor']}</bm:flavor>",
              f"  <bm:bpm>{machine['bpm']}</bm:bpm>",
              f"  <bm:keyNote>{machine['key']}</bm:keyNote>",
              f"  <bm:clave32>{fmt(machine.get('clave32', False))}</bm:clave32>",
              f"  <bm:volume>{fmt(float(machine['volume']))}</bm:volume>"]
    if any(inst["element"] == "Instructor" for inst in machine["instruments"]):
        # Bandmate's mark (the web machine ignores it): the Instructor counts from 0, as above.
        lines.append("  <bm:instructorCountsFrom>0</bm:instructorCountsFrom>")
    programs = {(inst["element"], p["title"]): i for inst in machine["instruments"]
                for i, p in enumerate(inst["programs"])}
    elements = {inst["element"] for inst in machine["instruments"]}

    def part_lines(tag, parts):
        out = []
        for element, title in parts.items():
            assert element in elements, (machine["file"], element)
            program = "off" if title == "off" else programs[(element, title)]
            out.append(f'        <{tag} instrument="{element.lower()}" program="{program}" />')
        return out

    if machine.get("arrangements"):
        lines.append('  <arrangements xmlns="urn:bandmate:xns:arrangements">')
        for arr in machine["arrangements"]:
            form = " ".join(str(i) for i in arr["form"])
            lines.append(f'    <Arrangement name={quoteattr(arr["name"])} form="{form}">')
            for sec in arr["sections"]:
                attrs = f'name={quoteattr(sec["name"])} bars="{sec["bars"]}"'
                if sec["repeats"] != 1:
                    attrs += f' repeats="{sec["repeats"]}"'
                if sec["bpm"]:
                    attrs += f' bpm="{fmt(sec["bpm"])}"'
                if sec["key"] >= 0:
                    attrs += f' key="{sec["key"]}"'
                if sec["colour"]:
                    attrs += f' colour="{sec["colour"]}"'
                lines.append(f"      <Section {attrs}>")
                lines += part_lines("part", sec["parts"])
                lines += part_lines("break", sec["break"])
                lines.append("      </Section>")
            lines.append("    </Arrangement>")
        lines.append("  </arrangements>")
    lines += ["</bm:Machine>", ""]
    return "\n".join(lines)


def readme(machines):
    out = ["# Built-in rhythms", "",
           "Bandmate's own rhythm library: traditional rhythms in our own transcriptions, in the Salsa",
           "Beat Machine format. Written by `make_machines.py` (edit that, then run it); play them with",
           "`bandmate-cli render NAME --out FILE.wav` (`bandmate-cli machines` lists the names).", "",
           "Each machine also has a whole tune, an arrangement of its sections (intro, verse, montuno,",
           "mambo, breaks): `bandmate-cli arrangements NAME` lists it and `bandmate-cli render NAME",
           "--arrangement \"…\" --out FILE.wav` plays it. A section's break (cierre) is one bar where",
           "the parts named play their break figure together and the others rest.", "",
           "Steps are eighth notes (Salsa flavor) or sixteenths (Merengue). Percussion is written in",
           "2-3 clave; choose 3-2 and Bandmate turns every clave-bound part around by one bar, while",
           "piano, bass and guitar keep their harmony. Keyed parts follow the key you choose.", ""]
    keys = ["C", "C♯", "D", "E♭", "E", "F", "F♯", "G", "A♭", "A", "B♭", "B"]
    for machine in machines:
        out += [f"## {machine['title']} (`{machine['file']}`)", "",
                f"{machine['about']} Default {machine['bpm']} BPM, key of {keys[machine['key']]}"
                f"{', clave 3-2' if machine.get('clave32') else ''}.", ""]
        for inst in machine["instruments"]:
            state = "on" if inst["enabled"] else "off"
            out.append(f"**{inst['title']}** ({state} by default)")
            out.append("")
            for program in inst["programs"]:
                out.append(f"- *{program['title']}* ({program['length']} steps): {program['about']}")
            out.append("")
        for arr in machine.get("arrangements", []):
            step_bars = {s["name"]: s["bars"] * s["repeats"] for s in arr["sections"]}
            total = sum(step_bars[arr["sections"][i]["name"]] for i in arr["form"])
            form = ", ".join(f"{arr['sections'][i]['name']} ({step_bars[arr['sections'][i]['name']]})"
                             for i in arr["form"])
            out += [f"**Arrangement: {arr['name']}** ({total} bars): {arr['about']} Form: {form}.", ""]
    return "\n".join(out)


def main():
    machines = [make() for make in MACHINES]
    for machine in machines:
        with open(os.path.join(HERE, machine["file"] + ".xml"), "w", encoding="utf-8") as out:
            out.write(machine_xml(machine))
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as out:
        out.write(readme(machines))
    count = sum(len(i["programs"]) for m in machines for i in m["instruments"])
    print(f"{len(machines)} machines, {count} programs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
