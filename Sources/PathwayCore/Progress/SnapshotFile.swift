import Foundation

/// Reads and writes the JSON snapshot of a learner's progress: sorted keys, ISO 8601 dates.
enum SnapshotFile {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = ISO8601Text.encoding
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = ISO8601Text.decoding
        return decoder
    }()

    /// `progress` as reading it back after a save gives it: dates in whole seconds. A statement's
    /// id is made from its timestamp, so statements built from the progress in memory (with
    /// fractions of a second) would not match the ones built from the saved file.
    static func asSaved(_ progress: LearnerProgress) -> LearnerProgress {
        guard let data = try? encoder.encode(progress), let saved = try? decoder.decode(LearnerProgress.self, from: data) else {
            return progress
        }
        return saved
    }

    /// The progress in `url`, nil when there is no file.
    static func read(_ url: URL) throws -> LearnerProgress? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ProgressError.unreadable(url.path, reason: error.localizedDescription)
        }
        let version: Int
        do {
            version = try JSONDecoder().decode(SchemaProbe.self, from: data).schemaVersion
        } catch {
            throw ProgressError.corrupt(url.path, reason: describe(error))
        }
        guard version <= LearnerProgress.currentSchemaVersion else {
            throw ProgressError.newerSchema(url.path, found: version, supported: LearnerProgress.currentSchemaVersion)
        }
        do {
            // Older schemas decode with defaults for what they lack; the result is current.
            var progress = try decoder.decode(LearnerProgress.self, from: data)
            progress.schemaVersion = LearnerProgress.currentSchemaVersion
            return progress
        } catch {
            throw ProgressError.corrupt(url.path, reason: describe(error))
        }
    }

    static func encode(_ progress: LearnerProgress) throws -> Data {
        try encoder.encode(progress) + Data("\n".utf8)
    }

    private struct SchemaProbe: Decodable { var schemaVersion: Int }

    static func describe(_ error: any Error) -> String {
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
