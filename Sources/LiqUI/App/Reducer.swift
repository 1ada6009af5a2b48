import LiqCore

/// Keys in, view changes and effects out. Pure: the run loop carries out the effects, and the reducer is the
/// only place keys are interpreted, through the keymap of the mode the view is in.
public enum Reducer {
    public static func reduce(_ state: ViewState, _ key: Key, snapshot: Snapshot) -> (ViewState, [Effect]) {
        var view = state
        view.status = nil
        let mode = view.mode
        var effects: [Effect]
        if let action = KeyMap.action(for: key, mode: mode, focus: view.focus) {
            effects = perform(action, mode: mode, &view, snapshot: snapshot)
        } else {
            effects = []
            switch mode {
            case .shock:
                if case .char(let c) = key, c.isNumber || c == "-" || c == "." || c == "+" {
                    updateShock(&view) { $0.type(c) }
                }
            case .filter: if case .char(let c) = key, !c.isNewline { type(c, into: &view) }
            case .confirm: cancelConfirmation(&view)
            default: break
            }
        }
        let asked = request(view)
        if asked != request(state) { effects.append(.request(asked)) }
        return (view, effects)
    }

    /// The snapshot the view needs: the curve of the asset selected in Market, the open region's nodes, the
    /// pending liquidations around the cursor, and the shock the dialog is about to apply.
    public static func request(_ view: ViewState) -> SnapshotRequest {
        var shock: ShockQuery?
        if case .shock(let dialog) = view.overlay { shock = dialog.query }
        return SnapshotRequest(
            curveAsset: view.selected(.market), nodeRegion: view.expandedRegion, pending: pendingQuery(view),
            shock: shock)
    }

    static func perform(_ action: Action, mode: Mode, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        switch mode {
        case .main: return performMain(action, &view, snapshot: snapshot)
        case .help:
            switch action {
            case .down: view.helpScroll += 1
            case .up: view.helpScroll = max(0, view.helpScroll - 1)
            default: view.overlay = .none
            }
        case .shock: return performShock(action, &view, snapshot: snapshot)
        case .walkthrough, .confirm: return performWalkthrough(action, &view, snapshot: snapshot)
        case .filter:
            switch action {
            case .erase: if !view.filter.isEmpty { view.filter.removeLast() }
            case .close:
                view.filtering = false
                view.filter = ""
            default: view.filtering = false
            }
            view.selection[Panel.liquidations.rawValue] = 0
        }
        return []
    }

    static func performMain(_ action: Action, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        let count = Panel.allCases.count
        let market = view.selected(.market)
        switch action {
        case .quit: return [.quit]
        case .togglePause: return [.playback(snapshot.paused ? .resume : .pause)]
        case .step: return snapshot.paused ? [.playback(.step)] : []
        case .faster:
            return [.playback(.setSpeed(speedLadder.first { $0 > snapshot.speed + 1e-9 } ?? speedLadder.last!))]
        case .slower:
            return [.playback(.setSpeed(speedLadder.last { $0 < snapshot.speed - 1e-9 } ?? speedLadder.first!))]
        case .nextPanel: view.focus = Panel(rawValue: (view.focus.rawValue + 1) % count)!
        case .previousPanel: view.focus = Panel(rawValue: (view.focus.rawValue + count - 1) % count)!
        case .up: move(&view, by: -1, snapshot: snapshot)
        case .down: move(&view, by: 1, snapshot: snapshot)
        case .pageUp: move(&view, by: -view.pageRows, snapshot: snapshot)
        case .pageDown: move(&view, by: view.pageRows, snapshot: snapshot)
        case .first: move(&view, by: -Int.max / 2, snapshot: snapshot)
        case .last: move(&view, by: Int.max / 2, snapshot: snapshot)
        case .open: open(&view, snapshot: snapshot)
        case .close:
            if view.focus == .nodes, let region = view.expandedRegion {
                // Back on the region that was open, so the fault keys keep acting on it.
                view.expandedRegion = nil
                view.selection[Panel.nodes.rawValue] = snapshot.regions.firstIndex { $0.region == region } ?? 0
            } else if view.focus == .liquidations, !view.filter.isEmpty {
                view.filter = ""
                view.status = "filter cleared"
            }
        case .filter:
            view.focus = .liquidations
            view.filtering = true
        case .sort:
            view.sort = LiquidationSort(rawValue: (view.sort.rawValue + 1) % LiquidationSort.allCases.count)!
            view.status = "sorted by \(view.sort.label)"
        case .help:
            view.overlay = .help
            view.helpScroll = 0
        case .cycleTheme:
            view.themeIndex = (view.themeIndex + 1) % BuiltInThemes.names.count
            view.status = "theme \(BuiltInThemes.names[view.themeIndex])"
            return [.theme(BuiltInThemes.names[view.themeIndex])]
        case .toggleBots: return [.engine(.setBots(enabled: !snapshot.botsEnabled))]
        case .shockDialog: view.overlay = .shock(ShockDialog(asset: min(market, max(0, snapshot.market.count - 1))))
        case .shockDown5: return [.engine(.shock(asset: market, percentBps: -500, overSeconds: 0))]
        case .shockUp5: return [.engine(.shock(asset: market, percentBps: 500, overSeconds: 0))]
        case .shockDown20: return [.engine(.shock(asset: market, percentBps: -2_000, overSeconds: 0))]
        case .toggleFreeze:
            guard market < snapshot.market.count else { break }
            return [
                .engine(
                    snapshot.market[market].isFrozen ? .unfreezeOracle(asset: market) : .freezeOracle(asset: market))
            ]
        case .toggleOutage:
            if let node = selectedNode(view, snapshot) {
                return [
                    .engine(
                        node.dataCenterPowered
                            ? .powerLoss(dataCenter: node.dataCenterIndex)
                            : .powerRestore(dataCenter: node.dataCenterIndex))
                ]
            }
            guard let region = selectedRegion(view, snapshot) else { break }
            return [.engine(snapshot.regionDown[region.rawValue] ? .regionRecover(region) : .regionOutage(region))]
        case .toggleNode:
            guard let node = selectedNode(view, snapshot) else {
                view.status = "press enter on a region to pick a node"
                break
            }
            return [.engine(node.crashed ? .restartNode(node.id) : .crashNode(node.id))]
        case .toggleDegrade, .toggleCut:
            guard let region = selectedRegion(view, snapshot) else { break }
            let others = Region.allCases.filter { $0 != region }
            let links = others.map { snapshot.links[region.rawValue][$0.rawValue] }
            let active = action == .toggleCut ? links.contains { $0.cut } : links.contains { $0.latencyFactor > 1 }
            return others.map { other in
                .engine(
                    active
                        ? .restoreLink(region, other)
                        : (action == .toggleCut ? .cutLink(region, other) : .degradeLink(region, other, factor: 3)))
            }
        default: break
        }
        return []
    }

