// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Realise",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "realise", targets: ["realise"]),
        .library(name: "RealiseModel", targets: ["RealiseModel"]),
        .library(name: "RealiseStore", targets: ["RealiseStore"]),
        .library(name: "RealiseImport", targets: ["RealiseImport"]),
        .library(name: "RealiseGaps", targets: ["RealiseGaps"]),
        .library(name: "RealiseReviews", targets: ["RealiseReviews"]),
        .library(name: "RealiseReports", targets: ["RealiseReports"]),
        .library(name: "RealiseWorkbench", targets: ["RealiseWorkbench"]),
        .library(name: "RealiseWeb", targets: ["RealiseWeb"]),
        .library(name: "RealiseServer", targets: ["RealiseServer"]),
        .plugin(name: "ValidatePlans", targets: ["ValidatePlans"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already needed by postgres-nio; named for the pieces the PostgreSQL backend uses directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web workspace (`realise serve`): the HTTP server, and the parser of uploaded plan files.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Password hashing (bcrypt) for workspace accounts.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // The only place C (libxml2) is seen: module.modulemap + shim.h.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Entities, ids, links, dates and values. No I/O.
        .target(name: "RealiseModel"),
        // The workspace: SQLite through GRDB, or PostgreSQL through postgres-nio; migrations, records, queries.
        .target(
            name: "RealiseStore",
            dependencies: [
                "RealiseModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                // SQLite's C API, for reading the bulk of a workspace straight from SQLite's row buffers.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Importer protocol, sniffing, one folder per format.
        .target(
            name: "RealiseImport",
            dependencies: [
                "RealiseModel", "CLibXML2",
                // Review schedules in a Realise plan have their cadence checked as `review schedule` checks it.
                "RealiseReviews",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Workbooks (.xlsx) are ZIP archives: read part by part, streamed.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("RealiseXML/realise-plan-1.xsd")]
        ),
        // Gap rules and coverage over a workspace snapshot.
        .target(name: "RealiseGaps", dependencies: ["RealiseModel"]),
        // Review cadences (RRULE), due and overdue arithmetic. No I/O.
        .target(name: "RealiseReviews", dependencies: ["RealiseModel"]),
        // Renderers: one protocol per output family, one type per format.
        .target(
            name: "RealiseReports",
            dependencies: [
                "RealiseModel", "RealiseGaps", "RealiseReviews",
                // The .xlsx writer streams its own parts into a ZIP archive.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The use-cases (report as of a day, record a review, import files, show an entity …) that the command line
        // and any other front end call, so that each does exactly the same thing.
        .target(
            name: "RealiseWorkbench",
            dependencies: [
                "RealiseModel", "RealiseStore", "RealiseImport", "RealiseGaps", "RealiseReviews", "RealiseReports",
                // Accounts: passwords hashed with bcrypt, tokens stored as their SHA-256 and drawn at random.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The web workspace's pages: pure renderers, values in, HTML out (the server is elsewhere).
        .target(
            name: "RealiseWeb",
            dependencies: ["RealiseModel", "RealiseGaps", "RealiseReviews", "RealiseReports", "RealiseWorkbench", "RealiseStore"]
        ),
        // The web workspace: routes, sessions and the JSON API over the use-cases; parses, authorises and renders.
        .target(
            name: "RealiseServer",
            dependencies: [
                "RealiseWeb", "RealiseWorkbench", "RealiseModel", "RealiseStore", "RealiseGaps", "RealiseReviews", "RealiseReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command line: argument parsing and printing only.
        .executableTarget(
            name: "realise",
            dependencies: [
                "RealiseServer", "RealiseWorkbench", "RealiseModel", "RealiseStore", "RealiseImport", "RealiseGaps", "RealiseReviews", "RealiseReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .plugin(
            name: "ValidatePlans",
            capability: .command(
                intent: .custom(verb: "validate-plans", description: "Validate every plan under imports/ with realise"),
                permissions: []
            ),
            dependencies: ["realise"]
        ),
        // What several test targets share: requirements on the machine (strict mode), seeded randomness, golden
        // folders. A plain target (test targets cannot share sources), used only by the test targets.
        .target(
            name: "RealiseTestSupport",
            // Workbooks zipped from hand-written parts (WorkbookFixture).
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/RealiseTestSupport"
        ),
        .testTarget(name: "RealiseModelTests", dependencies: ["RealiseModel"]),
        .testTarget(
            name: "RealiseImportTests",
            // RealiseStore: plans read in a test are validated as an import validates them, through a workspace.
            dependencies: ["RealiseImport", "RealiseModel", "RealiseStore", "RealiseTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RealiseStoreTests", dependencies: ["RealiseStore", "RealiseImport", "RealiseModel", "RealiseTestSupport"]),
        .testTarget(name: "RealiseGapsTests", dependencies: ["RealiseGaps", "RealiseModel", "RealiseTestSupport"]),
        .testTarget(name: "RealiseReviewsTests", dependencies: ["RealiseReviews", "RealiseModel"]),
        .testTarget(
            name: "RealiseReportsTests",
            dependencies: ["RealiseReports", "RealiseGaps", "RealiseModel", "RealiseTestSupport"],
            // Golden files are read from the source tree, so a deleted or edited one is seen at once.
            exclude: ["Golden"]
        ),
        .testTarget(name: "RealiseWorkbenchTests", dependencies: ["RealiseWorkbench", "RealiseStore", "RealiseGaps", "RealiseModel", "RealiseTestSupport"]),
        .testTarget(
            name: "RealiseWebTests",
            dependencies: ["RealiseWeb", "RealiseWorkbench", "RealiseStore", "RealiseReports", "RealiseGaps", "RealiseModel", "RealiseTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RealiseServerTests",
            dependencies: [
                "RealiseServer", "RealiseWorkbench", "RealiseModel", "RealiseTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // Built for the tests that run `realise serve` as a process (signals, Schemathesis, the browser).
                "realise",
            ],
            // The served plan and the Python scripts that drive the browser are read from the source tree.
            exclude: ["Fixtures", "Browser"]
        ),
        .testTarget(name: "RealiseCLITests", dependencies: ["realise", "RealiseTestSupport"], exclude: ["Golden", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
