import Testing

@testable import LiqCore

/// Replaying a journal: any moment, reached from the checkpoint before it, is the state the run had then.
@Suite struct JournalReplayTests {
    @Test func everyMomentIsTheRecordedOne() throws {
        let commands: [(tick: Int, command: Command)] = [
            (100, .shock(asset: 0, percentBps: -2_000, overSeconds: 0)), (450, .crashNode(1)),
            (620, .setBots(enabled: false)),
        ]
        let (text, _) = try JournalTests.journal(ticks: 700, commands: commands)
        let replay = try JournalReplay(text, sources: JournalTests.sources)
        #expect(replay.interval == 300 && replay.checkpoints.map(\.ticks) == [0, 300, 600])
        #expect(replay.endTick == replay.blockTicks.last && replay.blockTicks.count > 50)
        // The straight run, step by step, against the replay's answer at a few moments.
        let header = try JournalVerifier.verify(text, sources: JournalTests.sources, through: 1)
        var world = header.world
        let moments = Set([0, 1, 99, 100, 101, 299, 300, 301, 450, 599, 600, 640, replay.endTick])
        for tick in 0...replay.endTick {
            if tick > 0 { _ = try world.step() }
            for entry in commands where entry.tick == tick { _ = world.apply(entry.command) }
            if moments.contains(tick) {
                #expect(replay.engine(at: tick).world.stateHash == world.stateHash, "tick \(tick)")
            }
        }
        // A branch from tick 450 hangs on the line of the crash at 450 (after the block lines before it).
        let point = replay.branchPoint(at: 450)
        let lines = text.split(separator: "\n")
        #expect(lines[point.line - 1].contains("\"crash\""))
        #expect(lines[point.line - 1].hasSuffix("\"chain\": \"\(point.chain)\"}"))
        #expect(replay.branchPoint(at: 0).line == 1)
    }

    /// A branch replays from its branch point: its start is there, and the moments after it are its own.
    @Test func aBranchReplaysFromItsBranchPoint() throws {
        let (parentText, _) = try JournalTests.journal(ticks: 400, commands: [(100, .crashNode(2))])
        let lines = parentText.split(separator: "\n")
        // After block 1 (tick 12), before the branch point at tick 20.
        let through = try #require(lines.lastIndex { $0.hasPrefix("{\"tick\": 12,") }) + 1
        let upTo = try JournalVerifier.verify(parentText, sources: JournalTests.sources, through: through, tick: 20)
        var world = upTo.world
        var header = upTo.header
        header.parent = .init(file: "parent.jsonl", line: through, chain: upTo.head, tick: 20)
        var (line, recorder) = JournalRecorder.start(header, world: world)
        var out = [line]
        for _ in 0..<400 {
            _ = try world.step()
            if let block = recorder.step(world) { out.append(block) }
        }
        out.append(recorder.finish(world))
        var sources = JournalTests.sources
        sources.parent = { parent in
            let verified = try JournalVerifier.verify(
                parentText, sources: JournalTests.sources, through: parent.line, tick: parent.tick)
            return (verified.world, verified.head)
        }
        let replay = try JournalReplay(out.map { $0 + "\n" }.joined(), sources: sources)
        #expect(replay.startTick == 20 && replay.endTick == 420)
        #expect(replay.checkpoints.map(\.ticks) == [20, 320])
        #expect(replay.engine(at: 0).world.ticks == 20)
        #expect(replay.engine(at: 420).world.stateHash == world.stateHash)
    }
}
