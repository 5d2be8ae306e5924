import Foundation

/// The cohort report as JSON (sorted keys, ISO 8601 dates), versioned by `cohortSchemaVersion`.
public struct CohortJSONFormat: CohortFormat {
    public let id = "json"
    public let fileExtension = "json"

    public init() {}

    public func render(_ report: CohortReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
