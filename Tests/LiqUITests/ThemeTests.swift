import Foundation
import LiqCore
import Testing

@testable import LiqUI

@Suite struct ThemeTests {
    @Test func colourDepthFollowsTheTerminalAndNoColor() {
        #expect(ColorDepth.detect(colors: 256, noColor: nil) == .palette256)
        #expect(ColorDepth.detect(colors: 8, noColor: nil) == .palette8)
        #expect(ColorDepth.detect(colors: 256, noColor: "1") == .none)
        #expect(ColorDepth.detect(colors: 256, noColor: "") == .palette256) // set but empty: ignored
        #expect(ColorDepth.detect(colors: 2, noColor: nil) == .none)
    }

    @Test func downgradeTo256And8Colours() {
        // Pure colours land on the cube's corners (16 + 36r + 6g + b), greys on the grey ramp.
        #expect(Theme.xterm256(RGB(255, 0, 0)) == 196)
        #expect(Theme.xterm256(RGB(0, 255, 0)) == 46)
        #expect(Theme.xterm256(RGB(0, 0, 255)) == 21)
        #expect(Theme.xterm256(RGB(0, 0, 0)) == 16)
        #expect(Theme.xterm256(RGB(128, 128, 128)) == 244)
        #expect(Theme.ansi8(RGB(255, 40, 40)) == 1)
        #expect(Theme.ansi8(RGB(20, 200, 20)) == 2)
        #expect(Theme.ansi8(RGB(250, 250, 250)) == 7)
    }

    @Test func everyBuiltInThemeLoadsAndMatchesItsFile() throws {
        for name in BuiltInThemes.names {
            let theme = try #require(BuiltInThemes.theme(name))
            #expect(theme.name == name)
            #expect(ColorRole.allCases.allSatisfy { theme.foreground[$0] != nil })
        }
    }

    @Test func themeFilesInTheRepositoryAreTheBuiltIns() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
        for name in BuiltInThemes.names {
            let file = try String(contentsOf: folder.appendingPathComponent("\(name).toml"), encoding: .utf8)
            #expect(file == BuiltInThemes.text(name)! + "\n", "themes/\(name).toml")
        }
    }

    @Test func badThemeFilesNameLineAndKey() {
        func error(_ text: String) -> ConfigError? {
            do {
                _ = try ThemeLoader.load(text: text, file: "t.toml")
                return nil
            } catch { return error }
        }
        let good = BuiltInThemes.text("dark")!
        #expect(error(good.replacingOccurrences(of: "\"#ff5f5f\"", with: "\"red\""))?.key == "colors.critical")
        #expect(
            error(good.replacingOccurrences(of: "good = \"#5fd75f\"\n", with: ""))?.message == "is required (#RRGGBB)")
        let unknown = error(good + "\nsparkle = \"#ffffff\"\n")
        #expect(unknown?.key == "colors.sparkle")
        #expect(unknown?.line == 16)
    }

    /// Each built-in theme cut, spliced and salted with broken pieces: it loads, or it is one error on a
    /// line of the file; never a crash.
    @Test func brokenThemesLoadOrNameALine() {
        var rng = SeededGenerator(seed: 5)
        let pieces = [
            "[[", "[.a]", "[colors]", "\"", "'''", "{", "=", "\u{0}", "\u{FEFF}", "\r", "#zz", "\"#12345\"",
            "text = 1", "name = \"\u{1B}]0;x\u{7}\"", "\n[colors]\n",
        ]
        for name in BuiltInThemes.names {
            let source = Array(BuiltInThemes.text(name)!.unicodeScalars)
            for _ in 0..<300 {
                var scalars = source
                let cut = rng.int(in: 0...scalars.count)
                scalars.removeSubrange(cut..<min(scalars.count, cut + rng.int(in: 0...30)))
                scalars.insert(
                    contentsOf: pieces[rng.int(in: 0...(pieces.count - 1))].unicodeScalars,
                    at: rng.int(in: 0...scalars.count))
                let text = String(String.UnicodeScalarView(scalars))
                do {
                    _ = try ThemeLoader.load(text: text, file: "t.toml")
                } catch {
                    let lines = text.unicodeScalars.filter { $0 == "\n" }.count + 1
                    #expect(error.line.map { (1...lines).contains($0) } == true, "\(error)")
                    #expect(!error.description.contains("\n"))
                }
            }
        }
    }

    @Test func monochromeShowsMeaningThroughAttributes() {
        #expect(MonochromeAttributes(Style(.critical)).underline)
        #expect(MonochromeAttributes(Style(.selection, reverse: true)).reverse)
        #expect(MonochromeAttributes(Style(.title)).bold)
        #expect(MonochromeAttributes(Style(.text)).code == ".")
    }
}
