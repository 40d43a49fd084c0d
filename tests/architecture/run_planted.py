#!/usr/bin/python3
"""Runs the architecture checker on one planted fixture (a small fake source tree) and checks
that it fails, or passes, for the reason the fixture names, so a checker that fails for the
wrong reason (a crash, another rule) does not pass its test.

A fixture is a folder with src/ (the fake tree), expect.txt and, if it has one, allowlist.txt
(given to the checker as --allowlist). expect.txt, # lines aside:
  exit N     the checker's exit status (1: it must fail; 0: it must pass)
  !TEXT      no output line may start with TEXT
  TEXT       some output line must start with TEXT (e.g. src/core/a.c:3: library: core/ ...)

Usage: run_planted.py CHECKER FIXTURE_DIR"""

import os
import subprocess
import sys


def main(checker, fixture):
    checker, fixture = os.path.abspath(checker), os.path.abspath(fixture)
    expected_exit, present, absent = None, [], []
    with open(os.path.join(fixture, "expect.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("exit "):
                expected_exit = int(line.split()[1])
            elif line.startswith("!"):
                absent.append(line[1:])
            else:
                present.append(line)
    if expected_exit is None:
        print("%s/expect.txt: no 'exit N' line" % fixture)
        return 1

    command = [sys.executable, checker]
    allowlist = os.path.join(fixture, "allowlist.txt")
    if os.path.isfile(allowlist):
        command += ["--allowlist", allowlist]
    command.append(os.path.join(fixture, "src"))
    run = subprocess.run(command, capture_output=True, text=True, cwd=fixture)
    print(run.stdout, end="")
    print(run.stderr, end="", file=sys.stderr)

    lines = run.stdout.splitlines()
    problems = []
    if run.returncode != expected_exit:
        problems.append("exit status %d, expected %d" % (run.returncode, expected_exit))
    if "Traceback" in run.stderr:
        problems.append("the checker crashed")
    for text in present:
        if not any(line.startswith(text) for line in lines):
            problems.append("no output line starts with: %s" % text)
    for text in absent:
        if any(line.startswith(text) for line in lines):
            problems.append("an output line starts with: %s" % text)
    for problem in problems:
        print("run_planted: %s: %s" % (os.path.basename(fixture), problem))
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[-1], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