    /// Simulated seconds per real second, stepped through by + and -.
    public static let speedLadder: [Double] = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000]

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
            // Newest at the top: down goes back in time.
            view.eventScroll = max(0, min(max(0, rows - 1), view.eventScroll + delta))
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
            guard let row = snapshot.pendingLiquidations.first(where: { $0.position == cursor }) else { return }
            view.selectedAccountID = row.accountID
            view.overlay = .walkthrough(Walkthrough(row: row))
        default:
            break
        }
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

    static func updateShock(_ view: inout ViewState, _ change: (inout ShockDialog) -> Void) {
        guard case .shock(var dialog) = view.overlay else { return }
        change(&dialog)
        view.overlay = .shock(dialog)
    }

    static func performShock(_ action: Action, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        guard case .shock(let dialog) = view.overlay else { return [] }
        let assets = max(1, snapshot.market.count)
        switch action {
        case .close: view.overlay = .none
        case .apply:
            guard let query = dialog.query else {
                view.status = dialog.problem
                return []
            }
            view.overlay = .none
            return [.engine(.shock(asset: query.asset, percentBps: query.percentBps, overSeconds: 0))]
        case .up: updateShock(&view) { $0.asset = ($0.asset + assets - 1) % assets }
        case .down: updateShock(&view) { $0.asset = ($0.asset + 1) % assets }
        case .erase: updateShock(&view) { $0.erase() }
        default: break
        }
        return []
    }

    static func type(_ character: Character, into view: inout ViewState) {
        view.filter.append(character)
        view.selection[Panel.liquidations.rawValue] = 0
    }

    static func cancelConfirmation(_ view: inout ViewState) {
        guard case .walkthrough(var walkthrough) = view.overlay else { return }
        walkthrough.confirming = false
        view.overlay = .walkthrough(walkthrough)
    }

    static func performWalkthrough(_ action: Action, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        guard case .walkthrough(var walkthrough) = view.overlay else { return [] }
        var effects: [Effect] = []
        switch action {
        case .confirm:
            walkthrough.confirming = false
            walkthrough.submitted = true
            var request = walkthrough.row.quote.request
            request.debtToCover = .max
            effects = [.engine(.userLiquidation(account: walkthrough.account, request: request))]
        case .stepBack: walkthrough.step = max(0, walkthrough.step - 1)
        case .stepForward: walkthrough.step = min(Walkthrough.steps - 1, walkthrough.step + 1)
        case .execute: if !walkthrough.submitted { walkthrough.confirming = true }
        // Time keeps its key in the walkthrough: you watch your transaction land.
        case .togglePause: return [.playback(snapshot.paused ? .resume : .pause)]
        case .close:
            view.overlay = .none
            return []
        default: break
        }
        view.overlay = .walkthrough(walkthrough)
        return effects
    }
}
