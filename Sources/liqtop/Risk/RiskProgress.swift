import Foundation

/// The progress line of `liqtop risk` on stderr, when stderr is a terminal: paths done of all, paths per
/// second, the time taken and an estimate of what is left. Workers report from their own threads, so the
/// count and the line are kept under a lock.
final class RiskProgress: @unchecked Sendable {
    let total: Int
    private let visible: Bool
    private let started = ContinuousClock.now
    private let lock = NSLock()
    private var count = 0
    private var shownAt: ContinuousClock.Instant?

    init(total: Int, visible: Bool) {
        self.total = total
        self.visible = visible
        // A path of a large world can take a while: say at once that the run has started.
        if visible {
            shownAt = started
            let line =
                "\r\u{1B}[K[\(String(repeating: ".", count: 20))] 0/\(total) paths  the first are running (Ctrl-C stops)"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Paths finished so far.
    var done: Int { lock.withLock { count } }

    func advance() {
        lock.withLock {
            count += 1
            guard visible else { return }
            let now = ContinuousClock.now
            guard shownAt.map({ now - $0 > .milliseconds(250) }) ?? true else { return }
            shownAt = now
            FileHandle.standardError.write(Data(Self.line(done: count, total: total, seconds: seconds(now)).utf8))
        }
    }

    func clear() {
        lock.withLock {
            guard shownAt != nil else { return }
            shownAt = nil
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }

    private func seconds(_ now: ContinuousClock.Instant) -> Double {
        let elapsed = now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// `\r[####......] 412/1000 paths  6.9/s  60 s, about 85 s left (Ctrl-C stops)`.
    static func line(done: Int, total: Int, seconds: Double) -> String {
        let share = Double(done) / Double(max(total, 1))
        let filled = Int((share * 20).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        return String(
            format: "\r\u{1B}[K[%@] %d/%d paths  %.1f/s  %.0f s, about %.0f s left (Ctrl-C stops)",
            bar, done, total, rate, seconds, left)
    }
}
