#!/usr/bin/env python3
"""pty_audit.py: runs startklar on a pseudo-terminal and prints what the
terminal would show, one screen line per output line (carriage returns and
overwrites applied), for cli_habits.sh to compare with the plain report.
Usage: pty_audit.py OUT_RAW OUT_SCREEN STARTKLAR ARGS... (stdout and stderr
on the terminal) or with STDERR_FILE=path in the environment (stderr there)."""
import os
import pty
import sys


def screen(raw):
    lines, cur, col = [], [], 0
    for ch in raw.replace("\r\n", "\n"):
        if ch == "\n":
            lines.append("".join(cur).rstrip())
            cur, col = [], 0
        elif ch == "\r":
            col = 0
        else:
            if col < len(cur):
                cur[col] = ch
            else:
                cur.append(ch)
            col += 1
    if cur:
        lines.append("".join(cur).rstrip())
    return lines


def main():
    raw_path, screen_path, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
    err_file = os.environ.get("STDERR_FILE")
    pid, fd = pty.fork()
    if pid == 0:
        if err_file:
            e = os.open(err_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(e, 2)
        os.environ.pop("CI", None)
        os.execv(argv[0], argv)
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    raw = b"".join(chunks).decode("utf-8", "replace")
    with open(raw_path, "w") as f:
        f.write(raw)
    with open(screen_path, "w") as f:
        f.write("\n".join(screen(raw)) + "\n")
    sys.exit(os.waitstatus_to_exitcode(status))


main()
