"""Spelling robustness: each train or dev text with one spelling swapped for another that servers
write interchangeably (a contraction, a compound, -ise/-ize), classified and scored against the
row's own label. Validation rows of the labelled files are skipped, never read past their id.
Usage: swap.py BOUNCEKIT_JAR FILE.tsv... [-v]"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from trainrows import reasons, rows  # noqa: E402

SPELLINGS = [
    ["does not", "doesn't", "doesnt"], ["do not", "don't"], ["did not", "didn't"], ["is not", "isn't", "isnt"],
    ["are not", "aren't"], ["was not", "wasn't"], ["has not", "hasn't"], ["have not", "haven't"],
    ["could not", "couldn't"], ["will not", "won't"], ["cannot", "can't", "can not"],
    ["e-mail", "email"], ["mailbox", "mail box"], ["non-existent", "nonexistent"], ["username", "user name"],
    ["overquota", "over quota"], ["authoriz", "authoris"], ["organiz", "organis"], ["recogniz", "recognis"],
    ["blacklist", "black list"], ["blocklist", "block list"], ["antispam", "anti-spam"], ["hostname", "host name"],
    ["mailserver", "mail server"], ["recipient's", "recipients"], ["user's", "users"],
]


def word_at(text, at, length, stem):
    if stem:
        return True
    before = at == 0 or not text[at - 1].isalpha()
    after = at + length == len(text) or not text[at + length].isalpha()
    return before and after


def main():
    jar, paths = sys.argv[1], [a for a in sys.argv[2:] if a != "-v"]
    swapped = []
    for row in rows(paths):
        low = row["reply"].lower()
        for forms in SPELLINGS:
            stem = forms[0].endswith("z")
            for form in forms:
                at = low.find(form)
                if at < 0 or not word_at(low, at, len(form), stem):
                    continue
                for other in forms:
                    if other != form:
                        swapped.append((row, form, other, row["reply"][:at] + other + row["reply"][at + len(form):]))
    swapped += [(row, "", "", row["reply"]) for row, _, _, _ in list(swapped)]
    out = reasons(jar, [(row, text) for row, _, _, text in swapped])
    half = len(swapped) // 2
    as_written = sum(got == row["reason"] for (row, _, _, _), got in zip(swapped[half:], out[half:]))
    swapped = swapped[:half]
    right = 0
    for (row, form, other, text), got in zip(swapped, out):
        right += got == row["reason"]
        if got != row["reason"] and "-v" in sys.argv:
            print(f"  {row['id']}: '{form}' -> '{other}': {row['reason']} expected, {got}: {text[:120]}")
    n = max(1, len(swapped))
    print(f"{len(swapped)} texts with one spelling swapped, {right} right: {100.0 * right / n:.1f}% "
          f"(the same texts as written: {100.0 * as_written / n:.1f}%)")


main()
