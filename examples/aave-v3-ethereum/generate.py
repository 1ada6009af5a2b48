#!/usr/bin/env python3
"""Writes reserves.json and users.jsonl for the sample market, in exactly the shapes Aave's
UiPoolDataProviderV3 returns (getReservesData, getEModes, getUserReservesData).

The risk parameters are Aave v3 Ethereum's published ones (the on-chain configuration snapshot of
2023-10-31 in bgd-labs/aave-proposals-v3, reports/AaveV3Ethereum_UpgradeAaveV3ETHPooolWETHParameters_
20231031_after.json). The reserves' state (indexes, rates, liquidity) is illustrative, and the
borrowers are generated: the shapes are real, the borrowers are not. Deterministic: same output
every run.  Usage: python3 generate.py [borrowers]   (default 5000)
"""
import json, math, os, random, sys

RAY = 10**27
TIMESTAMP = 1698710400          # 2023-10-31 00:00:00 UTC, the parameters' snapshot
LAST_UPDATE = TIMESTAMP - 3600  # the reserves were last touched an hour before

# symbol, address, decimals, LTV, LT, bonus, protocol fee, reserve factor, Uopt, base, slope1, slope2 (bps),
# oracle price (USD), liquidity index, borrow index, (unused: the rates come from the strategy), available
# liquidity (tokens), total debt (tokens)
RESERVES = [
    ("WETH", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", 18, 8050, 8300, 10500, 1000, 1500, 8000, 0, 280, 8000,
     "1816.85", "1.0213", "1.0398", 0.0152, 0.0231, 540000, 420000),
    ("wstETH", "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0", 18, 7850, 8100, 10600, 1000, 1500, 4500, 25, 450, 8000,
     "2080.52", "1.0007", "1.0121", 0.0001, 0.0031, 560000, 4200),
    ("WBTC", "0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599", 8, 7300, 7800, 10500, 1000, 2000, 4500, 0, 400, 30000,
     "34814.14", "1.0019", "1.0154", 0.0009, 0.0057, 31000, 1600),
    ("USDC", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 6, 7700, 8000, 10450, 2000, 1000, 9000, 0, 350, 6000,
     "1", "1.0644", "1.0882", 0.0381, 0.0452, 120000000, 380000000),
    ("USDT", "0xdAC17F958D2ee523a2206206994597C13D831ec7", 6, 7400, 7600, 10450, 1000, 1000, 8000, 0, 400, 7500,
     "1", "1.0701", "1.0933", 0.0402, 0.0488, 60000000, 230000000),
    ("DAI", "0x6B175474E89094C44Da98b954EedeAC495271d0F", 18, 7700, 8000, 10500, 2000, 1000, 9000, 0, 500, 7500,
     "1", "1.0598", "1.0853", 0.0366, 0.0452, 40000000, 110000000),
]

def ray(text):  # a decimal string as an exact ray
    whole, _, fraction = text.partition(".")
    return int(whole) * RAY + int((fraction + "0" * 27)[:27])

def rates(uopt, base, s1, s2, factor, available, debt):
    """The strategy's rates at the reserve's usage, in ray (DefaultReserveInterestRateStrategyV2), so that
    the pool's first recomputation does not move them: (supply rate, borrow rate)."""
    usage = debt / (available + debt)
    optimal = uopt / 10000
    if usage <= optimal:
        borrow = base / 10000 + s1 / 10000 * usage / optimal
    else:
        borrow = (base + s1) / 10000 + s2 / 10000 * (usage - optimal) / (1 - optimal)
    supply = borrow * usage * (1 - factor / 10000)
    return int(supply * 10**18) * 10**9, int(borrow * 10**18) * 10**9

