/// A rectangle of cells; layout splits rectangles, panels draw inside them.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle shrunk by `by` cells on every side.
    public func inset(_ by: Int) -> Rect { Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by) }

    /// Splits into rows of the given heights; the last takes what is left.
    public func rows(_ heights: [Int]) -> [Rect] {
        var top = y
        var result: [Rect] = []
        for (index, height) in heights.enumerated() {
            let h = index == heights.count - 1 ? maxY - top : min(height, maxY - top)
            result.append(Rect(x: x, y: top, width: width, height: h))
            top += max(0, h)
        }
        return result
    }

    /// Splits into columns by fractions of the width (they need not add up to 1; the last takes the rest).
    public func columns(_ fractions: [Double]) -> [Rect] {
        var left = x
        var result: [Rect] = []
        for (index, fraction) in fractions.enumerated() {
            let w = index == fractions.count - 1 ? maxX - left : min(Int(Double(width) * fraction), maxX - left)
            result.append(Rect(x: left, y: y, width: w, height: height))
            left += max(0, w)
        }
        return result
    }
}
