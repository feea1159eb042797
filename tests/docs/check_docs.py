#!/usr/bin/env python3
"""Checks the project's Markdown documents (ctest Docs.*).

  check_docs.py links SOURCE_DIR
      Every relative link and image in every .md file of the repository points at a file or
      folder that exists, and a link to a heading (#anchor) names a heading that exists.
  check_docs.py version SOURCE_DIR PROGRAM...
      The newest version in CHANGELOG.md is the one set in CMakeLists.txt, and each PROGRAM
      prints it for --version.

Prints one line per problem (file:line) and exits with 1 when there is any.
"""
import os
import re
import subprocess
import sys

SKIPPED_FOLDERS = {".git", "build", "node_modules", ".cache"}
LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
IMG_TAG = re.compile(r"<img\s[^>]*src=\"([^\"]+)\"", re.IGNORECASE)
FENCE = re.compile(r"^\s*(```|~~~)")


def markdown_files(root):
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(f for f in folders if f not in SKIPPED_FOLDERS and not f.startswith("build"))
        for name in sorted(files):
            if name.endswith(".md"):
                yield os.path.join(folder, name)


def prose_lines(path):
    """(line number, text) of the lines outside fenced code blocks, inline code removed."""
    fenced = False
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if not fenced:
                yield number, re.sub(r"`[^`]*`", "", line)


def slug(heading):
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to '-'."""
    text = re.sub(r"`|\*\*|__", "", heading.strip()).lower()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


def anchors(path):
    found, counts = set(), {}
    for _, line in prose_lines(path):
        match = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if match:
            base = slug(match.group(1))
            count = counts.get(base, 0)
            counts[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    return found


def check_links(root):
    problems = []
    cache = {}
    for path in markdown_files(root):
        shown = os.path.relpath(path, root)
        for number, line in prose_lines(path):
            for target in LINK.findall(line) + IMG_TAG.findall(line):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
                    continue  # https:, mailto:, bandmate: ...
                file_part, _, anchor = target.partition("#")
                linked = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
                if not os.path.exists(linked):
                    problems.append(f"{shown}:{number}: the link '{target}' points at {os.path.relpath(linked, root)}, which does not exist")
                    continue
                if anchor and linked.endswith(".md"):
                    if linked not in cache:
                        cache[linked] = anchors(linked)
                    if anchor not in cache[linked]:
                        problems.append(f"{shown}:{number}: the link '{target}' names a heading '#{anchor}' that {os.path.relpath(linked, root)} does not have")
    return problems


def check_version(root, programs):
    problems = []
    with open(os.path.join(root, "CMakeLists.txt"), encoding="utf-8") as file:
        match = re.search(r"project\(\s*Bandmate\b[^)]*?\bVERSION\s+([0-9][0-9.]*)", file.read())
    if not match:
        return ["CMakeLists.txt: no 'project(Bandmate VERSION x.y.z)'"]
    version = match.group(1)
    released = []
    with open(os.path.join(root, "CHANGELOG.md"), encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            heading = re.match(r"^## \[([^\]]+)\]", line)
            if heading and heading.group(1).lower() != "unreleased":
                released.append((number, heading.group(1)))
    if not released:
        problems.append("CHANGELOG.md: no released version (a '## [x.y.z] - YYYY-MM-DD' heading)")
    elif released[0][1] != version:
        problems.append(f"CHANGELOG.md:{released[0][0]}: the newest version is {released[0][1]}, but CMakeLists.txt sets {version}")
    for program in programs:
        run = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=60,
                             env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        words = run.stdout.split()
        if run.returncode != 0 or version not in words:
            problems.append(f"{os.path.basename(program)} --version printed {run.stdout.strip()!r} (exit {run.returncode}), not version {version}")
    return problems


def main(argv):
    if len(argv) < 3 or argv[1] not in ("links", "version"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = os.path.abspath(argv[2])
    problems = check_links(root) if argv[1] == "links" else check_version(root, argv[3:])
    for problem in problems:
        print(problem)
    if not problems:
        print("ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
