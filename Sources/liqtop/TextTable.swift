import LiqUI

/// Left- or right-aligned text columns for terminal output. Written by hand: the only table package
/// on the list (ordo-one/TextTable, a 2019 alpha fork) formats through Foundation formatters and
/// adds nothing a dozen lines don't.
struct TextTable {
    enum Alignment { case left, right }
    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    func rendered() -> String {
        let all = [headers] + rows
        // Columns, not characters: an id in CJK or with an emoji takes two columns a character.
        let widths = headers.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let cell = row[column]
                let gap = String(repeating: " ", count: widths[column] - displayWidth(cell))
                return alignments[column] == .left ? cell + gap : gap + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
