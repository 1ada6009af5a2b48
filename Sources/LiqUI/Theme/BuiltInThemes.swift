/// The themes compiled into the binary, so they work wherever it runs. themes/*.toml hold the same text.
public enum BuiltInThemes {
    public static let names = ["dark", "light", "high-contrast", "mono"]

    public static func text(_ name: String) -> String? {
        switch name {
        case "dark": dark
        case "light": light
        case "high-contrast": highContrast
        case "mono": mono
        default: nil
        }
    }

    public static func theme(_ name: String) -> Theme? {
        text(name).flatMap { try? ThemeLoader.load(text: $0, file: "builtin:\(name)") }
    }

    static let dark = """
        name = "dark"
        [colors]
        background = ""
        text = "#d0d0d0"
        dim = "#7a7a7a"
        title = "#ffffff"
        border = "#4e5a6e"
        accent = "#5fafff"
        selection = "#ffffff"
        selection_background = "#304a70"
        good = "#5fd75f"
        warn = "#ffd75f"
        alert = "#ff8700"
        critical = "#ff5f5f"
        header = "#87d7ff"
        """

    static let light = """
        name = "light"
        [colors]
        background = "#fafafa"
        text = "#303030"
        dim = "#8a8a8a"
        title = "#000000"
        border = "#a8a8a8"
        accent = "#005fd7"
        selection = "#000000"
        selection_background = "#c6dcff"
        good = "#008700"
        warn = "#af8700"
        alert = "#d75f00"
        critical = "#d70000"
        header = "#005f87"
        """

    static let highContrast = """
        name = "high-contrast"
        [colors]
        background = "#000000"
        text = "#ffffff"
        dim = "#c0c0c0"
        title = "#ffff00"
        border = "#ffffff"
        accent = "#00ffff"
        selection = "#000000"
        selection_background = "#ffff00"
        good = "#00ff00"
        warn = "#ffff00"
        alert = "#ff8000"
        critical = "#ff0000"
        header = "#00ffff"
        """

    static let mono = """
        name = "mono"
        [colors]
        background = ""
        text = "#c0c0c0"
        dim = "#c0c0c0"
        title = "#c0c0c0"
        border = "#c0c0c0"
        accent = "#c0c0c0"
        selection = "#c0c0c0"
        selection_background = "#c0c0c0"
        good = "#c0c0c0"
        warn = "#c0c0c0"
        alert = "#c0c0c0"
        critical = "#c0c0c0"
        header = "#c0c0c0"
        """
}
