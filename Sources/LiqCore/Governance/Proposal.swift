/// A governance proposal: new risk parameters for one reserve, which take effect only after the vote and
/// the timelock (Aave Governance's short executor: docs/mechanics.md, "Governance").
public struct Proposal: Sendable, Equatable {
    public var asset: Int
    public var changes: [RiskParameter: UInt128]

    public init(asset: Int, changes: [RiskParameter: UInt128]) {
        self.asset = asset
        self.changes = changes
    }

    /// The reserve's configuration once the proposal has executed.
    public func applied(to configuration: ReserveConfiguration) -> ReserveConfiguration {
        var configuration = configuration
        for (parameter, value) in changes { parameter.set(value, in: &configuration) }
        return configuration
    }

    /// Why the PoolConfigurator would refuse the new parameters, in words; nil when it accepts them.
    /// `configureReserveAsCollateral`: LTV ≤ liquidation threshold; with a threshold, a bonus above 100 %
    /// and threshold × bonus ≤ 100 % (percentMul); without one, no bonus. The fee and the reserve factor
    /// are at most 100 %.
    public func problem(with configuration: ReserveConfiguration) -> String? {
        guard !changes.isEmpty else { return "a proposal changes at least one parameter" }
        let new = applied(to: configuration)
        if new.ltvBps > new.liquidationThresholdBps {
            return "LTV \(RiskParameter.percent(new.ltvBps)) is above the threshold "
                + RiskParameter.percent(new.liquidationThresholdBps)
        }
        if new.liquidationThresholdBps != 0 {
            if new.liquidationBonusBps <= 10_000 { return "the liquidation bonus must be above 100 % (10500 is 5 %)" }
            let seizable =
                (try? PercentageMath.percentMul(new.liquidationThresholdBps, new.liquidationBonusBps)) ?? .max
            if seizable > 10_000 {
                return "threshold × bonus is above 100 %"
            }
        } else if new.liquidationBonusBps != 10_000, changes[.liquidationBonusBps] != nil {
            return "a reserve with no liquidation threshold takes no bonus"
        }
        if new.liquidationProtocolFeeBps > 10_000 { return "the protocol fee is at most 100 %" }
        if new.reserveFactorBps > 10_000 { return "the reserve factor is at most 100 %" }
        return nil
    }
}

/// The risk parameters a proposal can change: those the engine uses.
public enum RiskParameter: String, Sendable, CaseIterable, Comparable {
    case ltvBps = "ltv_bps"
    case liquidationThresholdBps = "liquidation_threshold_bps"
    case liquidationBonusBps = "liquidation_bonus_bps"
    case liquidationProtocolFeeBps = "liquidation_protocol_fee_bps"
    case reserveFactorBps = "reserve_factor_bps"
    /// 1 pauses the reserve (no liquidation, repayment or flash loan), 0 unpauses it.
    case paused

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var label: String {
        switch self {
        case .ltvBps: "LTV"
        case .liquidationThresholdBps: "liquidation threshold"
        case .liquidationBonusBps: "liquidation bonus"
        case .liquidationProtocolFeeBps: "protocol fee"
        case .reserveFactorBps: "reserve factor"
        case .paused: "paused"
        }
    }

    public func value(in configuration: ReserveConfiguration) -> UInt128 {
        switch self {
        case .ltvBps: configuration.ltvBps
        case .liquidationThresholdBps: configuration.liquidationThresholdBps
        case .liquidationBonusBps: configuration.liquidationBonusBps
        case .liquidationProtocolFeeBps: configuration.liquidationProtocolFeeBps
        case .reserveFactorBps: configuration.reserveFactorBps
        case .paused: configuration.isPaused ? 1 : 0
        }
    }

    public func set(_ value: UInt128, in configuration: inout ReserveConfiguration) {
        switch self {
        case .ltvBps: configuration.ltvBps = value
        case .liquidationThresholdBps: configuration.liquidationThresholdBps = value
        case .liquidationBonusBps: configuration.liquidationBonusBps = value
        case .liquidationProtocolFeeBps: configuration.liquidationProtocolFeeBps = value
        case .reserveFactorBps: configuration.reserveFactorBps = value
        case .paused: configuration.isPaused = value != 0
        }
    }

    /// Basis points as a percentage: 8250 → "82.5 %"; the bonus in Aave's form (10500 → "105 %").
    public static func percent(_ bps: UInt128) -> String {
        DecimalAmount.format(bps, decimals: 2) + " %"
    }

    /// A value as the form and the events show it: a percentage, or yes / no for `paused`.
    public func text(_ value: UInt128) -> String { self == .paused ? (value != 0 ? "yes" : "no") : Self.percent(value) }
}
