import Testing

@testable import LiqUI

@Suite struct ScreenBufferTests {
    @Test func textIsClippedToTheBufferAndTheClipRect() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        #expect(buffer.put("hello world", x: 2, y: 0) == 8)
        buffer.put("abcdef", x: 0, y: 1, clip: Rect(x: 2, y: 1, width: 3, height: 1))
        buffer.put("outside", x: 0, y: 5)
        // What the buffer or the clip cuts ends in "…"; blanks cut off need none.
        #expect(buffer.lines == ["  hello w…", "  cd…", ""])
        buffer.put("ab   ", x: 0, y: 2, clip: Rect(x: 0, y: 2, width: 3, height: 1))
        #expect(buffer.line(2) == "ab")
    }

    @Test func controlAndWideCharactersTakeOneCellAsQuestionMarks() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.put("a\u{1B}[2Jb漢c\u{301}d", x: 0, y: 0)
        // ESC becomes "?", "[2J" stays as text, the wide 漢 becomes "?", the combining accent is dropped.
        #expect(buffer.line(0) == "a?[2Jb?cd")
    }

    @Test func stylesAreKeptPerCell() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("ok", x: 1, y: 0, style: Style(.good, bold: true))
        #expect(buffer[1, 0].style == Style(.good, bold: true))
        #expect(buffer[0, 0].style == .plain)
    }

    @Test func rectanglesSplitWithoutGapsOrOverlap() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        let rows = area.rows([1, 10, 12, 1])
        #expect(rows.map(\.height) == [1, 10, 12, 1])
        #expect(rows.map(\.y) == [0, 1, 11, 23])
        let columns = area.columns([0.5, 0.25, 0.25])
        #expect(columns.map(\.width) == [40, 20, 20])
        #expect(columns.map(\.x) == [0, 40, 60])
        #expect(Rect(x: 0, y: 0, width: 3, height: 3).inset(2).isEmpty)
    }
}

/// The fast path for plain scalars writes what the general path writes: every plain scalar is shown as
/// it is by `displayable`, and is a grapheme of its own beside any other plain scalar (so a string of them
/// has one character per scalar).
@Suite struct PlainScalarTests {
    static let plain: [Unicode.Scalar] = (0...0x2FFF).compactMap(Unicode.Scalar.init).filter(ScreenBuffer.isPlain)

    @Test func plainScalarsAreShownAsTheyAre() {
        #expect(Self.plain.count > 1_000)
        for scalar in Self.plain {
            #expect(
                ScreenBuffer.displayable(Character(scalar)) == Character(scalar), "U+\(String(scalar.value, radix: 16))"
            )
        }
        // What is not plain: controls, the soft hyphen, zero-width and bidi formats, line separators.
        for value: UInt32 in [0x07, 0x7F, 0x9F, 0xAD, 0x200B, 0x200D, 0x2028, 0x2029, 0x2066, 0x25FD, 0x25FE, 0x0301] {
            #expect(!ScreenBuffer.isPlain(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
    }

    @Test func plainScalarsAreOneCharacterEach() {
        // Every plain scalar after each of a few others, and a run of them all: as many characters as scalars.
        var all = String.UnicodeScalarView()
        all.append(contentsOf: Self.plain)
        #expect(String(all).count == Self.plain.count)
        for before: Unicode.Scalar in ["a", " ", "─", "█", "·", "⣿"] {
            for scalar in Self.plain {
                var pair = String.UnicodeScalarView()
                pair.append(before)
                pair.append(scalar)
                #expect(String(pair).count == 2)
            }
        }
    }

    /// A plain scalar is one column, as the general width says.
    @Test func plainWidthIsTheGeneralWidth() {
        for scalar in Self.plain { #expect(widthOfAnyText(String(Character(scalar))) == 1) }
        for text in ["│ 1.25–1.5  ████▌ · ▲ ≥ ⣿", "abc", "", "a\u{200B}b", "日本", "e\u{301}"] {
            #expect(displayWidth(text) == widthOfAnyText(text), "\(text)")
        }
        #expect(displayWidth("│ 1.25–1.5 ██") == 13 && displayWidth("日本") == 4 && displayWidth("a\u{200B}b") == 2)
    }

    /// The same cells from the plain path and from the general one, cut or not.
    @Test func bothPathsWriteTheSameCells() {
        let texts = ["│ 1.25–1.5  ████▌ 12.3 % · ▲ ≥ 3 ⣀⣤⣶", "plain ascii that is cut short here", "x   ", ""]
        for text in texts {
            #expect(text.unicodeScalars.allSatisfy(ScreenBuffer.isPlain))
            for (x, width) in [(1, 4), (1, 12), (0, 40), (-3, 10), (5, 2)] {
                let clip = Rect(x: 0, y: 0, width: width, height: 1)
                var plain = ScreenBuffer(width: 40, height: 1), general = plain
                let a = plain.putPlain(text.unicodeScalars, x: x, y: 0, style: .plain, bounds: clip)
                let b = general.putCharacters(text, x: x, y: 0, style: .plain, bounds: clip)
                #expect(a == b && plain.lines == general.lines && plain == general, "\(text) at \(x) in \(width)")
            }
        }
    }
}
