// swift-tools-version: 6.2
import PackageDescription

/// libFuzzer targets for formcheck's parsers, in a package of their own so that the main build
/// never sees the sanitizer flags. Built and run by `make fuzz` (see ../README.md "Reliability"):
///   swift build --package-path Fuzz -Xswiftc -sanitize=fuzzer,address
/// One executable, `formcheck-fuzz`; FORMCHECK_FUZZ_TARGET names the parser it feeds.
let package = Package(
    name: "formcheck-fuzz",
    dependencies: [.package(name: "formcheck", path: "..")],
    targets: [
        .executableTarget(
            name: "formcheck-fuzz",
            dependencies: [
                .product(name: "FormcheckInput", package: "formcheck"),
                .product(name: "FormcheckFeedback", package: "formcheck"),
                .product(name: "ThighSimulator", package: "formcheck"),
            ],
            swiftSettings: [.treatAllWarnings(as: .error)]
        ),
    ]
)
