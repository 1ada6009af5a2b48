import Crypto

/// A journal's first line: what it is, which liqtop wrote it, and everything the world was built from
/// (the scenario's whole text, the `--set` values, the seed, the commands scheduled before the start), so
/// that `liqtop verify` can rebuild the world without the files it came from.
public struct JournalHeader: Sendable, Equatable {
    public static let format = "liqtop-journal"
    /// The format's version: 1 (docs/interfaces.md, "Journals").
    public static let version = 1

    public var version = Self.version
    /// The liqtop that wrote it.
    public var liqtop: String
    /// Where the scenario came from: a path, or `builtin:NAME`.
    public var scenarioFile: String
    public var scenarioText: String
    /// The files a `[market_data]` scenario read, by the path it read them at, with their SHA-256.
    public var resources: [(path: String, sha256: String)]
    public var sets: [(key: String, value: String)]
    public var seed: UInt64
    public var tickMs: Int64
    /// Commands scheduled before the start (`sim --shock`, `--outage`).
    public var schedule: [ScheduledCommand]
    /// A branch's parent: its file name, the line it branched after, and the chain there.
    public var parent: Parent?

    public struct Parent: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var chain: String
        /// The tick of the parent at the branch point; the branch starts there.
        public var tick: Int
        public init(file: String, line: Int, chain: String, tick: Int) {
            self.file = file
            self.line = line
            self.chain = chain
            self.tick = tick
        }
    }

    public init(
        liqtop: String, scenarioFile: String, scenarioText: String, resources: [(path: String, sha256: String)] = [],
        sets: [(key: String, value: String)] = [], seed: UInt64, tickMs: Int64, schedule: [ScheduledCommand] = [],
        parent: Parent? = nil
    ) {
        self.liqtop = liqtop
        self.scenarioFile = scenarioFile
        self.scenarioText = scenarioText
        self.resources = resources
        self.sets = sets
        self.seed = seed
        self.tickMs = tickMs
        self.schedule = schedule
        self.parent = parent
    }

    public static func == (a: JournalHeader, b: JournalHeader) -> Bool {
        a.members == b.members
    }

    /// The SHA-256 of the scenario's text.
    public var scenarioSHA256: String { hexadecimal(SHA256Digest.of(Array(scenarioText.utf8))) }

    var members: String {
        let string = JournalText.string
        let resources = self.resources.map { "[\(string($0.path)), \(string($0.sha256))]" }.joined(separator: ", ")
        let sets = self.sets.map { "[\(string($0.key)), \(string($0.value))]" }.joined(separator: ", ")
        let schedule = self.schedule.map { "{\"at_ms\": \($0.atMs), \(CommandJSON.members($0.command))}" }
            .joined(separator: ", ")
        let parent =
            self.parent.map {
                "{\"file\": \(string($0.file)), \"line\": \($0.line), \"chain\": \(string($0.chain)), \"tick\": \($0.tick)}"
            } ?? "null"
        return JournalText.members([
            ("journal", string(Self.format)), ("version", "\(version)"), ("liqtop", string(liqtop)),
            ("scenario_file", string(scenarioFile)), ("scenario_sha256", string(scenarioSHA256)),
            ("seed", "\"\(seed)\""), ("tick_ms", "\(tickMs)"), ("set", "[\(sets)]"), ("schedule", "[\(schedule)]"),
            ("resources", "[\(resources)]"), ("parent", parent), ("scenario", string(scenarioText)),
        ])
    }
}

enum SHA256Digest {
    static func of(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
}

/// The SHA-256 of a text's UTF-8 bytes, in hex (a journal names the files its scenario read by it).
public func sha256Hex(_ text: String) -> String { hexadecimal(SHA256Digest.of(Array(text.utf8))) }
