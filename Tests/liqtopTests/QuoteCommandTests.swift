import Testing

/// The example of docs/interfaces.md, copied from the contract.
let interfacesExample = """
    name  = "one borrower"               # required
    rules = "aave-v3.3"                  # "aave-v3.3" (default) or "aave-v3.1"

    [[assets]]
    symbol = "WETH"                      # required, unique
    decimals = 18                        # required, 0...36
    price_usd = "2100"                   # required; held internally as USD with 8 decimals
    ltv_bps = 8050                       # default 0
    liquidation_threshold_bps = 8300     # default 0 (0 = cannot be collateral)
    liquidation_bonus_bps = 10500        # Aave form: 10500 = 5 % bonus; default 10000
    liquidation_protocol_fee_bps = 1000  # share of the bonus; default 0

    [[assets]]
    symbol = "USDC"
    decimals = 6
    price_usd = "1"
    ltv_bps = 7700
    liquidation_threshold_bps = 8000
    liquidation_bonus_bps = 10450
    liquidation_protocol_fee_bps = 1000

    # [[emode]]                          # optional efficiency-mode categories
    # id = 1
    # label = "ETH correlated"
    # ltv_bps = 9000
    # liquidation_threshold_bps = 9300
    # liquidation_bonus_bps = 10100
    # assets = ["WETH", "wstETH"]        # every symbol must be a listed asset

    [[positions]]                        # explicit accounts
    id = "carol"                         # required, unique
    collateral = { WETH = "12" }
    debt = { USDC = "21000" }
    # emode = 1                          # optional: the account's eMode category

    [oracle_sentinel]                    # optional: an L2 sequencer uptime check
    sequencer_up = true
    seconds_since_up = 100000
    grace_period_s = 3600
    """

/// The output docs/interfaces.md shows for that file, copied from the contract.
let interfacesExpectedJSON = """
    {
      "rules": "aave-v3.3",
      "positions": [
        {
          "id": "carol",
          "health_factor": "0.996",
          "liquidatable": true,
          "reason": null,
          "liquidation": {
            "collateral_asset": "WETH",
            "debt_asset": "USDC",
            "max_liquidatable_debt": "10500",
            "debt_repaid": "10500",
            "collateral_seized": "5.25",
            "liquidator_receives": "5.225",
            "protocol_fee": "0.025",
            "deficit": "0",
            "health_factor_after": "1.1205"
          }
        }
      ]
    }

    """

@Suite struct QuoteCommandTests {
    @Test func interfacesExamplePrintsExactlyTheContractJSON() throws {
        let file = try CLI.temporaryFile(interfacesExample)
        let result = try CLI.run(["quote", file, "--json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == interfacesExpectedJSON)
    }

    @Test func notLiquidatableHasAReasonAndNullLiquidation() throws {
        let file = try CLI.temporaryFile(interfacesExample.replacingOccurrences(of: "\"21000\"", with: "\"20000\""))
        let result = try CLI.run(["quote", file, "--json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"health_factor\": \"1.0458\"")) // 20,916 / 20,000
        #expect(result.stdout.contains("\"liquidatable\": false"))
        #expect(result.stdout.contains("\"reason\": \"HEALTH_FACTOR_NOT_BELOW_THRESHOLD\""))
        #expect(result.stdout.contains("\"liquidation\": null"))
    }

    @Test func optionsSelectPositionAssetsAndAmount() throws {
        let result = try CLI.run(["quote", "default", "--json", "--position", "carol", "--debt-to-cover", "1000"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"id\": \"carol\""))
        #expect(!result.stdout.contains("\"id\": \"alice\""))
        #expect(result.stdout.contains("\"debt_repaid\": \"1000\""))
        let wrongCollateral = try CLI.run(["quote", "default", "--json", "--position", "carol", "--collateral", "WBTC"])
        #expect(wrongCollateral.stdout.contains("\"reason\": \"COLLATERAL_CANNOT_BE_LIQUIDATED\""))
    }

    @Test func everyPositionIsQuotedInFileOrder() throws {
        let result = try CLI.run(["quote", "default", "--json"])
        let ids = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]
        let positions = ids.compactMap { result.stdout.range(of: "\"id\": \"\($0)\"")?.lowerBound }
        #expect(positions.count == ids.count)
        #expect(positions == positions.sorted())
    }

    @Test func readableTableWithoutJSON() throws {
        let file = try CLI.temporaryFile(interfacesExample)
        let result = try CLI.run(["quote", file])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "one borrower — rules aave-v3.3, 1 position")
        let carol = try #require(lines.first { $0.hasPrefix("carol") })
        for cell in ["0.9960", "yes", "10500 USDC (10500)", "5.25 WETH", "5.225", "0.025", "0 USDC", "1.1205"] {
            #expect(carol.contains(cell), "\(cell) missing from \(carol)")
        }
    }
}

