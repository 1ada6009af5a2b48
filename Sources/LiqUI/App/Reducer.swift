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
                if case .char(let c) = key {
                    if c.isNumber || c == "-" || c == "." || c == "+" {
                        updateShock(&view) { $0.type(c) }
                    } else {
                        view.status = "a percentage is digits, '.', '-' and '+' (\"\(c)\" is not)"
                    }
                }
            case .proposal:
                if case .char(let c) = key {
                    if c.isNumber || c == "." {
                        updateProposal(&view) { $0.type(c) }
                    } else {
                        view.status = "a percentage is digits and '.' (\"\(c)\" is not)"
                    }
                }
            case .goTo:
                if case .char(let c) = key, case .goTo(let text) = view.overlay {
                    if c.isNumber || c == ":" {
                        if text.count < 12 { view.overlay = .goTo(text + String(c)) }
                    } else {
                        view.status = "a moment is digits and ':' (\"\(c)\" is not)"
                    }
                }
            case .filter: if case .char(let c) = key, !c.isNewline { type(c, into: &view) }
            case .confirm: cancelConfirmation(&view)
            case .main:
                // A key of another panel says where it works, rather than nothing.
                if let elsewhere = KeyMap.main.first(where: { $0.keys.contains(key) && $0.panel != nil }),
                    let panel = elsewhere.panel
                {
                    view.status = "\(elsewhere.label): in \(panel.title) (tab to it), \(elsewhere.help)"
                }
            default: break
            }
        }
        // A recording plays as it was: nothing the keys ask may change its world until it branches.
        if state.replaying, view.replaying, effects.contains(where: { if case .engine = $0 { true } else { false } }) {
            effects.removeAll { if case .engine = $0 { true } else { false } }
            view.status = "a recording plays as it was: b branches from here, and then your commands change it"
        }
        let asked = request(view)
        if asked != request(state) { effects.append(.request(asked)) }
        return (view, effects)
    }

    /// The snapshot the view needs: the curve of the asset selected in Market, the open region's nodes, the
    /// pending liquidations around the cursor, and the shock the dialog is about to apply.
    public static func request(_ view: ViewState) -> SnapshotRequest {
        var shock: ShockQuery?
        var proposal: Proposal?
        if case .shock(let dialog) = view.overlay { shock = dialog.query }
        if case .proposal(let form) = view.overlay { proposal = form.proposal }
        return SnapshotRequest(
            curveAsset: view.selected(.market), nodeRegion: view.expandedRegion, pending: pendingQuery(view),
            shock: shock, proposal: proposal)
    }

    static func perform(_ action: Action, mode: Mode, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        switch mode {
        case .main: return performMain(action, &view, snapshot: snapshot)
        case .help:
            let last = max(0, Chrome.helpLines().count - view.helpRows)
            switch action {
            case .down: view.helpScroll = min(last, view.helpScroll + 1)
            case .up: view.helpScroll = max(0, view.helpScroll - 1)
            case .pageDown: view.helpScroll = min(last, view.helpScroll + max(1, view.helpRows - 1))
            case .pageUp: view.helpScroll = max(0, view.helpScroll - max(1, view.helpRows - 1))
            case .first: view.helpScroll = 0
            case .last: view.helpScroll = last
            default:
                view.overlay = view.underHelp
                view.underHelp = .none
            }
        case .shock: return performShock(action, &view, snapshot: snapshot)
        case .proposal: return performProposal(action, &view, snapshot: snapshot)
        case .walkthrough, .confirm: return performWalkthrough(action, &view, snapshot: snapshot)
        case .risk: return performRisk(action, &view, snapshot: snapshot)
        case .replay: return performReplay(action, &view, snapshot: snapshot)
        case .goTo: return performGoTo(action, &view, snapshot: snapshot)
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
        case .riskView:
            view.overlay = .risk(RiskOverlay())
            return snapshot.risk == nil ? [.risk(.start)] : []
        case .backToLive:
            guard snapshot.risk?.watching != nil else {
                view.status = "l goes back to the live world after watching a risk path (r)"
                break
            }
            view.status = "back on the live world"
            return [.risk(.live)]
        case .shockDialog: view.overlay = .shock(ShockDialog(asset: min(market, max(0, snapshot.market.count - 1))))
        case .proposalForm:
            guard market < snapshot.market.count else { break }
            view.overlay = .proposal(ProposalForm(asset: market, current: snapshot.market[market].riskParameters))
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
        case .toggleIntrusion:
            guard let node = selectedNode(view, snapshot) else {
                view.status = "press enter on a region to pick a node: i hits its data center"
                break
            }
            return [
                .engine(
                    node.compromised
                        ? .detectIntrusion(dataCenter: node.dataCenterIndex)
                        : .intrusion(
                            dataCenter: node.dataCenterIndex, asset: nil, offsetBps: Self.intrusionOffsetBps,
                            detectAfterSeconds: Self.intrusionDetectSeconds))
            ]
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

    /// An intrusion started from the keyboard: its reporters post 30 % below the market, and it is detected
    /// after 15 minutes unless `i` is pressed again first.
    static let intrusionOffsetBps = -3_000
    static let intrusionDetectSeconds = 900

    /// Simulated seconds per real second, stepped through by + and -.
    public static let speedLadder: [Double] = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000]

    /// The help over an overlay, opened at the section of the mode underneath; closing it comes back.
    static func openHelp(over overlay: Overlay, mode: Mode, _ view: inout ViewState) {
        view.underHelp = overlay
        view.overlay = .help
        let heading = Chrome.helpLines().firstIndex { $0.heading && $0.key == mode.title.uppercased() } ?? 0
        view.helpScroll = min(heading, max(0, Chrome.helpLines().count - view.helpRows))
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
        case .help:
            openHelp(over: view.overlay, mode: .walkthrough, &view)
            return []
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
