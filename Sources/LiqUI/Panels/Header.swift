import LiqCore

/// The header line: styled spans, each field with a long and a short form. When the line does not fit,
/// fields take their short form, least important first, then drop, so that a narrow terminal still reads
/// every field it can ("h58" rather than a "head 5" cut in the middle).
extension Chrome {
    struct Field {
        var long: String
        var short: String
        var role: ColorRole = .header
        /// Lower gives way first.
        var importance: Int
    }

    static func header(_ snapshot: Snapshot, frameMicros: Int?, into buffer: inout ScreenBuffer, width: Int) {
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", style: Style(.header, reverse: true)))
        let speed = "×\(Widgets.fixed(snapshot.speed, snapshot.speed < 1 ? 2 : 0))"
        var fields = [
            Field(long: "liqtop", short: "liqtop", importance: 1),
            Field(
                long: sanitized(snapshot.scenarioName), short: shortened(snapshot.scenarioName, limit: 12),
                importance: 9),
            Field(long: Widgets.clock(snapshot.timeMs), short: Widgets.clock(snapshot.timeMs), importance: 10),
            Field(
                long: (snapshot.paused ? "PAUSED " : "running ") + speed,
                short: (snapshot.paused ? "PAUSED " : "") + speed,
                role: snapshot.paused ? .warn : .header, importance: 10),
        ]
        if snapshot.sequencerDown {
            fields.insert(Field(long: "SEQUENCER DOWN", short: "SEQ DOWN", role: .critical, importance: 10), at: 2)
        } else if let left = snapshot.graceLeftSeconds {
            let text = "GRACE \(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60)"
            fields.insert(Field(long: text, short: text, role: .warn, importance: 10), at: 2)
        }
        if let site = snapshot.intrusions.first {
            let more = snapshot.intrusions.count > 1 ? " +\(snapshot.intrusions.count - 1)" : ""
            fields.insert(
                Field(long: "INTRUSION \(sanitized(site))\(more)", short: "INTRUSION", role: .critical, importance: 10),
                at: 2)
        }
        if let proposal = snapshot.proposals.first {
            // The first open proposal: its state and the time to its next step (the vote, the end of the vote,
            // the end of the timelock).
            let left = proposal.nextChangeMs.map { " " + Widgets.clock(max(0, $0 - snapshot.timeMs)) } ?? ""
            let more = snapshot.proposals.count > 1 ? " +\(snapshot.proposals.count - 1)" : ""
            fields.append(
                Field(
                    long: "proposal #\(proposal.id) \(proposal.state.rawValue)\(left)\(more)",
                    short: "#\(proposal.id) \(proposal.state.rawValue)", role: .accent, importance: 5))
        }
        if let replay = snapshot.replay {
            let now = Widgets.clock(Int64(replay.tick) * snapshot.tickMs)
            if let at = replay.branchedAt {
                let from = Widgets.clock(Int64(at) * snapshot.tickMs)
                fields.insert(Field(long: "BRANCH from \(from)", short: "BRANCH", role: .warn, importance: 10), at: 1)
            } else {
                let end = Widgets.clock(Int64(replay.endTick) * snapshot.tickMs)
                let atEnd = replay.tick >= replay.endTick ? " END" : ""
                // The replay's time replaces the clock.
                fields.removeAll { $0.long == Widgets.clock(snapshot.timeMs) }
                fields.insert(
                    Field(
                        long: "REPLAY \(now) / \(end)\(atEnd)", short: "REPLAY \(now)\(atEnd)", role: .accent,
                        importance: 10), at: 1)
            }
        }
        switch snapshot.recording {
        case .on: fields.insert(Field(long: "● REC", short: "●REC", role: .critical, importance: 9), at: 1)
        case .paused: fields.insert(Field(long: "REC paused", short: "REC ‖", role: .warn, importance: 9), at: 1)
        case .failed: fields.insert(Field(long: "REC FAILED", short: "REC ✗", role: .critical, importance: 10), at: 1)
        case nil: break
        }
        if let export = snapshot.marketExport {
            fields.insert(Field(long: sanitized(export), short: "", importance: 3), at: 2)
        }
        if !snapshot.paused, let text = behind(snapshot) {
            fields.append(
                Field(
                    long: text, short: "behind ×" + text.split(separator: "×").last.map(String.init)!, role: .alert,
                    importance: 8))
        }
        fields += [
            Field(long: "head \(snapshot.headHeight)", short: "h\(snapshot.headHeight)", importance: 7),
            Field(long: "final \(snapshot.finalizedHeight)", short: "f\(snapshot.finalizedHeight)", importance: 6),
        ]
        if snapshot.finalityStalledEpochs > 0 {
            fields.append(
                Field(
                    long: "finality stalled for \(snapshot.finalityStalledEpochs) epoch"
                        + (snapshot.finalityStalledEpochs == 1 ? "" : "s"),
                    short: "stalled \(snapshot.finalityStalledEpochs) ep", role: .critical, importance: 8))
        }
        fields += [
            Field(
                long: "bots \(snapshot.botsEnabled ? "on" : "off")",
                short: "bots \(snapshot.botsEnabled ? "on" : "off")", importance: 5),
            Field(long: "base fee \(snapshot.baseFeeGwei) gwei", short: "\(snapshot.baseFeeGwei) gwei", importance: 4),
        ]
        if let frameMicros {
            let ms = Widgets.fixed(Double(frameMicros) / 1_000, 1)
            fields.append(Field(long: "frame \(ms) ms", short: "\(ms) ms", importance: 2))
        }
        var spans = fit(fields, width: width)
        spans.insert((" ", Style(.header, bold: true, reverse: true)), at: 0)
        buffer.put(spans, x: 0, y: 0)
    }

    /// The spans of the fields that fit in `width`, joined by " · ".
    static func fit(_ fields: [Field], width: Int) -> [(String, Style)] {
        var shortened = Set<Int>(), dropped = Set<Int>()
        func text(_ index: Int) -> String { shortened.contains(index) ? fields[index].short : fields[index].long }
        func length() -> Int {
            let kept = fields.indices.filter { !dropped.contains($0) }
            return 1 + kept.reduce(0) { $0 + displayWidth(text($1)) } + max(0, kept.count - 1) * 3
        }
        let order = fields.indices.sorted { (fields[$0].importance, -$0) < (fields[$1].importance, -$1) }
        // A field without a short form goes rather than shortens.
        for index in order where length() > width {
            if fields[index].short.isEmpty { dropped.insert(index) } else { shortened.insert(index) }
        }
        for index in order where length() > width { dropped.insert(index) }
        var spans: [(String, Style)] = []
        for index in fields.indices where !dropped.contains(index) {
            if !spans.isEmpty { spans.append((" · ", Style(.header, bold: true, reverse: true))) }
            spans.append((text(index), Style(fields[index].role, bold: true, reverse: true)))
        }
        return spans
    }
}
