import Foundation

/// The learner's record as a JSON array of xAPI 1.0.3 statements, for a Learning Record
/// Store: `attempted` when a lesson was opened, `answered` for every answer, `completed` for
/// every finished lesson and `passed` or `failed` for every finished module.
///
/// Statement ids are name-based UUIDs of the statement's actor, verb, object, time (to the
/// millisecond) and response, with the answer's repeat number when the same answer was given
/// twice within one millisecond: exporting again gives the same ids (an LRS ignores what it
/// already has), and two recorded events never share one, across learners too.
public struct XAPIReportFormat: ReportFormat {
    public let id = "xapi"
    public let fileExtension = "json"
    public let summary = "xAPI 1.0.3 statements (JSON array) for a Learning Record Store"
    public var configuration: XAPIConfiguration

    public init(configuration: XAPIConfiguration = XAPIConfiguration()) {
        self.configuration = configuration
    }

    public func render(_ data: ReportData) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let statements = XAPIStatementBuilder(configuration: configuration, data: data).statements()
        return String(decoding: try encoder.encode(statements), as: UTF8.self) + "\n"
    }
}
