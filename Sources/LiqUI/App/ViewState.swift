import LiqCore

public enum Panel: Int, CaseIterable, Sendable {
    case nodes, market, collateral, liquidations, events

    public var title: String {
        switch self {
        case .nodes: "Node health"
        case .market: "Market"
        case .collateral: "Collateral ratios"
        case .liquidations: "Pending liquidations"
        case .events: "Events"
        }
    }
}

/// A key, decoded from the terminal.
public enum Key: Equatable, Sendable {
    case char(Character)
    case up, down, left, right, enter, escape, tab, backTab, backspace, pageUp, pageDown, home, end
}

public enum LiquidationSort: Int, CaseIterable, Sendable {
    case urgency, debt, profit
    public var label: String { ["HF", "debt", "profit"][rawValue] }
}

/// The price-shock dialog: an asset and a typed percentage, previewed before it is confirmed.
public struct ShockDialog: Equatable, Sendable {
    public var asset: Int
    public var text: String = "-10"
    public var percent: Double? {
        guard let value = Double(text), value.isFinite, value > -100, value <= 1_000 else { return nil }
        return value
    }

    public static let rangeMessage = "type a change between −99.99 and +1000 %"
}

/// The liquidation walkthrough: which account, which step, and what the user did.
public struct Walkthrough: Equatable, Sendable {
    public static let steps = 8
    /// The pending liquidation as it was when the walkthrough opened (its exact quote).
    public var row: Snapshot.PendingLiquidation
    public var step = 0
    public var confirming = false
    public var submitted = false

    public init(row: Snapshot.PendingLiquidation) { self.row = row }

    public var account: Int { row.account }
    public var accountID: String { row.accountID }
}

public enum Overlay: Equatable, Sendable {
    case none, help, shock(ShockDialog), walkthrough(Walkthrough)
}

/// Everything about the screen that is not the world: focus, selections, overlays, filter, sort, theme.
public struct ViewState: Equatable, Sendable {
    public var focus: Panel = .nodes
    public var selection: [Int] = Array(repeating: 0, count: Panel.allCases.count)
    public var expandedRegion: Region?
    public var overlay: Overlay = .none
    public var filter = ""
    /// Rows PgUp/PgDn move: the focused panel's visible rows (the terminal's driver sets it from the layout).
    public var pageRows = 10
    public var filtering = false
    public var sort: LiquidationSort = .urgency
    public var themeIndex = 0
    public var helpScroll = 0
    public var eventScroll = 0
    public var quit = false
    public var status: String?
    /// The account under the cursor in Pending liquidations: the cursor follows it as rows reorder.
    public var selectedAccountID: String?

    public init() {}

    public func selected(_ panel: Panel) -> Int { selection[panel.rawValue] }
}
