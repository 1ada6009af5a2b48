/// Reads a journal's header line back into a `JournalHeader`.
enum JournalHeaderReader {
    static func header(_ item: JSONItem, version: Int) throws(CommandJSON.Problem) -> JournalHeader {
        func text(_ key: String) throws(CommandJSON.Problem) -> String {
            guard case .string(let value)? = item[key]?.value else { throw .init(message: "\"\(key)\" is not text") }
            return value
        }
        func pairs(_ key: String) throws(CommandJSON.Problem) -> [(String, String)] {
            guard case .array(let items)? = item[key]?.value else { throw .init(message: "\"\(key)\" is not a list") }
            var pairs: [(String, String)] = []
            for entry in items {
                guard case .array(let two) = entry.value, two.count == 2, case .string(let a) = two[0].value,
                    case .string(let b) = two[1].value
                else { throw .init(message: "\"\(key)\" holds something that is not two texts") }
                pairs.append((a, b))
            }
            return pairs
        }
        guard let seed = UInt64(try text("seed")) else { throw .init(message: "\"seed\" is not a seed") }
        guard case .number(let tickText)? = item["tick_ms"]?.value, let tickMs = Int64(tickText), tickMs > 0 else {
            throw .init(message: "\"tick_ms\" is not a positive whole number")
        }
        var schedule: [ScheduledCommand] = []
        guard case .array(let scheduled)? = item["schedule"]?.value else {
            throw .init(message: "\"schedule\" is not a list")
        }
        for entry in scheduled {
            guard case .number(let atText)? = entry["at_ms"]?.value, let at = Int64(atText), at >= 0 else {
                throw .init(message: "a scheduled command has no \"at_ms\"")
            }
            schedule.append(ScheduledCommand(atMs: at, command: try CommandJSON.command(entry)))
        }
        var parent: JournalHeader.Parent?
        if let value = item["parent"], case .object = value.value {
            guard case .string(let file)? = value["file"]?.value, case .string(let chain)? = value["chain"]?.value,
                JournalChain(hex: chain) != nil, case .number(let lineText)? = value["line"]?.value,
                let line = Int(lineText), line >= 1, case .number(let tickText)? = value["tick"]?.value,
                let tick = Int(tickText), tick >= 0
            else { throw .init(message: "\"parent\" is not a file, a line, a chain and a tick") }
            parent = .init(file: file, line: line, chain: chain, tick: tick)
        }
        var header = JournalHeader(
            liqtop: try text("liqtop"), scenarioFile: try text("scenario_file"), scenarioText: try text("scenario"),
            resources: try pairs("resources").map { (path: $0.0, sha256: $0.1) },
            sets: try pairs("set").map { (key: $0.0, value: $0.1) }, seed: seed, tickMs: tickMs, schedule: schedule,
            parent: parent)
        header.version = version
        guard try text("scenario_sha256") == header.scenarioSHA256 else {
            throw .init(message: "the scenario's SHA-256 is not that of its text")
        }
        return header
    }
}

extension World {
    /// Why `command` cannot be applied to this world (an index out of range, a proposal the configurator
    /// refuses); nil when it can. A journal is input: nothing in it may crash the re-run.
    func problem(with command: Command) -> String? {
        let assets = pool.reserves.count, centers = network.dataCenters.count, nodes = network.nodes.count
        func asset(_ index: Int) -> String? { (0..<assets).contains(index) ? nil : "no asset \(index)" }
        func center(_ index: Int) -> String? { (0..<centers).contains(index) ? nil : "no data center \(index)" }
        func node(_ index: Int) -> String? { (0..<nodes).contains(index) ? nil : "no node \(index)" }
        switch command {
        case .shock(let index, let bps, let over):
            return asset(index)
                ?? (bps > -10_000 && bps <= 100_000 && over >= 0 && over <= 10_000_000 ? nil : "a shock out of range")
        case .setPrice(let index, _), .freezeOracle(let index), .unfreezeOracle(let index): return asset(index)
        case .powerLoss(let index), .powerRestore(let index), .detectIntrusion(let index): return center(index)
        case .setGenerator(let index, let delay): return center(index) ?? ((delay ?? 0) >= 0 ? nil : "a negative delay")
        case .crashNode(let index), .restartNode(let index): return node(index)
        case .degradeLink(_, _, let factor): return factor >= 1 && factor <= 1_000 ? nil : "a link factor out of range"
        case .latencySpike(_, let ms): return (0...60_000).contains(ms) ? nil : "a latency spike out of range"
        case .regionOutage, .regionRecover, .cutLink, .restoreLink, .clearLatencySpike, .setBots: return nil
        case .intrusion(let index, let target, let bps, let detect):
            return center(index) ?? target.flatMap(asset)
                ?? (bps > -10_000 && bps <= 100_000 && (detect ?? 0) >= 0 ? nil : "an intrusion out of range")
        case .propose(let proposal), .stewardUpdate(let proposal):
            return asset(proposal.asset) ?? proposal.problem(with: pool.reserves[proposal.asset].configuration)
        case .userLiquidation(let account, let request):
            guard (0..<pool.accounts.count).contains(account) else { return "no account \(account)" }
            return asset(request.collateralReserve) ?? asset(request.debtReserve)
        }
    }
}
