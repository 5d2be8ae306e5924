import PathwayCore

/// What the words after `report` or `portfolio` ask for: a format and where to write it.
public struct ReportRequest {
    /// The format named, or implied by the file's extension, else the registry's first.
    public var format: any ReportFormat
    /// The file to write; nil shows the report.
    public var file: String?
    /// Whether the words named neither a format nor a file (the REPL's `report` then shows a
    /// one-screen summary).
    public var namesNothing: Bool
}
