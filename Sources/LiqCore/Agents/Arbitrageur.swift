/// Pulls each DEX pool toward the true price once per block, within a budget, trading from its own wallet.
/// The size comes from a binary search on Uniswap's integer formula; prices are compared exactly.
public struct Arbitrageur: Sendable, Equatable {
    /// Token balances by asset.
    public var wallet: [UInt128]
    /// Most stablecoin (in its units) it puts into one pool per block.
    public var budgetPerBlock: UInt128

    /// Whether `stable/asset` in the pool is below `truePrice` (both sides in USD with 8 decimals):
    /// stableReserve·assetUnit·stablePrice < assetReserve·stableUnit·assetPrice.
    static func poolPriceBelow(
        stableReserve: UInt128, assetReserve: UInt128, assetUnit: UInt128, stableUnit: UInt128,
        stablePrice: UInt128, assetPrice: UInt128
    ) -> Bool {
        let left = UInt256(stableReserve, times: assetUnit).multiplied(by: stablePrice)
        let right = UInt256(assetReserve, times: stableUnit).multiplied(by: assetPrice)
        switch (left, right) {
        case let (l?, r?): return l < r
        case (nil, _?): return false
        default: return true
        }
    }

    /// A trade toward the true price: pay stablecoin for the asset, or sell the asset for stablecoin.
    public enum Trade: Sendable, Equatable {
        case buyAsset(paying: UInt128)
        case sellAsset(UInt128)
    }

    /// Makes `trade` on `pool` from the wallet: nothing changes when the pool refuses it.
    public mutating func execute(_ trade: Trade, on pool: inout DexPool) throws {
        switch trade {
        case .buyAsset(let paying):
            let out = try pool.buyAsset(paying: paying)
            wallet[pool.stable] -= paying
            wallet[pool.asset] += out
        case .sellAsset(let amount):
            let out = try pool.sellAsset(amount)
            wallet[pool.asset] -= amount
            wallet[pool.stable] += out
        }
    }

    /// The trade that moves `pool` toward the true prices, within the budget and the wallet; nil for none.
    /// A decision only: the world makes the trade (`World.arbitrage`).
    public func plan(_ pool: DexPool, truePrices: [UInt128], units: [UInt128]) throws -> Trade? {
        let a = pool.asset, s = pool.stable
        func below(stableReserve: UInt128, assetReserve: UInt128) -> Bool {
            Self.poolPriceBelow(
                stableReserve: stableReserve, assetReserve: assetReserve, assetUnit: units[a], stableUnit: units[s],
                stablePrice: truePrices[s], assetPrice: truePrices[a])
        }
        if below(stableReserve: pool.stableReserve, assetReserve: pool.assetReserve) {
            // Buy the asset with the stablecoin until the pool price reaches the true price.
            var low: UInt128 = 0, high = min(budgetPerBlock, wallet[s])
            while low < high {
                let mid = low + (high - low + 1) / 2
                let out = try DexPool.amountOut(mid, reserveIn: pool.stableReserve, reserveOut: pool.assetReserve)
                if below(stableReserve: pool.stableReserve + mid, assetReserve: pool.assetReserve - out) {
                    low = mid
                } else {
                    high = mid - 1
                }
            }
            return low > 0 ? .buyAsset(paying: low) : nil
        }
        // Sell the asset until the pool price falls to the true price; the budget in asset terms. A budget worth
        // more of the asset than 2^128 units is more than any wallet holds anyway.
        let budgetInAsset =
            (try? FullWidth.mulMulDiv(budgetPerBlock, truePrices[s], units[a], truePrices[a], units[s])) ?? .max
        var low: UInt128 = 0, high = min(budgetInAsset, wallet[a])
        while low < high {
            let mid = low + (high - low + 1) / 2
            let out = try DexPool.amountOut(mid, reserveIn: pool.assetReserve, reserveOut: pool.stableReserve)
            if !below(stableReserve: pool.stableReserve - out, assetReserve: pool.assetReserve + mid) {
                low = mid
            } else {
                high = mid - 1
            }
        }
        return low > 0 ? .sellAsset(low) : nil
    }
}
