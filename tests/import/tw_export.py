#!/usr/bin/env python3
"""tw_export.py N OWNER [BAD] - writes to standard output what `task export`
writes for N tasks (one a line, each with the members taskwarrior gives: uuid,
entry, modified, tags, annotations, urgency...), owned by OWNER (a UDA), due
in December 2026, every tenth one completed and every hundredth deleted.
BAD: the last task, pending, names an owner nobody is."""
import sys

n, owner = int(sys.argv[1]), sys.argv[2]
bad = len(sys.argv) > 3
out = sys.stdout
out.write("[\n")
for i in range(1, n + 1):
    status = "deleted" if i % 100 == 0 else "completed" if i % 10 == 0 else "pending"
    who = owner
    if bad and i == n:
        status, who = "pending", "Nobody Here"
    end = ',"end":"20261130T120000Z"' if status != "pending" else ""
    out.write(
        '{"id":%d,"description":"Follow up on the customer call number %d, \\"as promised\\"",'
        '"due":"202612%02dT120000Z"%s,"entry":"20261120T090000Z","modified":"20261121T090000Z",'
        '"owner":"%s","project":"Sales.calls","status":"%s",'
        '"uuid":"%08x-1c2d-4e5f-8a9b-%012x","tags":["cx","follow-up"],'
        '"annotations":[{"entry":"20261121T090000Z","description":"Called, left a message \\u2014 try again"}],'
        '"urgency":%d.%d}%s\n'
        % (i if status == "pending" else 0, i, 1 + i % 28, end, who, status, i, i * 7919,
           i % 17, i % 10, "," if i < n else ""))
out.write("]\n")
