import Testing

@testable import LiqCore

/// Journals: what `--record` writes, and what `liqtop verify` finds in them.
@Suite struct JournalTests {
    static let sets: [(key: String, value: String)] = [("borrowers.count", "40"), ("network.nodes", "8")]

    static let sources = JournalVerifier.Sources(
        scenario: { header in
            try ScenarioLoader.load(
                text: header.scenarioText, file: header.scenarioFile,
                overrides: try header.sets.map { try ConfigOverride(key: $0.key, value: $0.value) })
        },
        parent: { _ in throw ConfigError(file: "x", line: nil, key: "parent", message: "no parent here") })

    /// A small recorded run: `ticks` ticks of `default` (40 borrowers, 8 nodes), with `commands` applied
    /// after the ticks given.
    static func journal(
        ticks: Int = 40, commands: [(tick: Int, command: Command)] = [], seed: UInt64 = 3, finished: Bool = false
    ) throws -> (text: String, world: World) {
        let text = try #require(BuiltInScenarios.named("default")).toml
        let overrides = try sets.map { try ConfigOverride(key: $0.key, value: $0.value) }
        var world = try World(
            scenario: ScenarioLoader.load(text: text, file: "builtin:default", overrides: overrides), seed: seed)
        let header = JournalHeader(
            liqtop: "test", scenarioFile: "builtin:default", scenarioText: text, sets: sets, seed: seed,
            tickMs: world.settings.tickMs)
        var (line, recorder) = JournalRecorder.start(header, world: world)
        var lines = [line]
        for tick in 0...ticks {
            for entry in commands where entry.tick == tick {
                _ = world.apply(entry.command)
                lines.append(recorder.command(entry.command, world: world))
            }
            guard tick < ticks else { break }
            _ = try world.step()
            if let block = recorder.step(world) { lines.append(block) }
        }
        if finished { lines.append(recorder.finish(world)) }
        return (lines.map { $0 + "\n" }.joined(), world)
    }

    static let commands: [(tick: Int, command: Command)] = [
        (5, .shock(asset: 0, percentBps: -2_500, overSeconds: 0)), (5, .crashNode(2)),
        (20, .setBots(enabled: false)), (26, .freezeOracle(asset: 1)),
    ]

    @Test func aRecordedRunVerifiesAndEndsInTheSameState() throws {
        let (text, world) = try Self.journal(commands: Self.commands)
        let verified = try JournalVerifier.verify(text, sources: Self.sources)
        #expect(verified.blocks == world.chain.blocksProduced && verified.blocks == 3)
        #expect(verified.commands == 4 && verified.cutShort == nil)
        // The re-run stops at the last line (tick 36, block 3); the recording ran on to tick 40.
        var rerun = verified.world
        for _ in rerun.ticks..<world.ticks { _ = try rerun.step() }
        #expect(rerun.stateHash == world.stateHash)
    }

    /// Every command round-trips through its JSON.
    @Test func everyCommandRoundTrips() throws {
        let all: [Command] = [
            .shock(asset: 1, percentBps: -3_500, overSeconds: 60), .setPrice(asset: 2, price: 3_481_414_000_000),
            .regionOutage(.eu), .regionRecover(.eu), .powerLoss(dataCenter: 3), .powerRestore(dataCenter: 3),
            .setGenerator(dataCenter: 1, delayMs: 10_000), .setGenerator(dataCenter: 1, delayMs: nil), .crashNode(7),
            .restartNode(7), .degradeLink(.eu, .na, factor: 3.25), .cutLink(.ap, .jp), .restoreLink(.ap, .jp),
            .latencySpike(.sa, ms: 500), .clearLatencySpike(.sa), .freezeOracle(asset: 0), .unfreezeOracle(asset: 0),
            .setBots(enabled: false),
            .userLiquidation(
                account: 12, request: LiquidationRequest(collateralReserve: 0, debtReserve: 3, debtToCover: .max)),
            .intrusion(dataCenter: 2, asset: nil, offsetBps: -3_000, detectAfterSeconds: 900),
            .intrusion(dataCenter: 2, asset: 1, offsetBps: 500, detectAfterSeconds: nil),
            .detectIntrusion(dataCenter: 2),
            .propose(Proposal(asset: 0, changes: [.liquidationThresholdBps: 7_500, .paused: 1])),
            .stewardUpdate(Proposal(asset: 1, changes: [.ltvBps: 7_825])),
        ]
        for command in all {
            let item = try JSONReader.parse(Substring("{" + CommandJSON.members(command) + "}").utf8)
            #expect(try CommandJSON.command(item) == command, "\(command)")
        }
    }

