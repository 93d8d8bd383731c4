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
/// The test targets whose own code is not hot (their CPU goes to the formcheck binary they run, to
/// parsing, a database, or is small) are left unoptimised in that build, still whole-module (with
/// -num-threads, which gives the per-file outputs that indexing — test discovery — needs). Measured
/// on a shared machine, each module's compile and its tests' run, CPU seconds, -O → -Onone:
/// FormcheckCLITests 102 → 43 and 64 → 66, FormcheckFormatsTests 46 → 23 and 8 → 21, History 31 → 20
/// and 6 → 6, Devices 20 → 12 and 1 → 1, Report 20 → 9 and 6 → 10, MotionCoreTests 27 → 14 (with a
/// slow expression typed) and 0.5 → 0.7, Evaluation 7 → 5 and 0.1 → 0.1: about 125 s less to build for
/// 17 s more to run. The others stay optimised: with every test target unoptimised the unit tests
/// ran 343 s instead of 134 (FormcheckFeedbackTests alone runs 136 s on a shared machine).
let coldTests: [SwiftSetting] = [.treatAllWarnings(as: .error)] + (optimisedTests ? [.unsafeFlags(["-Onone", "-wmo", "-num-threads", "2"])] : [])

let package = Package(
    name: "formcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "formcheck", targets: ["formcheck"]),
        .executable(name: "formcheck-bench", targets: ["FormcheckBench"]),
        .library(name: "MotionCore", targets: ["MotionCore"]),
        .library(name: "FormcheckFormats", targets: ["FormcheckFormats"]),
        .library(name: "FormcheckDevices", targets: ["FormcheckDevices"]),
        .library(name: "FormcheckFeedback", targets: ["FormcheckFeedback"]),
        .library(name: "ThighSimulator", targets: ["ThighSimulator"]),
        .library(name: "FormcheckEvaluation", targets: ["FormcheckEvaluation"]),
        .library(name: "FormcheckHistory", targets: ["FormcheckHistory"]),
        .library(name: "FormcheckReport", targets: ["FormcheckReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // libevdev, through pkg-config. Only FormcheckDevices imports it.
        .systemLibrary(
            name: "CLibevdev",
            pkgConfig: "libevdev",
            providers: [.apt(["libevdev-dev"])]
        ),
        // Pure Swift: no Foundation, no C. Samples, vectors, quaternions, orientation.
        .target(name: "MotionCore", swiftSettings: strict),
        // File formats: input events and codes, evemu read/write, CSV, frames → samples, the sample
        // clock, recordings read from a byte source.
        .target(
            name: "FormcheckFormats",
            dependencies: ["MotionCore"],
            swiftSettings: strict
        ),
        // Live devices and files: libevdev, sysfs discovery, the live source, poll, and the file
        // I/O of recordings and session files (the byte source Formats' readers read), every
        // system call through swift-system where it has one.
        .target(
            name: "FormcheckDevices",
            dependencies: ["CLibevdev", "FormcheckFormats", "MotionCore", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strict
        ),
        // A physics-based thigh-IMU simulator: scenarios rendered to evemu recordings with ground truth.
        .target(name: "ThighSimulator", dependencies: ["MotionCore", "FormcheckFormats"], swiftSettings: strict),
        // Exercise protocols, detectors, cues and sinks.
        .target(
            name: "FormcheckFeedback",
            dependencies: ["MotionCore", "FormcheckFormats", "FormcheckDevices"],
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
        // Scoring formcheck against recordings with a ground truth: BROAD trials (eval-broad, the
        // benchmark) and real data (eval-real).
        .target(
            name: "FormcheckEvaluation",
            dependencies: ["FormcheckFormats", "FormcheckDevices", "MotionCore"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "formcheck",
            dependencies: [
                "FormcheckFormats", "FormcheckDevices", "MotionCore", "FormcheckFeedback", "ThighSimulator", "FormcheckEvaluation",
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
            dependencies: ["FormcheckFormats", "FormcheckDevices", "FormcheckEvaluation", "MotionCore", "ThighSimulator", "FormcheckFeedback", "FormcheckHistory", "FormcheckReport"],
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
            dependencies: ["FormcheckReport", "FormcheckHistory", "FormcheckFeedback", "FormcheckFormats", "MotionCore", "ThighSimulator", "CZlib"],
            swiftSettings: coldTests
        ),
        // Evemu and CSV parsing, frames → samples, the sample clock, malformed input.
        .testTarget(
            name: "FormcheckFormatsTests",
            dependencies: ["FormcheckFormats", "FormcheckDevices", "MotionCore"],
            swiftSettings: coldTests
        ),
        // Discovery, recording and session files, and our evemu files against libevemu's.
        .testTarget(
            name: "FormcheckDevicesTests",
            dependencies: ["FormcheckDevices", "FormcheckFormats", "MotionCore", "CLibevdev", "CLibevemu"],
            swiftSettings: coldTests
        ),
        .testTarget(name: "MotionCoreTests", dependencies: ["MotionCore"], swiftSettings: coldTests),
        // The orientation filter against real data (BROAD excerpts) and the simulator's truth.
        .testTarget(
            name: "OrientationTests",
            dependencies: ["MotionCore", "FormcheckFormats", "FormcheckEvaluation", "ThighSimulator"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormcheckFeedbackTests",
            dependencies: ["FormcheckFeedback", "MotionCore", "ThighSimulator", "FormcheckFormats", "FormcheckDevices"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HipAngleTests",
            dependencies: ["MotionCore", "ThighSimulator", "FormcheckFormats", "FormcheckDevices"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ThighSimulatorTests",
            dependencies: ["ThighSimulator", "FormcheckFormats", "MotionCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormcheckEvaluationTests",
            dependencies: ["FormcheckEvaluation", "FormcheckFormats", "MotionCore"],
            swiftSettings: coldTests
        ),
        // The history's store, migrations and failure cases, and its aggregations.
        .testTarget(
            name: "FormcheckHistoryTests",
            dependencies: ["FormcheckHistory", "FormcheckFeedback", "MotionCore", "FormcheckFormats", "ThighSimulator",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: coldTests
        ),
        .testTarget(
            name: "FormcheckCLITests",
            dependencies: ["formcheck", "FormcheckFormats", "FormcheckDevices", "MotionCore", "FormcheckEvaluation", "FormcheckHistory", "FormcheckFeedback",
                           "ThighSimulator", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: coldTests
        ),
    ]
)
