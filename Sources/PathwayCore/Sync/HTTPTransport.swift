import Foundation

/// One HTTP request to a Learning Record Store.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// Header fields; `Authorization` is never shown in messages.
    public var headers: [String: String]
    public var body: Data?
    /// Seconds for the whole exchange.
    public var timeout: TimeInterval

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// What the server answered.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// Why no answer came back.
public enum TransportError: Error, Equatable, CustomStringConvertible {
    /// Connection refused, host not found, connection dropped.
    case unreachable(String)
    case timedOut(TimeInterval)
    /// No HTTP client could be loaded on this machine.
    case unavailable(String)

    public var description: String {
        switch self {
        case let .unreachable(reason): return "cannot reach the LRS: \(reason)"
        case let .timedOut(seconds): return "the LRS did not answer within \(ReportText.decimal(seconds)) s"
        case let .unavailable(reason): return reason
        }
    }
}

/// Sends HTTP requests. The real one is ``CurlTransport``; tests use a fake.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws -> HTTPResponse
}
