import Testing

@testable import LiqCore

/// `[[price_paths]]` as points or as a CSV file, and the oracle's bounds: read exactly, and every problem
/// named with its file, line and key.
@Suite struct PricePathLoaderTests {
    static func load(_ extra: String, files: [String: String] = [:]) throws(ConfigError) -> Scenario {
        try ScenarioLoader.load(text: ScenarioKeysTests.minimal + "\n" + extra, file: "s.toml") {
            path throws(ConfigError) in
            guard let text = files[path] else {
                throw ConfigError(file: path, line: nil, key: "(whole file)", message: "cannot read")
            }
            return (text, path)
        }
    }

    static func problem(_ extra: String, files: [String: String] = [:]) -> String {
        do {
            _ = try load(extra, files: files)
            return "accepted"
        } catch { return error.description }
    }

    @Test func pointsAndFilesGiveTheSamePath() throws {
        let inline = try Self.load(
            "[[price_paths]]\nasset = \"WETH\"\npoints = [[0, \"2000\"], [60, 1900.5], [120, \"1800\"]]")
        let csv = "t_s,price_usd\r\n0,2000\n60, 1900.5\n\n120,1800\n"
        let file = try Self.load(
            "[[price_paths]]\nasset = \"WETH\"\nfile = \"p.csv\"\nnoise = true", files: ["p.csv": csv])
        let expected: [(ms: Int64, price: UInt128)] = [
            (0, 200_000_000_000), (60_000, 190_050_000_000), (120_000, 180_000_000_000),
        ]
        for scenario in [inline, file] {
            let path = try #require(scenario.simulation.pricePaths.first)
            #expect(path.asset == 0 && path.points.map(\.ms) == expected.map(\.ms))
            #expect(path.points.map(\.price) == expected.map(\.price))
        }
        #expect(file.simulation.pricePaths[0].noise && !inline.simulation.pricePaths[0].noise)
    }

    @Test(arguments: [
        (
            "[[price_paths]]\nasset = \"BTC\"\npoints = [[0, \"1\"]]",
            "price_paths[0].asset: \"BTC\" is not a listed asset"
        ),
        ("[[price_paths]]\nasset = \"WETH\"\npoints = [[5, \"1\"]]", "the first point must be at 0 seconds"),
        (
            "[[price_paths]]\nasset = \"WETH\"\npoints = [[0, \"1\"], [0, \"2\"]]",
            "entry 2: 0 s is not after the previous point"
        ),
        ("[[price_paths]]\nasset = \"WETH\"\npoints = [[0, \"-1\"]]", "entry 1: the price"),
        ("[[price_paths]]\nasset = \"WETH\"", "give the path as `points` or as a `file`"),
        (
            "[[price_paths]]\nasset = \"WETH\"\npoints = [[0, \"1\"]]\nfile = \"p.csv\"",
            "give `points` or `file`, not both"
        ),
        (
            "[[price_paths]]\nasset = \"WETH\"\npoints = [[0, \"1\"]]\n[[price_paths]]\nasset = \"WETH\"\npoints = [[0, \"1\"]]",
            "WETH has a path already"
        ),
        ("[[price_paths]]\nasset = \"WETH\"\nfile = \"missing.csv\"", "missing.csv: (whole file): cannot read"),
    ])
    func badPathsAreNamed(case: (String, String)) {
        #expect(Self.problem(`case`.0).contains(`case`.1), "\(Self.problem(`case`.0))")
    }

    @Test(arguments: [
        ("price,t_s\n0,1\n", "p.csv:1: header:"), ("t_s,price_usd\n0,1\n0,2\n", "p.csv:3: t_s: 0 s is not after"),
        ("t_s,price_usd\n0,\"1\"\n", "p.csv:2: row:"), ("t_s,price_usd\nx,1\n", "p.csv:2: t_s:"),
        ("t_s,price_usd\n0,abc\n", "p.csv:2: price_usd:"),
        ("t_s,price_usd\n", "p.csv: (whole file): no t_s,price_usd rows"),
    ])
    func badFilesAreNamedByLine(case: (String, String)) {
        let message = Self.problem("[[price_paths]]\nasset = \"WETH\"\nfile = \"p.csv\"", files: ["p.csv": `case`.0])
        #expect(message.contains(`case`.1), "\(message)")
    }

    @Test func oracleBounds() throws {
        let text = ScenarioKeysTests.minimal.replacingOccurrences(
            of: "liquidation_bonus_bps = 10500",
            with: "liquidation_bonus_bps = 10500\noracle_min_answer_usd = \"0.107\"")
        let scenario = try ScenarioLoader.load(text: text, file: "s.toml")
        #expect(scenario.simulation.assets[0].oracleMinAnswer == 10_700_000)
        let inverted = ScenarioKeysTests.minimal.replacingOccurrences(
            of: "liquidation_bonus_bps = 10500",
            with: "liquidation_bonus_bps = 10500\noracle_min_answer_usd = \"2\"\noracle_max_answer_usd = \"1\"")
        #expect(throws: ConfigError.self) { try ScenarioLoader.load(text: inverted, file: "s.toml") }
    }
}
