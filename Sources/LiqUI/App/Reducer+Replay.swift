import LiqCore

/// A recording (`liqtop replay`): moving through it, going to a moment, and branching from it.
extension Reducer {
    static func performReplay(_ action: Action, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        let move: ReplayMove
        switch action {
        case .blockForward: move = .blockForward
        case .blockBack: move = .blockBack
        case .minuteForward: move = .minuteForward
        case .minuteBack: move = .minuteBack
        case .recordingStart: move = .start
        case .recordingEnd: move = .end
        case .goTo:
            view.overlay = .goTo("")
            return []
        case .branch:
            view.replaying = false
            let at = snapshot.replay.map { Widgets.clock(Int64($0.tick) * snapshot.tickMs) } ?? ""
            view.status = "branched at \(at): the world is live, and your commands change it"
            return [.replay(.branch), .playback(.pause)]
        default: return performMain(action, &view, snapshot: snapshot)
        }
        return [.replay(move)]
    }

    static func performGoTo(_ action: Action, _ view: inout ViewState, snapshot: Snapshot) -> [Effect] {
        guard case .goTo(let text) = view.overlay else { return [] }
        switch action {
        case .erase: view.overlay = .goTo(String(text.dropLast()))
        case .close: view.overlay = .none
        case .apply:
            guard let seconds = seconds(text) else {
                view.status = "\"\(text)\" is not a moment: type hh:mm:ss, mm:ss or seconds"
                return []
            }
            view.overlay = .none
            let tick = Int(Int64(seconds) * 1_000 / max(1, snapshot.tickMs))
            let end = snapshot.replay?.endTick ?? tick
            view.status =
                tick > end
                ? "the recording ends at \(Widgets.clock(Int64(end) * snapshot.tickMs)): shown at its end"
                : "at \(Widgets.clock(Int64(tick) * snapshot.tickMs))"
            return [.replay(.to(tick: tick))]
        default: break
        }
        return []
    }

    /// "1:02:03", "62:03" or "3723" as seconds; nil when it is none of them.
    static func seconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 }) else { return nil }
        var total = 0
        for (index, part) in parts.enumerated() {
            guard let value = Int(part) else { return nil }
            if index > 0, value >= 60 { return nil }
            total = total * 60 + value
        }
        return total
    }
}
