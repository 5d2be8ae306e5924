/// The cohort report formats, by id.
public struct CohortRegistry: Sendable {
    public private(set) var formats: [any CohortFormat] = []

    public init() {}

    /// Adds a format, replacing one with the same id.
    public mutating func register(_ format: any CohortFormat) {
        if let index = formats.firstIndex(where: { $0.id == format.id }) {
            formats[index] = format
        } else {
            formats.append(format)
        }
    }

    public func format(id: String) -> (any CohortFormat)? { formats.first { $0.id == id.lowercased() } }

    public var ids: [String] { formats.map(\.id) }

    /// Every cohort format Pathway ships. Register a new format here.
    public static let standard: CohortRegistry = {
        var registry = CohortRegistry()
        registry.register(CohortHTMLFormat())
        registry.register(CohortCSVFormat())
        registry.register(CohortJSONFormat())
        return registry
    }()
}
