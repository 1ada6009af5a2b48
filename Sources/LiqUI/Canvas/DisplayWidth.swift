/// How many terminal columns text takes: a character is one column, East Asian wide and fullwidth
/// characters and emoji are two, and control characters none (they are never printed raw).
public func displayWidth(_ text: String) -> Int {
    // Plain scalars (`ScreenBuffer.isPlain`) are a character and a column each: no look at Unicode's tables.
    var plain = 0
    for scalar in text.unicodeScalars {
        guard ScreenBuffer.isPlain(scalar) else { return widthOfAnyText(text) }
        plain += 1
    }
    return plain
}

func widthOfAnyText(_ text: String) -> Int {
    var columns = 0
    for character in text {
        guard let first = character.unicodeScalars.first else { continue }
        switch first.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: continue
        default: columns += first.properties.isEmojiPresentation || first.isWide ? 2 : 1
        }
    }
    return columns
}

extension Unicode.Scalar {
    /// Takes two columns in a terminal: the East Asian wide and fullwidth blocks.
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
