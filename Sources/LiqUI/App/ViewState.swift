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

/// The price-shock dialog: an asset and a typed percentage, previewed before it is confirmed. It opens
/// with a suggestion that the first typed character replaces, as a selected field is.
public struct ShockDialog: Equatable, Sendable {
    public var asset: Int
    public var text: String = "-10"
    /// Still the suggestion: the next typed character replaces it.
    public var suggested = true

    public init(asset: Int) { self.asset = asset }

    /// The change, when it is a shock: in whole basis points (as the engine takes it) between −99.99 % and
    /// +1000 %, and not zero.
    public var percent: Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        let bps = (value * 100).rounded()
        guard bps >= -9_999, bps <= 100_000, bps != 0 else { return nil }
        return value
    }

    /// Why the text is not a shock, in words; nil when it is one.
    public var problem: String? {
        guard percent == nil else { return nil }
        if text.isEmpty { return "type a change in per cent, e.g. -20" }
        if text == "-" || text == "+" { return "type the change's digits, e.g. \(text)20" }
        guard let value = Double(text), value.isFinite else {
            return "\"\(text)\" is not a number; " + Self.rangeMessage
        }
        if (value * 100).rounded() == 0 { return "\(text) % moves nothing; " + Self.rangeMessage }
        return "\(text) % is out of range; " + Self.rangeMessage
    }

    /// The shock as the engine takes it.
    public var query: ShockQuery? {
        percent.map { ShockQuery(asset: asset, percentBps: Int(clamping: ($0 * 100).rounded())) }
    }

    public static let rangeMessage = "type a change between −99.99 and +1000 %"

    /// A typed character: it replaces the suggestion, or is appended (at most 8).
    mutating func type(_ character: Character) {
        if suggested {
            text = ""
            suggested = false
        }
        if text.count < 8 { text.append(character) }
    }

    mutating func erase() {
        if suggested { text = "" } else if !text.isEmpty { text.removeLast() }
        suggested = false
    }
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

/// The Risk view: which of the worst paths is selected.
public struct RiskOverlay: Equatable, Sendable {
    public var selection = 0
    public init() {}
}

public enum Overlay: Equatable, Sendable {
    case none, help, shock(ShockDialog), proposal(ProposalForm), walkthrough(Walkthrough), risk(RiskOverlay)
    /// `g` in a replay: a moment to go to, as typed.
    case goTo(String)
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
    /// The built-in theme on screen (`t` moves to the next).
    public var themeIndex = 0
    public var helpScroll = 0
    /// The help's visible rows (the terminal's driver sets it from the layout), to stop scrolling at the end.
    public var helpRows = 20
    /// What the help was opened over (the shock dialog, the walkthrough): it comes back when the help closes.
    public var underHelp: Overlay = .none
    public var eventScroll = 0
    public var status: String?
    /// A recording plays (`liqtop replay`) and has not branched: its keys move through it, and nothing may
    /// change the world.
    public var replaying = false
    /// The account under the cursor in Pending liquidations: the cursor follows it as rows reorder.
    public var selectedAccountID: String?

    public init() {}

    public func selected(_ panel: Panel) -> Int { selection[panel.rawValue] }

    /// Where keys go now.
    public var mode: Mode {
        switch overlay {
        case .help: .help
        case .shock: .shock
        case .proposal: .proposal
        case .goTo: .goTo
        case .walkthrough(let walkthrough): walkthrough.confirming ? .confirm : .walkthrough
        case .risk: .risk
        case .none: filtering ? .filter : replaying ? .replay : .main
        }
    }
}
