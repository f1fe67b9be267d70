// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "jieyou",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jieyou", targets: ["jieyou"]),
        .executable(name: "jieyou-bench", targets: ["JieyouBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // Pure domain: rules, calendar, permissions, audit chain. Foundation, swift-crypto (for SHA-256) and
        // swift-collections' heap (for grouping 共性问题) only.
        .target(
            name: "JieyouDomain",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // Office formats (xlsx/docx/SVG writers and the xlsx reader) of domain values. No Vapor.
        .target(
            name: "JieyouOffice",
            dependencies: ["JieyouDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        // The Vapor application: persistence, routes, views, auth, jobs, commands.
        .target(
            name: "JieyouApp",
            dependencies: [
                "JieyouDomain",
                "JieyouOffice",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Backups are zip archives.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // The SMTP client of e-mailed notices.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            // The OpenAPI document's files, compiled in: the binary needs no resource bundle beside it.
            resources: [
                "base", "paths-session", "paths-organisation", "paths-registry", "paths-problems", "paths-policies",
                "paths-plans", "paths-attachments", "paths-credit", "paths-common",
            ].map { .embedInCode("Controllers/API/OpenAPI/openapi-\($0).json") },
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "jieyou", dependencies: ["JieyouApp"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "JieyouBench",
            dependencies: [
                "JieyouApp", "JieyouDomain", "JieyouOffice",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Benchmarks/JieyouBench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JieyouDomainTests", dependencies: ["JieyouDomain"],
            // Read by the tests through #filePath, not bundled.
            exclude: [
                "ProblemWorkflowTable.txt", "CommonProblems/LabelledProblems.txt", "CommonProblems/HeldOutProblems.txt",
            ], swiftSettings: swiftSettings),
        .testTarget(
            name: "JieyouOfficeTests", dependencies: ["JieyouOffice", "JieyouDomain"], swiftSettings: swiftSettings),
        .testTarget(
            name: "JieyouAppTests",
            dependencies: [
                "JieyouApp", "JieyouOffice", "JieyouDomain",
                .product(name: "VaporTesting", package: "vapor"),
                // The SMTP server the e-mail tests start.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            // The golden pages are read by the tests through #filePath, not bundled.
            exclude: [
                "Problems/Golden", "Enterprises/Golden", "Organisation/Golden", "FieldWork/Golden", "Policies/Golden",
                "Plans/Golden", "Reports/Golden", "SignIn/Golden", "Notifications/Golden", "Calendar/Golden",
                "Home/Golden",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

var swiftSettings: [SwiftSetting] {
    [.swiftLanguageMode(.v6)]
}
