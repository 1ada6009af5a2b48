import ArgumentParser
import LiqCore

struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in scenarios (or describe scenario files), print one as TOML, or list every key.",
        discussion: """
            Start a scenario of your own from a built-in one:
              liqtop scenarios --show default > mine.toml
            Describe scenario files (a real market's names its export and its size):
              liqtop scenarios examples/aave-v3-ethereum/market.toml
            """)

    @Argument(help: "Scenario files to describe (they are loaded, market files included).")
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("Print the built-in scenario's TOML.", valueName: "NAME"))
    var show: String?

    @Flag(name: .long, help: "Print every key a scenario file may hold, with its values and default, as Markdown.")
    var keys = false

    func validate() throws {
        if show != nil, keys { throw ValidationError("--show and --keys cannot be used together") }
        if !files.isEmpty, show != nil || keys {
            throw ValidationError("files are described alone, without --show or --keys")
        }
    }

    func run() throws {
        if keys {
            print(ScenarioKeys.markdown(), terminator: "")
        } else if let show {
            guard let entry = BuiltInScenarios.all.first(where: { $0.name == show }) else {
                let names = BuiltInScenarios.all.map(\.name).joined(separator: ", ")
                throw ValidationError("--show: \(quoted(show)) is not a built-in scenario; use \(names)")
            }
            print(entry.toml)
        } else if !files.isEmpty {
            for file in files {
                let scenario = try ScenarioSource.load(file)
                var line = "\(scenario.name)  \(scenario.description)"
                if let market = scenario.market {
                    line +=
                        "\n  market export \(UTCTime.text(market.timestamp)): \(market.reserves.count) reserves "
                        + "(\(market.reservesFile)), \(DecimalAmount.grouped(market.accounts.count)) users (\(market.usersFile))"
                }
                print(line)
            }
        } else {
            let width = BuiltInScenarios.all.map(\.name.count).max() ?? 0
            for entry in BuiltInScenarios.all {
                print(entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.summary)
            }
        }
    }
}
