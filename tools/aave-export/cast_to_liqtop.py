#!/usr/bin/env python3
"""Name the fields of `cast call --json` answers for liqtop (standard library only; not run against a
live node). Keep it beside export_aave.py, whose field lists it uses.
  python3 cast_to_liqtop.py reserves reserves.cast.json fees.txt [emodes.cast.json] > reserves.json
  python3 cast_to_liqtop.py user 0xUSER user.cast.json >> users.jsonl
cast prints tuples as arrays, in field order, and integers above 2**64 as decimal strings.
"""
import json, sys
from export_aave import RESERVES, BASE, EMODES, USER, as_json

def pick(layouts, row):  # the known layouts of one struct all differ in their number of fields
    for fields in layouts:
        if len(fields) == len(row):
            return fields
    sys.exit(f"a tuple of {len(row)} fields matches no known layout (see docs/real-markets.md)")

def named(fields, row):
    return as_json(fields, [int(v) if k.startswith(("uint", "int")) else v for (k, _), v in zip(fields, row)])

if sys.argv[1] == "reserves":
    reserves, base = json.load(open(sys.argv[2]))
    fees = dict(line.split() for line in open(sys.argv[3]) if line.strip())  # "asset fee" per line
    out = {"reserves": [named(pick(RESERVES, r), r) for r in reserves], "baseCurrency": named(BASE, base)}
    for reserve in out["reserves"]:
        reserve["liquidationProtocolFee"] = int(fees[reserve["underlyingAsset"]])
    if len(sys.argv) > 4:
        (modes,) = json.load(open(sys.argv[4]))
        out["eModes"] = [{"id": int(i), "eMode": named(pick(EMODES, m), m)} for i, m in modes]
    json.dump(out, sys.stdout, indent=1)
elif sys.argv[1] == "user":
    entries, category = json.load(open(sys.argv[3]))
    if any(int(e[3]) for e in entries):  # still in debt
        held = [named(USER, e) for e in entries if int(e[1]) or int(e[3])]
        print(json.dumps({"user": sys.argv[2], "userEmodeCategoryId": int(category), "userReserves": held}))
else:
    sys.exit(__doc__)
