#!/usr/bin/env python3
"""Turns the statements one call of the service sent to PostgreSQL into a pgbench script: that call's own
ceiling, the same SQL on the same database with nothing of the service around it.

    python3 bench/ceiling.py SERVER_LOG FROM_BYTE REQUEST_IDS SCRIPT [CLIENT_IDS CAPTURED_ID]

PostgreSQL logs every statement while bench/perf.sh captures (log_statement = all, log_line_prefix with the
backend's pid). A call's statements are the block on one connection from the pool's `set_config` of the tenant
to the COMMIT that contains the call's request id (the audit entry every call writes carries it). Several
request ids make one script of several calls in turn (PAUSE then RESUME), each a transaction of its own.

Replayed as they were, the writes would collide with the rows the call made, so three kinds of value are
renewed on every pgbench transaction, through variables that the block's first statement sets (`\\gset`, on the
`set_config` the service sends anyway, so the script makes no query the service does not):
- a UUID the call made (the service's ids are UUIDv7: one stamped after the capture began, CAPTURED_SINCE in
  the environment, is a row the call created): it gets a new time-ordered id (bench_uuid7, so the indexes see the same insertion order);
- a value holding the request id (the request id itself, the Idempotency-Key the bench derives from it): a
  new random text;
- CAPTURED_ID, the referral the call worked on, becomes one of CLIENT_IDS by pgbench's client number, as
  each of wrk's connections works on a referral of its own.
An UPDATE's optimistic check `version=<n>` becomes `version=version` and its new `version=<n+1>`,
`version=version+1`: the same row written under the same lock, whatever its version has reached.
"""
import os
import re
import sys

ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \S+ \S+ \[(\d+)\] (\w+):  (.*)$")
STATEMENT = re.compile(r"^(?:execute [^:]+|statement): (.*)$", re.S)
# When the captured calls began (epoch seconds, from perf.sh): seeded and set-up rows are older.
CAPTURED_SINCE = float(os.environ.get("CAPTURED_SINCE", "0"))
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def entries(path, start):
    with open(path, "rb") as log:
        log.seek(start)
        text = log.read().decode("utf-8", "replace")
    current = None
    for line in text.split("\n"):
        match = ENTRY.match(line)
        if match:
            if current:
                yield current
            current = [match.group(1), match.group(2), match.group(3)]
        elif current is not None:
            current[2] += "\n" + line
    if current:
        yield current


def parameters(text):
    """`$1 = 'it''s', $2 = NULL` -> {1: "'it''s'", 2: "NULL"}, each value as SQL would read it."""
    values, i = {}, 0
    while True:
        match = re.compile(r"\s*\$(\d+) = ").match(text, i)
        if not match:
            return values
        i = match.end()
        if text.startswith("NULL", i):
            value, i = "NULL", i + 4
        else:
            end = i + 1
            while True:
                end = text.index("'", end)
                if text.startswith("''", end):
                    end += 2
                    continue
                break
            value, i = text[i:end + 1], end + 1
        values[int(match.group(1))] = value
        if text.startswith(",", i):
            i += 1


def statements(path, start):
    """(pid, sql, {n: literal}) in log order, each statement with the parameters logged after it."""
    pending = {}
    out = []
    for pid, level, text in entries(path, start):
        if level == "LOG":
            match = STATEMENT.match(text)
            if match:
                pending[pid] = [pid, match.group(1).strip(), {}]
                out.append(pending[pid])
        elif level == "DETAIL" and text.startswith("Parameters: ") and pid in pending:
            pending[pid][2] = parameters(text[len("Parameters: "):])
    return out


def block(all_statements, request_id):
    """
    The call's statements: on the connection that wrote the request id, from its BEGIN (or the set_config that
    names the tenant) to COMMIT. A call that
    writes no audit entry (the change feed: ids and states, no survivor data) is named "request-id=fragment":
    its block holds the one statement whose text contains the fragment.
    """
    request_id, _, fragment = request_id.partition("=")
    for i, (pid, sql, params) in enumerate(all_statements):
        if (fragment and fragment in sql) or any(request_id in v for v in params.values()) or request_id in sql:
            mine = [s for s in all_statements if s[0] == pid]
            at = next(k for k, s in enumerate(mine) if s is all_statements[i])
            first = max(k for k, s in enumerate(mine[: at + 1]) if "set_config" in s[1])
            # The driver opens the transaction before the pool names its tenant on the connection.
            if first > 0 and mine[first - 1][1].upper() == "BEGIN":
                first -= 1
            last = next(k for k, s in enumerate(mine) if k > at and s[1].upper() in ("COMMIT", "ROLLBACK"))
            return mine[first: last + 1]
    sys.exit(f"no statement of request {request_id} in the log")


def made_now(uuid):
    """A row id the call made: the service's ids are UUIDv7, their first 48 bits the time they were made."""
    if uuid[14] != "7":
        return False
    return int(uuid.replace("-", "")[:12], 16) / 1000 >= CAPTURED_SINCE - 1


def script(blocks, client_ids, captured_id):
    lines = []
    for number, (request_id, calls) in enumerate(blocks):
        made = []
        for _, sql, params in calls:
            for value in params.values():
                bare = value.strip("'")
                if UUID.match(bare) and bare not in made and bare != captured_id and made_now(bare):
                    made.append(bare)
        fresh = {u: f"u{number}_{k}" for k, u in enumerate(made)}
        assigned = [f"bench_uuid7() as {name}" for name in fresh.values()] + [f"md5(random()::text) as k{number}"]
        if client_ids:
            assigned.append(f"(array[{','.join(repr(i) for i in client_ids)}]::uuid[])[:client_id % {len(client_ids)} + 1] as rid")
        start = len(lines)
        for k, (_, sql, params) in enumerate(calls):
            def literal(match):
                value = params[int(match.group(1))]
                bare = value.strip("'")
                if bare in fresh:
                    return ":" + fresh[bare]
                if client_ids and bare == captured_id:
                    return ":rid"
                if request_id in value:
                    return f":k{number}"
                return value
            text = re.sub(r"\$(\d+)", literal, sql)
            if text.lower().startswith("update"):
                head, _, where = text.partition(" where ")
                head = re.sub(r"\bversion=\S+?(?=,|$)", "version=version+1", head)
                where = re.sub(r"\bversion=[^\s)]+", "version=version", where)
                text = head + (" where " + where if where else "")
            if text.lower().startswith("select set_config") and not any("\\gset" in line for line in lines[start:]):
                lines.append(text + ", " + ", ".join(assigned) + " \\gset")
            else:
                lines.append(text + ";")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    log, start, request_ids, out = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(","), sys.argv[4]
    client_ids = sys.argv[5].split() if len(sys.argv) > 5 and sys.argv[5] else []
    captured_id = sys.argv[6] if len(sys.argv) > 6 else None
    found = statements(log, start)
    blocks = [(r.partition("=")[0], block(found, r)) for r in request_ids]
    with open(out, "w") as f:
        f.write(script(blocks, client_ids, captured_id))
    print(" + ".join(str(len(b)) for _, b in blocks))