    /// Flip each byte of a small journal in turn: every change is found. The only one that verifies is
    /// the final newline's: the last line is then taken as cut short, and the lines before it verify.
    @Test func everyFlippedByteIsFound() throws {
        let (text, _) = try Self.journal(ticks: 26, commands: [(5, .crashNode(2))])
        let bytes = Array(text.utf8)
        let lineCount = text.split(separator: "\n").count
        var verifiedFlips: [Int] = []
        for index in bytes.indices {
            var flipped = bytes
            flipped[index] ^= 0x01
            if let verified = try? JournalVerifier.verify(
                String(decoding: flipped, as: UTF8.self), sources: Self.sources)
            {
                verifiedFlips.append(index)
                #expect(verified.cutShort == lineCount && verified.lines == lineCount - 1)
            }
        }
        #expect(verifiedFlips == [bytes.count - 1])
    }

    /// Cut the journal short at any byte: never a crash; whole lines verify, a partial last one is a warning.
    @Test func truncationIsNeverACrash() throws {
        let (text, _) = try Self.journal(ticks: 26, commands: [(5, .crashNode(2))])
        let bytes = Array(text.utf8)
        let headerEnd = try #require(bytes.firstIndex(of: 0x0A))
        // Every byte after the header, and every 37th of the header.
        let cuts = Array(stride(from: 0, to: headerEnd, by: 37)) + Array(headerEnd..<bytes.count)
        for cut in cuts {
            let prefix = String(decoding: bytes[..<cut], as: UTF8.self)
            let complete = prefix.filter { $0 == "\n" }.count
            // Cut just before a newline: the last line is whole, only its newline is missing, and it counts.
            let whole = cut > 0 && bytes[cut - 1] != 0x0A && bytes[cut] == 0x0A
            do {
                let verified = try JournalVerifier.verify(prefix, sources: Self.sources)
                #expect(verified.lines == complete + (whole ? 1 : 0), "cut at \(cut)")
                #expect((verified.cutShort != nil) == (cut > 0 && bytes[cut - 1] != 0x0A && !whole), "cut at \(cut)")
            } catch {
                // Only a journal without its whole header fails.
                #expect(complete == 0, "cut at \(cut): \(error.message)")
            }
        }
    }

    /// A forger who re-seals the chain after an edit is caught by the re-run, at the next block.
    @Test func aResealedForgeryIsCaughtByTheRerun() throws {
        let (text, _) = try Self.journal(commands: Self.commands)
        var lines = text.split(separator: "\n").map(String.init)
        func resealed(_ lines: [String]) -> String {
            var chain = JournalChain()
            return lines.map { chain.seal(String(JournalChain.split(Substring($0))!.members)) + "\n" }.joined()
        }
        func failure(_ lines: [String]) -> JournalVerifier.Failure? {
            do {
                _ = try JournalVerifier.verify(resealed(lines), sources: Self.sources)
                return nil
            } catch { return error }
        }
        let shockLine = try #require(lines.firstIndex { $0.contains("\"kind\": \"shock\"") })
        // An edited amount: −25 % becomes −20 %.
        var edited = lines
        edited[shockLine] = edited[shockLine].replacingOccurrences(of: "-2500", with: "-2000")
        let amount = try #require(failure(edited))
        #expect(amount.message.hasPrefix("block 1: the state is"), "\(amount)")
        // A removed command.
        var removed = lines
        removed.remove(at: shockLine)
        #expect(try #require(failure(removed)).message.hasPrefix("block 1: the state is"))
        // Another seed in the header.
        lines[0] = lines[0].replacingOccurrences(of: "\"seed\": \"3\"", with: "\"seed\": \"4\"")
        #expect(try #require(failure(lines)).message.hasPrefix("block 1: the state is"))
        // A command moved after the block that followed it.
        let (plain, _) = try Self.journal(commands: [(30, .crashNode(2))])
        var moved = plain.split(separator: "\n").map(String.init)
        let crash = try #require(moved.firstIndex { $0.contains("crash") })
        moved.swapAt(crash, crash - 1)
        #expect(try #require(failure(moved)).line == crash)
    }

