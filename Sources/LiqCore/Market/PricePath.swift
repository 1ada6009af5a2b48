/// A recorded price path for one asset (`[[price_paths]]`): points of (time, USD price), the price moving
/// linearly between them and holding the last one after it. With `noise`, the asset's own random process
/// wanders around the path (reverting to it within about an hour) instead of being switched off.
public struct PricePath: Sendable, Equatable {
    public var asset: Int
    /// Milliseconds from the start, strictly increasing, the first at 0; prices USD with 8 decimals.
    public var points: [(ms: Int64, price: UInt128)]
    public var noise: Bool

    public init(asset: Int, points: [(ms: Int64, price: UInt128)], noise: Bool) {
        self.asset = asset
        self.points = points
        self.noise = noise
    }

    /// How fast noise returns to the path, per second.
    static let noiseReversion = 1.0 / 3_600

    /// The path's price at `ms`, in USD (linear between points; the last point's after it).
    public func price(atMs ms: Int64) -> Double {
        guard let last = points.last else { return 0 }
        guard ms < last.ms else { return Double(last.price) / 1e8 }
        var index = 1
        while points[index].ms <= ms { index += 1 }
        let (from, to) = (points[index - 1], points[index])
        let share = Double(ms - from.ms) / Double(to.ms - from.ms)
        return (Double(from.price) + (Double(to.price) - Double(from.price)) * share) / 1e8
    }

    public static func == (a: PricePath, b: PricePath) -> Bool {
        a.asset == b.asset && a.noise == b.noise && a.points.map(\.ms) == b.points.map(\.ms)
            && a.points.map(\.price) == b.points.map(\.price)
    }
}
