import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress saved as one human-readable JSON file: sorted keys, ISO 8601 dates.
///
/// Each save writes a temporary file beside the target, flushes it to disk, renames it over
/// the old file and flushes the directory, so a crash or a full disk leaves the previous
/// file whole.
public final class JSONProgressStore: ProgressStore {
    public let file: URL

    public init(file: URL) { self.file = file }

    public var location: String { file.path }

    public func load() throws -> LearnerProgress? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ProgressError.unreadable(file.path, reason: error.localizedDescription)
        }
        let version: Int
        do {
            version = try JSONDecoder().decode(SchemaProbe.self, from: data).schemaVersion
        } catch {
            throw ProgressError.corrupt(file.path, reason: Self.describe(error))
        }
        guard version <= LearnerProgress.currentSchemaVersion else {
            throw ProgressError.newerSchema(file.path, found: version, supported: LearnerProgress.currentSchemaVersion)
        }
        do {
            return try Self.decoder.decode(LearnerProgress.self, from: data)
        } catch {
            throw ProgressError.corrupt(file.path, reason: Self.describe(error))
        }
    }

    public func save(_ progress: LearnerProgress) throws {
        let data = try Self.encoder.encode(progress)
        try AtomicFile.write(data + Data("\n".utf8), to: file)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    private struct SchemaProbe: Decodable { var schemaVersion: Int }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return "missing '\(key.stringValue)' at \(SourceLocator.describe(context.codingPath))"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return "unexpected value at \(SourceLocator.describe(context.codingPath))"
        case let DecodingError.dataCorrupted(context):
            return "not valid JSON (\(context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription))"
        default:
            return "\(error)"
        }
    }
}

/// Why progress could not be read.
public enum ProgressError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, reason: String)
    case corrupt(String, reason: String)
    case newerSchema(String, found: Int, supported: Int)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read progress file \(path): \(reason)"
        case let .corrupt(path, reason):
            return "progress file \(path) is damaged: \(reason)"
        case let .newerSchema(path, found, supported):
            return "progress file \(path) was written by a newer Pathway (schema \(found); this one reads up to \(supported)). Update Pathway; the file was left untouched."
        }
    }
}
