"""Robustness: each train or dev text in forms servers and bounce parsers give the same reply, classified
and scored against the row's own label next to the text as written. Validation rows of the labelled
files are skipped, never read past their id.
  folded: a reply with a code, re-wrapped as a multi-line reply ('550-5.1.1 ...' lines) joined by
          newlines, by CRLF, by spaces (as a DSN parser flattens it) and folded in a Diagnostic-Code field;
  address: the local part of every address replaced by a name that is also a keyword (spam.reports,
          quota-team, dmarc-reports, ratelimit, ...): an address names a mailbox, not a cause;
  host:   every host or mail domain named after a machine whose name is also a keyword (spamfilter.,
          mx.quota., mailguard-virus., ...) put in front: a host's name names a machine, not a cause;
  case:   the whole text in capital letters, as some servers write it;
  synonym: one word swapped for another servers use in its place (rejected, refused, denied, declined;
          user, recipient, addressee), except where the company changes its meaning ("connection
          refused", "auth user").
  code:   the enhanced status code taken out (old servers and many NDR bodies give none): where the
          words name the reason, the verdict should not need the code;
  wrapped: a bare reply quoted as relays and bounce parsers quote it: Exchange's "Remote Server
          returned '...'", Gmail's "The response from the remote server was:", a Diagnostic-Code
          field, and for a known stage Postfix's "host H[ip] said: ... (in reply to C command)" and
          Exim's "SMTP error from remote mail server after C:".
Usage: perturb.py BOUNCEKIT_JAR FILE.tsv... [-v]"""
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from trainrows import reasons, rows  # noqa: E402

CODE = re.compile(r"^(\d{3})[ -](\d\.\d{1,3}\.\d{1,3} )?(.*)$", re.S)
ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
NAMES = ["spam.reports", "quota-team", "blocked.list", "relay", "virus.lab", "expired.domain", "timeout",
         "full-stack", "dmarc-reports", "ratelimit", "suspended.user", "unknown"]


def chunks(text, width):
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = line + " " + word if line else word
    return out + [line] if line else out


def folded(reply):
    m = CODE.match(reply.strip())
    if not m:
        return []
    code, status, rest = m.group(1), m.group(2) or "", m.group(3)
    parts = chunks(rest, 45)
    if len(parts) < 2:
        return []
    lines = [f"{code}-{status}{p}" for p in parts[:-1]] + [f"{code} {status}{parts[-1]}"]
    return [("folded: newlines", "\n".join(lines)), ("folded: CRLF", "\r\n".join(lines)),
            ("folded: one line", " ".join(lines)), ("folded: Diagnostic-Code", "Diagnostic-Code: smtp; " + "\n    ".join(lines))]


HOST = re.compile(r"(?<![\w.-])((?:[A-Za-z0-9-]+\.)+[a-z]{2,6})(?![\w.-])")
HOST_NAMES = ["spamfilter", "mx.quota", "mailguard-virus", "relay1.blocked", "dmarc", "smtp-timeout"]


def hosted(reply):
    if not HOST.search(reply):
        return []
    return [("host: " + name, HOST.sub(lambda m: name + "." + m.group(1), reply)) for name in HOST_NAMES]


def addressed(reply):
    if not ADDRESS.search(reply):
        return []
    return [("address: " + name, ADDRESS.sub(lambda m: name + "@" + m.group(0).split("@")[1], reply)) for name in NAMES]


SYNONYMS = [["rejected", "refused", "denied", "declined"], ["user", "recipient", "addressee"]]
KEPT = ["connect", "actively", "talk to", "auth", "user name", "username", "agent", "password", "login"]


def synonyms(reply):
    low = reply.lower()
    if any(k in low for k in KEPT):
        return []
    out = []
    for words in SYNONYMS:
        for word in words:
            m = re.search(r"\b" + word + r"\b", low)
            if m:
                out += [("synonym: " + word + " -> " + other, reply[:m.start()] + other + reply[m.end():])
                        for other in words if other != word]
    return out


ENHANCED = re.compile(r"(?<![\d.])#?[245]\.\d{1,3}\.\d{1,3}(?![\d.]*\d)")


def uncoded(reply):
    return [("code: none", ENHANCED.sub("", reply))] if ENHANCED.search(reply) else []


QUOTED = re.compile(r"(?i)said:|remote server|smtp error from|diagnostic-code|<<<|response from|\bhost\b.*\[")
COMMANDS = {"RCPT": ("RCPT TO", "RCPT TO:<jo@example.net>"), "MAIL": ("MAIL FROM", "MAIL FROM:<me@example.org>"),
            "DATA": ("end of DATA", "end of data")}


def wrapped(row):
    reply, stage = row["reply"], row.get("stage") or ""
    if QUOTED.search(reply) or not re.match(r"\s*[245]\d\d", reply):
        return []
    out = [("wrapped: Exchange", f"Remote Server returned '{reply}'"),
           ("wrapped: Gmail", f"The response from the remote server was: {reply}"),
           ("wrapped: Diagnostic-Code", f"Diagnostic-Code: smtp; {reply}")]
    if stage in COMMANDS:
        postfix, exim = COMMANDS[stage]
        out += [("wrapped: Postfix", f"host mx1.example.net[192.0.2.25] said: {reply} (in reply to {postfix} command)"),
                ("wrapped: Exim", f"SMTP error from remote mail server after {exim}: {reply}")]
    return out


def main():
    jar, paths = sys.argv[1], [a for a in sys.argv[2:] if a != "-v"]
    items = []
    for row in rows(paths):
        variants = folded(row["reply"]) + addressed(row["reply"]) + hosted(row["reply"]) + synonyms(row["reply"]) \
            + uncoded(row["reply"]) + wrapped(row) + [("case: upper case", row["reply"].upper())]
        if variants:
            items.append((row, "as written", row["reply"]))
            items += [(row, kind, text) for kind, text in variants]
    out = reasons(jar, [(row, text) for row, _, text in items])
    total, right, written = Counter(), Counter(), {}
    for (row, kind, text), got in zip(items, out):
        key = kind.split(":")[0] + (": any name" if kind.startswith("address") else kind[6:] if kind.startswith("folded") else "")
        if kind == "as written":
            written[row["id"]] = got
            continue
        for k in (kind, "written " + kind.split(":")[0]):
            total[k] += 1
            right[k] += (got == row["reason"]) if k == kind else (written[row["id"]] == row["reason"])
        if "-v" in sys.argv and got != row["reason"] and written[row["id"]] == row["reason"]:
            print(f"  {row['id']} {kind}: {row['reason']} expected, {got}: {text[:120]!r}")
    for kind in sorted(k for k in total if not k.startswith("written")):
        base = "written " + kind.split(":")[0]
        print(f"{kind:32} {right[kind]:5}/{total[kind]:<5} {100.0 * right[kind] / total[kind]:5.1f}%"
              f"   as written {100.0 * right[base] / total[base]:5.1f}%")


main()
