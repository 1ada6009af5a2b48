/// EIP-1559's base fee: it moves by up to 1/8 per block toward the gas target (half the limit).
public enum FeeMarket {
    public static let gasLimit: UInt64 = 30_000_000
    public static let gasTarget: UInt64 = 15_000_000
    public static let denominator: UInt64 = 8

    /// `calc_base_fee` of EIP-1559 for the next block, in wei.
    public static func nextBaseFee(_ baseFeeWei: UInt64, gasUsed: UInt64) -> UInt64 {
        if gasUsed == gasTarget { return baseFeeWei }
        if gasUsed > gasTarget {
            let delta = max(UInt64(1), UInt64(UInt128(baseFeeWei) * UInt128(gasUsed - gasTarget) / UInt128(gasTarget) / UInt128(denominator)))
            return baseFeeWei + delta
        }
        let delta = UInt64(UInt128(baseFeeWei) * UInt128(gasTarget - gasUsed) / UInt128(gasTarget) / UInt128(denominator))
        return baseFeeWei - delta
    }
}
