import ArgumentParser
import Foundation
import LiqCore

@main
struct Liqtop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liqtop",
        abstract: "A live model of Aave v3 liquidations on a physical blockchain network.",
        discussion: """
            SCENARIO is a built-in scenario name (see 'liqtop scenarios') or a path to a .toml file.
            Exit codes: 0 success, 2 a usage or input error (one line on stderr).
            """,
        subcommands: [
            Run.self, Quote.self, Sim.self, Risk.self, Verify.self, Replay.self, Scenarios.self, Themes.self,
            Bench.self,
        ],
        defaultSubcommand: Run.self)

    /// Parses and runs, mapping every usage or input error to one line on stderr and exit code 2
    /// (swift-argument-parser's own default for validation errors is 64).
    static func main() {
        Backtracing.neverInteractive()
        do {
            var command = try parseAsRoot()
            try command.run()
            // Output that could not be written (a full disk, a closed pipe's reader gone) is an error too.
            if fflush(nil) != 0 {
                fail("cannot write the output: \(EventWriter.systemError())")
            }
        } catch let error as CLIError {
            fail(error.description)
        } catch let error as ConfigError {
            fail(error.description)
        } catch let error as ArithmeticError {
            fail("\(error): an amount or price is too large to compute with")
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            fail("\(message) (see '\(helpCommand(CommandLine.arguments))')")
        }
    }

    /// Where the options of the command line's subcommand are listed: `liqtop sim --help`, `liqtop risk run
    /// --help` (risk's own help lists its subcommands), or `liqtop --help`.
    static func helpCommand(_ arguments: [String]) -> String {
        let words = Array(arguments.dropFirst())
        guard let first = words.first,
            let command = configuration.subcommands.first(where: {
                $0.configuration.commandName == first || String(describing: $0).lowercased() == first
            })
        else { return "liqtop --help" }
        if first == "risk" {
            return words.dropFirst().first == "merge" ? "liqtop risk merge --help" : "liqtop risk run --help"
        }
        return "liqtop \(command.configuration.commandName ?? first) --help"
    }

    /// One line on stderr, whatever the message holds, then exit code 2 (or `status`).
    static func fail(_ message: String, status: Int32 = 2) -> Never {
        var line = sanitized(message)
        // Too long for a line: keep the start (the file) and the end (what is wrong), cut the middle.
        if line.count > 600 { line = String(line.prefix(240)) + " … " + String(line.suffix(340)) }
        // A plain write: when stderr cannot be written (2>/dev/full, or closed) there is no one to tell, and
        // FileHandle would trap instead of exiting with the status.
        var bytes = Array("liqtop: \(line)\n".utf8)
        _ = write(2, &bytes, bytes.count)
        Foundation.exit(status)
    }
}

/// An input error found by a command: printed as one line, exit code 2.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
