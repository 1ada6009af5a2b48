extension World {
    /// What a shock of `percentBps` to `asset`'s oracle price would do, from the fast index (for display):
    /// accounts that would become liquidatable, their collateral in USD at today's prices (as the
    /// liquidations-versus-price curve counts it), and the debt beyond their collateral after the shock.
    public struct ShockPreview: Sendable, Equatable {
        public var newlyLiquidatable: Int
        public var collateralAtRiskUSD: Double
        public var expectedDeficitUSD: Double
    }

    public func shockPreview(asset: Int, percentBps: Int) -> ShockPreview {
        let prices = pool.prices.map { Double($0) / 1e8 }
        var shocked = prices
        shocked[asset] *= 1 + Double(percentBps) / 10_000
        var preview = ShockPreview(newlyLiquidatable: 0, collateralAtRiskUSD: 0, expectedDeficitUSD: 0)
        for account in pool.accounts.indices where riskIndex.healthFactor(account: account, prices: shocked) < 1 {
            let collateralToday = riskIndex.collateralUSD(account: account, prices: prices)
            let collateralAfter = riskIndex.collateralUSD(account: account, prices: shocked)
            let debt = riskIndex.debtUSD(account: account, prices: shocked)
            if riskIndex.healthFactor(account: account, prices: prices) >= 1 { preview.newlyLiquidatable += 1 }
            preview.collateralAtRiskUSD += collateralToday
            preview.expectedDeficitUSD += max(0, debt - collateralAfter)
        }
        return preview
    }
}
