/// Checks a journal line by line: its chain, then its meaning, by rebuilding the world from the header and
/// re-running it: every command applied at its tick, every block made where the journal says, with the
/// state hash it says. The first line that does not hold is the answer.
public struct JournalVerifier {
    public struct Failure: Error, Sendable, Equatable {
        /// The line (1-based) and what is wrong there, e.g. "block 12: state 3f… where the journal has 9a…".
        public var line: Int
        public var message: String
    }

    public struct Verified: Sendable {
        public var blocks = 0
        public var commands = 0
        /// The last complete line's chain.
        public var head = ""
        public var lines = 0
        /// The world after the last verified line.
        public var world: World
        public var header: JournalHeader
        /// Set when the last line is cut short (a crash while recording): it is not counted.
        public var cutShort: Int?
        /// The journal ends with its end line: the recording stopped in order, and nothing was cut off.
        public var ended = false
    }

    /// What the verifier needs from outside: the scenario of a header (the caller reads any market files
    /// and checks their hashes), and for a branch, its parent verified up to the branch point.
    public struct Sources: Sendable {
        public var scenario: @Sendable (JournalHeader) throws -> Scenario
        public var parent: @Sendable (JournalHeader.Parent) throws -> (world: World, chain: String)
        public init(
            scenario: @escaping @Sendable (JournalHeader) throws -> Scenario,
            parent: @escaping @Sendable (JournalHeader.Parent) throws -> (world: World, chain: String)
        ) {
            self.scenario = scenario
            self.parent = parent
        }
    }

    /// At most this many ticks are re-run (over three years of 1 s ticks, as `sim` allows).
    public static let maximumTicks = 100_000_000

