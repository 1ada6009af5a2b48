import Foundation

/// A progress line on stderr for long headless runs, when stderr is a terminal: ticks done, the share,
/// the time taken and an estimate of what is left. Nothing is shown for runs shorter than a second.
struct SimProgress {
    let total: Int
    private let started = ContinuousClock.now
    private var shownAt: ContinuousClock.Instant?
    private let visible = isatty(2) == 1

    init(total: Int) { self.total = total }

    var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    mutating func advance(to tick: Int) {
        guard visible, tick % 64 == 0 else { return }
        let now = ContinuousClock.now
        guard now - started > .seconds(1), shownAt.map({ now - $0 > .milliseconds(250) }) ?? true else { return }
        shownAt = now
        let seconds = elapsedSeconds
        let left = seconds / Double(tick) * Double(total - tick)
        let line = String(
            format: "\r\u{1B}[Ktick %d of %d (%.0f %%), %.0f s, about %.0f s left (Ctrl-C stops)",
            tick, total, Double(tick) / Double(max(total, 1)) * 100, seconds, left)
        FileHandle.standardError.write(Data(line.utf8))
    }

    mutating func clear() {
        guard shownAt != nil else { return }
        shownAt = nil
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// SIGINT, SIGTERM, SIGHUP.
    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT (Ctrl-C)"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(signal)"
        }
    }
}
