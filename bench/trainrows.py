"""What bench/spellings and bench/robustness share: the train and dev rows of labelled files (a
validation row of labelled/ is skipped, never read past its id), and texts classified by the CLI."""
import json
import subprocess
import zlib


def rows(paths):
    """Every row of the TSV files as a dict by column name, without the validation rows of labelled/."""
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        head = lines[0].split("\t")
        for line in lines[1:]:
            if not line.strip() or line.startswith("#"):
                continue
            row = dict(zip(head, line.split("\t")))
            if "/labelled/" in path and zlib.crc32(row["id"].encode("utf-8")) % 10 < 3:
                continue
            yield row


def reasons(jar, items):
    """The reason `bouncekit classify` gives each (row, text), with the row's stage and remote host."""
    requests = []
    for k, (row, text) in enumerate(items):
        r = {"id": str(k), "reply": text}
        if row.get("stage"):
            r["stage"] = row["stage"]
        if row.get("remote_host"):
            r["remoteHost"] = row["remote_host"]
        requests.append(json.dumps(r, ensure_ascii=False))
    out = subprocess.run(["java", "-jar", jar, "classify", "--input", "jsonl"], input="\n".join(requests),
                         capture_output=True, text=True, check=True).stdout.split("\n")
    return [json.loads(line)["reason"] for line in out[:len(items)]]
