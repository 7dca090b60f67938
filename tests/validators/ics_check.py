#!/usr/bin/env python3
"""Checks an iCalendar file with PyPI's icalendar, independently of samskap.

Usage: tests/validators/ics_check.py FILE.ics

Prints one JSON line per VEVENT, for the Rust tests to assert on:
    {"uid": ..., "summary": ..., "dtstart": "YYYY-MM-DDTHH:MM", "tzid": ...,
     "location": ..., "sequence": N, "status": ..., "description": ...}
dtstart is the wall-clock time as written, in the zone its TZID parameter
names (tzid is null for a UTC or floating time; an all-day date prints as
YYYY-MM-DD).

Then prints every problem as `ERROR: ...` and exits 1 if there is any:
  - icalendar's own lenient-parse errors (component.errors, every component);
  - no VTIMEZONE with TZID Europe/Oslo;
  - RFC 5545 musts that icalendar does not enforce: VERSION and PRODID on the
    calendar, UID and DTSTAMP on each VEVENT, a VTIMEZONE for every TZID used,
    lines ending in CRLF and at most 75 octets long, SEQUENCE a non-negative
    integer, STATUS one of TENTATIVE, CONFIRMED, CANCELLED, no UID twice.
"""

import json
import sys
from datetime import date, datetime

import icalendar

OSLO = "Europe/Oslo"


def fmt_dt(value):
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return None


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def main(argv):
    if len(argv) != 2:
        print("usage: ics_check.py FILE.ics", file=sys.stderr)
        return 2
    path = argv[1]
    sys.stdout.reconfigure(encoding="utf-8")
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        print(f"ERROR: {path}: {e}")
        return 1

    errors = []

    # Content lines (RFC 5545 3.1): CRLF, at most 75 octets before folding.
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    else:
        errors.append("the file does not end with CRLF")
    lf_only = [n for n, line in enumerate(lines, 1) if not line.endswith(b"\r")]
    if lf_only:
        errors.append(f"{len(lf_only)} line(s) end in LF, not CRLF (first: line {lf_only[0]})")
    for n, line in enumerate(lines, 1):
        octets = len(line.rstrip(b"\r"))
        if octets > 75:
            errors.append(f"line {n}: {octets} octets, longer than 75 (not folded)")

    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # icalendar raises ValueError and others
        print(f"ERROR: {path}: cannot parse: {e}")
        return 1

    timezones = set()
    used_tzids = set()
    for component in cal.walk():
        for prop, message in component.errors:
            errors.append(f"{component.name} {prop}: {message}")
        if component.name == "VTIMEZONE":
            timezones.add(text(component, "TZID"))
        for name, value in component.property_items(recursive=False):
            params = getattr(value, "params", None)
            if params is not None and "TZID" in params:
                used_tzids.add(str(params["TZID"]))

    for name in ("VERSION", "PRODID"):
        if name not in cal:
            errors.append(f"VCALENDAR: no {name}")

    seen = set()
    for event in cal.walk("VEVENT"):
        uid = text(event, "UID")
        if uid in seen:
            errors.append(f"VEVENT {uid}: the UID is used twice")
        seen.add(uid)
        sequence = event.get("SEQUENCE", 0)
        if not isinstance(sequence, int) or sequence < 0:
            errors.append(f"VEVENT {uid}: SEQUENCE {sequence!r} is not a non-negative integer")
        status = text(event, "STATUS")
        if status is not None and status not in ("TENTATIVE", "CONFIRMED", "CANCELLED"):
            errors.append(f"VEVENT {uid}: STATUS {status} is not an event status")
        for name in ("UID", "DTSTAMP"):
            if name not in event:
                errors.append(f"VEVENT {uid or '(no UID)'}: no {name}")
        start = event.get("DTSTART")
        try:
            dt = start.dt
        except Exception:  # missing, or a broken value (already in errors)
            dt = None
        try:
            tzid = start.params.get("TZID")
        except Exception:
            tzid = None
        record = {
            "uid": uid,
            "summary": text(event, "SUMMARY"),
            "dtstart": fmt_dt(dt),
            "tzid": None if tzid is None else str(tzid),
            "location": text(event, "LOCATION"),
            "sequence": sequence,
            "status": status,
            "description": text(event, "DESCRIPTION"),
        }
        print(json.dumps(record, ensure_ascii=False))

    if OSLO not in timezones:
        errors.append(f"no VTIMEZONE for {OSLO}")
    for tzid in sorted(used_tzids - timezones):
        errors.append(f"TZID {tzid} is used but has no VTIMEZONE")

    for e in errors:
        print(f"ERROR: {e}")
    if errors:
        print(f"{path}: {len(errors)} error(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
