/// What a screen needs of a world besides its rules: the notable events, each asset's recent true prices,
/// what became of liquidations (failed, and why; the user's own outcome), and the account-level summary and
/// pending window, kept until the risk index changes. It is fed the events and a read-only look at the
/// world after every command and step (`Engine` does it); a headless run needs none of it.
public struct WorldView: Sendable {
    /// The events worth a person's attention (not every block, justification, defence or losing bid).
    public private(set) var notableEvents: [Event] = []
    /// Recent true prices per asset, oldest first, one per tick (sparklines and the change column).
    public private(set) var priceHistory: [[UInt128]]
    /// The last failure per account, until it is liquidated or sent again.
    public private(set) var failures: [Int: LiquidationFailure] = [:]
    /// What became of the user's latest liquidation.
    public private(set) var userOutcome: UserOutcome?
    var keptSummary: RiskSummary?
    var keptWindow: PendingWindow?
    /// The risk index they were kept from: a rebuilt index starts its versions again.
    var keptLineage: RiskIndex.Lineage?
    /// The shock dialog's index while the dialog is open (see `snapshot`).
    var shockIndex: ShockIndex?

    static let notableLimit = 400
    static let historyLimit = 240

    public struct UserOutcome: Sendable, Equatable {
        public var account: Int
        public var succeeded: Bool
        public var text: String
    }

    public init(world: World) {
        priceHistory = world.truePrices.map { [$0] }
    }

    /// Takes in what a command (`stepped` false) or a step caused.
    public mutating func observe(_ events: [Event], in world: World, stepped: Bool) {
        if stepped {
            for asset in priceHistory.indices {
                priceHistory[asset].append(world.truePrices[asset])
                if priceHistory[asset].count > Self.historyLimit { priceHistory[asset].removeFirst() }
            }
        }
        for event in events {
            if Self.isNotable(event) { notableEvents.append(event) }
            guard let account = event.account else { continue }
            switch event.kind {
            case .liquidation: failures[account] = nil
            case .failedLiquidation: failures[account] = event.failure
            default: break
            }
            guard event.isUsers else { continue }
            let block = world.chain.height
            switch (event.kind, event.failure) {
            case (.liquidation, _):
                userOutcome = UserOutcome(
                    account: account, succeeded: true, text: "executed in block \(block): \(event.message)")
            case (.failedLiquidation, let failure?) where failure != .nodeDown:
                userOutcome = UserOutcome(
                    account: account, succeeded: false,
                    text: "your liquidation failed in block \(block): \(failure.summary) (\(failure.code))")
            case (.expired, _):
                userOutcome = UserOutcome(
                    account: account, succeeded: false,
                    text: "your liquidation was not included within 2 minutes and was dropped")
            default: break
            }
        }
        if notableEvents.count > Self.notableLimit { trimEvents() }
        // An account sent again is no longer failed: it is in the mempool (or pending once that lapses).
        if !failures.isEmpty {
            for transaction in world.chain.mempool {
                if case .liquidation(_, let account, _) = transaction.kind { failures[account] = nil }
            }
        }
    }

    /// Over the limit, the oldest routine events go first (liquidations, oracle updates, finality), so that
    /// a fault, a shock or a proposal stays in the log through the flood of liquidations it causes.
    mutating func trimEvents() {
        var excess = notableEvents.count - Self.notableLimit
        guard excess > 0 else { return }
        let keyKinds: Set<Event.Kind> = [.fault, .recovery, .shock, .price, .governance, .bots, .finalityStalled]
        var kept: [Event] = []
        kept.reserveCapacity(notableEvents.count)
        for event in notableEvents {
            if excess > 0, !keyKinds.contains(event.kind) {
                excess -= 1
                continue
            }
            kept.append(event)
        }
        if excess > 0 { kept.removeFirst(excess) }
        notableEvents = kept
    }

    /// Faults, shocks, oracle updates, liquidations, deficits, finality; a failed, submitted or lapsed
    /// liquidation only when it is the user's; a lapsed oracle update.
    static func isNotable(_ event: Event) -> Bool {
        switch event.kind {
        case .block, .justified, .defence, .missedSlot: false
        case .failedLiquidation, .submitted: event.isUsers
        case .expired: event.isUsers || event.liquidator == nil
        default: true
        }
    }
}
