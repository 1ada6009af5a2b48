import LiqCore

/// What the panels list and where the cursor is: the rows, the pending-liquidations window to ask for, and
/// moving the selection.
extension Reducer {
    /// Events the panel shows: what changes the world, not every block or losing bid.
    public static func shownEvents(_ snapshot: Snapshot) -> [Event] {
        snapshot.recentEvents.reversed()
    }

    /// The cursor in Pending liquidations, as an index into the whole ordering (the snapshot carries a window
    /// of it): the selected account's row while it is listed, else the selected index.
    public static func liquidationCursor(_ view: ViewState, snapshot: Snapshot) -> Int {
        if let id = view.selectedAccountID, let row = snapshot.pendingLiquidations.first(where: { $0.accountID == id })
        {
            return row.position
        }
        return min(view.selected(.liquidations), max(0, snapshot.pendingMatching - 1))
    }

    /// Rows asked of the engine: from 50 to 100 rows above the cursor to at least 100 below it, moving in
    /// steps of 50 (so that a cursor moving row by row asks for a new window only every 50 rows).
    static let pendingWindow = 200

    /// The pending liquidations to ask the engine for: the filter, the order, and a window around the cursor.
    public static func pendingQuery(_ view: ViewState) -> PendingQuery {
        let half = 50
        let order: PendingQuery.Order =
            switch view.sort {
            case .urgency: .urgency
            case .debt: .debt
            case .profit: .profit
            }
        return PendingQuery(
            filter: view.filter, order: order, offset: max(0, (view.selected(.liquidations) / half - 1) * half),
            limit: pendingWindow)
    }

    /// The rows the panel lists now, for bounds and selection.
    public static func rowCount(_ panel: Panel, _ view: ViewState, _ snapshot: Snapshot) -> Int {
        Dashboard.descriptor(panel).rowCount(snapshot, view)
    }

    /// The window of pending liquidations as the engine ordered and filtered it (for the query the view
    /// asked; the frame before a changed query is answered shows the previous window).
    public static func liquidationRows(_ snapshot: Snapshot, _ view: ViewState) -> [Snapshot.PendingLiquidation] {
        snapshot.pendingLiquidations
    }

    static func move(_ view: inout ViewState, by delta: Int, snapshot: Snapshot) {
        let panel = view.focus
        let rows = rowCount(panel, view, snapshot)
        if panel == .events {
            // Newest at the top: down goes back in time, until the oldest event is on the panel's last row.
            view.eventScroll = max(0, min(max(0, rows - max(1, view.pageRows)), view.eventScroll + delta))
            return
        }
        if panel == .liquidations {
            let index = max(
                0, min(max(0, snapshot.pendingMatching - 1), liquidationCursor(view, snapshot: snapshot) + delta))
            view.selection[panel.rawValue] = index
            view.selectedAccountID = snapshot.pendingLiquidations.first { $0.position == index }?.accountID
            return
        }
        view.selection[panel.rawValue] = max(0, min(max(0, rows - 1), view.selection[panel.rawValue] + delta))
    }

    static func open(_ view: inout ViewState, snapshot: Snapshot) {
        switch view.focus {
        case .nodes:
            if view.expandedRegion == nil, let region = selectedRegion(view, snapshot) {
                view.expandedRegion = region
                view.selection[Panel.nodes.rawValue] = 0
            }
        case .liquidations:
            let cursor = liquidationCursor(view, snapshot: snapshot)
            if let blocked = snapshot.blockedLiquidations.first(where: { $0.position == cursor }) {
                view.status = blockedReason(blocked, snapshot)
                return
            }
            guard let row = snapshot.pendingLiquidations.first(where: { $0.position == cursor }) else { return }
            view.selectedAccountID = row.accountID
            view.overlay = .walkthrough(Walkthrough(row: row))
        default:
            break
        }
    }

    /// Why a liquidatable account has no walkthrough: the protocol refuses its largest pair, and why.
    static func blockedReason(_ row: Snapshot.BlockedLiquidation, _ snapshot: Snapshot) -> String {
        let id = sanitized(Addresses.shortened(row.accountID))
        let code = row.reason.rawValue
        guard row.reason == .priceOracleSentinelCheckFailed else {
            return "\(id) cannot be liquidated through its largest debt and collateral: \(code) "
                + "(\(LiquidationFailure.reverted(row.reason).summary))"
        }
        if snapshot.sequencerDown { return "\(id): the sequencer is down: no block, no liquidation (\(code))" }
        let left = snapshot.graceLeftSeconds.map { ", \($0 / 60):\($0 % 60 < 10 ? "0" : "")\($0 % 60) left" } ?? ""
        return "\(id): grace period\(left): only HF < 0.95 may be liquidated (\(code))"
    }

    static func selectedRegion(_ view: ViewState, _ snapshot: Snapshot) -> Region? {
        if let region = view.expandedRegion { return region }
        let index = view.selected(.nodes)
        return index < snapshot.regions.count ? snapshot.regions[index].region : nil
    }

    static func selectedNode(_ view: ViewState, _ snapshot: Snapshot) -> Snapshot.NodeRow? {
        guard let region = view.expandedRegion else { return nil }
        let nodes = snapshot.nodes.filter { $0.region == region }
        return view.selected(.nodes) < nodes.count ? nodes[view.selected(.nodes)] : nil
    }
}

extension Reducer {
    /// The Risk view: a path to pick among the worst, run again, stop, close.
    static func performRisk(_ action: Action, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        guard case .risk(var overlay) = view.overlay else { return [] }
        let worst = snapshot.risk?.report.worst ?? []
        switch action {
        case .up: overlay.selection = max(0, overlay.selection - 1)
        case .down: overlay.selection = min(max(0, worst.count - 1), overlay.selection + 1)
        case .open:
            guard overlay.selection < worst.count else {
                view.status = "no path to watch yet: the run has not finished one"
                return []
            }
            let path = worst[overlay.selection].path
            view.overlay = .none
            view.status = "watching path \(path); l: back to the live world"
            return [.risk(.open(path: path))]
        case .backToLive:
            guard snapshot.risk?.watching != nil else {
                view.status = "already on the live world"
                return []
            }
            view.overlay = .none
            view.status = "back on the live world"
            return [.risk(.live)]
        case .rerun:
            view.overlay = .risk(RiskOverlay())
            return [.risk(.start)]
        case .compareProposals:
            guard !snapshot.proposals.isEmpty else {
                view.status = "no open governance proposal to compare: v proposes one"
                return []
            }
            view.overlay = .risk(RiskOverlay())
            return [.risk(.compare)]
        case .stopRun:
            guard snapshot.risk?.state == .running else {
                view.status = "no run is going"
                return []
            }
            view.status = "stopped"
            return [.risk(.stop)]
        case .help:
            openHelp(over: view.overlay, mode: .risk, &view)
            return []
        case .close:
            view.overlay = .none
            return []
        default: break
        }
        view.overlay = .risk(overlay)
        return []
    }
}
