/// Finds the line of each key in a TOML text, and the raw text of scalar values.
///
/// Written by hand because TOMLKit (the TOML parser we use) reports source positions only for syntax
/// errors, not for the nodes of a parsed document; errors about a key's value must still name its line.
/// It understands what scenario and theme files use: `[table]`, `[[array]]`, `key = value`, dotted and
/// quoted keys, one-line inline tables, comments and multi-line strings and arrays (skipped).
package struct SourceLocator: Sendable {
    private(set) var lines: [ConfigPath: Int] = [:]
    private(set) var rawValues: [ConfigPath: String] = [:]

    init(text: String) {
        var prefix = ConfigPath()
        var arrayCounts: [ConfigPath: Int] = [:]
        var skipUntil: String?  // closing token of a multi-line string or array
        var bracketDepth = 0
        // Split on scalars: "\r\n" is a single Character, so splitting the String on "\n" would miss it.
        let rawLines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, scalars) in rawLines.enumerated() {
            let number = offset + 1
            var rawLine = String(String.UnicodeScalarView(scalars))
            if rawLine.unicodeScalars.last == "\r" { rawLine.unicodeScalars.removeLast() }
            let line = Self.stripComment(rawLine).trimmingSpaces()
            if let closing = skipUntil {
                if closing == "]" {
                    bracketDepth += Self.bracketBalance(line)
                    if bracketDepth <= 0 { skipUntil = nil }
                } else if line.contains(closing) {
                    skipUntil = nil
                }
                continue
            }
            if line.isEmpty { continue }
            if line.hasPrefix("[[") {
                let names = Self.keyComponents(String(line.dropFirst(2).prefix { $0 != "]" }))
                let table = Self.resolve(names.dropLast(), arrayCounts).appending(names.last ?? "")
                let count = arrayCounts[table, default: 0]
                arrayCounts[table] = count + 1
                prefix = table.appending(index: count)
                lines[prefix] = number
            } else if line.hasPrefix("[") {
                prefix = Self.resolve(Self.keyComponents(String(line.dropFirst().prefix { $0 != "]" }))[...], arrayCounts)
                lines[prefix] = number
            } else if let equals = Self.firstUnquoted("=", in: line) {
                let keyText = String(line[..<equals]).trimmingSpaces()
                let value = String(line[line.index(after: equals)...]).trimmingSpaces()
                var path = prefix
                for key in Self.keyComponents(keyText) { path = path.appending(key) }
                lines[path] = number
                if value.hasPrefix("\"\"\"") || value.hasPrefix("'''") {
                    let fence = String(value.prefix(3))
                    if !value.dropFirst(3).contains(fence) { skipUntil = fence }
                } else if value.hasPrefix("[") {
                    bracketDepth = Self.bracketBalance(value)
                    if bracketDepth > 0 { skipUntil = "]" }
                } else if value.hasPrefix("{") {
                    recordInline(value, under: path, line: number)
                } else {
                    rawValues[path] = value
                }
            }
        }
    }

    /// A table header's path: `[positions.collateral]` after `[[positions]]` is `positions[last].collateral`.
    private static func resolve(_ names: ArraySlice<String>, _ arrayCounts: [ConfigPath: Int]) -> ConfigPath {
        var path = ConfigPath()
        for name in names {
            path = path.appending(name)
            if let count = arrayCounts[path], count > 0 { path = path.appending(index: count - 1) }
        }
        return path
    }

    /// The line of `path`, or of its nearest parent that has one.
    func line(of path: ConfigPath) -> Int? {
        var current: ConfigPath? = path
        while let candidate = current {
            if let line = lines[candidate] { return line }
            current = candidate.parent
        }
        return nil
    }

    func rawValue(of path: ConfigPath) -> String? { rawValues[path] }

    private mutating func recordInline(_ value: String, under path: ConfigPath, line: Int) {
        let inner = value.dropFirst().prefix { $0 != "}" }
        for pair in Self.splitUnquoted(String(inner), on: ",") {
            guard let equals = Self.firstUnquoted("=", in: pair) else { continue }
            var subpath = path
            for key in Self.keyComponents(String(pair[..<equals]).trimmingSpaces()) { subpath = subpath.appending(key) }
            lines[subpath] = line
            rawValues[subpath] = String(pair[pair.index(after: equals)...]).trimmingSpaces()
        }
    }

    static func keyComponents(_ text: String) -> [String] {
        splitUnquoted(text, on: ".").map { part in
            let trimmed = part.trimmingSpaces()
            if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
                return String(trimmed.dropFirst().dropLast())
            }
            return trimmed
        }
    }

    static func stripComment(_ line: String) -> String {
        guard let hash = firstUnquoted("#", in: line) else { return line }
        return String(line[..<hash])
    }

    static func firstUnquoted(_ target: Character, in text: String) -> String.Index? {
        var quote: Character?
        var escaped = false
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == target {
                return index
            }
        }
        return nil
    }

    static func splitUnquoted(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == separator {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }

    static func bracketBalance(_ text: String) -> Int {
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth -= 1
            }
        }
        return depth
    }
}
