/// A constant-product pool of an asset against a stablecoin with a 0.3 % fee, exactly as Uniswap v2's
/// `getAmountOut` (Uniswap/v2-periphery `UniswapV2Library.sol`; docs/mechanics.md).
public struct DexPool: Sendable, Equatable {
    public var asset: Int
    public var stable: Int
    public var assetReserve: UInt128
    public var stableReserve: UInt128

    /// `out = in·997·R_out / (R_in·1000 + in·997)`, floored (`UniswapV2Library.getAmountOut`).
    public static func amountOut(_ amountIn: UInt128, reserveIn: UInt128, reserveOut: UInt128) throws -> UInt128 {
        guard amountIn > 0, reserveIn > 0, reserveOut > 0 else { return 0 }
        let inWithFee = try FullWidth.multiply(amountIn, 997)
        let denominator = try FullWidth.add(FullWidth.multiply(reserveIn, 1_000), inWithFee)
        return try FullWidth.mulDiv(inWithFee, reserveOut, denominator)
    }

    /// The pair's own check after a swap (`UniswapV2Pair.swap`, "UniswapV2: K"): with the 0.3 % fee taken
    /// from what came in, the product of the balances may not fall,
    /// `(r_in·1000 + in·997)·(r_out − out) ≥ r_in·r_out·1000`. Amounts whose products pass 2^256 are
    /// refused (Uniswap keeps reserves below 2^112, where they never do).
    public static func keepsInvariant(
        amountIn: UInt128, amountOut: UInt128, reserveIn: UInt128, reserveOut: UInt128
    ) -> Bool {
        guard amountOut < reserveOut else { return false }
        let (scaledIn, o1) = reserveIn.multipliedReportingOverflow(by: 1_000)
        let (feeIn, o2) = amountIn.multipliedReportingOverflow(by: 997)
        let (adjustedIn, o3) = scaledIn.addingReportingOverflow(feeIn)
        guard !o1, !o2, !o3, let before = UInt256(reserveIn, times: reserveOut).multiplied(by: 1_000) else {
            return false
        }
        return !(UInt256(adjustedIn, times: reserveOut - amountOut) < before)
    }

    /// Pays `amountIn` into the side holding `reserveIn` and takes `amountOut` from the other, if the
    /// pair's invariant allows it; Uniswap's `getAmountOut` gives the most it allows.
    static func swap(amountIn: UInt128, amountOut: UInt128, reserveIn: inout UInt128, reserveOut: inout UInt128) throws
    {
        guard keepsInvariant(amountIn: amountIn, amountOut: amountOut, reserveIn: reserveIn, reserveOut: reserveOut)
        else {
            throw ArithmeticError(.underflow, in: "UniswapV2: K")
        }
        reserveIn = try FullWidth.add(reserveIn, amountIn, operation: "pool reserve")
        reserveOut -= amountOut
    }

    /// Sells `amount` of the asset for the stablecoin; returns what came out.
    public mutating func sellAsset(_ amount: UInt128) throws -> UInt128 {
        let out = try Self.amountOut(amount, reserveIn: assetReserve, reserveOut: stableReserve)
        try Self.swap(amountIn: amount, amountOut: out, reserveIn: &assetReserve, reserveOut: &stableReserve)
        return out
    }

    /// Sells `amount` of the stablecoin for the asset.
    public mutating func buyAsset(paying amount: UInt128) throws -> UInt128 {
        let out = try Self.amountOut(amount, reserveIn: stableReserve, reserveOut: assetReserve)
        try Self.swap(amountIn: amount, amountOut: out, reserveIn: &stableReserve, reserveOut: &assetReserve)
        return out
    }

    /// The pool's mid price in USD (8 decimals), for display and the arbitrageur's decision.
    public func midPrice(assetUnit: UInt128, stableUnit: UInt128, stablePrice: UInt128) -> Double {
        guard assetReserve > 0 else { return 0 }
        return Double(stableReserve) / Double(stableUnit) / (Double(assetReserve) / Double(assetUnit))
            * Double(stablePrice) / 1e8
    }
}
