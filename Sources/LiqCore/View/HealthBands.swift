/// The health-factor bands of the dashboard's histogram, the shock scan's histogram and the help text:
/// defined here once.
public enum HealthBands {
    /// Each band's label and upper edge; the last band is open.
    public static let bands: [(label: String, upperEdge: Double)] = [
        ("< 0.9", 0.9), ("0.9–0.95", 0.95), ("0.95–1.0", 1.0), ("1.0–1.05", 1.05), ("1.05–1.1", 1.1),
        ("1.1–1.25", 1.25), ("1.25–1.5", 1.5), ("1.5–2", 2), ("2–3", 3), ("≥ 3", .infinity),
    ]

    /// The finite edges, for the scans that count accounts per band.
    public static let edges: [Double] = bands.dropLast().map(\.upperEdge)
}
