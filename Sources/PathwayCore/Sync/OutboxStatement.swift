import Foundation

/// One statement waiting for the LRS: its id, its JSON and a few words saying what it records.
public struct OutboxStatement: Sendable, Equatable {
    public var id: String
    public var json: Data
    /// For messages: `answered sample/intro-q1 at 2026-01-05T09:00:00.000Z`.
    public var summary: String

    public init(id: String, json: Data, summary: String) {
        self.id = id
        self.json = json
        self.summary = summary
    }

    /// Every statement a learner's progress yields, oldest first (see ``XAPIReportFormat``).
    public static func all(library: PackLibrary, progress: LearnerProgress, configuration: XAPIConfiguration) -> [OutboxStatement] {
        let data = ReportData(library: library, progress: progress, now: progress.updatedAt, timeZone: TimeZone(identifier: "UTC") ?? .current)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return XAPIStatementBuilder(configuration: configuration, data: data).statements().compactMap { statement in
            guard let id = statement["id"]?.stringValue, let json = try? encoder.encode(statement) else { return nil }
            let verb = statement["verb"]?["id"]?.stringValue?.split(separator: "/").last.map(String.init) ?? "?"
            let object = statement["object"]?["id"]?.stringValue ?? "?"
            let shortObject = object.hasPrefix(configuration.baseIRI + "packs/") ? String(object.dropFirst(configuration.baseIRI.count + 6)) : object
            return OutboxStatement(id: id, json: json, summary: "\(verb) \(shortObject) at \(statement["timestamp"]?.stringValue ?? "?")")
        }
    }
}
