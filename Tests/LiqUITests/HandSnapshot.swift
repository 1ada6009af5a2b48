@testable import LiqCore

/// A small snapshot built by hand, so that a panel's test can state every number it then expects on screen.
enum HandSnapshot {
    static func region(
        _ region: Region, up: Int, of total: Int, latency: Int = 40, p50: Int = 300, p90: Int = 800
    ) -> Snapshot.RegionRow {
        Snapshot.RegionRow(
            region: region, nodesUp: up, nodesTotal: total, medianLatencyMs: latency, medianLagBlocks: 0,
            averagePeers: 8, propagationP50Ms: p50, propagationP90Ms: p90, uptimePercent: 100,
            stakeOnline: up == total ? 1 : Double(up) / Double(max(1, total)), stakeShare: 0.5)
    }

    static func market(_ symbol: String, price: UInt128, oracle: UInt128? = nil, age: Int64 = 30) -> Snapshot.MarketRow
    {
        Snapshot.MarketRow(
            symbol: symbol, decimals: 18, truePrice: price, oraclePrice: oracle ?? price, oracleAgeSeconds: age,
            isStale: false, isFrozen: false, changeBps: 0, sparkline: [], dexDepthUSD: nil)
    }

    static func make(
        regions: [Snapshot.RegionRow] = [], market: [Snapshot.MarketRow] = [],
        histogram: [Int] = Array(repeating: 0, count: HealthBands.bands.count),
        curve: [(movePercent: Int, collateralUSD: Double)] = [], missedSlots: Int = 0,
        lastBlockAgeMs: Int64? = 3_000
    ) -> Snapshot {
        Snapshot(
            scenarioName: "hand", timeMs: 754_000, tickMs: 1_000, slotMs: 12_000, botsEnabled: true, headHeight: 62,
            finalizedHeight: 31, finalityStalledEpochs: 0, baseFeeGwei: 12, missedSlots: missedSlots,
            lastBlockAgeMs: lastBlockAgeMs, onlineStake: 1, regions: regions,
            links: Array(repeating: Array(repeating: LinkState(), count: 6), count: 6),
            regionDown: Array(repeating: false, count: 6),
            nodes: [], propagationHistogram: Array(repeating: 0, count: 40), market: market,
            healthHistogram: zip(HealthBands.bands, histogram).map { .init(label: $0.label, accounts: $1, debtUSD: 0) },
            assets: [], curveAsset: market.first?.symbol ?? "WETH", liquidationCurve: curve, pendingLiquidations: [],
            pendingMatching: 0, liquidatableAccounts: 0, totalSuppliedUSD: 0, totalBorrowedUSD: 0, totalDeficitUSD: 0,
            userOutcome: nil, recentEvents: [], shockPreview: nil)
    }
}
