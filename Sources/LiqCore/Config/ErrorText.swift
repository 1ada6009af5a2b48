/// Escapes control and format characters (`\n`, `\u{1B}`, …) so that text from a file or the command
/// line can be shown on one line without reaching the terminal as a control sequence.
public func sanitized(_ text: String) -> String {
    // Printable ASCII, most text, is its own sanitized form (the dashboard sanitizes every event each frame).
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case " "..."~": out.unicodeScalars.append(scalar)
        case _ where scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format:
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// A value from a file or the command line, quoted for an error message: sanitized, and cut to
/// `limit` characters so that a huge value never pushes the message itself off the line.
public func quoted(_ text: String, limit: Int = 48) -> String {
    "\"" + shortened(text, limit: limit) + "\""
}

/// Sanitized and cut to `limit` characters, with "…" where it was cut.
public func shortened(_ text: String, limit: Int = 48) -> String {
    var head = ""
    var count = 0
    for character in text {
        if count == limit { return sanitized(head) + "…" }
        head.append(character)
        count += 1
    }
    return sanitized(head)
}
