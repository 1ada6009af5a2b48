/// What a key does.
public enum Action: Equatable, Sendable {
    case quit, togglePause, step, faster, slower, nextPanel, previousPanel, up, down, pageUp, pageDown, first, last
    case open, close, filter, sort, help, cycleTheme, toggleBots
    case shockDialog, shockDown5, shockUp5, shockDown20, toggleOutage, toggleNode, toggleIntrusion, toggleDegrade,
        toggleCut,
        toggleFreeze
    case stepBack, stepForward, execute, confirm, apply, erase
    case riskView, rerun, stopRun, backToLive, proposalForm, previousAsset, nextAsset, compareProposals
    case blockForward, blockBack, minuteForward, minuteBack, recordingStart, recordingEnd, goTo, branch
    case stewardUpdate
    /// Typing into a text field (a row of the help and the hint bar; no key of its own).
    case type
}

/// Where keys go: the dashboard itself, or one of the overlays and prompts on top of it.
public enum Mode: CaseIterable, Sendable {
    case main, help, shock, proposal, walkthrough, confirm, filter, risk, replay, goTo

    /// How the help overlay names the mode.
    public var title: String {
        switch self {
        case .main: "dashboard"
        case .help: "help"
        case .shock: "shock dialog"
        case .proposal: "proposal form"
        case .walkthrough: "walkthrough"
        case .confirm: "confirm"
        case .filter: "filter"
        case .risk: "risk view"
        case .replay: "replay"
        case .goTo: "go to"
        }
    }
}

/// One row of the keymap: it drives dispatch, the hint bar and the help overlay, in every mode (k9s, lazygit).
public struct KeyBinding: Sendable {
    public var keys: [Key]
    /// The keys as the hint bar and help show them.
    public var label: String
    /// A word or two for the hint bar.
    public var hint: String
    /// A sentence for the help overlay.
    public var help: String
    /// nil: in every panel; otherwise only when that panel has focus.
    public var panel: Panel?
    public var inHintBar: Bool
    public var action: Action
    /// Shown in the help overlay (a row whose keys another row already names is not).
    public var inHelp = true
}

public enum KeyMap {
    static func key(
        _ keys: [Key], _ label: String, _ hint: String, _ help: String, _ action: Action, panel: Panel? = nil,
        bar: Bool = true, inHelp: Bool = true
    ) -> KeyBinding {
        KeyBinding(
            keys: keys, label: label, hint: hint, help: help, panel: panel, inHintBar: bar, action: action,
            inHelp: inHelp)
    }

    /// The dashboard's keys: these everywhere, and each panel's own while it has focus (its descriptor).
    public static let main: [KeyBinding] = global + Dashboard.panels.flatMap(\.keys)

    static let global: [KeyBinding] = [
        key([.char("?")], "?", "help", "help: every key, in every mode", .help),
        key([.char("q")], "q", "quit", "quit", .quit),
        key([.char(" ")], "space", "pause", "pause or resume the simulation", .togglePause),
        key([.char(".")], ".", "step", "one tick while paused", .step, bar: false),
        key(
            [.char("+"), .char("=")], "+/-", "speed",
            "faster / slower: 0.25, 0.5, 1, 2, 5, 10 … 1000 simulated s per s", .faster),
        key([.char("-")], "-", "slower", "slower", .slower, bar: false, inHelp: false),
        key([.tab], "tab", "panel", "next panel (shift-tab: previous)", .nextPanel),
        key([.backTab], "shift-tab", "previous", "previous panel", .previousPanel, bar: false, inHelp: false),
        key([.up, .char("k")], "↑↓/jk", "move", "move the selection (up/down)", .up, bar: false),
        key([.down, .char("j")], "↓", "down", "move down", .down, bar: false, inHelp: false),
        key([.pageUp], "pgup/pgdn", "page", "page up / down", .pageUp, bar: false),
        key([.pageDown], "pgdn", "page down", "page down", .pageDown, bar: false, inHelp: false),
        key([.home, .char("g")], "home/end", "ends", "first / last row (also g / G)", .first, bar: false),
        key([.end, .char("G")], "end", "last", "last row", .last, bar: false, inHelp: false),
        key([.enter], "enter", "open", "open: a region's nodes, a liquidation's walkthrough", .open),
        key([.escape], "esc", "close", "close; back from a region's nodes; clear the filter", .close, bar: false),
        key([.char("t")], "t", "theme", "next theme", .cycleTheme, bar: false),
        key([.char("a")], "a", "bots", "automatic liquidators on or off", .toggleBots),
        key(
            [.char("p")], "p", "shock", "price shock: choose an asset, type a percentage, preview, confirm",
            .shockDialog),
        key(
            [.char("r")], "r", "risk",
            "risk view: a Monte Carlo of bad debt from this moment (paths with their own prices and faults)",
            .riskView),
        key(
            [.char("l")], "l", "live world", "back to the live world, when watching a risk path", .backToLive,
            bar: false),
        key(
            [.char("f")], "f", "freeze oracle", "freeze or unfreeze the oracle of the asset selected in Market",
            .toggleFreeze, bar: false),
        key(
            [.char("v")], "v", "propose",
            "governance proposal: new risk parameters for the asset selected in Market, previewed exactly",
            .proposalForm, bar: false),
        key([.char("/")], "/", "filter", "filter pending liquidations by account (esc clears)", .filter, bar: false),
    ]

