import Foundation
import LiqCore

/// Resolves a SCENARIO argument: a built-in name, or a path to a TOML file.
enum ScenarioSource {
    /// The scenario's TOML text and the name its errors use (`builtin:NAME` or the path).
    static func text(_ argument: String) throws -> (text: String, file: String) {
        let looksLikePath = argument.contains("/") || argument.hasSuffix(".toml")
        if !looksLikePath, let entry = BuiltInScenarios.named(argument) { return (entry.toml, "builtin:\(argument)") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            let names = BuiltInScenarios.all.map(\.name).joined(separator: ", ")
            if looksLikePath { throw CLIError("\(argument): no such file") }
            throw CLIError("no built-in scenario \(quoted(argument)) and no file by that name (built-ins: \(names))")
        }
        guard !isDirectory.boolValue else { throw CLIError("\(argument): is a directory, not a scenario file") }
        return (try readText(argument), argument)
    }

    static func load(_ argument: String) throws -> Scenario {
        let (text, file) = try text(argument)
        return try ScenarioLoader.load(text: text, file: file, resources: resources(for: file))
    }

    /// Reads the files a scenario's `[market_data]` names, relative to the scenario file (none for a
    /// built-in scenario).
    static func resources(for file: String) -> ScenarioLoader.Resources? {
        guard !file.hasPrefix("builtin:") else { return nil }
        let directory = (file as NSString).deletingLastPathComponent
        return { path throws(ConfigError) in
            let full = path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
            do {
                return (try readText(full, maximumBytes: maximumMarketBytes), full)
            } catch let error as ConfigError {
                throw error
            } catch {
                let message = (error as? CLIError)?.description ?? "\(error)"
                let reason = message.hasPrefix(full + ": ") ? String(message.dropFirst(full.count + 2)) : message
                throw ConfigError(file: full, line: nil, key: "(whole file)", message: reason)
            }
        }
    }

    /// A million users of a market export take about 400 MB.
    static let maximumMarketBytes = 2 * 1024 * 1024 * 1024 - 1

    /// A whole file as UTF-8 text; a byte that is not UTF-8 is an error on its line.
    static func readText(_ path: String, maximumBytes: Int = maximumBytes) throws -> String {
        let data = try readFile(path, maximumBytes: maximumBytes)
        if let text = String(validating: data, as: UTF8.self) { return text }
        var line = 1
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            let length = Self.utf8Length(bytes, at: offset)
            guard length > 0 else { break }
            if bytes[offset] == 0x0A { line += 1 }
            offset += length
        }
        let shown = offset < bytes.count ? String(format: " (byte 0x%02X)", bytes[offset]) : ""
        throw ConfigError(file: path, line: line, key: "(whole file)", message: "not UTF-8 text\(shown)")
    }

    /// The length of the well-formed UTF-8 sequence at `offset`, or 0 where the bytes are not UTF-8.
    private static func utf8Length(_ bytes: [UInt8], at offset: Int) -> Int {
        let first = bytes[offset]
        let (length, low, high): (Int, UInt8, UInt8) =
            switch first {
            case 0x00...0x7F: (1, 0x80, 0xBF)
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xE1...0xEF: (3, 0x80, 0xBF)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
        guard length > 1 else { return length }
        guard offset + length <= bytes.count, (low...high).contains(bytes[offset + 1]) else { return 0 }
        for next in 2..<length where !(0x80...0xBF).contains(bytes[offset + next]) { return 0 }
        return length
    }

    /// A million positions take about 85 MB.
    static let maximumBytes = 256 * 1024 * 1024

    /// Reads a whole file with POSIX calls, so that an error says what the system said.
    static func readFile(_ path: String, maximumBytes: Int = maximumBytes) throws -> Data {
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
            if data.count > maximumBytes {
                throw ConfigError(
                    file: path, line: 1, key: "(whole file)",
                    message: "larger than \(maximumBytes / 1_048_576) MiB; not a file liqtop reads")
            }
        }
    }
}