@Suite struct InputErrorTests {
    func expectInputError(_ arguments: [String], contains fragment: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("liqtop: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line: \(result.stderr)")
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
    }

    @Test func brokenScenarioNamesFileLineAndKey() throws {
        let file = try CLI.temporaryFile(
            interfacesExample.replacingOccurrences(of: "price_usd = \"2100\"", with: "price_usd = \"2100.123456789\""))
        try expectInputError(
            ["quote", file, "--json"],
            contains: "\(file):7: assets[0].price_usd: \"2100.123456789\" has 9 decimal places; at most 8 allowed here")
    }

    @Test func unknownKeyInScenario() throws {
        let file = try CLI.temporaryFile(
            interfacesExample.replacingOccurrences(of: "grace_period_s", with: "grace_period"))
        try expectInputError(
            ["quote", file],
            contains: "\(file):39: oracle_sentinel.grace_period: unknown key; did you mean \"grace_period_s\"?")
    }

    @Test func syntaxError() throws {
        let file = try CLI.temporaryFile("name = \"x\"\n[[assets]\n")
        try expectInputError(["quote", file], contains: "\(file):2: syntax:")
    }

    @Test func unknownFlagScenarioPositionAssetAndAmount() throws {
        try expectInputError(["quote", "default", "--frobnicate"], contains: "Unknown option '--frobnicate'")
        try expectInputError(["quote", "nonesuch"], contains: "no built-in scenario \"nonesuch\"")
        try expectInputError(["quote", "missing/file.toml"], contains: "missing/file.toml: no such file")
        try expectInputError(["quote", "default", "--position", "zed"], contains: "--position: no position \"zed\"")
        try expectInputError(["quote", "default", "--debt", "DOGE"], contains: "--debt: no asset \"DOGE\"")
        try expectInputError(
            ["quote", "default", "--position", "carol", "--debt-to-cover", "1.0000001"],
            contains: "--debt-to-cover: \"1.0000001\" has 7 decimal places; at most 6 allowed here")
        try expectInputError(
            ["quote", "default", "--debt-to-cover", "0"], contains: "--debt-to-cover: must be more than 0")
        try expectInputError(["bogus"], contains: "bogus")
    }

    @Test func negativeAmountsDirectoriesAndHugeTotals() throws {
        try expectInputError(
            ["quote", "default", "--debt-to-cover", "-1"], contains: "--debt-to-cover: must be more than 0, or 'max'")
        let file = try CLI.temporaryFile(interfacesExample)
        let directory = String(file.dropLast("/scenario.toml".count))
        try expectInputError(["quote", directory + "/"], contains: "is a directory")
        try expectInputError(["quote", "/dev/null"], contains: "/dev/null:1: name: is required")
        // Two positions of 2e38 units each add up past 2^128.
        let huge = interfacesExample.replacingOccurrences(
            of: "debt = { USDC = \"21000\" }",
            with: """
                debt = { USDC = "21000" }
                [[positions]]
                id = "big1"
                collateral = { USDC = "200000000000000000000000000000000" }
                [[positions]]
                id = "big2"
                collateral = { USDC = "200000000000000000000000000000000" }
                """)
        try expectInputError(
            ["quote", try CLI.temporaryFile(huge)],
            contains: "positions[1].collateral.USDC: the positions' collateral in USDC adds up")
    }

    @Test func controlCharactersNeverReachTheTerminal() throws {
        let file = try CLI.temporaryFile(interfacesExample + "\n\"evil\\u001b[2J\\nline\" = 1\n")
        let result = try CLI.run(["quote", file])
        #expect(result.status == 2)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        let path = try CLI.run(["quote", "no\nsuch.toml"])
        #expect(path.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func helpListsTheCommands() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        for command in ["run", "quote", "sim", "scenarios", "themes"] { #expect(result.stdout.contains(command)) }
    }

    @Test func theDashboardRefusesWhatIsNotATerminal() throws {
        let result = try CLI.run([])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "liqtop: the dashboard needs a terminal, and this is not one; use 'liqtop sim' for headless runs\n")
    }

    @Test func badThemesAreOneLineErrors() throws {
        let missing = try CLI.run(["run", "--theme", "neon"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--theme: no theme \"neon\""))
        let file = try CLI.temporaryFile("name = \"x\"\n[colors]\ntext = \"#12345\"\n", name: "bad.toml")
        let broken = try CLI.run(["run", "--theme", file])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("\(file):3: colors.text: \"#12345\" is not a colour; write #RRGGBB"))
        let themes = try CLI.run(["themes"])
        #expect(themes.stdout.contains("dark") && themes.stdout.contains("mono"))
    }

    @Test func scenariosListsTheBuiltIns() throws {
        let result = try CLI.run(["scenarios"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("default  "))
    }
}
