import Foundation

/// The source of "now" for everything that records time, so tests can fix or advance it.
public struct Clock: Sendable {
    private let read: @Sendable () -> Date

    /// A clock that reads the given closure.
    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    /// The current instant.
    public var now: Date { read() }

    /// The system's wall clock.
    public static let system = Clock { Date() }

    /// A clock that always answers `date`.
    public static func fixed(_ date: Date) -> Clock { Clock { date } }
}
