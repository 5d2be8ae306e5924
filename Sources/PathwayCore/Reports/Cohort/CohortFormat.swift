/// A way to write a ``CohortReport`` out. A new format is one file and one line in
/// ``CohortRegistry/standard``.
public protocol CohortFormat: Sendable {
    /// The name the instructor types: `html`, `csv`, `json`.
    var id: String { get }
    var fileExtension: String { get }
    func render(_ report: CohortReport) throws -> String
}
