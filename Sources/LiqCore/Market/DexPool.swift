/// A constant-product pool of an asset against a stablecoin with a 0.3 % fee, exactly as Uniswap v2's
/// `getAmountOut` (Uniswap/v2-periphery `UniswapV2Library.sol`; reference network-and-monitoring §5.4).
public struct DexPool: Sendable, Equatable {
    public var asset: Int
    public var stable: Int
    public var assetReserve: UInt128
    public var stableReserve: UInt128

    /// `out = in·997·R_out / (R_in·1000 + in·997)`.
    public static func amountOut(_ amountIn: UInt128, reserveIn: UInt128, reserveOut: UInt128) throws -> UInt128 {
        guard amountIn > 0, reserveIn > 0, reserveOut > 0 else { return 0 }
        let inWithFee = try FullWidth.multiply(amountIn, 997)
        let denominator = try FullWidth.add(FullWidth.multiply(reserveIn, 1_000), inWithFee)
        return try FullWidth.mulDiv(inWithFee, reserveOut, denominator)
    }

    /// Sells `amount` of the asset for the stablecoin; returns what came out.
    public mutating func sellAsset(_ amount: UInt128) throws -> UInt128 {
        let out = try Self.amountOut(amount, reserveIn: assetReserve, reserveOut: stableReserve)
        assetReserve += amount
        stableReserve -= out
        return out
    }

    /// Sells `amount` of the stablecoin for the asset.
    public mutating func buyAsset(paying amount: UInt128) throws -> UInt128 {
        let out = try Self.amountOut(amount, reserveIn: stableReserve, reserveOut: assetReserve)
        stableReserve += amount
        assetReserve -= out
        return out
    }

    /// The pool's mid price in USD (8 decimals), for display and the arbitrageur's decision.
    public func midPrice(assetUnit: UInt128, stableUnit: UInt128, stablePrice: UInt128) -> Double {
        guard assetReserve > 0 else { return 0 }
        return Double(stableReserve) / Double(stableUnit) / (Double(assetReserve) / Double(assetUnit)) * Double(stablePrice) / 1e8
    }
}
