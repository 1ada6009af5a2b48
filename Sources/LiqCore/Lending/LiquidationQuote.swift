/// A liquidation call: which collateral to seize, which debt to repay, and how much at most
/// (`UInt128.max` means as much as the rules allow, like passing `type(uint256).max`).
public struct LiquidationRequest: Sendable, Equatable {
    public var collateralReserve: Int
    public var debtReserve: Int
    public var debtToCover: UInt128

    public init(collateralReserve: Int, debtReserve: Int, debtToCover: UInt128 = .max) {
        self.collateralReserve = collateralReserve
        self.debtReserve = debtReserve
        self.debtToCover = debtToCover
    }
}

/// Everything a liquidation would do, computed with the protocol's integer arithmetic, step by step
/// (docs/mechanics.md). Amounts are in each asset's smallest unit; `…Base` values are
/// USD with 8 decimals.
public struct LiquidationQuote: Sendable, Equatable {
    public var rules: RuleSet
    public var request: LiquidationRequest
    public var before: AccountData
    public var collateralPrice: UInt128
    public var debtPrice: UInt128
    /// The borrower's collateral balance in the seized reserve, and debt in the repaid reserve.
    public var userCollateralBalance: UInt128
    public var userReserveDebt: UInt128
    public var userReserveCollateralBase: UInt128
    public var userReserveDebtBase: UInt128
    public var closeFactorRule: CloseFactorRule
    public var maxLiquidatableDebt: UInt128
    public var liquidationBonusBps: UInt128
    public var liquidationProtocolFeeBps: UInt128
    /// Collateral worth `debtRepaid` at oracle prices, before the bonus.
    public var baseCollateral: UInt128
    /// True when the borrower's collateral ran out and the debt repaid was reduced to fit it.
    public var cappedByCollateral: Bool
    /// Debt the liquidator repays.
    public var debtRepaid: UInt128
    /// What leaves the borrower: `liquidatorReceives + protocolFee`.
    public var collateralSeized: UInt128
    public var liquidatorReceives: UInt128
    public var protocolFee: UInt128
    /// The bonus part of what was seized (`collateral − collateral.percentDiv(bonus)`), 0 without a fee.
    public var bonusCollateral: UInt128
    /// v3.3: the seized collateral was all the borrower's collateral, so remaining debt becomes deficit.
    public var hasNoCollateralLeft: Bool
    /// Debt written off per reserve (v3.3 bad debt), in each reserve's units.
    public var deficits: [UInt128]
    /// Scaled aTokens burnt for the liquidator's underlying, and moved to the treasury as the fee.
    public var scaledCollateralBurnt: UInt128
    public var scaledFeeTransferred: UInt128
    /// The borrower after the liquidation.
    public var accountAfter: Account
    public var healthFactorAfter: HealthFactor

    /// The deficit created in the debt reserve being repaid.
    public var deficit: UInt128 { deficits[request.debtReserve] }
    public var healthFactorBefore: HealthFactor { before.healthFactor }
}