    public static let proposal: [KeyBinding] = [
        key([], "0-9 .", "type %", "type the new value in per cent (bonus as Aave writes it: 105 is 5 %)", .type),
        key([.up], "↑↓", "parameter", "previous / next parameter", .up),
        key([.down, .tab], "↓", "next parameter", "next parameter", .down, bar: false, inHelp: false),
        key([.left], "←→", "asset", "previous / next asset", .previousAsset),
        key([.right], "→", "next asset", "next asset", .nextAsset, bar: false, inHelp: false),
        key([.backspace], "backspace", "erase", "erase (past the start: back to today's value)", .erase, bar: false),
        key([.enter], "enter", "propose", "propose it: voting, timelock, then execution in a block", .apply),
        key(
            [.char("s")], "s", "steward",
            "as the risk steward: no vote, in the next block; LTV and threshold ±0.25 %, bonus ±0.5 %, 3 days apart",
            .stewardUpdate),
        key([.escape], "esc", "cancel", "cancel", .close),
        key([.char("?")], "?", "help", "every key", .help),
    ]

    /// A recording (`liqtop replay`): its own keys first, then the dashboard's (Home, End and g move through
    /// the recording here, not through lists).
    public static let replay: [KeyBinding] =
        replayKeys
        + main.filter { binding in !binding.keys.contains { key in replayKeys.contains { $0.keys.contains(key) } } }

    static let replayKeys: [KeyBinding] = [
        key([.char("]")], "]/[", "block", "one block forward / back", .blockForward),
        key([.char("[")], "[", "block back", "one block back", .blockBack, bar: false, inHelp: false),
        key([.char("}")], "}/{", "minute", "one minute forward / back", .minuteForward),
        key([.char("{")], "{", "minute back", "one minute back", .minuteBack, bar: false, inHelp: false),
        key([.home], "Home/End", "ends", "the start / the end of the recording", .recordingStart, bar: false),
        key([.end], "End", "end", "the end of the recording", .recordingEnd, bar: false, inHelp: false),
        key([.char("g")], "g", "go to", "go to a moment: type hh:mm:ss, mm:ss or seconds, then enter", .goTo),
        key(
            [.char("b")], "b", "branch",
            "branch: the world goes live from the moment shown, and your commands change it (recorded with --record)",
            .branch),
    ]

    public static let goTo: [KeyBinding] = [
        key([], "0-9 :", "time", "type the moment: hh:mm:ss, mm:ss or seconds", .type),
        key([.backspace], "backspace", "erase", "erase the last character", .erase),
        key([.enter], "enter", "go", "go there", .apply),
        key([.escape], "esc", "cancel", "cancel", .close),
    ]

