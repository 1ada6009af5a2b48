/// What a key does.
public enum Action: Equatable, Sendable {
    case quit, togglePause, step, faster, slower, nextPanel, previousPanel, up, down, pageUp, pageDown, first, last
    case open, close, filter, sort, help, cycleTheme, toggleBots
    case shockDialog, shockDown5, shockUp5, shockDown20, toggleOutage, toggleNode, toggleDegrade, toggleCut, toggleFreeze
    case stepBack, stepForward, execute
}

/// One row of the keymap: it drives dispatch, the hint bar and the help overlay (k9s, lazygit).
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var label: String
    public var help: String
    /// nil: everywhere; otherwise only when that panel has focus.
    public var panel: Panel?
    public var inHintBar: Bool
    public var action: Action
    /// Shown in the help overlay (a row whose keys another row already names is not).
    public var inHelp = true
}

public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.char("?")], label: "?", help: "help: every key", panel: nil, inHintBar: true, action: .help),
        KeyBinding(keys: [.char("q")], label: "q", help: "quit", panel: nil, inHintBar: true, action: .quit),
        KeyBinding(keys: [.char(" ")], label: "space", help: "pause or resume the simulation", panel: nil, inHintBar: true, action: .togglePause),
        KeyBinding(keys: [.char(".")], label: ".", help: "one tick while paused", panel: nil, inHintBar: false, action: .step),
        KeyBinding(keys: [.char("+"), .char("=")], label: "+/-", help: "faster / slower: 0.25, 0.5, 1, 2, 5, 10 … 1000 simulated s per s", panel: nil, inHintBar: true, action: .faster),
        KeyBinding(keys: [.char("-")], label: "-", help: "slower", panel: nil, inHintBar: false, action: .slower, inHelp: false),
        KeyBinding(keys: [.tab], label: "tab", help: "next panel (shift-tab: previous)", panel: nil, inHintBar: true, action: .nextPanel),
        KeyBinding(keys: [.backTab], label: "shift-tab", help: "previous panel", panel: nil, inHintBar: false, action: .previousPanel, inHelp: false),
        KeyBinding(keys: [.up, .char("k")], label: "↑↓/jk", help: "move the selection (up/down)", panel: nil, inHintBar: false, action: .up),
        KeyBinding(keys: [.down, .char("j")], label: "↓", help: "move down", panel: nil, inHintBar: false, action: .down, inHelp: false),
        KeyBinding(keys: [.pageUp], label: "pgup/pgdn", help: "page up / down", panel: nil, inHintBar: false, action: .pageUp),
        KeyBinding(keys: [.pageDown], label: "pgdn", help: "page down", panel: nil, inHintBar: false, action: .pageDown, inHelp: false),
        KeyBinding(keys: [.home, .char("g")], label: "home/end", help: "first / last row (also g / G)", panel: nil, inHintBar: false, action: .first),
        KeyBinding(keys: [.end, .char("G")], label: "end", help: "last row", panel: nil, inHintBar: false, action: .last, inHelp: false),
        KeyBinding(keys: [.enter], label: "enter", help: "open: a region's nodes, a liquidation's walkthrough", panel: nil, inHintBar: true, action: .open),
        KeyBinding(keys: [.escape], label: "esc", help: "close; back from a region's nodes; clear the filter", panel: nil, inHintBar: false, action: .close),
        KeyBinding(keys: [.char("t")], label: "t", help: "next theme", panel: nil, inHintBar: false, action: .cycleTheme),
        KeyBinding(keys: [.char("a")], label: "a", help: "automatic liquidators on or off", panel: nil, inHintBar: true, action: .toggleBots),
        KeyBinding(keys: [.char("p")], label: "p", help: "price shock: choose an asset, type a percentage, preview, confirm", panel: nil, inHintBar: true, action: .shockDialog),
        KeyBinding(keys: [.char("1")], label: "1/2/3", help: "shock the selected asset −5 % / +5 % / −20 %", panel: .market, inHintBar: true, action: .shockDown5),
        KeyBinding(keys: [.char("2")], label: "2", help: "+5 % on the selected asset", panel: .market, inHintBar: false, action: .shockUp5, inHelp: false),
        KeyBinding(keys: [.char("3")], label: "3", help: "−20 % on the selected asset", panel: .market, inHintBar: false, action: .shockDown20, inHelp: false),
        KeyBinding(keys: [.char("f")], label: "f", help: "freeze or unfreeze the oracle of the asset selected in Market", panel: nil, inHintBar: false, action: .toggleFreeze),
        KeyBinding(keys: [.char("o")], label: "o", help: "region outage, or power loss at a selected node's data center (again: recover)", panel: .nodes, inHintBar: true, action: .toggleOutage),
        KeyBinding(keys: [.char("c")], label: "c", help: "crash or restart the selected node", panel: .nodes, inHintBar: true, action: .toggleNode),
        KeyBinding(keys: [.char("d")], label: "d", help: "degrade or restore the selected region's links", panel: .nodes, inHintBar: true, action: .toggleDegrade),
        KeyBinding(keys: [.char("x")], label: "x", help: "cut or restore the selected region's links (partition)", panel: .nodes, inHintBar: true, action: .toggleCut),
        KeyBinding(keys: [.char("/")], label: "/", help: "filter pending liquidations by account (esc clears)", panel: nil, inHintBar: false, action: .filter),
        KeyBinding(keys: [.char("s")], label: "s", help: "sort pending liquidations: HF, debt, profit", panel: .liquidations, inHintBar: true, action: .sort),
    ]

    /// Keys inside the walkthrough.
    public static let walkthroughBindings: [KeyBinding] = [
        KeyBinding(keys: [.left, .char("h")], label: "←", help: "previous step", panel: nil, inHintBar: true, action: .stepBack),
        KeyBinding(keys: [.right, .char("l")], label: "→", help: "next step", panel: nil, inHintBar: true, action: .stepForward),
        KeyBinding(keys: [.char("x")], label: "x", help: "execute as the liquidator (asks to confirm)", panel: nil, inHintBar: true, action: .execute),
        KeyBinding(keys: [.char(" ")], label: "space", help: "pause or resume", panel: nil, inHintBar: true, action: .togglePause),
        KeyBinding(keys: [.escape, .char("q")], label: "esc", help: "close", panel: nil, inHintBar: true, action: .close),
    ]

    /// Keys inside the shock dialog and the help overlay, for the hint bar.
    public static let shockBindings: [KeyBinding] = [
        KeyBinding(keys: [.up], label: "↑↓", help: "asset", panel: nil, inHintBar: true, action: .up),
        KeyBinding(keys: [.enter], label: "enter", help: "apply", panel: nil, inHintBar: true, action: .open),
        KeyBinding(keys: [.escape], label: "esc", help: "cancel", panel: nil, inHintBar: true, action: .close),
    ]
    public static let helpBindings: [KeyBinding] = [
        KeyBinding(keys: [.up], label: "↑↓", help: "scroll", panel: nil, inHintBar: true, action: .up),
        KeyBinding(keys: [.escape], label: "esc", help: "close", panel: nil, inHintBar: true, action: .close),
    ]

    public static func action(for key: Key, focus: Panel) -> Action? {
        bindings.first { $0.keys.contains(key) && ($0.panel == nil || $0.panel == focus) }?.action
    }
}
