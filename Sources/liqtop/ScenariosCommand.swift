import ArgumentParser
import LiqCore

struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in scenarios.")

    func run() throws {
        let width = BuiltInScenarios.all.map(\.name.count).max() ?? 0
        for entry in BuiltInScenarios.all {
            print(entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.summary)
        }
    }
}
