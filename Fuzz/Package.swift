// swift-tools-version: 6.0
// libFuzzer harnesses for Realise's importers: a separate package, so that `-sanitize=fuzzer,address` (which
// must not reach a normal build) is given on its own command line, and the root package stays untouched.
// Build and run with `Fuzz/run.sh` (see README.md, "Fuzzing"); never part of `swift build` / `swift test`.
import PackageDescription

/// One harness per entry point: the target name is the binary's name and the corpus folder's.
let harnesses = [
    "fuzz-realise-xml", "fuzz-mspdi", "fuzz-iati", "fuzz-gmpp", "fuzz-results-csv", "fuzz-results-group",
    "fuzz-register-csv", "fuzz-csv", "fuzz-sniff", "fuzz-mapping", "fuzz-options",
]

let package = Package(
    name: "RealiseFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Realise", path: "..")],
    targets: [
        // The declaration of libFuzzer's driver, which the harnesses' entry points call.
        .target(name: "CLibFuzzer"),
        // Writes an input to a per-process temporary file and calls an importer on it.
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CLibFuzzer",
                .product(name: "RealiseImport", package: "Realise"),
                .product(name: "RealiseModel", package: "Realise"),
                // Plans are validated as an import validates them: through an in-memory workspace.
                .product(name: "RealiseStore", package: "Realise"),
            ]
        ),
    ] + harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "RealiseImport", package: "Realise"),
                .product(name: "RealiseModel", package: "Realise"),
            ]
        )
    },
    swiftLanguageModes: [.v6]
)
