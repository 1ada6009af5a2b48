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
