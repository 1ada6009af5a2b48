/// The close-factor rule that decided how much debt one liquidation may repay (docs/mechanics.md).
public enum CloseFactorRule: Sendable, Equatable {
    /// v3.1, HF > 0.95: 50 % of the account's debt in the debt reserve.
    case v31Half
    /// v3.1, HF ≤ 0.95: 100 % of that debt.
    case v31Full
    /// v3.3, HF ≤ 0.95: the whole reserve debt.
    case v33FullBelowHealthFactorThreshold
    /// v3.3: the collateral being seized is worth less than $2,000 in total: the whole reserve debt.
    case v33FullSmallCollateral
    /// v3.3: the debt being repaid is worth less than $2,000: the whole reserve debt.
    case v33FullSmallDebt
    /// v3.3: the reserve debt is at most half the account's total debt, so all of it may go.
    case v33FullReserveDebtWithinHalf
    /// v3.3: capped at 50 % of the account's total debt (in base currency), converted to the debt asset.
    case v33HalfOfTotalDebt

    /// The close factor in basis points, as a fraction of what it applies to.
    public var closeFactorBps: UInt128 {
        switch self {
        case .v31Half, .v33HalfOfTotalDebt: 5_000
        default: 10_000
        }
    }

    /// A few words for tables.
    public var shortLabel: String {
        switch self {
        case .v31Half: "close factor 50 %"
        case .v31Full: "close factor 100 % (HF ≤ 0.95)"
        case .v33FullBelowHealthFactorThreshold: "close factor 100 % (HF ≤ 0.95)"
        case .v33FullSmallCollateral: "close factor 100 % (collateral < $2,000)"
        case .v33FullSmallDebt: "close factor 100 % (debt < $2,000)"
        case .v33FullReserveDebtWithinHalf: "close factor 100 % (debt ≤ half the total)"
        case .v33HalfOfTotalDebt: "close factor 50 % of total debt"
        }
    }

    /// One line for people: the rule and why it applies.
    public var explanation: String {
        switch self {
        case .v31Half: "HF > 0.95: up to 50 % of the debt in this reserve (DEFAULT_LIQUIDATION_CLOSE_FACTOR)"
        case .v31Full: "HF ≤ 0.95: up to 100 % of the debt in this reserve (MAX_LIQUIDATION_CLOSE_FACTOR)"
        case .v33FullBelowHealthFactorThreshold: "HF ≤ 0.95: the whole debt in this reserve may be repaid"
        case .v33FullSmallCollateral:
            "collateral in this reserve is worth < $2,000: the whole debt in this reserve may be repaid"
        case .v33FullSmallDebt: "debt in this reserve is worth < $2,000: all of it may be repaid"
        case .v33FullReserveDebtWithinHalf:
            "debt in this reserve is at most 50 % of the total debt: all of it may be repaid"
        case .v33HalfOfTotalDebt: "HF > 0.95 with collateral and debt ≥ $2,000: up to 50 % of the total debt"
        }
    }
}

public enum CloseFactor {
    /// `DEFAULT_LIQUIDATION_CLOSE_FACTOR = 0.5e4`.
    public static let defaultBps: UInt128 = 5_000
    /// `MAX_LIQUIDATION_CLOSE_FACTOR = 1e4`.
    public static let maxBps: UInt128 = 10_000
    /// `MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = 2000e8` (v3.3, USD with 8 decimals).
    public static let minBaseMaxCloseFactorThreshold: UInt128 = 2_000 * 100_000_000
    /// `MIN_LEFTOVER_BASE = MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD / 2` (v3.3).
    public static let minLeftoverBase: UInt128 = minBaseMaxCloseFactorThreshold / 2
}
