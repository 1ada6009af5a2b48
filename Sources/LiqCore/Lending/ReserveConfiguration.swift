/// The static parameters of one reserve, as Aave's `ReserveConfigurationMap` holds them.
/// Percentages are basis points; the liquidation bonus in Aave's form (10500 = a 5 % bonus).
public struct ReserveConfiguration: Sendable, Equatable {
    public var symbol: String
    public var decimals: Int
    public var ltvBps: UInt128
    public var liquidationThresholdBps: UInt128
    public var liquidationBonusBps: UInt128
    public var liquidationProtocolFeeBps: UInt128
    public var reserveFactorBps: UInt128
    public var rateStrategy: InterestRateStrategy
    /// Paused by governance or the guardian: no liquidation, repayment or flash loan touches it.
    public var isPaused = false
    /// `10 ** decimals`.
    public let unit: UInt128

    public init(
        symbol: String, decimals: Int, ltvBps: UInt128 = 0, liquidationThresholdBps: UInt128 = 0,
        liquidationBonusBps: UInt128 = 10_000, liquidationProtocolFeeBps: UInt128 = 0,
        reserveFactorBps: UInt128 = 0,
        rateStrategy: InterestRateStrategy = .init(
            optimalUsageRatioBps: 8_000, baseVariableBorrowRateBps: 0,
            variableRateSlope1Bps: 400, variableRateSlope2Bps: 7_500)
    ) {
        precondition((0...36).contains(decimals), "decimals must be 0...36")
        self.symbol = symbol
        self.decimals = decimals
        self.ltvBps = ltvBps
        self.liquidationThresholdBps = liquidationThresholdBps
        self.liquidationBonusBps = liquidationBonusBps
        self.liquidationProtocolFeeBps = liquidationProtocolFeeBps
        self.reserveFactorBps = reserveFactorBps
        self.rateStrategy = rateStrategy
        var unit: UInt128 = 1
        for _ in 0..<decimals { unit *= 10 }
        self.unit = unit
    }
}
