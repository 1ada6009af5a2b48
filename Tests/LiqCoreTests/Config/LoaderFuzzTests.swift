import Testing

@testable import LiqCore

/// Random mutations of valid files and fragments of broken ones, fed to the scenario loader (the theme
/// loader's own run is in LiqUITests):
/// every input either loads or is one `ConfigError` that names the file and a line inside it. A crash
/// here ends the whole test run, so "never crashes" is checked by getting to the end.
@Suite struct LoaderFuzzTests {
    /// Pieces that broke parsers before: headers, quotes, escapes, numbers at the edges, NUL, BOM, CR.
    static let fragments = [
        "[[", "[[[a]]", "[.a]", "[[ [a]]", "[a]]", "]", "[", "[]", "[[]]", "[assets]", "[[assets]]",
        "[[positions]]\nid = \"x\"",
        "\"", "'", "\"\"\"", "'''", "{", "}", "{ a = 1, }", "=", "==", "a.b.", ".", "\\", "\\u", "\\uD800",
        "\\U0011FFFF",
        "\u{0}", "\u{FEFF}", "\r\n", "\r", "\n\n", "\t", "#", "# \u{7}", "é", "日本", "😀", "\u{1B}[2J",
        "1e999", "-0", "0x", "0b2", "1__0", "99999999999999999999999", "-9223372036854775809", "nan", "inf", "-inf",
        "1979-05-27T07:32:00Z", "07:32", "true", "tru", "[1, 2", "[1,,2]", "{x={y={z=1}}}", "a = 1\na = 2",
        "price_usd = \"1e23\"", "decimals = 99", "count = -1", "liquidation_bonus_bps = 0",
    ]

    /// A mutation of `text` chosen by `rng`: a deletion, an insertion, a duplicated or truncated line.
    static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        let at = scalars.isEmpty ? 0 : rng.int(in: 0...scalars.count)
        switch rng.int(in: 0...5) {
        case 0:
            guard !scalars.isEmpty else { break }
            let end = min(scalars.count, at + rng.int(in: 1...40))
            if at < end { scalars.removeSubrange(at..<end) }
        case 1, 2:
            scalars.insert(contentsOf: fragments[rng.int(in: 0...(fragments.count - 1))].unicodeScalars, at: at)
        case 3:
            var lines = String(String.UnicodeScalarView(scalars)).split(
                separator: "\n", omittingEmptySubsequences: false)
            if !lines.isEmpty {
                let line = rng.int(in: 0...(lines.count - 1))
                lines.insert(lines[line], at: rng.int(in: 0...lines.count))
            }
            return lines.joined(separator: "\n")
        case 4:
            scalars = Array(scalars.prefix(at))
        default:
            let byte = UInt32(rng.int(in: 0...0x7F))
            scalars.insert(Unicode.Scalar(byte)!, at: at)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func check(_ error: ConfigError, text: String, file: String) {
        let lines = text.unicodeScalars.filter { $0 == "\n" }.count + 1
        #expect(error.file == file)
        #expect(
            error.line.map { (1...lines).contains($0) } == true,
            "line \(String(describing: error.line)) of \(lines): \(error)")
        #expect(!error.description.contains("\n"), "\(error)")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func mutatedScenariosLoadOrNameALine(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let sources = [BuiltInScenarios.defaultTOML, ScenarioLoaderTests.minimal]
        var accepted = 0
        for round in 0..<1_500 {
            var text = sources[round % sources.count]
            for _ in 0...rng.int(in: 0...3) { text = Self.mutate(text, &rng) }
            do {
                _ = try ScenarioLoader.load(text: text, file: "fuzz.toml")
                accepted += 1
            } catch {
                Self.check(error, text: text, file: "fuzz.toml")
            }
        }
        // Some mutations are harmless (inside a comment, a duplicated blank line): both outcomes happen.
        #expect(accepted > 0 && accepted < 1_500)
    }

    /// Pure noise: random scalars, most of them not TOML at all.
    @Test func randomTextNeverCrashes() {
        var rng = SeededGenerator(seed: 9)
        let alphabet = Array("[]{}=\"'#.,\n\r\t \\abcxyz0129_-+:eE\u{0}\u{FEFF}é".unicodeScalars)
        for _ in 0..<3_000 {
            let count = rng.int(in: 0...120)
            let text = String(
                String.UnicodeScalarView((0..<count).map { _ in alphabet[rng.int(in: 0...(alphabet.count - 1))] }))
            do {
                _ = try ScenarioLoader.load(text: text, file: "noise.toml")
            } catch {
                Self.check(error, text: text, file: "noise.toml")
            }
        }
    }
}
