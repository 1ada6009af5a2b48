import Foundation
import LiqCore

/// Resolves a SCENARIO argument: a built-in name, or a path to a TOML file.
enum ScenarioSource {
    static func load(_ argument: String) throws -> Scenario {
        let looksLikePath = argument.contains("/") || argument.hasSuffix(".toml")
        if !looksLikePath, let scenario = try BuiltInScenarios.load(argument) { return scenario }
        guard FileManager.default.fileExists(atPath: argument) else {
            let names = BuiltInScenarios.all.map(\.name).joined(separator: ", ")
            if looksLikePath { throw CLIError("\(argument): no such file") }
            throw CLIError("no built-in scenario \"\(argument)\" and no file by that name (built-ins: \(names))")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: argument))
        } catch {
            throw CLIError("\(argument): cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(argument): not UTF-8 text")
        }
        return try ScenarioLoader.load(text: text, file: argument)
    }
}
