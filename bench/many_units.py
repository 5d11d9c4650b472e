#!/usr/bin/env python3
"""Writes a seeded survey of many units in which each unit rates a few partners.

usage: many_units.py OUT_DIR [UNITS [PARTNERS [SEED]]]     (defaults 2000 30 1)

`rcmap sample` has every respondent rate about 80 % of all units, which at
2,000 units means 1,600 ratings per person; a survey of that size rates the
units each service works with. Here:

- units U1..UNITS on the sides of `rcmap sample`, in turn authority,
  provider, provider, general, health;
- 3 to 12 respondents per unit (headcount: respondents / 0.8, rounded up);
- each unit has PARTNERS partner units drawn at random; each respondent
  rates the own unit and each partner with probability 0.9;
- scores: mean 4.4 within the unit, 4.1 within a side, 3.0 between
  authority and provider, 3.7 otherwise, plus a respondent bias
  (sd 0.35) and noise (sd 0.7), rounded and clamped to 1..5; 4 % of
  answers blank.

At the defaults: about 430,000 rows, 62,000 ties (units with fewer than 5
respondents give suppressed ties) and 640,000 authority-provider pairs for
gaps.csv, most of them unrated. Same arguments, same files (Python's
random.Random with the seed).
"""
import os
import random
import sys

SIDES = ["authority", "provider", "provider", "general", "health"]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    units = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    partners = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    os.makedirs(out, exist_ok=True)
    side = [SIDES[i % len(SIDES)] for i in range(units)]
    staff = [rng.randint(3, 12) for _ in range(units)]
    with open(os.path.join(out, "units.csv"), "w", encoding="utf-8") as f:
        f.write("unit,label,side,headcount\n")
        for i in range(units):
            f.write(f"U{i + 1},Enhed {i + 1} ({side[i]}),{side[i]},{-(-staff[i] * 10 // 8)}\n")
    rows = []
    rid = 0
    for a in range(units):
        others = rng.sample([b for b in range(units) if b != a], min(partners, units - 1))
        for _ in range(staff[a]):
            rid += 1
            bias = 0.35 * rng.gauss(0, 1)
            for b in [a] + others:
                if b != a and rng.random() >= 0.9:
                    continue
                if a == b:
                    mu = 4.4
                elif side[a] == side[b]:
                    mu = 4.1
                elif {side[a], side[b]} == {"authority", "provider"}:
                    mu = 3.0
                else:
                    mu = 3.7
                scores = []
                for _ in range(7):
                    if rng.random() < 0.04:
                        scores.append("")
                    else:
                        scores.append(str(min(5, max(1, round(mu + bias + 0.7 * rng.gauss(0, 1))))))
                rows.append(f"R{rid},U{a + 1},U{b + 1},{','.join(scores)}\n")
    with open(os.path.join(out, "responses.csv"), "w", encoding="utf-8") as f:
        f.write("respondent,unit,target,frequent,timely,accurate,problem_solving,"
                "shared_goals,shared_knowledge,mutual_respect\n")
        f.writelines(rows)


if __name__ == "__main__":
    main()
