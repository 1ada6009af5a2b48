/// Pulls each DEX pool toward the true price once per block, within a budget, trading from its own wallet.
/// The size comes from a binary search on Uniswap's integer formula; prices are compared exactly.
public struct Arbitrageur: Sendable, Equatable {
    /// Token balances by asset.
    public var wallet: [UInt128]
    /// Most stablecoin (in its units) it puts into one pool per block.
    public var budgetPerBlock: UInt128

    /// Whether `stable/asset` in the pool is below `truePrice` (both sides in USD with 8 decimals):
    /// stableReserve·assetUnit·stablePrice < assetReserve·stableUnit·assetPrice.
    static func poolPriceBelow(stableReserve: UInt128, assetReserve: UInt128, assetUnit: UInt128, stableUnit: UInt128,
                               stablePrice: UInt128, assetPrice: UInt128) -> Bool {
        let left = UInt256(stableReserve, times: assetUnit).multiplied(by: stablePrice)
        let right = UInt256(assetReserve, times: stableUnit).multiplied(by: assetPrice)
        switch (left, right) {
        case let (l?, r?): return l < r
        case (nil, _?): return false
        default: return true
        }
    }

    /// One arbitrage trade on `pool` toward the true prices; returns the amount traded (0 for none).
    @discardableResult
    public mutating func trade(_ pool: inout DexPool, truePrices: [UInt128], units: [UInt128]) throws -> UInt128 {
        let a = pool.asset, s = pool.stable
        let below = Self.poolPriceBelow(stableReserve: pool.stableReserve, assetReserve: pool.assetReserve,
                                        assetUnit: units[a], stableUnit: units[s], stablePrice: truePrices[s], assetPrice: truePrices[a])
        if below {
            // Buy the asset with the stablecoin until the pool price reaches the true price.
            var low: UInt128 = 0, high = min(budgetPerBlock, wallet[s])
            while low < high {
                let mid = low + (high - low + 1) / 2
                let out = try DexPool.amountOut(mid, reserveIn: pool.stableReserve, reserveOut: pool.assetReserve)
                let stillBelow = Self.poolPriceBelow(stableReserve: pool.stableReserve + mid, assetReserve: pool.assetReserve - out,
                                                     assetUnit: units[a], stableUnit: units[s],
                                                     stablePrice: truePrices[s], assetPrice: truePrices[a])
                if stillBelow { low = mid } else { high = mid - 1 }
            }
            guard low > 0 else { return 0 }
            let out = try pool.buyAsset(paying: low)
            wallet[s] -= low
            wallet[a] += out
            return low
        } else {
            // Sell the asset until the pool price falls to the true price; the budget in asset terms.
            // A budget worth more of the asset than 2^128 units is more than any wallet holds anyway.
            let budgetInAsset = (try? FullWidth.mulMulDiv(budgetPerBlock, truePrices[s], units[a], truePrices[a], units[s])) ?? .max
            var low: UInt128 = 0, high = min(budgetInAsset, wallet[a])
            while low < high {
                let mid = low + (high - low + 1) / 2
                let out = try DexPool.amountOut(mid, reserveIn: pool.assetReserve, reserveOut: pool.stableReserve)
                let stillAbove = !Self.poolPriceBelow(stableReserve: pool.stableReserve - out, assetReserve: pool.assetReserve + mid,
                                                      assetUnit: units[a], stableUnit: units[s],
                                                      stablePrice: truePrices[s], assetPrice: truePrices[a])
                if stillAbove { low = mid } else { high = mid - 1 }
            }
            guard low > 0 else { return 0 }
            let out = try pool.sellAsset(low)
            wallet[a] -= low
            wallet[s] += out
            return low
        }
    }
}
