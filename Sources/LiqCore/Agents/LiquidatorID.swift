/// Who sends a liquidation: one of the bots, or the person at the terminal (who bids as a bot does).
public enum LiquidatorID: Sendable, Hashable {
    case bot(Int)
    case user
}
