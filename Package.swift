// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Plaint",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // C
    .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
    // Compresses the stored narratives (Debian's libzstd-dev ships a .pc file, but the module map
    // links it by name like CLibCSV).
    .systemLibrary(name: "CZstd", providers: [.apt(["libzstd-dev"])]),

    // Libraries
    .target(name: "PlaintCore"),
    .target(name: "PlaintIngest", dependencies: ["PlaintCore", "CLibCSV"]),
    .target(
      name: "PlaintStore",
      dependencies: [
        "PlaintCore", "CZstd", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(name: "PlaintReport", dependencies: ["PlaintCore"]),
    .target(name: "PlaintSimulation", dependencies: ["PlaintCore"]),
    .target(
      name: "PlaintEngine",
      dependencies: [
        "PlaintCore", "PlaintIngest", "PlaintStore", "PlaintReport",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
      ]),

    // Executables
    .executableTarget(
      name: "plaint",
      dependencies: [
        "PlaintEngine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    .executableTarget(name: "plaint-bench", dependencies: ["CLibCSV"]),
    .executableTarget(
      name: "plaint-datagen",
      dependencies: [
        "PlaintCore", "PlaintSimulation",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Tests
    // Helpers shared by the test targets (seeded generator, reference-case loader); not a product.
    .target(name: "PlaintTestSupport", path: "Tests/PlaintTestSupport"),
    .testTarget(name: "PlaintCoreTests", dependencies: ["PlaintCore", "PlaintTestSupport"]),
    .testTarget(
      name: "PlaintIngestTests", dependencies: ["PlaintIngest", "PlaintTestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "PlaintStoreTests", dependencies: ["PlaintStore", "PlaintTestSupport"]),
    .testTarget(name: "PlaintReportTests", dependencies: ["PlaintReport", "PlaintTestSupport"]),
    .testTarget(name: "PlaintSimulationTests", dependencies: ["PlaintSimulation"]),
    .testTarget(name: "PlaintEngineTests", dependencies: ["PlaintEngine", "PlaintTestSupport"]),
    // Depends on the `plaint` executable so `swift test` builds the binary these tests run
    // (`PLAINT_BIN` still overrides which binary they use).
    .testTarget(
      name: "PlaintCLITests", dependencies: ["PlaintCore", "PlaintTestSupport", "plaint"]),
  ],
  swiftLanguageModes: [.v6]
)
