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
}