def reserves_file():
    reserves = []
    for (symbol, address, decimals, ltv, lt, bonus, fee, factor, uopt, base, s1, s2, price, li, bi, supply_apr,
         borrow_apr, available, debt) in RESERVES:
        unit = 10**decimals
        borrow_index = ray(bi)
        reserves.append({
            "underlyingAsset": address, "name": symbol, "symbol": symbol, "decimals": str(decimals),
            "baseLTVasCollateral": str(ltv), "reserveLiquidationThreshold": str(lt),
            "reserveLiquidationBonus": str(bonus), "reserveFactor": str(factor),
            "usageAsCollateralEnabled": lt != 0, "borrowingEnabled": True, "isActive": True, "isFrozen": False,
            "isPaused": False, "isSiloedBorrowing": False,
            "liquidityIndex": str(ray(li)), "variableBorrowIndex": str(borrow_index),
            "liquidityRate": str(rates(uopt, base, s1, s2, factor, available, debt)[0]),
            "variableBorrowRate": str(rates(uopt, base, s1, s2, factor, available, debt)[1]),
            "lastUpdateTimestamp": LAST_UPDATE,
            "aTokenAddress": "0x" + "0" * 40, "variableDebtTokenAddress": "0x" + "0" * 40,
            "interestRateStrategyAddress": "0x" + "0" * 40,
            "availableLiquidity": str(available * unit),
            "totalScaledVariableDebt": str(debt * unit * RAY // borrow_index),
            "priceInMarketReferenceCurrency": str(round(float(price) * 10**8)),
            "priceOracle": "0x" + "0" * 40,
            "variableRateSlope1": str(s1 * 10**23), "variableRateSlope2": str(s2 * 10**23),
            "baseVariableBorrowRate": str(base * 10**23), "optimalUsageRatio": str(uopt * 10**23),
            "accruedToTreasury": "0", "unbacked": "0", "isolationModeTotalDebt": "0", "flashLoanEnabled": True,
            "debtCeiling": "0", "debtCeilingDecimals": "2", "borrowCap": "0", "supplyCap": "0",
            "borrowableInIsolation": False, "virtualAccActive": True, "virtualUnderlyingBalance": str(available * unit),
            "liquidationProtocolFee": str(fee),
        })
    return {
        "reserves": reserves,
        "baseCurrency": {
            "marketReferenceCurrencyUnit": "100000000", "marketReferenceCurrencyPriceInUsd": "100000000",
            "networkBaseTokenPriceInUsd": "181685000000", "networkBaseTokenPriceDecimals": 8,
        },
        "eModes": [{"id": 1, "eMode": {"ltv": 9000, "liquidationThreshold": 9300, "liquidationBonus": 10100,
                                       "collateralBitmap": "3", "label": "ETH correlated", "borrowableBitmap": "3"}}],
    }

def users_file(count):
    rng = random.Random(20231031)
    lines = []
    indexes = {r[0]: (ray(r[13]), ray(r[14])) for r in RESERVES}
    by_symbol = {r[0]: r for r in RESERVES}
    for n in range(count):
        address = "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))
        debt_usd = 20000 * math.exp(rng.gauss(0, 1))
        health = max(1.02, rng.gauss(1.6, 0.35))
        emode = 1 if rng.random() < 0.08 else 0
        if emode:
            collateral, debt = ["wstETH"], ["WETH"]
        else:
            collateral = rng.sample(["WETH", "wstETH", "WBTC"], rng.choice([1, 1, 2]))
            debt = rng.sample(["USDC", "USDT", "DAI"], rng.choice([1, 1, 2]))
        entries = []
        for symbol in collateral:
            r = by_symbol[symbol]
            lt = (9300 if emode else r[4]) / 10000
            usd = debt_usd * health / lt / len(collateral)
            amount = int(usd / float(r[12]) * 10**r[2])
            entries.append({"underlyingAsset": r[1], "scaledATokenBalance": str(amount * RAY // indexes[symbol][0]),
                            "usageAsCollateralEnabledOnUser": True, "scaledVariableDebt": "0"})
        for symbol in debt:
            r = by_symbol[symbol]
            amount = int(debt_usd / len(debt) / float(r[12]) * 10**r[2])
            entries.append({"underlyingAsset": r[1], "scaledATokenBalance": "0",
                            "usageAsCollateralEnabledOnUser": False,
                            "scaledVariableDebt": str(amount * RAY // indexes[symbol][1])})
        lines.append(json.dumps({"user": address, "userEmodeCategoryId": emode, "userReserves": entries},
                                separators=(",", ":")))
    return "\n".join(lines) + "\n"

if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    os.chdir(os.path.dirname(os.path.abspath(__file__)))  # the files go next to this script
    with open("reserves.json", "w") as f:
        json.dump(reserves_file(), f, indent=1)
        f.write("\n")
    with open("users.jsonl", "w") as f:
        f.write(users_file(count))
