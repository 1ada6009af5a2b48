/// A journal loaded for replay: verified as `liqtop verify` does while it loads (chains, then the re-run
/// with every block's state hash), keeping the world at checkpoints, so that any moment can be shown by
/// taking the checkpoint before it and running forward: a seek costs at most one interval of ticks.
public struct JournalReplay: Sendable {
    public let header: JournalHeader
    /// The tick of the last line: the end of the recording; and its start (0, or a branch's branch point).
    public let endTick: Int
    public let startTick: Int
    /// Ticks of the blocks, in order.
    public let blockTicks: [Int]
    /// Per line after the header: its tick, its chain, and its command if it is one.
    let entries: [(tick: Int, chain: String, command: Command?)]
    let headerChain: String
    /// Worlds at ticks 0, interval, 2 × interval, … (after the commands of that tick).
    public let checkpoints: [World]
    public let interval: Int
    /// Set when the last line was cut short (a crash while recording): the replay ends before it.
    public let cutShort: Int?

    /// At most this many checkpoints, whatever the recording's length.
    public static let maximumCheckpoints = 120
    public static let minimumInterval = 300

    public init(
        _ text: String, sources: JournalVerifier.Sources, progress: (Int) -> Void = { _ in }
    ) throws(JournalVerifier.Failure) {
        let end = Self.lastTick(text)
        let interval = max(Self.minimumInterval, (end + Self.maximumCheckpoints - 1) / Self.maximumCheckpoints)
        var checkpoints: [World] = []
        var start: Int?
        let verified = try JournalVerifier.verify(text, sources: sources, progress: progress) { world in
            // The first world seen is the start (a branch starts at its branch point), then one an interval.
            let first = start ?? world.ticks
            start = first
            if world.ticks >= first + checkpoints.count * interval { checkpoints.append(world) }
        }
        var entries: [(tick: Int, chain: String, command: Command?)] = []
        var blockTicks: [Int] = []
        let lines = text.split(separator: "\n").prefix(verified.lines)
        let headerChain = JournalChain.split(lines.first ?? "").map { String($0.chain) } ?? ""
        // Verified already: every line parses and holds.
        for line in lines.dropFirst() {
            guard let parts = JournalChain.split(line), let item = try? JSONReader.parse(line.utf8),
                case .number(let text)? = item["tick"]?.value, let tick = Int(text)
            else { continue }
            let command = item["command"].flatMap { try? CommandJSON.command($0) }
            if item["block"] != nil { blockTicks.append(tick) }
            entries.append((tick, String(parts.chain), command))
        }
        header = verified.header
        self.entries = entries
        self.blockTicks = blockTicks
        self.headerChain = headerChain
        self.checkpoints = checkpoints.isEmpty ? [verified.world] : checkpoints
        self.interval = interval
        startTick = self.checkpoints[0].ticks
        endTick = max(startTick, entries.last?.tick ?? 0)
        cutShort = verified.cutShort
    }

    /// The tick of the text's last line that has one (a cut-short line may not).
    static func lastTick(_ text: String) -> Int {
        for line in text.split(separator: "\n").reversed() {
            if let item = try? JSONReader.parse(line.utf8), case .number(let value)? = item["tick"]?.value,
                let tick = Int(value)
            {
                return tick
            }
        }
        return 0
    }

    /// An engine at `tick` (after that tick's commands): from the checkpoint before it, run forward with the
    /// view watching, so that the events panel and the price history show what led there.
    public func engine(at tick: Int) -> Engine {
        let target = max(startTick, min(tick, endTick))
        var index = min(checkpoints.count - 1, (target - startTick) / interval)
        // Some history for the view: start a checkpoint earlier when this one is only just behind.
        if index > 0, target - checkpoints[index].ticks < interval / 4 { index -= 1 }
        var engine = Engine(world: checkpoints[index])
        var next = entries.firstIndex { $0.tick > engine.world.ticks } ?? entries.count
        while engine.world.ticks < target {
            _ = try? engine.step()
            next = apply(at: engine.world.ticks, from: next, to: &engine)
        }
        return engine
    }

    /// Applies the commands recorded at `tick` (after its step), from entry `next`; the next entry after them.
    public func apply(at tick: Int, from next: Int, to engine: inout Engine) -> Int {
        var next = next
        while next < entries.count, entries[next].tick <= tick {
            if entries[next].tick == tick, let command = entries[next].command { engine.apply(command) }
            next += 1
        }
        return next
    }

    /// The first entry after `tick`.
    public func entry(after tick: Int) -> Int { entries.firstIndex { $0.tick > tick } ?? entries.count }

    /// Where a branch from `tick` hangs on the journal: the last line at or before it (1 for the header) and
    /// the chain there.
    public func branchPoint(at tick: Int) -> (line: Int, chain: String) {
        guard let index = entries.lastIndex(where: { $0.tick <= tick }) else { return (1, headerChain) }
        return (index + 2, entries[index].chain)
    }
}
