/// The six regions of SimBlock's network model with its 2019 measurements
/// (dsg-titech/simblock `NetworkConfiguration.java`; docs/mechanics.md).
public enum Region: Int, CaseIterable, Sendable, Comparable {
    case na, eu, sa, ap, jp, au

    public static func < (lhs: Region, rhs: Region) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The short id used everywhere a region is named: na, eu, sa, ap, jp, au.
    public var id: String { ["na", "eu", "sa", "ap", "jp", "au"][rawValue] }

    public var name: String {
        ["North America", "Europe", "South America", "Asia-Pacific", "Japan", "Australia"][rawValue]
    }

    /// Parses an id, case-insensitively.
    public init?(id: String) {
        guard let region = Region.allCases.first(where: { $0.id == id.lowercased() }) else { return nil }
        self = region
    }

    /// `LATENCY_2019`: mean one-way latency in ms, row = from, column = to.
    public static let latency2019: [[Int]] = [
        [32, 124, 184, 198, 151, 189],
        [124, 11, 227, 237, 252, 294],
        [184, 227, 88, 325, 301, 322],
        [198, 237, 325, 85, 58, 198],
        [151, 252, 301, 58, 12, 126],
        [189, 294, 322, 198, 126, 16],
    ]

    /// `DOWNLOAD_BANDWIDTH_2019` and `UPLOAD_BANDWIDTH_2019`, bit/s.
    public static let download2019: [Int] = [52_000_000, 40_000_000, 18_000_000, 22_800_000, 22_800_000, 29_900_000]
    public static let upload2019: [Int] = [19_200_000, 20_700_000, 5_800_000, 15_700_000, 10_200_000, 11_300_000]

    /// `REGION_DISTRIBUTION_BITCOIN_2019`: share of nodes per region.
    public static let nodeShare2019: [Double] = [0.3316, 0.4998, 0.0090, 0.1177, 0.0224, 0.0195]

    /// Bandwidth of a transfer: `min(upload[from], download[to])` (SimBlock `Network.getBandwidth`).
    public static func bandwidth(from: Region, to: Region) -> Int {
        min(upload2019[from.rawValue], download2019[to.rawValue])
    }
}
