import Foundation

/// What a profile's syncs to one LRS achieved, in `profiles/NAME/sync/`:
///
/// - `acknowledged-<endpoint>.txt`: one statement id per line, appended and flushed to disk only
///   after the LRS said it holds those statements. A line cut short by a crash is ignored, so
///   its statement is sent again (the LRS recognises the id and stores nothing twice).
/// - `status.json`: the last attempt, the last success and the last error (written atomically).
///
/// The outbox is not a file: it is every statement the progress yields minus the acknowledged
/// ids, so recording an answer writes nothing more than it did before.
public struct SyncLedger: Sendable {
    public let directory: URL
    public let endpoint: String

    public init(profileDirectory: URL, endpoint: String) {
        directory = profileDirectory.appending(path: "sync")
        self.endpoint = endpoint
    }

    var acknowledgedFile: URL {
        let key = NameBasedUUID.make(namespace: NameBasedUUID.urlNamespace, name: endpoint).uuidString.lowercased().prefix(8)
        return directory.appending(path: "acknowledged-\(key).txt")
    }
    var statusFile: URL { directory.appending(path: "status.json") }

    /// The ids the LRS acknowledged.
    public func acknowledged() -> Set<String> {
        guard let data = try? Data(contentsOf: acknowledgedFile) else { return [] }
        var ids = Set<String>()
        for line in data.split(separator: UInt8(ascii: "\n")) where line.count == 36 {
            ids.insert(String(decoding: line, as: UTF8.self))
        }
        return ids
    }

    /// Records `ids` as held by the LRS: appended and flushed before this returns.
    public func acknowledge<S: Sequence>(_ ids: S) throws where S.Element == String {
        let text = ids.map { $0 + "\n" }.joined()
        guard !text.isEmpty else { return }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let descriptor = open(acknowledgedFile.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw SyncError.unexpected("cannot write \(acknowledgedFile.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw SyncError.unexpected("cannot write \(acknowledgedFile.path): \(String(cString: strerror(errno)))") }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw SyncError.unexpected("cannot flush \(acknowledgedFile.path)") }
    }

    /// The last sync's outcome.
    public struct Status: Codable, Sendable, Equatable {
        public var endpoint: String
        public var lastAttempt: Date?
        public var lastSuccess: Date?
        public var lastError: String?

        public init(endpoint: String) { self.endpoint = endpoint }
    }

    public func status() -> Status {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let data = try? Data(contentsOf: statusFile), let status = try? decoder.decode(Status.self, from: data),
              status.endpoint == endpoint else { return Status(endpoint: endpoint) }
        return status
    }

    public func save(_ status: Status) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFile.write(try encoder.encode(status) + Data("\n".utf8), to: statusFile)
    }
}
