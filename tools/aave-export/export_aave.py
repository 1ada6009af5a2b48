#!/usr/bin/env python3
"""Export an Aave v3 market for liqtop: reserves.json and users.jsonl.

Written against UiPoolDataProviderV3 as aave-dao/aave-v3-origin defines it (v3.2 to v3.7); it was
NOT run against a live node, so check what it writes. Needs web3.py (`pip install web3`).
  python3 export_aave.py --rpc https://your-node --from-block N [--block M] [--out DIR]
"""
import argparse, json, os, sys
try:  # only the export needs these; cast_to_liqtop.py borrows the layouts below without them
    from eth_abi import decode, encode
    from web3 import Web3
except ImportError:
    Web3 = None

# Aave v3 Ethereum market (bgd-labs/aave-address-book, src/AaveV3Ethereum.sol).
PROVIDER = "0x2f39d218133AFaB8F2B819B1066c7E434Ad94E9e"  # POOL_ADDRESSES_PROVIDER
UI = "0x56b7A1012765C285afAC8b8F25C69Bf10ccfE978"  # UI_POOL_DATA_PROVIDER

def layout(text): return [tuple(field.split()) for field in text.split(",")]
def tup(fields): return "(" + ",".join(kind for kind, _ in fields) + ")"
def insert(fields, before, new):
    at = [name for _, name in fields].index(before)
    return fields[:at] + [new] + fields[at:]

RESERVE = layout("""address underlyingAsset, string name, string symbol, uint256 decimals,
 uint256 baseLTVasCollateral, uint256 reserveLiquidationThreshold, uint256 reserveLiquidationBonus,
 uint256 reserveFactor, bool usageAsCollateralEnabled, bool borrowingEnabled, bool isActive, bool isFrozen,
 uint128 liquidityIndex, uint128 variableBorrowIndex, uint128 liquidityRate, uint128 variableBorrowRate,
 uint40 lastUpdateTimestamp, address aTokenAddress, address variableDebtTokenAddress,
 address interestRateStrategyAddress, uint256 availableLiquidity, uint256 totalScaledVariableDebt,
 uint256 priceInMarketReferenceCurrency, address priceOracle, uint256 variableRateSlope1,
 uint256 variableRateSlope2, uint256 baseVariableBorrowRate, uint256 optimalUsageRatio, bool isPaused,
 bool isSiloedBorrowing, uint128 accruedToTreasury, uint128 isolationModeTotalDebt, bool flashLoanEnabled,
 uint256 debtCeiling, uint256 debtCeilingDecimals, uint256 borrowCap, uint256 supplyCap,
 bool borrowableInIsolation, uint128 virtualUnderlyingBalance, uint128 deficit""")  # v3.4 and later
RESERVE_33 = insert(insert(RESERVE, "isolationModeTotalDebt", ("uint128", "unbacked")),
                    "virtualUnderlyingBalance", ("bool", "virtualAccActive"))
RESERVES = [RESERVE, RESERVE_33, RESERVE_33[:-1]]  # v3.4+, v3.3, v3.2 (no deficit)
BASE = layout("uint256 marketReferenceCurrencyUnit, int256 marketReferenceCurrencyPriceInUsd,"
              " int256 networkBaseTokenPriceInUsd, uint8 networkBaseTokenPriceDecimals")
EMODE = layout("uint16 ltv, uint16 liquidationThreshold, uint16 liquidationBonus, uint128 collateralBitmap,"
               " string label, uint128 borrowableBitmap")  # v3.2 to v3.5
EMODE_36 = EMODE + [("uint128", "ltvzeroBitmap")]
EMODES = [insert(EMODE_36, "label", ("bool", "isolated")), EMODE_36, EMODE]  # v3.7, v3.6, v3.2
USER = layout("address underlyingAsset, uint256 scaledATokenBalance, bool usageAsCollateralEnabledOnUser,"
              " uint256 scaledVariableDebt")

def call(w3, to, signature, args, block):
    kinds = signature[signature.index("(") + 1:-1].split(",") if "()" not in signature else []
    data = Web3.keccak(text=signature)[:4] + encode(kinds, args)
    return bytes(w3.eth.call({"to": to, "data": Web3.to_hex(data)}, block))

