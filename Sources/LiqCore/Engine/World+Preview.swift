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
        let price = riskIndex.prices[asset] * (1 + Double(percentBps) / 10_000)
        let delta = price - riskIndex.prices[asset]
        var preview = ShockPreview(newlyLiquidatable: 0, collateralAtRiskUSD: 0, expectedDeficitUSD: 0)
        for account in 0..<riskIndex.count where riskIndex.healthFactor(account: account, asset: asset, price: price) < 1 {
            let collateralAfter = riskIndex.collateralUSD(account: account) + delta * riskIndex.collateralTokens(account: account, asset: asset)
            let debt = riskIndex.debtUSD(account: account) + delta * riskIndex.debtTokens(account: account, asset: asset)
            if riskIndex.healthFactor(account: account) >= 1 { preview.newlyLiquidatable += 1 }
            preview.collateralAtRiskUSD += riskIndex.collateralUSD(account: account)
            preview.expectedDeficitUSD += max(0, debt - collateralAfter)
        }
        return preview
    }
}
