/// EIP-1559's base fee: it moves by up to 1/8 per block toward the gas target (half the limit).
public enum FeeMarket {
    public static let gasLimit: UInt64 = 30_000_000
    public static let gasTarget: UInt64 = 15_000_000
    public static let denominator: UInt64 = 8
    /// The base fee at which everyone else's demand sits at the gas target (the chain's starting fee).
    public static let referenceBaseFeeWei: UInt64 = 10_000_000_000

    /// Everyone else's gas in a block: around the target at the reference fee, falling as the fee rises
    /// (demand with unit price elasticity), so that a burst of liquidations prices others out and the base
    /// fee settles instead of climbing for as long as anything else is pending. `noise` is a standard normal draw.
    /// `demand` scales it (congestion): at 6 the base fee settles near 6 times the reference.
    public static func backgroundGas(baseFeeWei: UInt64, noise: Double, demand: Double = 1) -> UInt64 {
        let elastic = min(1.5 * demand, demand * Double(referenceBaseFeeWei) / Double(max(baseFeeWei, 1)))
        return UInt64(max(0, Double(gasTarget) * elastic * (1 + 0.3 * noise)))
    }

    /// `calc_base_fee` of EIP-1559 for the next block, in wei (https://eips.ethereum.org/EIPS/eip-1559):
    /// up by `max(base·(used − target) / target / 8, 1)`, down by `base·(target − used) / target / 8`,
    /// each division floored. The chain's target is `gasTarget`; the conformance tests pass others.
    public static func nextBaseFee(_ baseFeeWei: UInt64, gasUsed: UInt64, gasTarget: UInt64 = gasTarget) -> UInt64 {
        guard gasTarget > 0, gasUsed != gasTarget else { return baseFeeWei }
        if gasUsed > gasTarget {
            let delta = max(
                1, UInt128(baseFeeWei) * UInt128(gasUsed - gasTarget) / UInt128(gasTarget) / UInt128(denominator))
            return UInt64(clamping: UInt128(baseFeeWei) + delta)
        }
        let delta = UInt64(
            UInt128(baseFeeWei) * UInt128(gasTarget - gasUsed) / UInt128(gasTarget) / UInt128(denominator))
        return baseFeeWei - delta
    }
}