    /// Verifies `text` (the whole journal), up to and including line `through` when given, and then (for a
    /// branch point) runs the world on to `tick`, which may make no block the journal has not listed.
    /// `checkpoint` sees the world at every tick, after that tick's commands (a replay keeps some).
    public static func verify(
        _ text: String, sources: Sources, through last: Int? = nil, tick: Int? = nil,
        progress: (Int) -> Void = { _ in }, checkpoint: ((World) -> Void)? = nil
    ) throws(Failure) -> Verified {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var cutShort: Int?
        if lines.last == "" {
            lines.removeLast()
        } else if !lines.isEmpty {
            // No newline after the last line: written in part when the recorder stopped, unless it is whole.
            let index = lines.count
            if JournalChain.split(lines[index - 1]) == nil || (try? JSONReader.parse(lines[index - 1].utf8)) == nil {
                // Only the start of a journal line can be one cut short; anything else was added.
                guard index > 1, lines[index - 1].hasPrefix("{\"tick\": ") || "{\"tick\": ".hasPrefix(lines[index - 1])
                else {
                    throw Failure(line: index, message: "not a journal line (added after the journal's last line?)")
                }
                cutShort = index
                lines.removeLast()
            }
        }
        guard let first = lines.first else { throw Failure(line: 1, message: "empty: not a liqtop journal") }
        let header = try readHeader(first)
        if let last, lines.count > last { lines.removeLast(lines.count - last) }
        // Every line's chain first (hashing only): a changed byte is found before any world is built.
        var chain = header.parent.flatMap { JournalChain(hex: $0.chain) } ?? JournalChain()
        for (offset, line) in lines.enumerated() { chain = try link(line, previous: chain, line: offset + 1) }
        let world: World
        if let parent = header.parent {
            let branchPoint: (world: World, chain: String)
            do { branchPoint = try sources.parent(parent) } catch {
                throw Failure(line: 1, message: "its parent does not verify: \(error)")
            }
            guard branchPoint.chain == parent.chain else {
                throw Failure(
                    line: 1,
                    message: "the parent's chain at its line \(parent.line) is \(branchPoint.chain.prefix(12))…, "
                        + "the branch says \(parent.chain.prefix(12))…")
            }
            world = branchPoint.world
        } else {
            do {
                world = try World(scenario: sources.scenario(header), seed: header.seed, extraEvents: header.schedule)
            } catch let failure as Failure { throw failure } catch {
                throw Failure(line: 1, message: "the scenario does not load: \(error)")
            }
            // The scheduled commands are input like any line: nothing in them may crash the run.
            for scheduled in header.schedule {
                if let problem = world.problem(with: scheduled.command) {
                    throw Failure(line: 1, message: "a scheduled command at \(scheduled.atMs) ms: \(problem)")
                }
            }
            guard world.settings.tickMs == header.tickMs else {
                throw Failure(
                    line: 1, message: "tick_ms \(header.tickMs), but the scenario's is \(world.settings.tickMs)")
            }
        }
        var run = Run(world: world, checkpoint: checkpoint)
        var verified = Verified(world: world, header: header, cutShort: cutShort)
        chain = header.parent.flatMap { JournalChain(hex: $0.chain) } ?? JournalChain()
        chain = try link(first, previous: chain, line: 1)
        verified.head = chain.hex
        verified.lines = 1
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            chain = try link(line, previous: chain, line: number)
            let item: JSONItem
            do { item = try JSONReader.parse(line.utf8) } catch {
                throw Failure(line: number, message: "not JSON: \(error.message)")
            }
            try run.check(item, line: number, into: &verified)
            verified.head = chain.hex
            verified.lines = number
            progress(run.world.ticks)
        }
        if let tick, let last {
            try run.advance(to: tick, line: last, what: "the branch point at tick \(tick)")
            if let block = run.unmatched.first {
                throw Failure(
                    line: last,
                    message: "the branch point at tick \(tick) is after block \(block.height), not listed there")
            }
        }
        checkpoint?(run.world)
        verified.world = run.world
        return verified
    }

    /// The header: a liqtop journal of a version this liqtop reads.
    static func readHeader(_ line: Substring) throws(Failure) -> JournalHeader {
        let item: JSONItem
        do { item = try JSONReader.parse(line.utf8) } catch {
            throw Failure(line: 1, message: "not a liqtop journal (the first line is not JSON: \(error.message))")
        }
        guard case .string(JournalHeader.format)? = item["journal"]?.value else {
            throw Failure(line: 1, message: "not a liqtop journal (no \"journal\": \"\(JournalHeader.format)\")")
        }
        let made = { if case .string(let text)? = item["liqtop"]?.value { return text } else { return "?" } }()
        guard case .number(let versionText)? = item["version"]?.value, let version = Int(versionText) else {
            throw Failure(line: 1, message: "header: no format version")
        }
        guard version <= JournalHeader.version else {
            throw Failure(
                line: 1,
                message: "written by liqtop \(made) in journal format \(version); this liqtop reads format "
                    + "\(JournalHeader.version) and older: verify it with liqtop \(made)")
        }
        do {
            return try JournalHeaderReader.header(item, version: version)
        } catch {
            throw Failure(line: 1, message: "header: \(error.message)")
        }
    }

    /// Checks `line`'s chain against `previous`; the chain after it.
    static func link(_ line: Substring, previous: JournalChain, line number: Int) throws(Failure) -> JournalChain {
        guard let parts = JournalChain.split(line) else {
            throw Failure(line: number, message: "no chain at the end of the line: not a journal line")
        }
        let expected = JournalChain.link(previous.head, members: String(parts.members))
        guard hexadecimal(expected) == parts.chain else {
            throw Failure(
                line: number,
                message: "the chain does not hold: this line, or one before it, was changed, removed or reordered")
        }
        return JournalChain(head: expected)
    }

    /// The world being re-run, and the blocks it made that no line has matched yet.
    struct Run {
        var world: World
        var unmatched: [(height: Int, slot: Int, tick: Int)] = []
        var checkpoint: ((World) -> Void)?

        mutating func advance(to tick: Int, line: Int, what: String) throws(Failure) {
            guard tick >= world.ticks else {
                throw Failure(
                    line: line, message: "\(what): tick \(tick) comes before tick \(world.ticks) of the line before it")
            }
            guard tick <= JournalVerifier.maximumTicks else {
                throw Failure(line: line, message: "\(what): tick \(tick) is past \(JournalVerifier.maximumTicks)")
            }
            while world.ticks < tick {
                checkpoint?(world)
                let height = world.chain.height
                do { _ = try world.step() } catch {
                    throw Failure(line: line, message: "\(what): the world stopped at tick \(world.ticks): \(error)")
                }
                if world.chain.height > height, let block = world.chain.recentBlocks.last {
                    unmatched.append((block.height, block.slot, world.ticks))
                }
            }
        }

        mutating func check(_ item: JSONItem, line: Int, into verified: inout Verified) throws(Failure) {
            guard case .number(let tickText)? = item["tick"]?.value, let tick = Int(tickText) else {
                throw Failure(line: line, message: "no tick")
            }
            guard !verified.ended else { throw Failure(line: line, message: "a line after the end line") }
            if case .bool(true)? = item["end"]?.value {
                try advance(to: tick, line: line, what: "the end")
                if let missing = unmatched.first {
                    throw Failure(
                        line: line,
                        message: "block \(missing.height) is missing: the world made it at tick \(missing.tick)")
                }
                guard case .number(let blocks)? = item["blocks"]?.value, Int(blocks) == verified.blocks,
                    case .number(let commands)? = item["commands"]?.value, Int(commands) == verified.commands
                else {
                    throw Failure(
                        line: line,
                        message: "the end line's counts are not the journal's (\(verified.blocks) blocks, "
                            + "\(verified.commands) commands)")
                }
                verified.ended = true
                return
            }
            if let command = item["command"] {
                try advance(to: tick, line: line, what: "command at tick \(tick)")
                if let missing = unmatched.first {
                    throw Failure(
                        line: line,
                        message: "block \(missing.height) is missing: the world made it at tick \(missing.tick)")
                }
                let decoded: Command
                do { decoded = try CommandJSON.command(command) } catch {
                    throw Failure(line: line, message: "command at tick \(tick): \(error.message)")
                }
                if let problem = world.problem(with: decoded) {
                    throw Failure(line: line, message: "command at tick \(tick): \(problem)")
                }
                _ = world.apply(decoded)
                verified.commands += 1
                return
            }
            guard case .number(let heightText)? = item["block"]?.value, let height = Int(heightText),
                case .number(let slotText)? = item["slot"]?.value, let slot = Int(slotText),
                case .string(let state)? = item["state"]?.value
            else { throw Failure(line: line, message: "neither a command nor a block") }
            try advance(to: tick, line: line, what: "block \(height)")
            guard let made = unmatched.first else {
                throw Failure(line: line, message: "block \(height): the world made no block by tick \(tick)")
            }
            guard made.height == height, made.slot == slot, made.tick == tick else {
                throw Failure(
                    line: line,
                    message: "block \(height): the world made block \(made.height) in slot \(made.slot) at tick "
                        + "\(made.tick), the journal says block \(height) in slot \(slot) at tick \(tick)")
            }
            unmatched.removeFirst()
            let hash = world.stateHash
            guard hash == state else {
                throw Failure(
                    line: line,
                    message: "block \(height): the state is \(hash.prefix(16))…, the journal says \(state.prefix(16))…")
            }
            verified.blocks += 1
        }
    }
}
