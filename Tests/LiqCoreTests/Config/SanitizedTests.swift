import LiqCore
import Testing

/// Text from files and the command line reaches the screen with its control and format characters
/// escaped; printable text, ASCII or not, is left as it is.
@Suite struct SanitizedTests {
    @Test func escapesControlAndFormatCharacters() {
        #expect(sanitized("a\nb\rc\td") == "a\\nb\\rc\\td")
        #expect(sanitized("\u{1B}[2J") == "\\u{1B}[2J")
        #expect(sanitized("zero\u{200B}width") == "zero\\u{200B}width")
        #expect(sanitized("del\u{7F}") == "del\\u{7F}")
        #expect(sanitized("c1\u{85}") == "c1\\u{85}")
    }

    @Test func leavesPrintableTextAlone() {
        let texts = [
            "block 12 by node-3, 4 txs", "", "WETH −20 % · HF ≥ 1.05 — 日本 ⣿", "~ !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}",
        ]
        for text in texts { #expect(sanitized(text) == text) }
    }
}
