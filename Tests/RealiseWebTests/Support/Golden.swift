@_exported import RealiseTestSupport

/// This target's golden files: the `Golden` folder beside its tests (see `GoldenFolder`).
let golden = GoldenFolder(besideSupportFile: #filePath)
