import PathwayCore

/// What a report command writes, and so which registry its formats come from.
public protocol ReportKind {
    /// The formats this kind of report can be written in; the first is the default.
    static var registry: ReportRegistry { get }
    /// The command word and the noun in messages: `report`, `portfolio`.
    static var noun: String { get }
}

/// The learner's progress report (`report`).
public enum ProgressReportKind: ReportKind {
    public static var registry: ReportRegistry { .standard }
    public static var noun: String { "report" }
}

/// The portfolio of the pieces the learner wrote (`portfolio`).
public enum PortfolioReportKind: ReportKind {
    public static var registry: ReportRegistry { .portfolio }
    public static var noun: String { "portfolio" }
}
