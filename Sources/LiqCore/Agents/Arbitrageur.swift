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

    /// 2^96: amounts below it keep every product of the search inside 256 bits.
    static let ordinaryLimit: UInt128 = 1 << 96

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
        // The galloping search is the bisection's answer only while every check is a plain true or false: amounts
        // where `amountOut` could overflow (and throw) or the 256-bit products saturate get the bisection itself,
        // as before (an estimate of 0 is that).
        let ordinary =
            max(pool.stableReserve, pool.assetReserve, budgetPerBlock, truePrices[a], truePrices[s])
            < Self.ordinaryLimit
        // The true price as stablecoin units per asset unit, for the estimates only.
        let ratio =
            truePrices[a].doubleValue * units[s].doubleValue / (truePrices[s].doubleValue * units[a].doubleValue)
        if below(stableReserve: pool.stableReserve, assetReserve: pool.assetReserve) {
            // Buy the asset with the stablecoin until the pool price reaches the true price.
            let high = min(budgetPerBlock, wallet[s])
            let estimate =
                ordinary && high < Self.ordinaryLimit
                ? Self.estimate(reserveIn: pool.stableReserve, reserveOut: pool.assetReserve, target: ratio) : 0
            let low = try Self.largest(upTo: high, near: estimate) { mid in
                let out = try DexPool.amountOut(mid, reserveIn: pool.stableReserve, reserveOut: pool.assetReserve)
                return below(stableReserve: pool.stableReserve + mid, assetReserve: pool.assetReserve - out)
            }
            return low > 0 ? .buyAsset(paying: low) : nil
        }
        // Sell the asset until the pool price falls to the true price; the budget in asset terms. A budget worth
        // more of the asset than 2^128 units is more than any wallet holds anyway.
        let budgetInAsset =
            (try? FullWidth.mulMulDiv(budgetPerBlock, truePrices[s], units[a], truePrices[a], units[s])) ?? .max
        let high = min(budgetInAsset, wallet[a])
        let estimate =
            ordinary && high < Self.ordinaryLimit
            ? Self.estimate(reserveIn: pool.assetReserve, reserveOut: pool.stableReserve, target: 1 / ratio) : 0
        let low = try Self.largest(upTo: high, near: estimate) { mid in
            let out = try DexPool.amountOut(mid, reserveIn: pool.assetReserve, reserveOut: pool.stableReserve)
            return !below(stableReserve: pool.stableReserve - out, assetReserve: pool.assetReserve + mid)
        }
        return low > 0 ? .sellAsset(low) : nil
    }

    /// About how much to pay in for the pool's price after the trade (what goes in per unit that comes out)
    /// to reach `target`: with the 0.3 % fee, (R_in + x)(R_in + 0.997x) = target·R_in·R_out. Only a starting
    /// point for `largest`, which decides exactly.
    static func estimate(reserveIn: UInt128, reserveOut: UInt128, target: Double) -> UInt128 {
        let r = reserveIn.doubleValue, k = target * r * reserveOut.doubleValue
        let b = 1.997 * r, c = r * r - k
        guard c < 0, target.isFinite else { return 0 }
        let x = (-b + (b * b - 4 * 0.997 * c).squareRoot()) / (2 * 0.997)
        return x.isFinite && x >= 1 && x < 0x1p127 ? UInt128(integral: x.rounded(.down)) : 0
    }

    /// The largest x in 0…`high` for which `holds` is true, for a `holds` that is true up to some x and false
    /// after it (0 when it holds nowhere above 0): the answer of a plain binary search over 0…high, found by
    /// galloping out from `estimate` to bracket it and bisecting the bracket. With a good estimate that is
    /// a few dozen exact checks instead of one per bit of `high`.
    static func largest(
        upTo high: UInt128, near estimate: UInt128, _ holds: (UInt128) throws -> Bool
    ) throws
        -> UInt128
    {
        var low: UInt128 = 0, high = high
        let start = min(estimate, high)
        var step = max(1, start >> 30)
        if start > 0 {
            if try holds(start) {
                low = start
                while low < high {
                    let probe = high - low > step ? low + step : high
                    guard try holds(probe) else {
                        high = probe - 1
                        break
                    }
                    low = probe
                    step = step > UInt128.max / 2 ? step : step * 2
                }
            } else {
                high = start - 1
                while low < high {
                    guard high - low > step else { break }
                    let probe = high - step
                    if try holds(probe) {
                        low = probe
                        break
                    }
                    high = probe - 1
                    step = step > UInt128.max / 2 ? step : step * 2
                }
            }
        }
        while low < high {
            let mid = low + (high - low + 1) / 2
            if try holds(mid) {
                low = mid
            } else {
                high = mid - 1
            }
        }
        return low
    }
}
