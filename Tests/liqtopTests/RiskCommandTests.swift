import Foundation
import Testing

/// `liqtop risk` and `risk merge` as a user and a batch system run them.
@Suite(.serialized) struct RiskCommandTests {
    /// Short paths with many node crashes, so that faults are drawn and the split is exercised.
    static let base = [
        "risk", "default", "--paths", "6", "--horizon", "10m", "--seed", "3",
        "--set", "faults.node_crash_per_year=1000", "--no-progress",
    ]

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func summaryHasTheContractKeys() throws {
        let result = try CLI.run(Self.base + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress line when stderr is not a terminal")
        let summary = try Self.object(result.stdout)
        for key in [
            "scenario", "seed", "paths", "horizon_s", "mean_bad_debt_usd", "p50_bad_debt_usd", "var95_usd",
            "evar99_usd", "cvar95_usd", "p_any_bad_debt", "liquidations_mean", "liquidated_debt_usd_p95",
            "max_oracle_staleness_s_p95", "finality_stall_share", "with_faults", "without_faults", "worst_paths",
        ] {
            #expect(summary[key] != nil, "\(key)")
        }
        #expect(summary["paths"] as? Int == 6 && summary["horizon_s"] as? Int == 600)
        let with = try #require(summary["with_faults"] as? [String: Any])
        let without = try #require(summary["without_faults"] as? [String: Any])
        #expect((with["paths"] as? Int ?? 0) + (without["paths"] as? Int ?? 0) == 6)
        #expect((with["paths"] as? Int ?? 0) > 0, "a thousand crashes a node-year draw some in ten minutes")
        let worst = try #require(summary["worst_paths"] as? [[String: Any]])
        #expect(worst.count == 5)
        // Path seeds are strings: most are above 2^53, where JSON readers lose digits of a number.
        #expect(worst.allSatisfy { $0["faults"] is [Any] && $0["moves"] is [Any] && $0["seed"] is String })
        #expect(summary["scripted_events"] as? Int == 0)
    }

    /// Any number of workers, and shards merged: the same bytes as one run.
    @Test func shardsMergeToTheSameBytes() throws {
        let directory = try CLI.temporaryDirectory()
        let whole = try CLI.run(Self.base + ["--json", "--workers", "1", "--out", "\(directory)/all.jsonl"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let twoWorkers = try CLI.run(Self.base + ["--json", "--workers", "2"])
        #expect(twoWorkers.stdout == whole.stdout)
        var files: [String] = []
        for shard in 0..<3 {
            let file = "\(directory)/shard-\(shard).jsonl"
            let result = try CLI.run(Self.base + ["--shard", "\(shard)/3", "--out", file])
            #expect(result.status == 0, "\(result.stderr)")
            files.append(file)
        }
        let merged = try CLI.run(["risk", "merge", "--json"] + files.reversed())
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        // The unsplit run's own file merges to the same summary too; and each shard file has a header and its
        // own paths.
        #expect(try CLI.run(["risk", "merge", "--json", "\(directory)/all.jsonl"]).stdout == whole.stdout)
        let lines = try String(contentsOfFile: files[1], encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 2)
        #expect(try Self.object(String(lines[0]))["shard"] as? String == "1/3")
        #expect(try Self.object(String(lines[1]))["path"] as? Int == 2)

        // A shard left out, a shard given twice, shards of another seed: one-line errors.
        let missing = try CLI.run(["risk", "merge", files[0], files[2]])
        #expect(missing.status == 2 && missing.stderr.contains("2 of 6 paths are missing"))
        let twice = try CLI.run(["risk", "merge", files[0], files[0], files[1], files[2]])
        #expect(twice.status == 2 && twice.stderr.contains("given twice"))
        let other = "\(directory)/other.jsonl"
        let seeded = Self.base.map { $0 == "3" ? "4" : $0 } + ["--shard", "1/3", "--out", other]
        #expect(try CLI.run(seeded).status == 0)
        let mixed = try CLI.run(["risk", "merge", files[0], other, files[2]])
        #expect(mixed.status == 2 && mixed.stderr.contains("seed 4 differs"), "\(mixed.stderr)")
        #expect(mixed.stderr.split(separator: "\n").count == 1)
        // Another liqtop version, or another scenario text, is refused too.
        let edited = try String(contentsOfFile: files[1], encoding: .utf8)
        for (from, to, message) in [
            ("\"version\": \"", "\"version\": \"0.0.", "liqtop version"),
            ("\"scenario_sha256\": \"", "\"scenario_sha256\": \"00", "scenario's text differs"),
        ] {
            let changed = "\(directory)/changed.jsonl"
            try edited.replacingOccurrences(of: from, with: to).write(
                toFile: changed, atomically: true, encoding: .utf8)
            let result = try CLI.run(["risk", "merge", files[0], changed, files[2]])
            #expect(result.status == 2 && result.stderr.contains(message), "\(result.stderr)")
        }
        let written = try String(contentsOfFile: "\(directory)/all.jsonl", encoding: .utf8)
        // A path line whose seed was changed is not the run's.
        let line = written.split(separator: "\n")[1]
        let pathSeed = try #require(try Self.object(String(line))["seed"] as? String)
        try written.replacingOccurrences(of: "\"seed\": \"\(pathSeed)\"", with: "\"seed\": \"12345\"").write(
            toFile: "\(directory)/seed.jsonl", atomically: true, encoding: .utf8)
        let reseeded = try CLI.run(["risk", "merge", "\(directory)/seed.jsonl"])
        #expect(reseeded.status == 2 && reseeded.stderr.contains("seed is not the run's"), "\(reseeded.stderr)")
        // A last line cut short, and lines ended CRLF.
        try String(written.dropLast(30)).write(toFile: "\(directory)/cut.jsonl", atomically: true, encoding: .utf8)
        let cut = try CLI.run(["risk", "merge", "\(directory)/cut.jsonl"])
        #expect(cut.status == 2 && cut.stderr.contains("cut short"), "\(cut.stderr)")
        try written.replacingOccurrences(of: "\n", with: "\r\n").write(
            toFile: "\(directory)/crlf.jsonl", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["risk", "merge", "--json", "\(directory)/crlf.jsonl"]).stdout == whole.stdout)
        // Hostile or damaged headers and figures are refused, not trusted (no trap, no billion-path table).
        let header = try #require(written.split(separator: "\n").first.map(String.init))
        for (from, to, message) in [
            ("\"paths\": 6", "\"paths\": 0", "paths 0 is not from 1"),
            ("\"paths\": 6", "\"paths\": 99999999999", "is not from 1 to 10000000"),
            ("\"horizon_s\": 600", "\"horizon_s\": -1", "horizon_s -1"),
            ("\"mode\": \"full\"", "\"mode\": \"warp\"", "neither"),
        ] {
            try (header.replacingOccurrences(of: from, with: to) + "\n").write(
                toFile: "\(directory)/bad.jsonl", atomically: true, encoding: .utf8)
            let result = try CLI.run(["risk", "merge", "\(directory)/bad.jsonl"])
            #expect(result.status == 2 && result.stderr.contains(message), "\(to): \(result.stderr)")
        }
        let huge = written.replacingOccurrences(
            of: "\"realised_bad_debt_usd\": \"", with: "\"realised_bad_debt_usd\": \"1e300")
        try huge.write(toFile: "\(directory)/huge.jsonl", atomically: true, encoding: .utf8)
        let hugeResult = try CLI.run(["risk", "merge", "\(directory)/huge.jsonl"])
        #expect(hugeResult.status == 2 && hugeResult.stderr.contains("is not an amount"), "\(hugeResult.stderr)")
        let notRisk = try CLI.shell("echo '{\"a\": 1}' > \(directory)/x.jsonl; $LIQTOP risk merge \(directory)/x.jsonl")
        #expect(notRisk.status == 2 && notRisk.stderr.contains("x.jsonl:1:"))
    }

    /// A sweep runs every combination on the same paths: one line each, the swept values named.
    @Test func sweepPrintsOneLinePerCombination() throws {
        let result = try CLI.run([
            "risk", "default", "--paths", "3", "--horizon", "5m", "--json",
            "--set", "bots.count=0,3", "--set", "assets.WETH.liquidation_threshold_bps=8300,8600",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let sets = try lines.map { try #require(try Self.object(String($0))["set"] as? [String: String]) }
        #expect(sets.map { $0["bots.count"] } == ["0", "0", "3", "3"])
        #expect(sets.map { $0["assets.WETH.liquidation_threshold_bps"] } == ["8300", "8600", "8300", "8600"])
        // Without bots nobody liquidates.
        #expect(try Self.object(String(lines[0]))["liquidations_mean"] as? Double == 0)
        #expect((try Self.object(String(lines[2]))["liquidations_mean"] as? Double ?? 0) > 0)
        // A sweep split into shards merges to the same lines.
        let directory = try CLI.temporaryDirectory()
        let sweep = ["risk", "default", "--paths", "3", "--horizon", "5m", "--json", "--set", "bots.count=0,3"]
        let whole = try CLI.run(sweep)
        for shard in 0..<2 {
            #expect(try CLI.run(sweep + ["--shard", "\(shard)/2", "--out", "\(directory)/\(shard).jsonl"]).status == 0)
        }
        let merged = try CLI.run(["risk", "merge", "--json", "\(directory)/1.jsonl", "\(directory)/0.jsonl"])
        #expect(merged.status == 0 && merged.stdout == whole.stdout, "\(merged.stderr)")
        let table = try CLI.run(["risk", "default", "--paths", "2", "--horizon", "2m", "--set", "bots.count=0,3"])
        #expect(table.stdout.split(separator: "\n").count == 3)
        #expect(table.stdout.hasPrefix("bots.count"))
    }

    /// The worst path, replayed by `sim --path-seed`, comes to the same figures.
    @Test func aPathReplaysInSim() throws {
        let directory = try CLI.temporaryDirectory()
        let run = try CLI.run(Self.base + ["--paths", "2", "--out", "\(directory)/r.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try String(contentsOfFile: "\(directory)/r.jsonl", encoding: .utf8).split(separator: "\n")[2]
        let path = try Self.object(String(line))
        let seed = try #require((path["seed"] as? String).flatMap { UInt64($0) })
        let replay = try CLI.run([
            "sim", "default", "--seed", "3", "--path-seed", String(seed), "--ticks", "600",
            "--set", "faults.node_crash_per_year=1000", "--json",
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        // The same key in a file instead of --set makes the same path.
        let file = try CLI.temporaryFile(
            try CLI.run(["scenarios", "--show", "default"]).stdout + "\n[faults]\nnode_crash_per_year = 1000\n")
        let again = try CLI.run(
            ["risk", file, "--paths", "2", "--horizon", "10m", "--seed", "3", "--out", "\(directory)/f.jsonl"])
        #expect(again.status == 0, "\(again.stderr)")
        let fromFile = try String(contentsOfFile: "\(directory)/f.jsonl", encoding: .utf8).split(separator: "\n")[2]
        #expect(fromFile == line)
        let sim = try CLI.run(["sim", file, "--seed", "3", "--path", "1", "--ticks", "600", "--json"])
        #expect(sim.status == 0, "\(sim.stderr)")
        let summary = try Self.object(sim.stdout)
        #expect(summary["liquidations"] as? Int == path["liquidations"] as? Int)
        let realised = Double(summary["bad_debt_usd"] as? String ?? "") ?? -1
        #expect(abs(realised - (Double(path["realised_bad_debt_usd"] as? String ?? "") ?? 0)) < 0.006)
        #expect(replay.stdout == sim.stdout)
    }

    @Test func badInputIsOneLineAndWritesNothing() throws {
        let directory = try CLI.temporaryDirectory()
        let out = "\(directory)/out.jsonl"
        let cases: [([String], String)] = [
            (["--paths", "0"], "--paths must be from 1"),
            (["--horizon", "-5"], "is not more than zero"),
            (["--horizon", "0.2"], "shorter than a second"),
            (["--horizon", "2y"], "is not a duration"),
            (["--horizon", "400d"], "longer than a year"),
            (["--shard", "3/2"], "I must be from 0 to N − 1"),
            (["--shard", "1/0"], "N must be at least 1"),
            (["--shard", "x"], "is not I/N"),
            (["--set", "bots.cuont=1,2"], "cuont"),
            (["--set", "assets.NOPE.liquidation_threshold_bps=1"], "NOPE"),
            (["--set", "bots.count="], "a value is empty"),
            (["--workers", "0"], "--workers must be from 1"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(["risk", "default", "--paths", "2", "--horizon", "1m", "--out", out] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: out), "\(arguments) wrote \(out)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "no partial file left")
        // A key swept twice, --out naming the scenario file, a value that breaks one of the file's own rules.
        let twice = try CLI.run(["risk", "default", "--paths", "1", "--set", "bots.count=1,3", "--set", "bots.count=2"])
        #expect(twice.status == 2 && twice.stderr.contains("--set bots.count is given twice"))
        let file = try CLI.temporaryFile(try CLI.run(["scenarios", "--show", "default"]).stdout)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let overwrite = try CLI.run(["risk", file, "--paths", "1", "--horizon", "1m", "--out", file])
        #expect(overwrite.status == 2 && overwrite.stderr.contains("is the scenario file"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == original)
        let rule = try CLI.run([
            "risk", "default", "--paths", "1", "--set", "assets.WETH.liquidation_threshold_bps=8000",
        ])
        #expect(rule.status == 2 && rule.stderr.contains("ltv_bps") && rule.stderr.contains("(with --set assets.WETH"))
        for (value, message) in [
            ("bots.count=99999999999999999999999", "not a number TOML can hold"),
            ("scenario.name=[1,2", "not a TOML value"),
            ("assets.WEHT.liquidation_threshold_bps=1", "(entries: WETH, wstETH"),
        ] {
            let result = try CLI.run(["risk", "default", "--paths", "1", "--set", value])
            #expect(result.status == 2 && result.stderr.contains(message), "\(value): \(result.stderr)")
        }
        // Too many combinations, a value with a line break, quoted commas kept in one value.
        let many = try CLI.run([
            "risk", "default", "--paths", "1", "--set",
            "bots.count=" + (1...40).map(String.init).joined(separator: ","),
            "--set", "assets.WETH.liquidation_bonus_bps=" + (10_100...10_130).map(String.init).joined(separator: ","),
        ])
        #expect(many.status == 2 && many.stderr.contains("1240 combinations; at most 1000"), "\(many.stderr)")
        let newline = try CLI.run(["risk", "default", "--paths", "1", "--set", "bots.count=1\nx = 2"])
        #expect(newline.status == 2 && newline.stderr.contains("line break"), "\(newline.stderr)")
        let quoted = try CLI.run([
            "risk", "default", "--paths", "1", "--horizon", "1m", "--json", "--set", "name='a,b',\"c,\\\"d\"",
        ])
        #expect(quoted.status == 0 && quoted.stdout.split(separator: "\n").count == 2, "\(quoted.stderr)")
        for option in ["--paths", "--workers"] {
            let negative = try CLI.run(["risk", "default", option, "-1"])
            #expect(negative.status == 2 && negative.stderr.contains("\(option) must be from 1"), "\(negative.stderr)")
        }
        // --fast and --horizon are for a path only.
        let fastAlone = try CLI.run(["sim", "default", "--ticks", "1", "--fast"])
        #expect(fastAlone.status == 2 && fastAlone.stderr.contains("--fast is for a path"))
        // The replay command printed after a run is one the shell takes as it is.
        let named = try CLI.run([
            "risk", "default", "--paths", "2", "--horizon", "1m", "--set", "name='my market'",
            "--set", "bots.regions=[\"eu\"]",
        ])
        #expect(named.stdout.contains("my market: 2 paths"))
        let replay =
            #"liqtop run default --seed 1 --set 'name='\''my market'\''' --set 'bots.regions=["eu"]' --path-seed"#
        #expect(named.stdout.contains(replay), "\(named.stdout)")
        let both = try CLI.run(["sim", "default", "--ticks", "1", "--path", "1", "--path-seed", "5"])
        #expect(both.status == 2 && both.stderr.contains("give one"))
    }
}
