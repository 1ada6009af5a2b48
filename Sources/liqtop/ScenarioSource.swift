import Foundation
import LiqCore

/// Resolves a SCENARIO argument: a built-in name, or a path to a TOML file.
enum ScenarioSource {
    static func load(_ argument: String) throws -> Scenario {
        let looksLikePath = argument.contains("/") || argument.hasSuffix(".toml")
        if !looksLikePath, let scenario = try BuiltInScenarios.load(argument) { return scenario }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            let names = BuiltInScenarios.all.map(\.name).joined(separator: ", ")
            if looksLikePath { throw CLIError("\(argument): no such file") }
            throw CLIError("no built-in scenario \"\(argument)\" and no file by that name (built-ins: \(names))")
        }
        guard !isDirectory.boolValue else { throw CLIError("\(argument): is a directory, not a scenario file") }
        let data = try readFile(argument)
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(argument): not UTF-8 text")
        }
        return try ScenarioLoader.load(text: text, file: argument)
    }

    /// Reads a whole file with POSIX calls, so that an error says what the system said.
    static func readFile(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CLIError("\(path): cannot read: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError("\(path): cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            if data.count > 256 * 1024 * 1024 { throw CLIError("\(path): larger than 256 MiB; not a scenario file") }
        }
    }
}
