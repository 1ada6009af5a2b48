import LiqCore

/// What the driver that plays the world does with it (not the world's state: pause, speed, one step).
public enum Playback: Sendable, Equatable {
    case pause
    case resume
    /// One tick while paused.
    case step
    /// Simulated seconds per real second.
    case setSpeed(Double)

    /// The snapshot on screen as the playback leaves it, until the driver's next snapshot says so itself:
    /// keys pressed in between (four quick +) then start from the new speed, not the old one.
    public func apply(to snapshot: inout Snapshot) {
        switch self {
        case .pause: snapshot.paused = true
        case .resume: snapshot.paused = false
        case .step: break
        case .setSpeed(let speed): snapshot.speed = speed
        }
    }
}

/// What a key asks of the world outside the view: the reducer is pure and returns these, and the run loop
/// carries them out. The only way the UI reaches the engine.
public enum Effect: Sendable, Equatable {
    /// A command to the world.
    case engine(Command)
    case playback(Playback)
    /// The snapshot the screen now needs (sent when it changes).
    case request(SnapshotRequest)
    /// A built-in theme, by name.
    case theme(String)
    /// The Risk view's Monte Carlo.
    case risk(RiskRequest)
    /// Moving through a recording (`liqtop replay`), or branching from it.
    case replay(ReplayMove)
    case quit
}

/// Where to go in a recording: a block or a minute either way, its ends, a moment; or branch from here.
public enum ReplayMove: Sendable, Equatable {
    case blockForward, blockBack, minuteForward, minuteBack, start, end
    case to(tick: Int)
    case branch
}

/// What the Risk view asks of the Monte Carlo that runs beside the world.
public enum RiskRequest: Sendable, Equatable {
    /// A new run from the world's present (a running one stops).
    case start
    /// A new run, then the same paths with the open governance proposals executed at once, to compare.
    case compare
    case stop
    /// Watch path `path` of the last run instead of the live world, from the moment the run started.
    case open(path: Int)
    /// Back to the live world, as it was when a path was opened.
    case live
}
