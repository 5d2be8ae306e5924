import Foundation

/// The report as JSON: the ``ReportData`` value with sorted keys and ISO 8601 dates, in the
/// shape `docs/report-schema.json` documents (versioned by `reportSchemaVersion`).
public struct JSONReportFormat: ReportFormat {
    public let id = "json"
    public let fileExtension = "json"
    public let summary = "JSON for other programs (schema: docs/report-schema.json)"

    public init() {}

    public func render(_ data: ReportData) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(data), as: UTF8.self) + "\n"
    }
}
