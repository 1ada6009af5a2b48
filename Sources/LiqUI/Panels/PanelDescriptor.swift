import LiqCore

/// What the dashboard knows of a panel: where it goes, how many rows its selection moves over, how it
/// draws, and the keys it adds while it has focus. A new panel is one file with its descriptor, plus one
/// line in `Dashboard.panels`; the layouts are computed from the descriptors.
struct PanelDescriptor: Sendable {
    var panel: Panel
    /// Its column in the two-column grid (0 left, 1 right); nil: docked across the bottom.
    var column: Int?
    /// Its share of its column's height in the grid.
    var weight: Int
    /// The most rows it wants in the middle layout, where panels pair up in rows.
    var preferredHeight: Int?
    var keys: [KeyBinding] = []
    var rowCount: @Sendable (Snapshot, ViewState) -> Int
    var render: @Sendable (Snapshot, ViewState, inout ScreenBuffer, Rect) -> Void
}
