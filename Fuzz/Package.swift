// swift-tools-version: 6.2
import PackageDescription

/// libFuzzer targets for formcheck's parsers, in a package of their own so that the main build
/// never sees the sanitizer flags. Built and run by `make fuzz` (see ../README.md "Reliability"):
///   swift build --package-path Fuzz -Xswiftc -sanitize=address \
///     -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
/// (every module instrumented for AddressSanitizer and libFuzzer's coverage; libFuzzer itself
/// linked into this executable alone, below).
/// One executable, `formcheck-fuzz`; FORMCHECK_FUZZ_TARGET names the parser it feeds.
let package = Package(
    name: "formcheck-fuzz",
    dependencies: [.package(name: "formcheck", path: "..")],
    targets: [
        .executableTarget(
            name: "formcheck-fuzz",
            dependencies: [
                .product(name: "FormcheckFormats", package: "formcheck"),
                .product(name: "FormcheckFeedback", package: "formcheck"),
                .product(name: "ThighSimulator", package: "formcheck"),
            ],
            swiftSettings: [.treatAllWarnings(as: .error)],
            // libFuzzer (its main and runtime) linked into this executable alone: the main
            // package's build-tool plugin (formcheck-embed), built in the same graph, has a main of
            // its own. The modules are instrumented by the flags `make fuzz-build` passes.
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ),
    ]
)
