/// Why a liquidation did not go through: typed, so that a screen never matches on words.
public enum LiquidationFailure: Sendable, Hashable {
    /// The pool reverted with one of Aave's errors.
    case reverted(LiquidationError)
    /// The liquidator's wallet could not pay the debt the liquidation repays.
    case walletShort
    /// The sale of the collateral could not repay the flash loan and its premium.
    case flashLoanNotRepaid
    /// An amount passed 2^128, which Solidity 0.8's checked arithmetic reverts on (Panic 0x11).
    case arithmeticOverflow
    /// The liquidator's node was down: nothing was sent.
    case nodeDown

    /// The name in events and `--events`: the protocol's own for a revert.
    public var code: String {
        switch self {
        case .reverted(let error): error.rawValue
        case .walletShort: "INSUFFICIENT_BALANCE"
        case .flashLoanNotRepaid: "FLASH_LOAN_NOT_REPAID"
        case .arithmeticOverflow: "ARITHMETIC_OVERFLOW"
        case .nodeDown: "NODE_DOWN"
        }
    }

    /// A few words for a table cell.
    public var summary: String {
        switch self {
        case .reverted(.healthFactorNotBelowThreshold): "HF ≥ 1 by then"
        case .reverted(.collateralCannotBeLiquidated): "collateral gone"
        case .reverted(.specifiedCurrencyNotBorrowedByUser): "debt repaid"
        case .reverted(.mustNotLeaveDust): "would leave dust"
        case .reverted(.priceOracleSentinelCheckFailed): "sentinel"
        case .reverted(.reservePaused): "paused"
        case .reverted(.invalidBurnAmount): "amount too small"
        case .walletShort: "wallet short"
        case .flashLoanNotRepaid: "sale short of loan"
        case .arithmeticOverflow: "amounts overflow"
        case .nodeDown: "node down"
        }
    }
}
