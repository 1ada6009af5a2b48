/// What a shock to an asset's oracle price would do, exactly (the shock scan), before it is applied: the
/// accounts liquidatable right after it and how many of them are not liquidatable now; their collateral
/// at today's prices (as the liquidations-versus-price curve counts it); and the debt beyond their
/// collateral after the shock (the deficit to expect, from the risk index's estimates).
public struct ShockPreview: Sendable, Equatable {
    public var query: ShockQuery
    public var liquidatable: Int
    public var newlyLiquidatable: Int
    public var collateralAtRiskUSD: Double
    public var expectedDeficitUSD: Double

    /// `liquidatableNow` says whether an account is liquidatable before the shock (exactly).
    static func compute(_ query: ShockQuery, pool: LendingPool, index: RiskIndex, liquidatableNow: (Int) -> Bool) -> ShockPreview? {
        guard query.asset >= 0, query.asset < pool.prices.count,
              let scan = try? ShockScan.run(pool, index: index, asset: query.asset, percentBps: query.percentBps, urgent: 0)
        else { return nil }
        let price = index.prices[query.asset] * (1 + Double(query.percentBps) / 10_000)
        let delta = price - index.prices[query.asset]
        var preview = ShockPreview(query: query, liquidatable: scan.liquidatable.count, newlyLiquidatable: 0,
                                   collateralAtRiskUSD: 0, expectedDeficitUSD: 0)
        for account in scan.liquidatable {
            if !liquidatableNow(account) { preview.newlyLiquidatable += 1 }
            let collateral = index.collateralUSD(account: account)
            let collateralAfter = collateral + delta * index.collateralTokens(account: account, asset: query.asset)
            let debtAfter = index.debtUSD(account: account) + delta * index.debtTokens(account: account, asset: query.asset)
            preview.collateralAtRiskUSD += collateral
            preview.expectedDeficitUSD += max(0, debtAfter - collateralAfter)
        }
        return preview
    }
}
