import LiqCore

/// The two dialogs that edit a value before it goes to the engine: the price shock and the governance
/// proposal.
extension Reducer {
    static func updateShock(_ view: inout ViewState, _ change: (inout ShockDialog) -> Void) {
        guard case .shock(var dialog) = view.overlay else { return }
        change(&dialog)
        view.overlay = .shock(dialog)
    }

    static func performShock(_ action: Action, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        guard case .shock(let dialog) = view.overlay else { return [] }
        let assets = max(1, snapshot.market.count)
        switch action {
        case .help: openHelp(over: view.overlay, mode: .shock, &view)
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
        // Time keeps its key in the dialog (a space is no part of a percentage).
        case .togglePause: return [.playback(snapshot.paused ? .resume : .pause)]
        default: break
        }
        return []
    }

    static func updateProposal(_ view: inout ViewState, _ change: (inout ProposalForm) -> Void) {
        guard case .proposal(var form) = view.overlay else { return }
        change(&form)
        view.overlay = .proposal(form)
    }

    static func performProposal(_ action: Action, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        guard case .proposal(let form) = view.overlay else { return [] }
        let fields = RiskParameter.allCases.count, assets = max(1, snapshot.market.count)
        func switchAsset(by step: Int) {
            let asset = (form.asset + step + assets) % assets
            let current = asset < snapshot.market.count ? snapshot.market[asset].riskParameters : []
            view.overlay = .proposal(ProposalForm(asset: asset, current: current))
        }
        switch action {
        case .help: openHelp(over: view.overlay, mode: .proposal, &view)
        case .close: view.overlay = .none
        case .apply:
            if let problem = form.problem {
                view.status = problem
                return []
            }
            guard let proposal = form.proposal else { return [] }
            // The PoolConfigurator's checks on today's parameters, whether or not the preview has caught up.
            if let problem = proposal.problem(with: form.configuration) {
                view.status = "refused: " + problem
                return []
            }
            view.overlay = .none
            view.status = "proposed: it takes effect after the vote and the timelock (events say when)"
            return [.engine(.propose(proposal))]
        case .stewardUpdate:
            if let problem = form.problem {
                view.status = problem
                return []
            }
            guard let proposal = form.proposal else { return [] }
            if let problem = RiskSteward.boundsProblem(proposal, configuration: form.configuration)
                ?? proposal.problem(with: form.configuration)
            {
                view.status = "refused: " + problem
                return []
            }
            view.overlay = .none
            view.status = "the risk steward's update executes in the next block (events say so)"
            return [.engine(.stewardUpdate(proposal))]
        case .up: updateProposal(&view) { $0.field = ($0.field + fields - 1) % fields }
        case .down: updateProposal(&view) { $0.field = ($0.field + 1) % fields }
        case .previousAsset: switchAsset(by: -1)
        case .nextAsset: switchAsset(by: 1)
        case .erase: updateProposal(&view) { $0.erase() }
        default: break
        }
        return []
    }
}
