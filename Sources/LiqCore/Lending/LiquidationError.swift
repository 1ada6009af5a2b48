/// Why a liquidation call reverts, named as the protocol's `Errors` library names it.
public enum LiquidationError: String, Error, Sendable, CaseIterable {
    /// The collateral or the debt reserve is paused (`ValidationLogic.validateLiquidationCall`).
    case reservePaused = "RESERVE_PAUSED"
    case priceOracleSentinelCheckFailed = "PRICE_ORACLE_SENTINEL_CHECK_FAILED"
    case healthFactorNotBelowThreshold = "HEALTH_FACTOR_NOT_BELOW_THRESHOLD"
    case collateralCannotBeLiquidated = "COLLATERAL_CANNOT_BE_LIQUIDATED"
    case specifiedCurrencyNotBorrowedByUser = "SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER"
    case mustNotLeaveDust = "MUST_NOT_LEAVE_DUST"
    /// A burn of zero scaled tokens (`ScaledBalanceTokenBase._burnScaled`), e.g. a debt to cover of 0.
    case invalidBurnAmount = "INVALID_BURN_AMOUNT"
}