    /// A branch: recorded from a moment of its parent, verified together with it.
    @Test func aBranchVerifiesWithItsParent() throws {
        let (parentText, _) = try Self.journal(commands: Self.commands)
        let parentLines = parentText.split(separator: "\n")
        // Tick 25: after line 6 (block 2, tick 24), before the freeze at tick 26 (line 7).
        let point = 6
        #expect(parentLines[point - 1].contains("\"block\": 2") && parentLines[point].contains("freeze_oracle"))
        let upTo = try JournalVerifier.verify(parentText, sources: Self.sources, through: point, tick: 25)
        var world = upTo.world
        var header = upTo.header
        header.parent = .init(file: "parent.jsonl", line: point, chain: upTo.head, tick: 25)
        var (line, recorder) = JournalRecorder.start(header, world: world)
        var lines = [line]
        _ = world.apply(.shock(asset: 2, percentBps: -1_000, overSeconds: 0))
        lines.append(recorder.command(.shock(asset: 2, percentBps: -1_000, overSeconds: 0), world: world))
        for _ in 0..<20 {
            _ = try world.step()
            if let block = recorder.step(world) { lines.append(block) }
        }
        let branch = lines.map { $0 + "\n" }.joined()
        var sources = Self.sources
        sources.parent = { parent in
            let verified = try JournalVerifier.verify(
                parentText, sources: Self.sources, through: parent.line, tick: parent.tick)
            return (verified.world, verified.head)
        }
        let verified = try JournalVerifier.verify(branch, sources: sources)
        #expect(verified.commands == 1 && verified.blocks >= 1)
        #expect(parentLines.count > point)
        // The branch's chain continues the parent's at the branch point: another point does not verify.
        sources.parent = { _ in
            let verified = try JournalVerifier.verify(parentText, sources: Self.sources, through: 5, tick: 23)
            return (verified.world, verified.head)
        }
        #expect(throws: JournalVerifier.Failure.self) { try JournalVerifier.verify(branch, sources: sources) }
    }

    /// Another format version says which liqtop wrote it.
    @Test func aNewerFormatIsRefusedByName() throws {
        let (text, _) = try Self.journal(ticks: 12)
        let newer = text.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 2,")
            .replacingOccurrences(of: "\"liqtop\": \"test\"", with: "\"liqtop\": \"9.9\"")
        do {
            _ = try JournalVerifier.verify(newer, sources: Self.sources)
            Issue.record("a newer format verified")
        } catch {
            #expect(error.line == 1)
            #expect(error.message.contains("liqtop 9.9 in journal format 2; this liqtop reads format 1"))
        }
    }

    /// The end line: a journal closed in order says so, with its counts; nothing may follow it, and junk
    /// added after the last line is not taken for a line cut short.
    @Test func theEndLineClosesTheJournal() throws {
        let (text, world) = try Self.journal(commands: Self.commands, finished: true)
        let verified = try JournalVerifier.verify(text, sources: Self.sources)
        #expect(verified.ended && verified.cutShort == nil && verified.world.ticks == world.ticks)
        #expect(try !JournalVerifier.verify(try Self.journal().text, sources: Self.sources).ended)
        // Junk after the last line, without a newline.
        let junk = text + "garbage without a newline"
        let lineCount = text.split(separator: "\n").count
        #expect(
            throws: JournalVerifier.Failure(
                line: lineCount + 1, message: "not a journal line (added after the journal's last line?)")
        ) {
            try JournalVerifier.verify(junk, sources: Self.sources)
        }
        // Resealed with other counts, or with a line after it.
        var lines = text.split(separator: "\n").map(String.init)
        func resealed(_ lines: [String]) -> String {
            var chain = JournalChain()
            return lines.map { chain.seal(String(JournalChain.split(Substring($0))!.members)) + "\n" }.joined()
        }
        var counted = lines
        counted[counted.count - 1] = counted[counted.count - 1].replacingOccurrences(
            of: "\"blocks\": 3", with: "\"blocks\": 2")
        let wrong = try #require(Self.failure(resealed(counted)))
        #expect(wrong.message.hasPrefix("the end line's counts are not the journal's"))
        lines.append(lines[lines.count - 2])
        #expect(try #require(Self.failure(resealed(lines))).message == "a line after the end line")
    }

    static func failure(_ text: String) -> JournalVerifier.Failure? {
        do {
            _ = try JournalVerifier.verify(text, sources: sources)
            return nil
        } catch { return error }
    }
}
