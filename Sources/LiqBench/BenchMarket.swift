import LiqCore

/// A market export in the data provider's shapes, in memory, for `liqtop bench import`: the default
/// scenario's six reserves and `users` borrowers with one to three collateral and one or two debt
/// positions, as `getUserReservesData` lines.
public enum BenchMarket {
    static let addresses = [
        "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "0x7f39c581f595b53c5cb19bd0b3f8da6c935e2ca0",
        "0x2260fac5e5542a773aa44fbcfedf7c193bc2c599", "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48",
        "0xdac17f958d2ee523a2206206994597c13d831ec7", "0x6b175474e89094c44da98b954eedeac495271d0f",
    ]

    public static let timestamp = 1_698_710_400

    public static func files(users count: Int, seed: UInt64 = 7) throws -> (reserves: String, users: String) {
        guard let scenario = try BuiltInScenarios.load("default") else { fatalError("default scenario") }
        let reserves = zip(scenario.assets, addresses).map { asset, address in
            let strategy = asset.rateStrategy
            func ray(_ bps: UInt128) -> String { String(bps) + "00000000000000000000000" }
            return """
                {"underlyingAsset": "\(address)", "symbol": "\(asset.symbol)", "decimals": \(asset.decimals), \
                "baseLTVasCollateral": "\(asset.ltvBps)", "reserveLiquidationThreshold": "\(asset.liquidationThresholdBps)", \
                "reserveLiquidationBonus": "\(asset.liquidationBonusBps)", "reserveFactor": "\(asset.reserveFactorBps)", \
                "liquidationProtocolFee": "\(asset.liquidationProtocolFeeBps)", \
                "usageAsCollateralEnabled": \(asset.liquidationThresholdBps != 0), "borrowingEnabled": true, \
                "isActive": true, "isFrozen": false, "isPaused": false, \
                "liquidityIndex": "1021300000000000000000000000", "variableBorrowIndex": "1039800000000000000000000000", \
                "liquidityRate": "15200000000000000000000000", "variableBorrowRate": "23100000000000000000000000", \
                "lastUpdateTimestamp": \(timestamp - 3_600), "availableLiquidity": "1000000000000000000000000", \
                "totalScaledVariableDebt": "500000000000000000000000", "priceInMarketReferenceCurrency": "\(asset.priceUSD)", \
                "optimalUsageRatio": "\(ray(strategy.optimalUsageRatioBps))", \
                "baseVariableBorrowRate": "\(ray(strategy.baseVariableBorrowRateBps))", \
                "variableRateSlope1": "\(ray(strategy.variableRateSlope1Bps))", \
                "variableRateSlope2": "\(ray(strategy.variableRateSlope2Bps))"}
                """
        }
        let reservesText = """
            {"reserves": [\(reserves.joined(separator: ",\n"))],
             "baseCurrency": {"marketReferenceCurrencyUnit": "100000000", "marketReferenceCurrencyPriceInUsd": "100000000",
              "networkBaseTokenPriceInUsd": "181685000000", "networkBaseTokenPriceDecimals": 8}}
            """
        var rng = SeededGenerator(seed: seed)
        var lines: [String] = []
        lines.reserveCapacity(count)
        let hex = Array("0123456789abcdef")
        for _ in 0..<count {
            var address = "0x"
            for _ in 0..<40 { address.append(hex[rng.int(in: 0...15)]) }
            var entries: [String] = []
            var collateral = [0, 1, 2]
            for _ in 0..<(3 - rng.int(in: 1...3)) { collateral.remove(at: rng.int(in: 0...(collateral.count - 1))) }
            var debt = [3, 4, 5]
            for _ in 0..<(3 - rng.int(in: 1...2)) { debt.remove(at: rng.int(in: 0...(debt.count - 1))) }
            for reserve in collateral {
                entries.append(
                    #"{"underlyingAsset":"\#(addresses[reserve])","scaledATokenBalance":"\#(rng.int(in: 1...1_000_000))000000000000","usageAsCollateralEnabledOnUser":true,"scaledVariableDebt":"0"}"#
                )
            }
            for reserve in debt {
                entries.append(
                    #"{"underlyingAsset":"\#(addresses[reserve])","scaledATokenBalance":"0","usageAsCollateralEnabledOnUser":false,"scaledVariableDebt":"\#(rng.int(in: 1...1_000_000))000"}"#
                )
            }
            lines.append(
                #"{"user":"\#(address)","userEmodeCategoryId":0,"userReserves":[\#(entries.joined(separator: ","))]}"#)
        }
        return (reservesText, lines.joined(separator: "\n") + "\n")
    }
}
