import Foundation
@testable import PathwayCore

/// Paths and helpers shared by the core tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")
    static let good = root.appending(path: "good")
    static let samplePack = good.appending(path: "sample")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let curricula = repository.appending(path: "curricula")

    static func sampleLibrary() -> PackLibrary {
        PackLibrary.load([PackSource(folder: good, origin: .option)])
    }
}

/// A folder under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appending(path: "pathway-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ text: String, to relative: String) throws {
        let file = url.appending(path: relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_800_000_000)
    var clock: Clock { Clock { [unowned self] in self.now } }
    func advance(_ seconds: TimeInterval) { now += seconds }
}