def decode_exact(raw, candidates):
    """The first candidate return-type list that decodes `raw` and encodes back to it byte for byte."""
    for index, kinds in enumerate(candidates):
        try:
            values = decode(kinds, raw)
        except Exception:
            continue
        if encode(kinds, values) == raw:
            return index, values
    sys.exit("the provider's answer matches no known layout (pre-3.2 provider? see real-markets.md)")

def as_json(fields, values):
    def one(kind, value):
        if kind.startswith(("uint", "int")):  # > 64 bits: a decimal string, else a JSON number
            return str(value) if int(kind.lstrip("uint") or 256) > 64 else value
        return value
    return {name: one(kind, value) for (kind, name), value in zip(fields, values)}

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rpc", required=True)
    ap.add_argument("--from-block", type=int, required=True, help="first block to scan for Borrow events")
    ap.add_argument("--block", type=int, help="block to read the market at (default: latest)")
    ap.add_argument("--step", type=int, default=10_000, help="blocks per eth_getLogs request")
    ap.add_argument("--provider", default=PROVIDER); ap.add_argument("--ui", default=UI)
    ap.add_argument("--out", default=".")
    a = ap.parse_args()
    if Web3 is None: sys.exit("needs web3.py: pip install web3")
    borrow = Web3.to_hex(Web3.keccak(text="Borrow(address,address,address,uint256,uint8,uint256,uint16)"))
    w3 = Web3(Web3.HTTPProvider(a.rpc, request_kwargs={"timeout": 120}))
    block = a.block if a.block is not None else w3.eth.block_number
    pool, data_provider = (Web3.to_checksum_address(decode(["address"], call(w3, a.provider, sig, [], block))[0])
                           for sig in ("getPool()", "getPoolDataProvider()"))
    raw = call(w3, a.ui, "getReservesData(address)", [a.provider], block)
    which, (reserves, base) = decode_exact(raw, [[tup(r) + "[]", tup(BASE)] for r in RESERVES])
    out = {"reserves": [as_json(RESERVES[which], r) for r in reserves], "baseCurrency": as_json(BASE, base)}
    for reserve in out["reserves"]:  # not in AggregatedReserveData; liqtop needs it (basis points)
        fee = call(w3, data_provider, "getLiquidationProtocolFee(address)", [reserve["underlyingAsset"]], block)
        reserve["liquidationProtocolFee"] = decode(["uint256"], fee)[0]
    try:
        raw = call(w3, a.ui, "getEModes(address)", [a.provider], block)
        which, (modes,) = decode_exact(raw, [["(uint8," + tup(e) + ")[]"] for e in EMODES])
        out["eModes"] = [{"id": i, "eMode": as_json(EMODES[which], m)} for i, m in modes]
    except Exception as error:  # a provider before v3.2 has no getEModes
        print(f"no eModes written: {error}", file=sys.stderr)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "reserves.json"), "w") as f:
        json.dump(out, f, indent=1)
    users, start, step = set(), a.from_block, a.step
    while start <= block:  # every address that ever borrowed: the Borrow event's onBehalfOf (topic 2)
        stop = min(start + step - 1, block)
        try:
            logs = w3.eth.get_logs({"address": pool, "topics": [borrow],
                                    "fromBlock": start, "toBlock": stop})
        except Exception:
            if step == 1: raise
            step //= 2; continue  # the node refused the range: ask for half as many blocks
        users.update(Web3.to_checksum_address(log["topics"][2][-20:]) for log in logs)
        start = stop + 1
    written = 0
    with open(os.path.join(a.out, "users.jsonl"), "w") as f:
        for user in sorted(users):
            raw = call(w3, a.ui, "getUserReservesData(address,address)", [a.provider, user], block)
            _, (entries, category) = decode_exact(raw, [[tup(USER) + "[]", "uint8"]])
            held = [as_json(USER, e) for e in entries if e[1] or e[3]]
            if any(e[3] for e in entries):  # still in debt: write it
                f.write(json.dumps({"user": user, "userEmodeCategoryId": category, "userReserves": held}) + "\n")
                written += 1
    stamp = w3.eth.get_block(block)["timestamp"]
    print(f"block {block}: {len(out['reserves'])} reserves, {written} of {len(users)} borrowers in debt;"
          f" in the scenario: timestamp = {stamp}")

if __name__ == "__main__":
    main()
