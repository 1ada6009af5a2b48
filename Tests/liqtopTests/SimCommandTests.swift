import Foundation
import Testing

@Suite struct SimCommandTests {
    @Test func jsonSummaryHasTheContractKeys() throws {
        let result = try CLI.run(["sim", "default", "--ticks", "120", "--seed", "7", "--json"])
        #expect(result.status == 0)
        for key in [
            "scenario", "seed", "ticks", "sim_seconds", "blocks_produced", "missed_slots", "finalized_height",
            "liquidations", "debt_repaid_usd", "bad_debt_usd", "oracle_updates", "max_oracle_staleness_s",
            "nodes_up", "nodes_total", "state_hash",
        ] {
            #expect(result.stdout.contains("\"\(key)\": "), "missing \(key)")
        }
        #expect(result.stdout.contains("\"scenario\": \"default\""))
        #expect(result.stdout.contains("\"seed\": 7"))
        #expect(result.stdout.contains("\"sim_seconds\": 120"))
        #expect(result.stdout.contains("\"blocks_produced\": 10")) // 120 s of 12 s slots, none missed
        #expect(result.stdout.contains("\"nodes_total\": 64"))
    }

    @Test func sameArgumentsSameHash() throws {
        let arguments = ["sim", "crash", "--ticks", "700", "--json", "--outage", "EU@650+30"]
        let first = try CLI.run(arguments), second = try CLI.run(arguments)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let hash = { (text: String) in text.split(separator: "\n").first { $0.contains("state_hash") } }
        let other = try CLI.run(["sim", "crash", "--ticks", "700", "--json", "--seed", "2"])
        #expect(hash(other.stdout) != hash(first.stdout))
    }

    @Test func eventsFileHasOneJSONObjectPerLine() throws {
        let file = try CLI.temporaryDirectory() + "/events.jsonl"
        let result = try CLI.run([
            "sim", "default", "--ticks", "200", "--events", file, "--shock", "WETH:-30@60",
            "--outage", "ap@100",
        ])
        #expect(result.status == 0)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 10)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["t"] is NSNumber)
            #expect(object?["kind"] is String)
        }
        #expect(lines.contains { $0.contains("\"kind\": \"shock\"") && $0.contains("\"t\": 60") })
        #expect(lines.contains { $0.contains("\"kind\": \"fault\"") && $0.contains("\"region\": \"ap\"") })
        #expect(lines.contains { $0.contains("\"kind\": \"block\"") })
        #expect(!FileManager.default.fileExists(atPath: file + ".partial"))
    }

    @Test func badScheduleOptionsAreOneLineErrors() throws {
        for (arguments, fragment) in [
            (["sim", "default", "--ticks", "10", "--shock", "DOGE:-5@1"], "--shock: no asset \"DOGE\""),
            (["sim", "default", "--ticks", "10", "--shock", "WETH-5@1"], "is not ASSET:PERCENT@SECONDS"),
            (["sim", "default", "--ticks", "10", "--outage", "mars@5"], "--outage: \"mars\" is not a region"),
            (["sim", "default", "--ticks", "10", "--outage", "eu@x"], "is not REGION@SECONDS"),
            (["sim", "default", "--ticks", "-1"], "--ticks must be 0 or more"),
            (["sim", "default"], "--ticks"),
        ] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("liqtop: "))
            #expect(result.stderr.contains(fragment), "\(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test func readableSummaryWithoutJSON() throws {
        let result = try CLI.run(["sim", "eu-outage", "--ticks", "60"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("eu-outage — seed 1, 60 ticks = 0 h 1 min simulated"))
        #expect(result.stdout.contains("network    64/64 nodes up"))
    }
}

@Suite struct SimSafetyTests {
    @Test func eventsNeverReplaceADirectory() throws {
        let directory = CLI.scratch.appendingPathComponent("keep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let result = try CLI.run(["sim", "default", "--ticks", "5", "--events", directory.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a regular file"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("sub").path))
    }

    @Test func hugeNumbersAreErrorsNotCrashes() throws {
        for arguments in [
            ["--shock", "WETH:-35@1e30"], ["--shock", "WETH:-35@inf"], ["--shock", "WETH:-35@1~1e30"],
            ["--outage", "eu@inf"], ["--outage", "eu@5+1e300"], ["--shock", "WETH:-99.996@1"],
        ] {
            let result = try CLI.run(["sim", "default", "--ticks", "1"] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
    }
}
