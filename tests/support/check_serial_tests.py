#!/usr/bin/env python3
"""Checks that every test of a binary with SERIAL_TESTS that starts a private JACK server is one
the filter runs alone (ctest Tests.serial_jack).

  check_serial_tests.py SOURCE_DIR

tests/CMakeLists.txt gives bandmate_add_test a SERIAL_TESTS gtest filter ("A.b:C.*"); the tests
it names run with nothing beside them. A JACK test left out runs beside the others on two cores,
where JACK drops whole cycles and the test flakes. A test starts a server when its body (the text
from its TEST line to the next one) uses test::DummyJackServer, startJack or test::Loop; a
fixture whose SetUp starts one is not seen (none does: they call startJack from the test). A
pattern of the filter that names no test is stale and reported too.

Prints one line per problem (file:line) and exits with 1 when there is any.
"""
import fnmatch
import os
import re
import sys

JACK = re.compile(r"\b(DummyJackServer|startJack|test::Loop)\b")
TEST = re.compile(r"^TEST(?:_F|_P)?\(\s*(\w+)\s*,\s*(\w+)\s*\)", re.MULTILINE)
ADD_TEST = re.compile(r"bandmate_add_test\((\w+)((?:(?!bandmate_add_test).)*?)\n\s*LIBS[^\n]*\n(?:\s*#[^\n]*\n)*\s*SERIAL_TESTS\s+\"([^\"]+)\"", re.S)


def matches(name, patterns):
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def main(root):
    with open(os.path.join(root, "tests", "CMakeLists.txt"), encoding="utf-8") as file:
        cmake = file.read()
    problems = []
    binaries = ADD_TEST.findall(cmake)
    if not binaries:
        print("tests/CMakeLists.txt: no bandmate_add_test with SERIAL_TESTS found")
        return 1
    for binary, sources, serial in binaries:
        patterns = serial.split(":")
        used = set()
        for source in re.findall(r"[\w/]+\.cpp", sources):
            path = os.path.join(root, "tests", source)
            with open(path, encoding="utf-8") as file:
                text = file.read()
            tests = list(TEST.finditer(text))
            for index, test in enumerate(tests):
                end = tests[index + 1].start() if index + 1 < len(tests) else len(text)
                body = text[test.end():end]
                name = f"{test.group(1)}.{test.group(2)}"
                used.update(p for p in patterns if fnmatch.fnmatchcase(name, p))
                if test.group(2).startswith("DISABLED_") or not JACK.search(body):
                    continue
                if not matches(name, patterns):
                    line = text.count("\n", 0, test.start()) + 1
                    problems.append(f"tests/{source}:{line}: {name} starts a JACK server but is not in "
                                    f"{binary}'s SERIAL_TESTS")
        # A pattern that names no test is stale (a test renamed): the filter no longer says what
        # it means to.
        for pattern in patterns:
            if pattern not in used:
                problems.append(f"tests/CMakeLists.txt: {binary}'s SERIAL_TESTS pattern {pattern} names no test")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
