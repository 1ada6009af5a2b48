import ArgumentParser
import LiqCore

struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in scenarios, print one as TOML, or list every scenario-file key.",
        discussion: """
            Start a scenario of your own from a built-in one:
              liqtop scenarios --show default > mine.toml
            """)

    @Option(name: .long, help: ArgumentHelp("Print the built-in scenario's TOML.", valueName: "NAME"))
    var show: String?

    @Flag(name: .long, help: "Print every key a scenario file may hold, with its values and default, as Markdown.")
    var keys = false

    func validate() throws {
        if show != nil, keys { throw ValidationError("--show and --keys cannot be used together") }
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
        } else {
            let width = BuiltInScenarios.all.map(\.name.count).max() ?? 0
            for entry in BuiltInScenarios.all {
                print(entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.summary)
            }
        }
    }
}
