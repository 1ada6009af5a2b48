import LiqCore

/// What the driver that plays the world does with it (not the world's state: pause, speed, one step).
public enum Playback: Sendable, Equatable {
    case pause
    case resume
    /// One tick while paused.
    case step
    /// Simulated seconds per real second.
    case setSpeed(Double)
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
    case quit
}
