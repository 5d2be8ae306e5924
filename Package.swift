// swift-tools-version: 6.2
import PackageDescription

/// Settings for every target this package owns: Swift 6 mode comes from the tools version;
/// warnings are errors so that none accumulate.
let strict: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Pathway",
    products: [
        .executable(name: "pathway", targets: ["pathway"]),
        .library(name: "PathwayCore", targets: ["PathwayCore"]),
        .plugin(name: "ValidateCurricula", targets: ["ValidateCurricula"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // GNU readline; no pkgConfig (its Cflags trip SwiftPM's prohibited-flag check).
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // glibc's thread placement calls, which Swift's Glibc module leaves undeclared.
        .systemLibrary(name: "CThreadPlacement"),
        .target(
            name: "PathwayCore",
            dependencies: [
                "CThreadPlacement",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PathwayShell",
            dependencies: ["PathwayCore", "CReadline", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "pathway",
            dependencies: [
                "PathwayCore", "PathwayShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Fuzzing harness: scripts/fuzz.sh builds it with -sanitize=fuzzer; built normally it
        // replays inputs.
        .executableTarget(
            name: "pathway-fuzz",
            dependencies: ["PathwayCore"],
            swiftSettings: strict
        ),
        // Test doubles (scripted input, captured output, an in-memory store that can fail),
        // kept out of the shipped modules.
        .target(
            name: "PathwayTestSupport",
            dependencies: ["PathwayCore", "PathwayShell"],
            swiftSettings: strict
        ),
        // Speed goals, measured by scripts/bench.sh.
        .executableTarget(
            name: "pathway-bench",
            dependencies: ["PathwayCore"],
            swiftSettings: strict
        ),
        .plugin(
            name: "ValidateCurricula",
            capability: .command(intent: .custom(
                verb: "validate-curricula",
                description: "Validate the curriculum packs in curricula/ (or --path DIR)"
            ))
        ),
        .testTarget(
            name: "PathwayCoreTests",
            dependencies: ["PathwayCore", "PathwayTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PathwayShellTests",
            dependencies: ["PathwayShell", "PathwayCore", "PathwayTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PathwayEndToEndTests",
            dependencies: ["pathway"],
            swiftSettings: strict
        ),
    ]
)
