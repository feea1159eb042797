#!/usr/bin/env python3
"""Mutation testing (issue 33): does the suite notice when the product code is wrong?

For each source file named, picks mutation sites (a comparison flipped, && and || swapped, true
and false swapped, a +1 made -1), applies ONE mutant at a time, rebuilds
the test binary of the file's folder, runs it, and restores the file. A mutant the tests fail on
is "killed"; one they pass is a "survivor" (a change to the product the suite does not see); one
that does not compile is not counted.

    tests/mutation/mutate.py [--build build/dev] [--per-file 4] [--seed 1] [--report FILE] FILE...

The default files are the merge rule, clocks, ordering keys, search, keys, run-sheets, setlist
formats, roadmap progress and machine XML in core/, and the engine, pattern and MIDI export in
audio/. Each mutant costs a rebuild of one file and a run of one test binary (about half a
minute here), so it runs by hand, not in ./test.sh. The file is restored even when interrupted.
"""
import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

DEFAULT_FILES = [
    "core/sync/MergeRule.cpp", "core/sync/Hlc.cpp", "core/util/FractionalKey.cpp",
    "core/library/SearchQuery.cpp", "core/library/MusicalKey.cpp", "core/setlists/RunSheet.cpp",
    "core/setlists/SetlistFormats.cpp", "core/roadmap/ProgressRepository.cpp", "core/beats/MachineXml.cpp",
    "audio/engine/Engine.cpp", "audio/engine/Pattern.cpp", "audio/render/MidiExport.cpp",
]

# The test binaries that guard each folder (what a developer runs for it).
SUITES = {
    "core": ["bandmate_core_tests"],
    "audio": ["bandmate_audio_tests"],
}

# (pattern, replacement, name): each applied at one match at a time.
OPERATORS = [
    (r" == ", " != ", "== to !="),
    (r" != ", " == ", "!= to =="),
    (r" <= ", " < ", "<= to <"),
    (r" >= ", " > ", ">= to >"),
    (r" < ", " <= ", "< to <="),
    (r" > ", " >= ", "> to >="),
    (r" && ", " || ", "&& to ||"),
    (r" \|\| ", " && ", "|| to &&"),
    (r"\btrue\b", "false", "true to false"),
    (r"\bfalse\b", "true", "false to true"),
    (r" \+ 1\b", " - 1", "+ 1 to - 1"),
    (r" - 1\b", " + 1", "- 1 to + 1"),
]


def code_part(line):
    """The line without its // comment and string literals (blanked), for finding sites."""
    out, quote, i = [], None, 0
    while i < len(line):
        c = line[i]
        if quote:
            out.append(" ")
            if c == "\\":
                out.append(" ")
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
            out.append(" ")
        elif line.startswith("//", i):
            break
        else:
            out.append(c)
        i += 1
    return "".join(out)


def sites(path):
    """Every (line index, column, operator) a mutant can be made at."""
    found = []
    with open(path, encoding="utf-8") as file:
        lines = file.readlines()
    in_block = False
    for number, line in enumerate(lines):
        stripped = line.strip()
        if in_block:
            in_block = "*/" not in stripped
            continue
        if stripped.startswith("/*"):
            in_block = "*/" not in stripped
            continue
        if stripped.startswith(("#", "//", "*")) or "static_assert" in line or "BANDMATE_ASSERT" in line:
            continue
        code = code_part(line)
        for pattern, replacement, name in OPERATORS:
            for match in re.finditer(pattern, code):
                found.append((number, match.start(), pattern, replacement, name))
    return lines, found


def restore(backup, path):
    """Puts the file back with a new time: restored with its old time, the build would keep the
    mutant's object file (it would look newer than its source) and every later run would test
    that mutant again."""
    shutil.copyfile(backup, path)
    os.utime(path, None)


