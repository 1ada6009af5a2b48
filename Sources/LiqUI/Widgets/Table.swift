/// A table as values: columns with a title, a width (fixed, or flexible within bounds), an alignment and
/// a priority; rows of styled cells. Too narrow a rect drops the columns of lowest priority first (ties:
/// the rightmost), then flexible columns give up width down to their minimum. The selected row is drawn
/// in reverse across the whole width.
public struct Table: Sendable {
    public struct Column: Sendable {
        public enum Width: Sendable, Equatable {
            case fixed(Int)
            /// Takes what is left, from `min` up to `max` columns.
            case flexible(min: Int, max: Int)
        }

        public enum Alignment: Sendable { case left, right }

        public var title: String
        public var width: Width
        public var alignment: Alignment
        /// Higher stays longer when the table is narrow.
        public var priority: Int
        /// Columns of space before this one.
        public var gap: Int

        public init(_ title: String, _ width: Width, _ alignment: Alignment = .left, priority: Int = 10, gap: Int = 1) {
            self.title = title
            self.width = width
            self.alignment = alignment
            self.priority = priority
            self.gap = gap
        }

        var minimum: Int {
            switch width {
            case .fixed(let columns): columns
            case .flexible(let low, _): low
            }
        }
    }

    public struct Cell: Sendable, Equatable {
        public var text: String
        public var style: Style

        public init(_ text: String, _ style: Style = Style()) {
            self.text = text
            self.style = style
        }
    }

    /// A column laid out: which, where, how wide.
    public struct Placed: Sendable, Equatable {
        public var column: Int
        public var x: Int
        public var width: Int
    }

    public var columns: [Column]

    public init(_ columns: [Column]) { self.columns = columns }

    /// The columns that fit in `width`, and where they go.
    public func layout(width: Int) -> [Placed] {
        var kept = Array(columns.indices)
        func need(_ indices: [Int]) -> Int {
            indices.enumerated().reduce(0) {
                $0 + ($1.offset == 0 ? 0 : columns[$1.element].gap) + columns[$1.element].minimum
            }
        }
        while need(kept) > width, kept.count > 1 {
            let drop = kept.min { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }!
            kept.removeAll { $0 == drop }
        }
        var spare = max(0, width - need(kept))
        var placed: [Placed] = []
        var x = 0
        for (offset, index) in kept.enumerated() {
            if offset > 0 { x += columns[index].gap }
            var columnWidth = columns[index].minimum
            if case .flexible(let low, let high) = columns[index].width {
                let extra = min(spare, high - low)
                columnWidth += extra
                spare -= extra
            }
            placed.append(Placed(column: index, x: x, width: columnWidth))
            x += columnWidth
        }
        return placed
    }

    /// The header in the first line of `rect`, then `rows` from `first`, as many as fit; `selected` (an index
    /// into `rows`) in reverse. A row with fewer cells than columns leaves the rest blank.
    public func render(
        _ rows: [[Cell]], first: Int = 0, selected: Int? = nil, headerStyle: Style = Style(.header, bold: true),
        into buffer: inout ScreenBuffer, in rect: Rect
    ) {
        guard rect.height > 0 else { return }
        let placed = layout(width: rect.width)
        for place in placed {
            buffer.put(
                aligned(columns[place.column].title, place), x: rect.x + place.x, y: rect.y, style: headerStyle,
                clip: rect)
        }
        // Rows that do not fit are never dropped in silence: the last line counts them, and the selected row
        // stays in view.
        let capacity = rect.height - 1
        var first = first
        let overflow = rows.count - first > capacity
        let shown = overflow ? max(0, capacity - 1) : capacity
        if let selected, shown > 0, selected >= first + shown { first = selected - shown + 1 }
        if rows.count - first > capacity, capacity > 0 {
            let more = rows.count - first - shown
            buffer.put(
                "… \(Widgets.count(more)) more", x: rect.x, y: rect.y + capacity, style: Style(.dim), clip: rect)
        }
        for (offset, row) in rows.dropFirst(first).prefix(rows.count - first > capacity ? shown : capacity).enumerated()
        {
            let y = rect.y + 1 + offset
            let isSelected = selected == first + offset
            let selection = Style(.selection, reverse: true)
            if isSelected {
                buffer.fill(
                    Rect(x: rect.x, y: y, width: rect.width, height: 1), with: LiqUI.Cell(" ", style: selection))
            }
            for place in placed where place.column < row.count {
                let cell = row[place.column]
                buffer.put(
                    aligned(cell.text, place), x: rect.x + place.x, y: y, style: isSelected ? selection : cell.style,
                    clip: rect)
            }
        }
    }

    func aligned(_ text: String, _ place: Placed) -> String {
        columns[place.column].alignment == .left ? Widgets.left(text, place.width) : Widgets.right(text, place.width)
    }
}
