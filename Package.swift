// swift-tools-version: 6.2
import Foundation
import PackageDescription

/// Every target of this package builds in the Swift 6 language mode with warnings as errors.
/// `make test` builds the tests with FORMCHECK_OPTIMISED_TESTS=1 (in .build-test): this package's
/// own modules — not its dependencies — optimised (-O, whole module; the driver then says it
/// ignores batch mode) in the debug configuration, so still testable; the unit tests then take 97 s
/// of CPU instead of 626 s (README "Layout"). The same code, the same results: only faster.
let optimisedTests = ProcessInfo.processInfo.environment["FORMCHECK_OPTIMISED_TESTS"] == "1"
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)] + (optimisedTests ? [.unsafeFlags(["-O", "-wmo", "-num-threads", "2"])] : [])

let package = Package(
    name: "formcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "formcheck", targets: ["formcheck"]),
        .executable(name: "formcheck-bench", targets: ["FormcheckBench"]),
        .library(name: "MotionCore", targets: ["MotionCore"]),
        .library(name: "FormcheckInput", targets: ["FormcheckInput"]),
        .library(name: "FormcheckFeedback", targets: ["FormcheckFeedback"]),
        .library(name: "ThighSimulator", targets: ["ThighSimulator"]),
        .library(name: "FormcheckEvaluation", targets: ["FormcheckEvaluation"]),
        .library(name: "FormcheckHistory", targets: ["FormcheckHistory"]),
        .library(name: "FormcheckReport", targets: ["FormcheckReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libevdev, through pkg-config. Only FormcheckInput imports it.
        .systemLibrary(
            name: "CLibevdev",
            pkgConfig: "libevdev",
            providers: [.apt(["libevdev-dev"])]
        ),
        // Pure Swift: no Foundation, no C. Samples, vectors, quaternions, orientation.
        .target(name: "MotionCore", swiftSettings: strict),
        // Live evdev devices, evemu recordings and CSV files, all turned into samples in SI units.
        .target(
            name: "FormcheckInput",
            dependencies: ["CLibevdev", "MotionCore"],
            swiftSettings: strict
        ),
        // A physics-based thigh-IMU simulator: scenarios rendered to evemu recordings with ground truth.
        .target(name: "ThighSimulator", dependencies: ["MotionCore", "FormcheckInput"], swiftSettings: strict),
        // Exercise protocols, detectors, cues and sinks.
        .target(
            name: "FormcheckFeedback",
            dependencies: ["MotionCore", "FormcheckInput"],
            // Protocols/*.json (and Routines/*.json) are compiled in by the plugin: no resources, no
            // Bundle (see Plugins/EmbedBuiltIns).
            swiftSettings: strict,
            plugins: ["EmbedBuiltIns"]
        ),
        // The history: sessions, exercises, pain and the user's profile in SQLite (GRDB), its
        // migrations, and the queries behind history, plan, report and export.
        .target(
            name: "FormcheckHistory",
            dependencies: ["MotionCore", "FormcheckFeedback", .product(name: "GRDB", package: "GRDB.swift")],
            // Plans/*.json (the progression rules) are compiled in by the plugin, like the protocols.
            swiftSettings: strict,
            plugins: ["EmbedBuiltIns"]
        ),
        // The report a physiotherapist opens: one self-contained HTML file (inline SVG and CSS) made
        // from the history's sessions. Pure: value types in, text out.
        .target(
            name: "FormcheckReport",
            dependencies: ["FormcheckHistory", "FormcheckFeedback", "MotionCore"],
            swiftSettings: strict
        ),
        // Scoring formcheck against recordings with a ground truth (real data: eval-real).
        .target(
            name: "FormcheckEvaluation",
            dependencies: ["FormcheckInput", "MotionCore"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "formcheck",
            dependencies: [
                "FormcheckInput", "MotionCore", "FormcheckFeedback", "ThighSimulator", "FormcheckEvaluation",
                "FormcheckHistory", "FormcheckReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            plugins: ["EmbedBuildInfo"]
        ),
        // Build time only: writes the Swift sources of the two plugins below (never installed).
        .executableTarget(name: "formcheck-embed", path: "Sources/FormcheckEmbed", swiftSettings: strict),
        // The built-in protocols (and routines) compiled into FormcheckFeedback at every build.
        .plugin(name: "EmbedBuiltIns", capability: .buildTool(), dependencies: ["formcheck-embed"]),
        // The git commit, for `formcheck --version`.
        .plugin(name: "EmbedBuildInfo", capability: .buildTool(), dependencies: ["formcheck-embed"]),
        // Benchmarks (make bench): the orientation filter's time per sample, replay throughput.
        .executableTarget(
            name: "FormcheckBench",
            dependencies: ["FormcheckInput", "MotionCore", "ThighSimulator", "FormcheckFeedback", "FormcheckHistory", "FormcheckReport"],
            swiftSettings: strict
        ),
        // Test only: the reference evemu implementation, to check our files byte for byte.
        .systemLibrary(
            name: "CLibevemu",
            path: "Tests/CLibevemu",
            pkgConfig: "evemu",
            providers: [.apt(["libevemu-dev"])]
        ),
        // Test only: the system zlib, to decode the PNG a real browser renders of the report.
        .systemLibrary(
            name: "CZlib",
            path: "Tests/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The report: its figures against the sessions' truth, and the file rendered by headless
        // Chromium (make test installs it).
        .testTarget(
            name: "FormcheckReportTests",
            dependencies: ["FormcheckReport", "FormcheckHistory", "FormcheckFeedback", "FormcheckInput", "MotionCore", "ThighSimulator", "CZlib"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormcheckInputTests",
            dependencies: ["FormcheckInput", "MotionCore", "CLibevemu"],
            swiftSettings: strict
        ),
        .testTarget(name: "MotionCoreTests", dependencies: ["MotionCore"], swiftSettings: strict),
        // The orientation filter against real data (BROAD excerpts) and the simulator's truth.
        .testTarget(
            name: "OrientationTests",
            dependencies: ["MotionCore", "FormcheckInput", "ThighSimulator"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormcheckFeedbackTests",
            dependencies: ["FormcheckFeedback", "MotionCore", "ThighSimulator", "FormcheckInput"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HipAngleTests",
            dependencies: ["MotionCore", "ThighSimulator", "FormcheckInput"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ThighSimulatorTests",
            dependencies: ["ThighSimulator", "FormcheckInput", "MotionCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormcheckEvaluationTests",
            dependencies: ["FormcheckEvaluation", "FormcheckInput", "MotionCore"],
            swiftSettings: strict
        ),
        // The history's store, migrations and failure cases, and its aggregations.
        .testTarget(
            name: "FormcheckHistoryTests",
            dependencies: ["FormcheckHistory", "FormcheckFeedback", "MotionCore", "FormcheckInput", "ThighSimulator",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormcheckCLITests",
            dependencies: ["formcheck", "FormcheckInput", "MotionCore", "FormcheckEvaluation", "FormcheckHistory", "FormcheckFeedback",
                           "ThighSimulator", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
    ]
)
