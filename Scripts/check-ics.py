#!/usr/bin/env python3
"""Check an iCalendar file written by `realise review calendar` with an independent parser (icalendar, PyPI).

Usage: check-ics.py FILE.ics   Exit 0 when the file parses strictly and every event is well-formed; 1 otherwise.
"""
import sys

import icalendar


def main(path: str) -> int:
    raw = open(path, "rb").read()
    problems = []
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: bare LF or CR (lines must end with CRLF)")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets (fold at 75)")
    calendar = icalendar.Calendar.from_ical(raw)
    if calendar.get("VERSION") != "2.0" or not calendar.get("PRODID"):
        problems.append("VERSION:2.0 and PRODID are required")
    uids = set()
    events = list(calendar.walk("VEVENT"))
    for event in events:
        uid = str(event.get("UID"))
        for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if event.get(name) is None:
                problems.append(f"event {uid}: {name} is missing")
        if uid in uids:
            problems.append(f"event {uid}: UID repeated")
        uids.add(uid)
        if event.get("RRULE") is not None:
            icalendar.vRecur.from_ical(event.get("RRULE").to_ical().decode())
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    print(f"{path}: {len(events)} events, {'OK' if not problems else 'FAILED'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
