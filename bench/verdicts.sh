#!/usr/bin/env bash
# Prints `bouncekit classify` JSON output, every field, for every reply bouncekit ships with: each row
# of core's corpus files (corpus/*.tsv and corpus/labelled/*.tsv, with and without its stage and
# remote host) and each wire reply of the catalog and the provider files (lines joined by \n, with
# and without the entry's stage). Run it before and after a change to the classifier and diff the
# two outputs: a change meant to keep every verdict must leave no difference.
#   bench/verdicts.sh > /tmp/verdicts-before.jsonl
#   bench/verdicts.sh > /tmp/verdicts-after.jsonl && diff /tmp/verdicts-before.jsonl /tmp/verdicts-after.jsonl
# Needs python3 and cli/target/bouncekit.jar (mvn -B -q -pl cli -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=cli/target/bouncekit.jar
[ -f "$jar" ] || { echo "missing $jar: mvn -B -q -pl cli -am package -DskipTests" >&2; exit 2; }
res=core/src/main/resources/dev/bouncekit
python3 - core/src/test/resources/dev/bouncekit/corpus/*.tsv core/src/test/resources/dev/bouncekit/corpus/labelled/*.tsv \
    "$res"/catalog/*.txt "$res"/providers/*.provider <<'PY' | java -jar "$jar" classify --input jsonl
import json, sys, os

def emit(id, reply, stage, host):
    o = {"id": id, "reply": reply}
    if stage:
        o["stage"] = stage
    if host:
        o["remoteHost"] = host
    print(json.dumps(o, ensure_ascii=False))

for path in sys.argv[1:]:
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if path.endswith(".tsv"):
        header = lines[0].split("\t")
        col = {c: i for i, c in enumerate(header)}
        for n, line in enumerate(lines[1:], 2):
            if not line.strip():
                continue
            cols = line.split("\t")
            get = lambda c: cols[col[c]] if c in col and col[c] < len(cols) else ""
            rid = f"{name}:{n}:{get('id')}"
            emit(rid, get("reply"), get("stage"), get("remote_host"))
            emit(rid + ":bare", get("reply"), "", "")
        continue
    stage, wire, start = "", [], 0
    def flush():
        if wire:
            rid = f"{name}:{start}"
            emit(rid, "\n".join(wire), stage, "")
            emit(rid + ":bare", "\n".join(wire), "", "")
    for n, line in enumerate(lines, 1):
        if line.startswith("|"):
            if not wire:
                start = n
            wire.append(line[2:] if line.startswith("| ") else line[1:])
            continue
        if wire:
            flush()
            wire = []
        if not line.strip() or line.startswith("["):
            stage = ""
        elif line.startswith("stage:"):
            stage = line[6:].strip()
    flush()
PY
