/// Aave's L2 `PriceOracleSentinel` (aave-v3-core `contracts/protocol/configuration/PriceOracleSentinel.sol`):
/// borrowing and liquidation are allowed only when the sequencer is up and has been for longer
/// than the grace period. Liquidation below HF 0.95 is allowed regardless (ValidationLogic).
public struct PriceOracleSentinel: Sendable, Equatable {
    public var sequencerUp: Bool
    public var secondsSinceUp: UInt64
    public var gracePeriodSeconds: UInt64

    public init(sequencerUp: Bool, secondsSinceUp: UInt64, gracePeriodSeconds: UInt64) {
        self.sequencerUp = sequencerUp
        self.secondsSinceUp = secondsSinceUp
        self.gracePeriodSeconds = gracePeriodSeconds
    }

    /// `_isUpAndGracePeriodPassed`: `answer == 0 && block.timestamp - startedAt > gracePeriod`.
    public var isLiquidationAllowed: Bool { sequencerUp && secondsSinceUp > gracePeriodSeconds }
    public var isBorrowAllowed: Bool { isLiquidationAllowed }
}
