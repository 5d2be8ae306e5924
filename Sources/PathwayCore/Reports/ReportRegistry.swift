/// The report formats Pathway knows, by id, in the order they were registered.
public struct ReportRegistry: Sendable {
    public private(set) var formats: [any ReportFormat] = []

    public init() {}

    /// Adds a format, replacing one with the same id (e.g. xAPI with another configuration).
    public mutating func register(_ format: any ReportFormat) {
        if let index = formats.firstIndex(where: { $0.id == format.id }) {
            formats[index] = format
        } else {
            formats.append(format)
        }
    }

    /// The format whose id is `id` (case is ignored).
    public func format(id: String) -> (any ReportFormat)? {
        formats.first { $0.id == id.lowercased() }
    }

    /// The ids, in registration order.
    public var ids: [String] { formats.map(\.id) }

    /// The learner's progress report formats. Register a new format here.
    public static let standard: ReportRegistry = {
        var registry = ReportRegistry()
        registry.register(MarkdownReportFormat())
        registry.register(HTMLReportFormat())
        registry.register(JSONReportFormat())
        registry.register(CSVReportFormat())
        registry.register(XAPIReportFormat())
        return registry
    }()

    /// The portfolio's formats: the learner's artifacts, ready to show an employer.
    public static let portfolio: ReportRegistry = {
        var registry = ReportRegistry()
        registry.register(PortfolioMarkdownFormat())
        registry.register(PortfolioHTMLFormat())
        return registry
    }()
}
