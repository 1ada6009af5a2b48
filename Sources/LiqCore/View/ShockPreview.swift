/// What a shock to an asset's oracle price would do, exactly (the shock scan), before it is applied: the
/// accounts liquidatable right after it and how many of them are not liquidatable now; their collateral
/// at today's prices (as the liquidations-versus-price curve counts it); and the debt beyond their
/// collateral after the shock (the deficit to expect, from the risk index's estimates).
public struct ShockPreview: Sendable, Equatable {
    public var query: ShockQuery
    /// The assets the shock moves: the one asked about, then those that track it (they move with it).
    public var movedAssets: [Int]
    public var liquidatable: Int
    public var newlyLiquidatable: Int
    public var collateralAtRiskUSD: Double
    public var expectedDeficitUSD: Double
    /// The first accounts in line once the shock has reached the oracle: the lowest exact health factors
    /// after it (the shock scan's most urgent), at most `urgentShown`.
    public var mostUrgent: [Urgent] = []

    public struct Urgent: Sendable, Equatable {
        public var accountID: String
        public var healthFactor: HealthFactor
    }

    /// How many of the most urgent the preview names.
    public static let urgentShown = 3

    /// `liquidatableNow` says whether an account is liquidatable before the shock (exactly).
    /// `shockIndex`, when it answers, spares the pass over every account.
    /// `prices` are the moved assets' oracle prices once they follow the shock (to the true prices, which the
    /// oracles may lag).
    static func compute(
        _ query: ShockQuery, moving assets: [Int], prices: [UInt128], pool: LendingPool, index: RiskIndex,
        shockIndex: ShockIndex?, liquidatableNow: (Int) -> Bool
    ) -> ShockPreview? {
        guard !assets.isEmpty, prices.count == assets.count, assets.allSatisfy({ $0 >= 0 && $0 < pool.prices.count }),
            let scan = try? ShockScan.run(
                pool, index: index, assets: assets, prices: prices, urgent: urgentShown, shockIndex: shockIndex)
        else { return nil }
        let deltas = zip(assets, prices).map { $1.doubleValue / 1e8 - index.prices[$0] }
        var preview = ShockPreview(
            query: query, movedAssets: assets, liquidatable: scan.liquidatable.count, newlyLiquidatable: 0,
            collateralAtRiskUSD: 0, expectedDeficitUSD: 0)
        for account in scan.liquidatable {
            if !liquidatableNow(account) { preview.newlyLiquidatable += 1 }
            let collateral = index.collateralUSD(account: account)
            var collateralAfter = collateral, debtAfter = index.debtUSD(account: account)
            for (asset, delta) in zip(assets, deltas) {
                collateralAfter += delta * index.collateralTokens(account: account, asset: asset)
                debtAfter += delta * index.debtTokens(account: account, asset: asset)
            }
            preview.collateralAtRiskUSD += collateral
            preview.expectedDeficitUSD += max(0, debtAfter - collateralAfter)
        }
        if !scan.mostUrgent.isEmpty {
            let exact = ExactHealth(ShockScan.shocked(pool, assets: assets, prices: prices))
            preview.mostUrgent = scan.mostUrgent.compactMap { account in
                (try? exact.healthFactor(account: account)).map {
                    Urgent(accountID: pool.accounts.id(at: account), healthFactor: $0)
                }
            }
        }
        return preview
    }
}
