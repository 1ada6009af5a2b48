import LiqCore

extension Bench {
    /// replay_seek: `liqtop replay`'s seek (`JournalReplay.engine(at:)`, the checkpoint before the moment and
    /// the ticks from it) in a recording of `default` over 24 hours (1 hour with --quick), at 20 moments
    /// spread over it; replay_memory: what loading it (its checkpoints) adds to the resident set.
    func runReplay(_ report: (BenchResult) -> Void) throws {
        guard wants("replay_seek", "replay_memory"), let entry = BuiltInScenarios.named("default") else { return }
        let ticks = quick ? 3_600 : 86_400
        var world = try World(scenario: ScenarioLoader.load(text: entry.toml, file: "builtin:default"), seed: 1)
        let header = JournalHeader(
            liqtop: Risk.version, scenarioFile: "builtin:default", scenarioText: entry.toml, seed: 1,
            tickMs: world.settings.tickMs)
        var (line, recorder) = JournalRecorder.start(header, world: world)
        var lines = [line]
        for _ in 0..<ticks {
            _ = try world.step()
            if let block = recorder.step(world) { lines.append(block) }
        }
        let text = lines.map { $0 + "\n" }.joined()
        let sources = JournalVerifier.Sources(
            scenario: { header in try ScenarioLoader.load(text: header.scenarioText, file: header.scenarioFile) },
            parent: { _ in throw CLIError("no parent") })
        let before = BenchResult.residentBytes()
        let replay = try JournalReplay(text, sources: sources)
        let after = BenchResult.residentBytes()
        report(
            BenchResult(
                name: "replay_memory", n: replay.checkpoints.count, unit: "bytes",
                samples: [Double(max(0, after - before))]))
        // Moments spread over the recording, the same every run.
        var seed: UInt64 = 12_345
        let moments = (0..<20).map { _ -> Int in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % (replay.endTick + 1)
        }
        var next = 0
        let timing = try BenchResult.measure("replay_seek", n: replay.endTick, unit: "ms", runs: 20, warmup: 2) {
            _ = replay.engine(at: moments[next % moments.count])
            next += 1
        }
        report(timing)
    }
}
