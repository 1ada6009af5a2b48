/// The fast side of the scan: per account, collateral and debt in Double per asset, so that a price move
/// finds candidates in one pass. Every decision is confirmed with the exact arithmetic afterwards.
public struct RiskIndex: Sendable, Equatable {
    /// Row-major: `collateral[account * assets + asset]`, in whole tokens, only where it counts.
    public var collateral: [Double]
    public var debt: [Double]
    /// Liquidation threshold per account and asset as a fraction (eMode aware).
    public var thresholds: [Double]
    public let assets: Int

    public init(pool: LendingPool) {
        assets = pool.reserves.count
        collateral = Array(repeating: 0, count: pool.accounts.count * assets)
        debt = collateral
        thresholds = collateral
        for account in pool.accounts.indices { refresh(account: account, in: pool) }
    }

    public mutating func refresh(account index: Int, in pool: LendingPool) {
        let account = pool.accounts[index]
        for reserve in 0..<assets {
            let unit = Double(pool.reserves[reserve].configuration.unit)
            let counts = account.usingAsCollateral[reserve] && pool.reserves[reserve].configuration.liquidationThresholdBps != 0
            let supplied = (try? pool.collateralBalance(account, reserve: reserve)) ?? 0
            let owed = (try? pool.debtBalance(account, reserve: reserve)) ?? 0
            collateral[index * assets + reserve] = counts ? Double(supplied) / unit : 0
            debt[index * assets + reserve] = Double(owed) / unit
            thresholds[index * assets + reserve] = Double(pool.collateralParameters(for: account, reserve: reserve).liquidationThresholdBps) / 10_000
        }
    }

    /// Estimated health factor at `prices` (USD, Double).
    public func healthFactor(account: Int, prices: [Double]) -> Double {
        var weighted = 0.0, owed = 0.0
        let base = account * assets
        for asset in 0..<assets {
            weighted += collateral[base + asset] * prices[asset] * thresholds[base + asset]
            owed += debt[base + asset] * prices[asset]
        }
        return owed == 0 ? .infinity : weighted / owed
    }

    /// Estimated collateral (where it counts) in USD.
    public func collateralUSD(account: Int, prices: [Double]) -> Double {
        var value = 0.0
        for asset in 0..<assets { value += collateral[account * assets + asset] * prices[asset] }
        return value
    }

    /// Estimated debt in USD.
    public func debtUSD(account: Int, prices: [Double]) -> Double {
        var owed = 0.0
        for asset in 0..<assets { owed += debt[account * assets + asset] * prices[asset] }
        return owed
    }

    /// Accounts whose estimate is below `limit`, most urgent first.
    public func candidates(prices: [Double], below limit: Double) -> [(account: Int, healthFactor: Double)] {
        var found: [(Int, Double)] = []
        let count = collateral.count / max(assets, 1)
        for account in 0..<count {
            let estimate = healthFactor(account: account, prices: prices)
            if estimate < limit { found.append((account, estimate)) }
        }
        return found.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }
}
