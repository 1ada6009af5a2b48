/// What happened in the world, for the event panel, `--events` and tests.
public struct Event: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case block, missedSlot = "missed_slot", justified, finalized, finalityStalled = "finality_stalled"
        case oracleUpdate = "oracle_update", liquidation, failedLiquidation = "failed_liquidation", deficit
        case fault, recovery, shock, price, bots, defence, submitted, expired, governance
    }

    /// A value in an event's detail, typed for JSON.
    public enum Value: Sendable, Equatable {
        case int(Int64)
        case text(String)
        /// An exact decimal written as a string (amounts, USD).
        case decimal(String)
    }

    public var timeMs: Int64
    public var kind: Kind
    public var message: String
    public var fields: [(String, Value)]
    /// Typed, for observers (never matched by text): whose liquidation, which account, why it failed.
    public var liquidator: LiquidatorID?
    public var account: Int?
    public var failure: LiquidationFailure?

    public init(
        timeMs: Int64, kind: Kind, message: String, fields: [(String, Value)] = [],
        liquidator: LiquidatorID? = nil, account: Int? = nil, failure: LiquidationFailure? = nil
    ) {
        self.timeMs = timeMs
        self.kind = kind
        self.message = message
        self.fields = fields
        self.liquidator = liquidator
        self.account = account
        self.failure = failure
    }

    public static func == (lhs: Event, rhs: Event) -> Bool {
        lhs.timeMs == rhs.timeMs && lhs.kind == rhs.kind && lhs.message == rhs.message
            && lhs.fields.map(\.0) == rhs.fields.map(\.0) && lhs.fields.map(\.1) == rhs.fields.map(\.1)
            && lhs.liquidator == rhs.liquidator && lhs.account == rhs.account && lhs.failure == rhs.failure
    }

    /// The user's own transaction: worth their attention whatever its kind.
    public var isUsers: Bool { liquidator == .user }
}