    public static let help: [KeyBinding] = [
        key([.down, .char("j")], "↑↓/jk", "scroll", "scroll the help", .down),
        key([.up, .char("k")], "↑", "up", "scroll up", .up, bar: false, inHelp: false),
        key([.pageDown, .char(" ")], "PgDn/PgUp", "page", "a page down or up", .pageDown),
        key([.pageUp], "PgUp", "page up", "a page up", .pageUp, bar: false, inHelp: false),
        key([.home, .char("g")], "Home/End", "top/end", "the top or the end (also g, G)", .first, bar: false),
        key([.end, .char("G")], "End", "end", "the end", .last, bar: false, inHelp: false),
        key(
            [.escape, .char("?"), .char("q"), .enter], "esc", "close",
            "close the help, back to where you were (also ?, q, enter)", .close),
    ]

    public static let shock: [KeyBinding] = [
        key([], "0-9 . - +", "type %", "type the change in per cent (the first key replaces the suggestion)", .type),
        key([.up, .left], "↑↓", "asset", "previous / next asset", .up),
        key([.down, .right, .tab], "↓", "next asset", "next asset", .down, bar: false, inHelp: false),
        key([.backspace], "backspace", "erase", "erase the last character", .erase, bar: false),
        key([.enter], "enter", "apply", "apply the shock to the true price", .apply),
        key([.escape], "esc", "cancel", "cancel", .close),
        key(
            [.char(" ")], "space", "pause", "pause or resume, to watch the preview against a still world", .togglePause),
        key([.char("?")], "?", "help", "every key", .help),
    ]

    public static let walkthrough: [KeyBinding] = [
        key([.left, .char("h")], "←/h", "back", "previous step", .stepBack),
        key([.right, .char("l"), .enter], "→/l/enter", "next", "next step", .stepForward),
        key([.char("x")], "x", "execute", "liquidate as yourself (asks to confirm)", .execute),
        key([.char(" ")], "space", "pause", "pause or resume, to watch your transaction land", .togglePause),
        key([.escape, .char("q")], "esc", "close", "close the walkthrough (also q)", .close),
        key([.char("?")], "?", "help", "every key", .help),
    ]

    public static let confirm: [KeyBinding] = [
        key([.char("y"), .enter], "y", "confirm", "send the liquidation", .confirm),
        key([], "any other key", "cancel", "cancel", .close),
    ]

    public static let risk: [KeyBinding] = [
        key([.up, .char("k")], "↑↓", "path", "select one of the worst paths", .up),
        key([.down, .char("j")], "↓", "next path", "next path", .down, bar: false, inHelp: false),
        key(
            [.enter], "enter", "watch", "watch the selected path on the dashboard, from the run's start", .open),
        key([.char("r")], "r", "run again", "run again from the present moment", .rerun),
        key(
            [.char("e")], "e", "vs proposals",
            "run again, then the same paths with the open governance proposals executed now: VaR before and after",
            .compareProposals),
        key([.char("s")], "s", "stop", "stop the run (what has finished stays)", .stopRun),
        key(
            [.char("l")], "l", "live", "back to the live world after watching a path (also on the dashboard)",
            .backToLive),
        key([.escape, .char("q")], "esc", "close", "close the view; a run goes on in the background (also q)", .close),
        key([.char("?")], "?", "help", "every key", .help),
    ]

    public static let filter: [KeyBinding] = [
        key([], "text", "type", "type part of an account id", .type),
        key([.backspace], "backspace", "erase", "erase the last character", .erase),
        key([.enter], "enter", "keep", "keep the filter and leave it", .apply),
        key([.escape], "esc", "clear", "clear the filter and leave it", .close),
    ]

    public static func bindings(for mode: Mode) -> [KeyBinding] {
        switch mode {
        case .main: main
        case .help: help
        case .shock: shock
        case .proposal: proposal
        case .walkthrough: walkthrough
        case .confirm: confirm
        case .filter: filter
        case .risk: risk
        case .replay: replay
        case .goTo: goTo
        }
    }

    /// The action of `key` in `mode` with `focus`; nil when the key has none there.
    public static func action(for key: Key, mode: Mode, focus: Panel) -> Action? {
        bindings(for: mode).first { $0.keys.contains(key) && ($0.panel == nil || $0.panel == focus) }?.action
    }

    /// The hint bar of `mode`: its bindings marked for the bar, in the focused panel.
    public static func hintBar(for mode: Mode, focus: Panel) -> [KeyBinding] {
        bindings(for: mode).filter { $0.inHintBar && ($0.panel == nil || $0.panel == focus) }
    }
}
