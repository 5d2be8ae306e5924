/// A way to write a ``ReportData`` out: Markdown, HTML, JSON, CSV, xAPI statements…
///
/// A new format is one file with a type conforming to this protocol and one line in
/// ``ReportRegistry/standard``.
public protocol ReportFormat: Sendable {
    /// The name the learner types: `md`, `html`, `json`, `csv`, `xapi`.
    var id: String { get }
    /// The file extension, without the dot.
    var fileExtension: String { get }
    /// One line for help texts.
    var summary: String { get }
    /// The whole document.
    func render(_ data: ReportData) throws -> String
}
