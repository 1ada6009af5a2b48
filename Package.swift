// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "liqtop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "liqtop", targets: ["liqtop"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
    ],
    targets: [
        // Pure and deterministic: money math, lending, scenarios. No I/O, no clock, no curses.
        .target(
            name: "LiqCore",
            dependencies: [
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Seeded worlds for the benchmarks and brute-force answers for the tests; the product does not use it.
        .target(
            name: "LiqBench",
            dependencies: ["LiqCore"]
        ),
        // Pure rendering: Snapshot + view state -> ScreenBuffer. No curses.
        .target(
            name: "LiqUI",
            dependencies: ["LiqCore"]
        ),
        // ncursesw (Debian's libncurses-dev), with a shim for what Swift cannot import. Linked through the
        // module map: pkg-config would add -D_XOPEN_SOURCE, which SwiftPM refuses with a warning (the shim
        // defines what the wide-character API needs).
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses"
        ),
        // Async-signal-safe terminal restore and signal flags, which Swift cannot promise.
        .target(name: "CTerminalGuard"),
        // The only curses code: the screen, keys, signals and the Dispatch loop.
        .target(
            name: "LiqTerminal",
            dependencies: ["LiqCore", "LiqUI", "CNCurses", "CTerminalGuard"]
        ),
        .executableTarget(
            name: "liqtop",
            dependencies: [
                "LiqCore",
                "LiqUI",
                "LiqTerminal",
                "LiqBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LiqCoreTests",
            dependencies: [
                "LiqCore",
                "LiqBench",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "LiqUITests",
            dependencies: ["LiqUI", "LiqCore", .product(name: "SnapshotTesting", package: "swift-snapshot-testing")],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "LiqTerminalTests",
            dependencies: ["LiqTerminal", "LiqCore", "LiqUI"]
        ),
        .testTarget(
            name: "liqtopTests",
            dependencies: ["liqtop"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