def run(command, timeout):
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        return result.returncode, result.stdout + result.stderr
    except subprocess.TimeoutExpired:
        return -1, "timed out"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default="build/dev")
    parser.add_argument("--per-file", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = args.files or DEFAULT_FILES
    rng = random.Random(args.seed)
    # A run that was killed (not interrupted) may have left a mutant and its backup: never mutate
    # on top of that, and never overwrite the backup, the only good copy.
    for relative in files:
        if os.path.exists(os.path.join(ROOT, relative) + ".mutate-backup"):
            sys.exit(f"mutate.py: {relative}.mutate-backup exists: an earlier run was killed; put it back with "
                     f"`mv {relative}.mutate-backup {relative}` (or `git checkout {relative}`) and run again")
        if subprocess.run(["git", "diff", "--quiet", "--", relative], cwd=ROOT).returncode != 0:
            sys.exit(f"mutate.py: {relative} has uncommitted changes; commit or stash them first")
    # SIGTERM and SIGHUP end the run like Ctrl+C does: through the restore below.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, lambda number, frame: sys.exit(f"mutate.py: stopped by signal {number}; files restored"))
    build = os.path.join(ROOT, args.build)

    # Baseline: every suite builds and passes as it is, and how long it takes.
    baseline = {}
    for folder, suites in SUITES.items():
        for suite in suites:
            code, out = run(["cmake", "--build", build, "--target", suite], 1800)
            if code != 0:
                sys.exit(f"mutate.py: {suite} does not build as it is:\n{out[-2000:]}")
            started = time.monotonic()
            code, out = run([os.path.join(build, "tests", suite), "--gtest_brief=1"], 1800)
            if code != 0:
                sys.exit(f"mutate.py: {suite} fails as it is; fix that first:\n{out[-2000:]}")
            baseline[suite] = time.monotonic() - started

    results = []  # (file, line, name, outcome, text)
    for relative in files:
        path = os.path.join(ROOT, relative)
        folder = relative.split("/")[0]
        suites = SUITES.get(folder)
        if not suites:
            print(f"mutate.py: no suite for {relative}; skipped", file=sys.stderr)
            continue
        lines, candidates = sites(path)
        chosen = rng.sample(candidates, min(args.per_file, len(candidates)))
        backup = path + ".mutate-backup"
        shutil.copyfile(path, backup)
        try:
            for number, column, pattern, replacement, name in chosen:
                mutated = list(lines)
                line = mutated[number]
                mutated[number] = line[:column] + re.sub(pattern, replacement, line[column:], count=1)
                with open(path, "w", encoding="utf-8") as file:
                    file.writelines(mutated)
                outcome = "survived"
                for suite in suites:
                    code, out = run(["cmake", "--build", build, "--target", suite], 900)
                    if code != 0:
                        outcome = "uncompilable"
                        break
                    code, out = run([os.path.join(build, "tests", suite), "--gtest_brief=1"], max(60, int(baseline[suite] * 3)))
                    if code != 0:
                        outcome = "killed" if code > 0 else "killed (timeout or crash)"
                        break
                results.append((relative, number + 1, name, outcome, line.strip()))
                print(f"{outcome:26} {relative}:{number + 1}  {name}  | {line.strip()[:90]}", flush=True)
                restore(backup, path)
        finally:
            restore(backup, path)
            os.remove(backup)
    # Rebuild what the last restore touched, so the tree builds as committed.
    for suites in SUITES.values():
        for suite in suites:
            run(["cmake", "--build", build, "--target", suite], 1800)

    lines = ["| folder | mutants | killed | survived | uncompilable | score |", "|---|---|---|---|---|---|"]
    for folder in sorted({r[0].split("/")[0] for r in results}):
        mine = [r for r in results if r[0].startswith(folder + "/")]
        killed = sum(1 for r in mine if r[3].startswith("killed"))
        survived = sum(1 for r in mine if r[3] == "survived")
        broken = sum(1 for r in mine if r[3] == "uncompilable")
        counted = killed + survived
        lines.append(f"| {folder}/ | {len(mine)} | {killed} | {survived} | {broken} | {killed * 100 // counted if counted else 0} % |")
    lines.append("")
    lines.append("Survivors (a change the folder's suite does not see):")
    for r in results:
        if r[3] == "survived":
            lines.append(f"- {r[0]}:{r[1]} ({r[2]}): `{r[4][:100]}`")
    report = "\n".join(lines)
    print(report)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as file:
            file.write(report + "\n")


if __name__ == "__main__":
    main()
